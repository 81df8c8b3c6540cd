import { useState } from 'react';
import { gemeentePad, type SessieGemeente } from '../../api.ts';
import { Formulier, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';

/** The answer of GET …/klantreizen (klantreizen.schemas.ts). */
interface Reis {
  email: string;
  samenvatting: { contacten: number; herhaalcontacten: number; zaken: number; eersteAntwoordMediaanUren: number | null };
  stappen: {
    op: string;
    soort: 'contact' | 'zaak-ontvangen' | 'status' | 'bericht' | 'reactie' | 'afgesloten';
    kanaal: string | null;
    tekst: string;
    contact: { id: string; onderwerp: string; uitkomst: string; herhaal: boolean } | null;
    zaak: { id: string; identificatie: string; zaaktype: string; onderwerp: string } | null;
  }[];
}

function ReisTijdlijn({ gemeente, email }: { gemeente: SessieGemeente; email: string }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<Reis>(`${gemeentePad(gemeente.code)}/klantreizen?email=${encodeURIComponent(email)}`);
  if (!data) return <Laadstatus fout={fout} />;
  const s = data.samenvatting;
  return (
    <>
      <h2 className="utrecht-heading-2">{t('klantreis.samenvatting', { email: data.email })}</h2>
      <Gegevenslijst
        regels={[
          [t('klantreis.contacten'), String(s.contacten)],
          [t('klantreis.herhaalcontacten'), String(s.herhaalcontacten)],
          [t('klantreis.zaken'), String(s.zaken)],
          [t('klantreis.eersteAntwoord'), s.eersteAntwoordMediaanUren === null ? t('klantreis.nietBekend') : t('klantreis.uren', { uren: s.eersteAntwoordMediaanUren })],
        ]}
      />
      <h2 className="utrecht-heading-2">{t('klantreis.tijdlijn')}</h2>
      {data.stappen.length === 0 ? (
        <p className="utrecht-paragraph">{t('klantreis.leeg')}</p>
      ) : (
        <ol className="utrecht-ordered-list">
          {data.stappen.map((stap, i) => (
            <li key={i} className="utrecht-ordered-list__item">
              <strong>{tijdstip(stap.op, taal)}</strong> – {t(`klantreis.soort.${stap.soort}`)}
              {stap.kanaal && ` (${stap.kanaal})`}: {stap.tekst}
              {stap.contact?.herhaal && <> – {t('klantreis.herhaal')}</>}
              {stap.zaak && (
                <>
                  {' '}
                  – <Link naar={`/${gemeente.code}/zaken/${stap.zaak.id}`}>{t('klantreis.zaak', { identificatie: stap.zaak.identificatie, zaaktype: stap.zaak.zaaktype })}</Link>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** One resident's journey (issue 10): search by e-mail address; every contact, zaak, message and reply on one time line. */
export function Klantreis({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t } = useTaal();
  const email = zoek.get('email') ?? '';
  const formulier = useFormulier({ email });
  const [zoekt, setZoekt] = useState(email);
  return (
    <Pagina titel={t('klantreis.titel')}>
      <p className="utrecht-paragraph">{t('klantreis.uitleg')}</p>
      <Formulier
        formulier={formulier}
        knop={t('klantreis.zoeken')}
        velden={{ email: 'klantreis-email' }}
        onVerstuur={async () => {
          const adres = formulier.waarden.email.trim();
          setZoekt(adres);
          navigeer(`/${gemeente.code}/kcc/klantreis?email=${encodeURIComponent(adres)}`, { vervang: true });
        }}
      >
        <Veld id="klantreis-email" type="email" label={t('klantreis.email')} autoComplete="off" required value={formulier.waarden.email} onChange={(e) => formulier.zet('email', e.target.value)} />
      </Formulier>
      {zoekt && <ReisTijdlijn key={zoekt} gemeente={gemeente} email={zoekt} />}
    </Pagina>
  );
}
