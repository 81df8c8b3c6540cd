import { api, gemeentePad, type MeldingDetail as Detail, type SessieGemeente } from '../../api.ts';
import { Formulier, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { Tekstvak, Keuzelijst, koppel } from '../../components/Velden.tsx';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { datum } from '../zaken/teksten.tsx';
import { useMeldingKeuzes } from './Meldingen.tsx';

/** Forward to a partner: the category's partner by default, or one chosen by hand. */
function Doorzetten({ gemeente, melding, onKlaar }: { gemeente: SessieGemeente; melding: Detail; onKlaar(nieuw: Detail, tekst: string): void }) {
  const { t } = useTaal();
  const { partners } = useMeldingKeuzes(gemeente);
  const formulier = useFormulier({ partner: '', toelichting: '' });
  async function verstuur() {
    const { partner, toelichting } = formulier.waarden;
    const { data } = await api.post<Detail>(`${gemeentePad(gemeente.code)}/meldingen/${melding.zaakId}/doorzendingen`, { body: { ...(partner ? { partner } : {}), toelichting } });
    onKlaar(data, t('melding.doorgezet', { partner: data.partner?.naam ?? '' }));
  }
  return (
    <Formulier formulier={formulier} onVerstuur={verstuur} knop={t('melding.doorzetten')} velden={{ partner: 'partner', toelichting: 'toelichting' }}>
      <Keuzelijst id="partner" label={t('melding.partnerKiezen')} {...koppel(formulier, 'partner')} opties={[{ waarde: '', label: t('melding.partnerVanCategorie') }, ...partners.map((p) => ({ waarde: p.id, label: p.naam }))]} />
      <Tekstvak id="toelichting" label={t('melding.toelichtingPartner')} {...koppel(formulier, 'toelichting')} />
    </Formulier>
  );
}

/** One melding for the team: where it stands, its answers, what partners did, forwarding; its zaak for statuses and closing. */
export function MeldingDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const { data, fout, zet } = useLaden<Detail>(`${gemeentePad(gemeente.code)}/meldingen/${id}`);
  const { meld, meldingVoor } = useSectieMelding();
  if (!data) return <Pagina titel={t('melding.titel')}><Laadstatus fout={fout} /></Pagina>;
  const m = data;
  const doorzetten = heeftRecht(gemeente.rollen, 'meldingenDoorzetten') && m.afgeslotenOp === null;
  return (
    <Pagina titel={t('melding.titelMet', { nummer: m.identificatie })} terug={{ naar: `/${gemeente.code}/meldingen`, tekst: t('melding.terug') }}>
      <Gegevenslijst
        regels={[
          [t('meldingen.categorie'), m.categorie.naam[taal] || m.categorie.naam.nl],
          [t('meldingen.statusLabel'), t(`meldingen.status.${m.status}`)],
          [t('melding.tekstMelder'), m.statusTekst[taal] || m.statusTekst.nl],
          [t('meldingen.plek'), m.adres || (m.lat !== null && m.lon !== null ? `${m.lat.toFixed(5)}, ${m.lon.toFixed(5)}` : '')],
          [t('meldingen.uiterlijk'), datum(m.uiterlijkeEinddatum, taal)],
          [t('meldingen.partner'), m.partner ? `${m.partner.naam}${m.partner.status ? ` (${t(`partner.status.${m.partner.status}`)})` : ''}` : t('geen')],
          ...Object.entries(m.antwoorden).map(([vraag, antwoord]): [string, string] => [vraag, antwoord]),
        ]}
      />
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/zaken/${m.zaakId}`}>{t('melding.naarZaak')}</Link>
      </p>
      <Sectie titel={t('melding.partners')} melding={meldingVoor('partners')}>
        {m.partnergeschiedenis.length === 0 ? (
          <p className="utrecht-paragraph">{t('melding.nogNietDoorgezet')}</p>
        ) : (
          <ol className="utrecht-ordered-list">
            {m.partnergeschiedenis.map((g) => (
              <li key={g.volgnummer} className="utrecht-ordered-list__item">
                {t(`melding.gebeurtenis.${g.soort}`, { partner: g.partnerNaam, status: g.status ? t(`partner.status.${g.status}`) : '' })} — {new Date(g.op).toLocaleString(taal)}
                {g.doorNaam ? `, ${g.doorNaam}` : ''}
                {g.toelichting ? `: ${g.toelichting}` : ''}
              </li>
            ))}
          </ol>
        )}
        {doorzetten && <Doorzetten gemeente={gemeente} melding={m} onKlaar={(nieuw, tekst) => { zet({ data: nieuw, etag: undefined }); meld('partners', tekst); }} />}
      </Sectie>
    </Pagina>
  );
}
