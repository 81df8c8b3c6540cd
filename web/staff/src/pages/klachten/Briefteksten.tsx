import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { api, gemeentePad, type KlachtInstelling, type SessieGemeente } from '../../api.ts';
import { Formulier, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Tekstvak, koppel } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';

/** The API's answer of `GET …/briefteksten` (ADR 0071). */
interface BriefTekst {
  groep: 'algemeen' | 'klachten' | 'bezwaar';
  taal: 'nl' | 'en';
  inleiding: string | null;
  contact: string | null;
  ondertekening: string | null;
  gewijzigdOp: string | null;
}

/** One group of letters in one language: intro, contact line, signature (empty: the default). */
function TekstFormulier({ gemeente, tekst, opgeslagen }: { gemeente: SessieGemeente; tekst: BriefTekst; opgeslagen(melding: string): void }) {
  const { t } = useTaal();
  const formulier = useFormulier({ inleiding: tekst.inleiding ?? '', contact: tekst.contact ?? '', ondertekening: tekst.ondertekening ?? '' });
  const id = (veld: string) => `brieftekst-${tekst.groep}-${tekst.taal}-${veld}`;
  const sectie = t('briefteksten.sectie', { groep: t(`briefteksten.groep.${tekst.groep}`), taal: t(`taal.${tekst.taal}`) });
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={async () => {
        await api.put(`${gemeentePad(gemeente.code)}/briefteksten/${tekst.groep}/${tekst.taal}`, { body: formulier.waarden });
        opgeslagen(t('briefteksten.opgeslagen', { sectie }));
      }}
      knop={t('briefteksten.opslaan')}
      velden={{ inleiding: id('inleiding'), contact: id('contact'), ondertekening: id('ondertekening') }}
    >
      <Tekstvak id={id('inleiding')} label={t('briefteksten.inleiding')} uitleg={t('briefteksten.inleidingUitleg')} lang={tekst.taal} rows={2} {...koppel(formulier, 'inleiding')} />
      <Veld id={id('contact')} label={t('briefteksten.contact')} uitleg={t('briefteksten.contactUitleg')} lang={tekst.taal} {...koppel(formulier, 'contact')} />
      <Veld id={id('ondertekening')} label={t('briefteksten.ondertekening')} uitleg={t('briefteksten.ondertekeningUitleg')} lang={tekst.taal} {...koppel(formulier, 'ondertekening')} />
    </Formulier>
  );
}

/** The ombudsman the klacht decision letter names (9:12) and the informal-contact norm: the klachten settings. */
function Ombudsman({ gemeente, instelling, opgeslagen }: { gemeente: SessieGemeente; instelling: KlachtInstelling; opgeslagen(melding: string): void }) {
  const { t } = useTaal();
  const formulier = useFormulier({ naam: instelling.ombudsman.naam, website: instelling.ombudsman.website, informeelWerkdagen: String(instelling.informeelWerkdagen) });
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={async () => {
        const w = formulier.waarden;
        const dagen = /^\d+$/.test(w.informeelWerkdagen.trim()) ? Number(w.informeelWerkdagen.trim()) : w.informeelWerkdagen;
        await api.put(`${gemeentePad(gemeente.code)}/klacht-instelling`, { body: { informeelWerkdagen: dagen, ombudsman: { naam: w.naam, website: w.website } } });
        opgeslagen(t('briefteksten.ombudsmanOpgeslagen'));
      }}
      knop={t('briefteksten.opslaan')}
      velden={{ naam: 'ombudsman-naam', website: 'ombudsman-website', informeelWerkdagen: 'ombudsman-werkdagen' }}
    >
      <Veld id="ombudsman-naam" label={t('briefteksten.ombudsmanNaam')} required {...koppel(formulier, 'naam')} />
      <Veld id="ombudsman-website" type="url" label={t('briefteksten.ombudsmanWebsite')} required {...koppel(formulier, 'website')} />
      <Veld id="ombudsman-werkdagen" inputMode="numeric" label={t('briefteksten.werkdagen')} required {...koppel(formulier, 'informeelWerkdagen')} />
    </Formulier>
  );
}

function OmbudsmanSectie({ gemeente, meld, meldingVoor }: { gemeente: SessieGemeente } & ReturnType<typeof useSectieMelding>) {
  const { t } = useTaal();
  const { data, fout } = useLaden<KlachtInstelling>(`${gemeentePad(gemeente.code)}/klacht-instelling`);
  return (
    <Sectie titel={t('briefteksten.ombudsmanTitel')} melding={meldingVoor('ombudsman')}>
      <p className="utrecht-paragraph">{t('briefteksten.ombudsmanUitleg')}</p>
      {data ? <Ombudsman gemeente={gemeente} instelling={data} opgeslagen={(m) => meld('ombudsman', m)} /> : <Laadstatus fout={fout} />}
    </Sectie>
  );
}

/**
 * The gemeente's own wording of its letters (ADR 0071), per group of letters and language, and
 * for the klacht letters the ombudsman they name. Defaults when a field is left empty.
 */
export function Briefteksten({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const { data, fout } = useLaden<{ items: BriefTekst[] }>(`${gemeentePad(gemeente.code)}/briefteksten`);
  const melding = useSectieMelding();
  return (
    <Pagina titel={t('briefteksten.titel')}>
      <p className="utrecht-paragraph">{t('briefteksten.uitleg')}</p>
      {data ? (
        data.items.map((tekst) => {
          const naam = `${tekst.groep}-${tekst.taal}`;
          return (
            <Sectie key={naam} titel={t('briefteksten.sectie', { groep: t(`briefteksten.groep.${tekst.groep}`), taal: t(`taal.${tekst.taal}`) })} melding={melding.meldingVoor(naam)}>
              <TekstFormulier gemeente={gemeente} tekst={tekst} opgeslagen={(m) => melding.meld(naam, m)} />
            </Sectie>
          );
        })
      ) : (
        <Laadstatus fout={fout} />
      )}
      {heeftRecht(gemeente.rollen, 'klachtenInstellen') && <OmbudsmanSectie gemeente={gemeente} {...melding} />}
    </Pagina>
  );
}
