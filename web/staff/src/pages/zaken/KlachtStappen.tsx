import { useEffect, useState } from 'react';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { ApiError, api, gemeentePad, type Klacht, type SessieGemeente, type Team, type Zaak } from '../../api.ts';
import { Knop, Veld, Vinkje, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst, Tekstvak, koppel } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { tijdstip } from '../../tijd.ts';
import { StapFormulier as ProcedureStapFormulier, type StuurStap } from './ProcedureStap.tsx';
import { datum } from './teksten.tsx';

export type { StuurStap };

/**
 * The klacht procedure (Awb titel 9.1, ADR 0060) on the zaak page: the steps as forms in the
 * zaak's action panel, and the klacht's terms (with their explanation), hearing and history.
 * Every step is `POST …/klachten/{id}/stappen` with If-Match (the zaak's version): the same
 * published API anyone uses.
 */
export type KlachtActieSoort =
  | 'klacht-contact'
  | 'klacht-informeel'
  | 'klacht-niet-behandelen'
  | 'klacht-hoorzitting'
  | 'klacht-hoorverslag'
  | 'klacht-horen-overslaan'
  | 'klacht-verdaging'
  | 'klacht-uitstel'
  | 'klacht-besluit';


const NIET_BEHANDELEN_GRONDEN = ['eerder-behandeld', 'ouder-dan-een-jaar', 'bezwaar-of-beroep', 'rechter', 'strafzaak', 'te-klein-belang'] as const;
const UITKOMSTEN = ['gegrond', 'deels-gegrond', 'ongegrond'] as const;
const WIJZEN = ['schriftelijk', 'mondeling', 'e-mail'] as const;
/** Awb 9:11 lid 2: at most four weeks of verdaging in total. */
const MAX_VERDAGING = 4;

/** The klacht of a zaak of zaaktype `klacht`, loaded again for each version of the zaak. */
export function useKlacht(gemeente: SessieGemeente, zaak: Zaak): Klacht | undefined {
  const actief = zaak.zaaktype.code === 'klacht' && heeftRecht(gemeente.rollen, 'klachtenBehandelen');
  const [klacht, setKlacht] = useState<Klacht>();
  const versie = zaak.versie;
  useEffect(() => {
    if (!actief) return;
    const afbreken = new AbortController();
    api.get<Klacht>(`${gemeentePad(gemeente.code)}/klachten/${encodeURIComponent(zaak.id)}`, { signal: afbreken.signal }).then(
      // The klacht answers with the zaak's version: keep what belongs to the zaak shown (or newer).
      ({ data }) => setKlacht(data.versie >= versie ? data : undefined),
      (fout: unknown) => {
        // A zaak of type klacht registered without the procedure (e.g. before it existed): no klacht panel.
        if (fout instanceof ApiError) setKlacht(undefined);
      },
    );
    return () => afbreken.abort();
  }, [actief, gemeente.code, zaak.id, versie]);
  return actief && klacht?.zaakId === zaak.id ? klacht : undefined;
}

/** A klacht step's form: the shared step form, with the text for a klacht that is handled already (409). */
function StapFormulier<W extends Record<string, unknown>>(props: Omit<Parameters<typeof ProcedureStapFormulier<W>>[0], 'meldingen'>) {
  const { t } = useTaal();
  return <ProcedureStapFormulier {...props} meldingen={{ 409: t('klacht.afgehandeld') }} />;
}

interface StapProps {
  klacht: Klacht;
  stuur: StuurStap;
  herlaad(): void;
}

const getal = (tekst: string): number | string => (/^\d+$/.test(tekst.trim()) ? Number(tekst.trim()) : tekst);

/** The conversation of the informal route (9:5): when and what was said. */
function Contact({ klacht, stuur, herlaad, vandaag }: StapProps & { vandaag: string }) {
  const { t, taal } = useTaal();
  const formulier = useFormulier({ datum: vandaag, verslag: '' });
  return (
    <>
      <p className="utrecht-paragraph">{t('klacht.contactUitleg', { datum: datum(klacht.informeelContactUiterlijk, taal), werkdagen: klacht.termijnen.informeelWerkdagen })}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'contact', ...w })}
        melding={t('klacht.contactVastgelegd')}
        knop={t('klacht.contactKnop')}
        velden={{ datum: 'contact-datum', verslag: 'contact-verslag' }}
      >
        <Veld id="contact-datum" type="date" label={t('klacht.gesprekDatum')} required {...koppel(formulier, 'datum')} />
        <Tekstvak id="contact-verslag" label={t('klacht.gesprekVerslag')} uitleg={t('klacht.gesprekVerslagUitleg')} required {...koppel(formulier, 'verslag')} />
      </StapFormulier>
    </>
  );
}

/** Closed as informally resolved (9:5): only with the complainant's consent recorded. */
function Informeel({ stuur, herlaad, klacht, vandaag }: StapProps & { vandaag: string }) {
  const { t } = useTaal();
  const formulier = useFormulier({ bevindingen: '', instemmingDatum: klacht.eersteContact ?? vandaag, wijze: 'mondeling' });
  return (
    <>
      <p className="utrecht-paragraph">{t('klacht.informeelUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'besluit', uitkomst: 'informeel-opgelost', bevindingen: w.bevindingen, instemming: { datum: w.instemmingDatum, wijze: w.wijze } })}
        melding={t('klacht.informeelVastgelegd')}
        knop={t('klacht.informeelKnop')}
        velden={{ bevindingen: 'informeel-bevindingen', instemming: 'informeel-datum', 'instemming.datum': 'informeel-datum', 'instemming.wijze': 'informeel-wijze', uitkomst: 'informeel-bevindingen' }}
      >
        <Tekstvak id="informeel-bevindingen" label={t('klacht.informeelAfspraak')} uitleg={t('klacht.inBrief')} required {...koppel(formulier, 'bevindingen')} />
        <Veld id="informeel-datum" type="date" label={t('klacht.instemmingDatum')} required {...koppel(formulier, 'instemmingDatum')} fout={formulier.fout?.veldPad('instemming.datum') ?? formulier.fout?.veldPad('instemming')} />
        <Keuzelijst id="informeel-wijze" label={t('klacht.instemmingWijze')} {...koppel(formulier, 'wijze')} fout={formulier.fout?.veldPad('instemming.wijze')} opties={WIJZEN.map((w) => ({ waarde: w, label: t(`klacht.wijze.${w}`) }))} />
      </StapFormulier>
    </>
  );
}

/** Not handled (9:8): the ground and the explanation; the letter goes to the complainant. */
function NietBehandelen({ klacht, stuur, herlaad }: StapProps) {
  const { t, taal } = useTaal();
  const formulier = useFormulier({ grond: 'ouder-dan-een-jaar', toelichting: '' });
  return (
    <>
      <p className="utrecht-paragraph">{t('klacht.nietBehandelenUitleg', { datum: datum(klacht.nietBehandelenUiterlijk, taal) })}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'niet-behandelen', ...w })}
        melding={t('klacht.nietBehandeld')}
        knop={t('klacht.nietBehandelenKnop')}
        velden={{ grond: 'niet-behandelen-grond', toelichting: 'niet-behandelen-toelichting' }}
      >
        <Keuzelijst id="niet-behandelen-grond" label={t('klacht.grond')} {...koppel(formulier, 'grond')} opties={NIET_BEHANDELEN_GRONDEN.map((g) => ({ waarde: g, label: t(`klacht.grondNiet.${g}`) }))} />
        <Tekstvak id="niet-behandelen-toelichting" label={t('klacht.toelichting')} uitleg={t('klacht.inBrief')} required {...koppel(formulier, 'toelichting')} />
      </StapFormulier>
    </>
  );
}

/** A local date and time from a datetime-local field as an ISO instant (the browser's time zone); the server says when it is not valid. */
const tijdstipIso = (waarde: string): string => {
  const d = new Date(waarde);
  return Number.isNaN(d.getTime()) ? waarde : d.toISOString();
};

/** Plan the hearing (9:10): when, where, who is invited. */
function Hoorzitting({ klacht, stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const genodigden = [klacht.klager?.naam, klacht.beklaagde].filter((n): n is string => Boolean(n));
  const formulier = useFormulier({ op: '', locatie: '', genodigden: genodigden.join('\n') });
  return (
    <>
      <p className="utrecht-paragraph">{t('klacht.hoorzittingUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'hoorzitting', op: tijdstipIso(w.op), locatie: w.locatie, genodigden: w.genodigden.split('\n').map((r) => r.trim()).filter(Boolean) })}
        melding={t('klacht.hoorzittingGepland')}
        knop={t('klacht.hoorzittingKnop')}
        velden={{ op: 'hoorzitting-op', locatie: 'hoorzitting-locatie', genodigden: 'hoorzitting-genodigden', soort: 'hoorzitting-op' }}
      >
        <Veld id="hoorzitting-op" type="datetime-local" label={t('klacht.hoorzittingOp')} required {...koppel(formulier, 'op')} />
        <Veld id="hoorzitting-locatie" label={t('klacht.locatie')} required {...koppel(formulier, 'locatie')} />
        <Tekstvak id="hoorzitting-genodigden" label={t('klacht.genodigden')} uitleg={t('klacht.genodigdenUitleg')} required {...koppel(formulier, 'genodigden')} />
      </StapFormulier>
    </>
  );
}

/** The report of the hearing (9:10 lid 3). */
function Hoorverslag({ klacht, stuur, herlaad }: StapProps) {
  const { t, taal } = useTaal();
  const formulier = useFormulier({ verslag: '' });
  return (
    <>
      {klacht.hoorzittingOp && <p className="utrecht-paragraph">{t('klacht.hoorzittingWas', { op: tijdstip(klacht.hoorzittingOp, taal) })}</p>}
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'hoorverslag', ...w })}
        melding={t('klacht.hoorverslagVastgelegd')}
        knop={t('klacht.hoorverslagKnop')}
        velden={{ verslag: 'hoorverslag-verslag', soort: 'hoorverslag-verslag' }}
      >
        <Tekstvak id="hoorverslag-verslag" label={t('klacht.hoorverslag')} required {...koppel(formulier, 'verslag')} />
      </StapFormulier>
    </>
  );
}

/** No hearing, with the recorded ground (9:10 lid 2). */
function HorenOverslaan({ stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ grond: 'klager-ziet-af', toelichting: '' });
  return (
    <StapFormulier
      formulier={formulier}
      stuur={stuur}
      herlaad={herlaad}
      body={(w) => ({ soort: 'horen-overslaan', ...w })}
      melding={t('klacht.horenOvergeslagen')}
      knop={t('klacht.horenOverslaanKnop')}
      velden={{ grond: 'horen-grond', toelichting: 'horen-toelichting', soort: 'horen-grond' }}
    >
      <Keuzelijst id="horen-grond" label={t('klacht.grond')} uitleg={t('klacht.horenGrondUitleg')} {...koppel(formulier, 'grond')} opties={(['klager-ziet-af', 'kennelijk-ongegrond'] as const).map((g) => ({ waarde: g, label: t(`klacht.horenGrond.${g}`) }))} />
      <Tekstvak id="horen-toelichting" label={t('klacht.toelichting')} required {...koppel(formulier, 'toelichting')} />
    </StapFormulier>
  );
}

/** Verdaging (9:11 lid 2): at most four weeks in total, a letter to the complainant and the person complained about. */
function Verdaging({ klacht, stuur, herlaad }: StapProps) {
  const { t, taal } = useTaal();
  const over = MAX_VERDAGING - klacht.verdagingWeken;
  const formulier = useFormulier({ weken: String(Math.max(1, over)), reden: '' });
  return (
    <>
      <p className="utrecht-paragraph" id="verdaging-uitleg">
        {t('klacht.verdagingUitleg', { einde: datum(klacht.afhandeltermijnEinde, taal), al: klacht.verdagingWeken, over: Math.max(0, over) })}
        {klacht.beklaagde ? ` ${t('klacht.verdagingBeklaagde', { naam: klacht.beklaagde })}` : ''}
      </p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'verdaging', weken: getal(w.weken), reden: w.reden })}
        melding={t('klacht.verdaagd')}
        knop={t('klacht.verdagingKnop')}
        velden={{ weken: 'verdaging-weken', reden: 'verdaging-reden' }}
      >
        <Veld id="verdaging-weken" label={t('klacht.weken')} inputMode="numeric" autoComplete="off" uitleg={t('klacht.wekenMax', { over: Math.max(0, over) })} required {...koppel(formulier, 'weken')} />
        <Tekstvak id="verdaging-reden" label={t('klacht.reden')} uitleg={t('klacht.inBrief')} required {...koppel(formulier, 'reden')} />
      </StapFormulier>
    </>
  );
}

/** Further delay, only with the complainant's written consent (9:11 lid 2). */
function Uitstel({ stuur, herlaad, vandaag }: StapProps & { vandaag: string }) {
  const { t } = useTaal();
  const formulier = useFormulier({ weken: '', reden: '', instemmingDatum: vandaag, schriftelijk: false });
  return (
    <>
      <p className="utrecht-paragraph">{t('klacht.uitstelUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        // Without the box ticked the API says why (only with written consent); the form sends what was given.
        body={(w) => ({ soort: 'uitstel', weken: getal(w.weken), reden: w.reden, instemming: { datum: w.instemmingDatum, schriftelijk: w.schriftelijk } })}
        melding={t('klacht.uitgesteld')}
        knop={t('klacht.uitstelKnop')}
        velden={{ weken: 'uitstel-weken', reden: 'uitstel-reden', 'instemming.datum': 'uitstel-datum', 'instemming.schriftelijk': 'uitstel-schriftelijk', instemming: 'uitstel-schriftelijk' }}
      >
        <Veld id="uitstel-weken" label={t('klacht.weken')} inputMode="numeric" autoComplete="off" required {...koppel(formulier, 'weken')} />
        <Tekstvak id="uitstel-reden" label={t('klacht.reden')} required {...koppel(formulier, 'reden')} />
        <Veld id="uitstel-datum" type="date" label={t('klacht.instemmingDatum')} required {...koppel(formulier, 'instemmingDatum')} fout={formulier.fout?.veldPad('instemming.datum')} />
        <Vinkje id="uitstel-schriftelijk" label={t('klacht.schriftelijk')} checked={formulier.waarden.schriftelijk} onChange={(e) => formulier.zet('schriftelijk', e.target.checked)} fout={formulier.fout?.veldPad('instemming.schriftelijk')} />
      </StapFormulier>
    </>
  );
}

interface MaatregelRegel {
  omschrijving: string;
  team: string;
  uiterlijk: string;
}

/** The decision (9:12): outcome, findings, what the gemeente will do, and verbetermaatregelen with owner team and due date. */
function Besluit({ klacht, stuur, herlaad, teams }: StapProps & { teams: Team[] }) {
  const { t } = useTaal();
  const formulier = useFormulier({ uitkomst: '', bevindingen: '', maatregelen: '' });
  const [regels, setRegels] = useState<MaatregelRegel[]>([]);
  const zetRegel = (i: number, deel: Partial<MaatregelRegel>) => setRegels((vorige) => vorige.map((r, j) => (j === i ? { ...r, ...deel } : r)));
  const velden: Record<string, string> = { uitkomst: 'besluit-uitkomst', bevindingen: 'besluit-bevindingen', maatregelen: 'besluit-maatregelen', verbetermaatregelen: 'besluit-uitkomst' };
  regels.forEach((_, i) => {
    velden[`verbetermaatregelen.${i}.omschrijving`] = `maatregel-${i}-omschrijving`;
    velden[`verbetermaatregelen.${i}.team`] = `maatregel-${i}-team`;
    velden[`verbetermaatregelen.${i}.uiterlijk`] = `maatregel-${i}-uiterlijk`;
  });
  const nietGehoord = klacht.horen !== 'gehoord' && klacht.horen !== 'overgeslagen';
  return (
    <>
      <p className="utrecht-paragraph">{t('klacht.besluitUitleg')}</p>
      {nietGehoord && <p className="utrecht-paragraph">{t('klacht.besluitNietGehoord')}</p>}
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({
          soort: 'besluit',
          uitkomst: w.uitkomst,
          bevindingen: w.bevindingen,
          ...(w.maatregelen.trim() ? { maatregelen: w.maatregelen } : {}),
          ...(regels.length > 0 ? { verbetermaatregelen: regels } : {}),
        })}
        melding={t('klacht.besloten')}
        knop={t('klacht.besluitKnop')}
        velden={velden}
      >
        <Keuzelijst
          id="besluit-uitkomst"
          label={t('klacht.uitkomst')}
          required
          {...koppel(formulier, 'uitkomst')}
          opties={[{ waarde: '', label: t('klacht.kiesUitkomst') }, ...UITKOMSTEN.map((u) => ({ waarde: u, label: t(`klacht.uitkomsten.${u}`) }))]}
        />
        <Tekstvak id="besluit-bevindingen" label={t('klacht.bevindingen')} uitleg={t('klacht.inBrief')} required {...koppel(formulier, 'bevindingen')} />
        <Tekstvak id="besluit-maatregelen" label={t('klacht.maatregelenTekst')} uitleg={t('klacht.maatregelenTekstUitleg')} {...koppel(formulier, 'maatregelen')} />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('klacht.verbetermaatregelen')}</legend>
          <p className="utrecht-paragraph">{t('klacht.verbetermaatregelenUitleg')}</p>
          {regels.map((r, i) => (
            <fieldset key={i} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('klacht.maatregelNummer', { n: i + 1 })}</legend>
              <Tekstvak id={`maatregel-${i}-omschrijving`} label={t('klacht.maatregelOmschrijving')} required value={r.omschrijving} onChange={(e) => zetRegel(i, { omschrijving: e.target.value })} fout={formulier.fout?.veldPad(`verbetermaatregelen.${i}.omschrijving`)} />
              <Keuzelijst
                id={`maatregel-${i}-team`}
                label={t('klacht.eigenaar')}
                required
                value={r.team}
                onChange={(e) => zetRegel(i, { team: e.target.value })}
                fout={formulier.fout?.veldPad(`verbetermaatregelen.${i}.team`)}
                opties={[{ waarde: '', label: t('klacht.kiesTeam') }, ...teams.map((team) => ({ waarde: team.id, label: team.naam }))]}
              />
              <Veld id={`maatregel-${i}-uiterlijk`} type="date" label={t('klacht.uiterlijk')} required value={r.uiterlijk} onChange={(e) => zetRegel(i, { uiterlijk: e.target.value })} fout={formulier.fout?.veldPad(`verbetermaatregelen.${i}.uiterlijk`)} />
              <Knop soort="subtle" onClick={() => setRegels((vorige) => vorige.filter((_, j) => j !== i))}>
                {t('klacht.maatregelWeg', { n: i + 1 })}
              </Knop>
            </fieldset>
          ))}
          <Knop soort="secondary-action" onClick={() => setRegels((vorige) => [...vorige, { omschrijving: '', team: klacht.teamId, uiterlijk: '' }])}>
            {t('klacht.maatregelErbij')}
          </Knop>
        </fieldset>
      </StapFormulier>
    </>
  );
}

/** The steps that can be taken now, as actions of the zaak's panel (one form at a time): which and their titles. */
export function klachtActies(klacht: Klacht | undefined, t: (sleutel: string) => string): { soort: KlachtActieSoort; titel: string }[] {
  if (!klacht || klacht.uitkomst !== null) return [];
  const soorten: KlachtActieSoort[] = ['klacht-contact', 'klacht-informeel', 'klacht-niet-behandelen'];
  if (klacht.horen === null || klacht.horen === 'gepland') soorten.push('klacht-hoorzitting');
  if (klacht.horen === 'gepland') soorten.push('klacht-hoorverslag');
  if (klacht.horen !== 'gehoord' && klacht.horen !== 'overgeslagen') soorten.push('klacht-horen-overslaan');
  if (klacht.verdagingWeken < MAX_VERDAGING) soorten.push('klacht-verdaging');
  soorten.push('klacht-uitstel', 'klacht-besluit');
  const titel: Record<KlachtActieSoort, string> = {
    'klacht-contact': t('klacht.actie.contact'),
    'klacht-informeel': t('klacht.actie.informeel'),
    'klacht-niet-behandelen': t('klacht.actie.nietBehandelen'),
    'klacht-hoorzitting': klacht.horen === 'gepland' ? t('klacht.actie.hoorzittingOpnieuw') : t('klacht.actie.hoorzitting'),
    'klacht-hoorverslag': t('klacht.actie.hoorverslag'),
    'klacht-horen-overslaan': t('klacht.actie.horenOverslaan'),
    'klacht-verdaging': t('klacht.actie.verdaging'),
    'klacht-uitstel': t('klacht.actie.uitstel'),
    'klacht-besluit': t('klacht.actie.besluit'),
  };
  return soorten.map((soort) => ({ soort, titel: titel[soort] }));
}

/** The form of one step. */
export function KlachtStap({ soort, klacht, stuur, herlaad, teams, vandaag }: StapProps & { soort: KlachtActieSoort; teams: Team[] | undefined; vandaag: string }) {
  const p = { klacht, stuur, herlaad };
  switch (soort) {
    case 'klacht-contact':
      return <Contact {...p} vandaag={vandaag} />;
    case 'klacht-informeel':
      return <Informeel {...p} vandaag={vandaag} />;
    case 'klacht-niet-behandelen':
      return <NietBehandelen {...p} />;
    case 'klacht-hoorzitting':
      return <Hoorzitting {...p} />;
    case 'klacht-hoorverslag':
      return <Hoorverslag {...p} />;
    case 'klacht-horen-overslaan':
      return <HorenOverslaan {...p} />;
    case 'klacht-verdaging':
      return <Verdaging {...p} />;
    case 'klacht-uitstel':
      return <Uitstel {...p} vandaag={vandaag} />;
    case 'klacht-besluit':
      return <Besluit {...p} teams={teams ?? []} />;
  }
}

/** The next step of the procedure, for the "next step" line at the top of the zaak page. */
export function volgendeKlachtStap(klacht: Klacht | undefined): KlachtActieSoort | null {
  if (!klacht || klacht.uitkomst !== null) return null;
  if (klacht.eersteContact === null) return 'klacht-contact';
  if (klacht.horen === null) return 'klacht-hoorzitting';
  if (klacht.horen === 'gepland') return 'klacht-hoorverslag';
  return 'klacht-besluit';
}

/** The klacht's state: outcome, hearing, each term with its article and the days skipped, the steps taken, the measures. */
export function KlachtOverzicht({ klacht }: { klacht: Klacht }) {
  const { t, taal } = useTaal();
  const stappen = klacht.stappen.toReversed().map((s) => ({ ...s, id: s.volgnummer }));
  return (
    <Sectie titel={t('klacht.titel')}>
      <Gegevenslijst
        regels={[
          [t('klacht.categorie'), t(`klacht.categorieen.${klacht.categorie}`)],
          [t('klacht.overTeam'), klacht.teamNaam],
          [t('klacht.beklaagde'), klacht.beklaagde ?? t('geen')],
          [t('klacht.uitkomst'), klacht.uitkomst ? t(`klacht.uitkomsten.${klacht.uitkomst}`) : t('klacht.loopt')],
          [t('klacht.afhandelenUiterlijk'), datum(klacht.afhandeltermijnEinde, taal)],
          [t('klacht.eersteContact'), klacht.eersteContact ? datum(klacht.eersteContact, taal) : t('klacht.geenContact', { datum: datum(klacht.informeelContactUiterlijk, taal) })],
          [t('klacht.horen'), klacht.horen ? t(`klacht.horenStand.${klacht.horen}`, { op: klacht.hoorzittingOp ? tijdstip(klacht.hoorzittingOp, taal) : '' }) : t('klacht.horenNog')],
          [t('klacht.verdaagdUitgesteld'), t('klacht.weekTelling', { verdaging: klacht.verdagingWeken, uitstel: klacht.uitstelWeken })],
        ]}
      />
      <h3 className="utrecht-heading-3">{t('klacht.termijnen')}</h3>
      <ul className="utrecht-unordered-list">
        {klacht.termijnen.uitleg.map((u) => (
          <li key={u.termijn} className="utrecht-unordered-list__item">
            <strong>
              {t(`klacht.termijn.${u.termijn}`, { defaultValue: u.termijn })}: {datum(u.einddatum, taal)}
            </strong>{' '}
            ({u.artikel}){u.verschoven.length > 0 ? `. ${t('klacht.overgeslagen', { dagen: u.verschoven.map((v) => `${datum(v.datum, taal)} (${v.naam})`).join(', ') })}` : ''}
            <br />
            <span lang="nl">{u.tekst}</span>
          </li>
        ))}
      </ul>
      <h3 className="utrecht-heading-3">{t('klacht.stappen')}</h3>
      <Tabel
        bijschrift={t('klacht.stappenBijschrift', { zaak: klacht.identificatie })}
        leeg={t('klacht.geenStappen')}
        rijen={stappen}
        kolommen={[
          { kop: t('tijdlijn.wanneer'), render: (r) => tijdstip(r.op, taal) },
          { kop: t('klacht.stap'), render: (r) => t(`klacht.stapSoort.${r.soort}`, { defaultValue: r.soort }) },
          { kop: t('tijdlijn.wie'), render: (r) => r.doorNaam ?? t('tijdlijn.systeem') },
        ]}
      />
      {klacht.maatregelen.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">{t('klacht.verbetermaatregelen')}</h3>
          <ul className="utrecht-unordered-list">
            {klacht.maatregelen.map((m) => (
              <li key={m.id} className="utrecht-unordered-list__item">
                {m.omschrijving} — {t('klacht.maatregelRegel', { team: m.teamNaam, datum: datum(m.uiterlijk, taal), status: t(`klacht.maatregelStatus.${m.status}`) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Sectie>
  );
}
