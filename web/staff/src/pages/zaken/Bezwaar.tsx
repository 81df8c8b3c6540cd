/**
 * The bezwaar procedure on the zaak page (ADR 0063): the contested besluit and where the bezwaar
 * stands, and one form per step for the action panel (verschoonbaarheid, herstel, verdaging,
 * uitstel, informal route, hearing, hoorverslag, skipping the hearing, advice, ingebrekestelling,
 * decision), each sent to `POST …/zaken/{id}/bezwaar/stappen` with the zaak's version. A zaak that
 * turns out to be a bezwaar is converted with `POST …/zaken/{id}/bezwaar-omzettingen`.
 */
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { bezwaarSchema, bezwaarStapAntwoord } from '../../../../../src/modules/bezwaar/bezwaar.procedure.schemas.ts';
import { ApiError, type AangemaakteZaak, type SessieGemeente, type Team, type Zaak, api, gemeentePad } from '../../api.ts';
import { Formulier, HerlaadKnop, Veld, Vinkje, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Keuzelijst, Tekstvak, koppel } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Link, navigeer } from '../../router.tsx';
import { StapFormulier, type StuurStap } from './ProcedureStap.tsx';
import { datum } from './teksten.tsx';

export type { StuurStap };

export type Bezwaar = z.output<typeof bezwaarSchema>;
export type BezwaarNaStap = z.output<typeof bezwaarStapAntwoord>;

/** The zaaktype whose zaken are bezwaren (src/modules/bezwaar: BEZWAAR_ZAAKTYPE). */
export const BEZWAAR_ZAAKTYPE = 'bezwaar';

export const UITKOMSTEN = ['niet-ontvankelijk', 'ongegrond', 'gegrond', 'deels-gegrond', 'ingetrokken'] as const;
const HOREN_GRONDEN = ['a', 'b', 'c', 'd', 'e'] as const;


export type BezwaarActieSoort =
  | 'bezwaar-verschoonbaarheid'
  | 'bezwaar-herstel'
  | 'bezwaar-verdaging'
  | 'bezwaar-uitstel'
  | 'bezwaar-informeel'
  | 'bezwaar-hoorzitting'
  | 'bezwaar-hoorverslag'
  | 'bezwaar-niet-horen'
  | 'bezwaar-advies'
  | 'bezwaar-ingebrekestelling'
  | 'bezwaar-beslissing'
  | 'bezwaar-omzetting';

interface StapProps {
  bezwaar: Bezwaar;
  stuur: StuurStap;
  herlaad(): void;
}

/** An error of the form itself (before sending), shown like the server's: next to the field and in the summary. */
function invoerFout(naam: string, reden: string): ApiError {
  return new ApiError({ type: 'urn:loket:problem:ongeldige-invoer', title: '', status: 400, invalidParams: [{ name: naam, code: 'ongeldig', reason: reden }] });
}

const heel = (tekst: string): number | undefined => (/^\s*\d{1,3}\s*$/.test(tekst) ? Number(tekst) : undefined);

function Verschoonbaarheid({ stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ verschoonbaar: '', toelichting: '' });
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.verschoonbaarUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => {
          if (!w.verschoonbaar) throw invoerFout('verschoonbaar', t('bezwaar.kiesOordeel'));
          return { soort: 'verschoonbaarheid', verschoonbaar: w.verschoonbaar === 'ja', toelichting: w.toelichting };
        }}
        melding={t('bezwaar.verschoonbaarVastgelegd')}
        knop={t('bezwaar.vastleggen')}
        velden={{ verschoonbaar: 'bz-verschoonbaar', toelichting: 'bz-verschoonbaar-toelichting' }}
      >
        <Keuzelijst
          id="bz-verschoonbaar"
          label={t('bezwaar.oordeel')}
          required
          {...koppel(formulier, 'verschoonbaar')}
          opties={[
            { waarde: '', label: t('bezwaar.kies') },
            { waarde: 'ja', label: t('bezwaar.verschoonbaar') },
            { waarde: 'nee', label: t('bezwaar.nietVerschoonbaar') },
          ]}
        />
        <Tekstvak id="bz-verschoonbaar-toelichting" label={t('bezwaar.toelichting')} required {...koppel(formulier, 'toelichting')} />
      </StapFormulier>
    </>
  );
}

/** Asks for herstel of an omission (6:6), or records that it was repaired: the beslistermijn stood still in between (7:10 lid 2). */
function Herstel({ bezwaar, stuur, herlaad }: StapProps) {
  const { t, taal } = useTaal();
  const verzoek = useFormulier({ verzuim: '', hersteltermijn: '' });
  const hersteld = useFormulier({ hersteld: '', toelichting: '' });
  const open = bezwaar.stand.herstelOpen ? bezwaar.stand.herstel.at(-1) : undefined;
  if (open) {
    return (
      <>
        <p className="utrecht-paragraph">{t('bezwaar.herstelOpenUitleg', { verzocht: datum(open.verzocht, taal), termijn: datum(open.hersteltermijn, taal), verzuim: open.verzuim })}</p>
        <StapFormulier
          formulier={hersteld}
          stuur={stuur}
          herlaad={herlaad}
          body={(w) => ({ soort: 'hersteld', hersteld: w.hersteld, ...(w.toelichting.trim() ? { toelichting: w.toelichting } : {}) })}
          melding={t('bezwaar.hersteldVastgelegd')}
          knop={t('bezwaar.hersteldKnop')}
          velden={{ hersteld: 'bz-hersteld', toelichting: 'bz-hersteld-toelichting' }}
        >
          <Veld id="bz-hersteld" type="date" label={t('bezwaar.hersteldOp')} uitleg={t('bezwaar.hersteldUitleg')} required {...koppel(hersteld, 'hersteld')} />
          <Tekstvak id="bz-hersteld-toelichting" label={t('actie.toelichtingOptioneel')} {...koppel(hersteld, 'toelichting')} />
        </StapFormulier>
      </>
    );
  }
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.herstelUitleg')}</p>
      <StapFormulier
        formulier={verzoek}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'herstel-verzocht', verzuim: w.verzuim, hersteltermijn: w.hersteltermijn })}
        melding={t('bezwaar.herstelVerzocht')}
        knop={t('bezwaar.herstelKnop')}
        velden={{ verzuim: 'bz-verzuim', hersteltermijn: 'bz-hersteltermijn' }}
      >
        <Tekstvak id="bz-verzuim" label={t('bezwaar.verzuim')} uitleg={t('bezwaar.verzuimUitleg')} required {...koppel(verzoek, 'verzuim')} />
        <Veld id="bz-hersteltermijn" type="date" label={t('bezwaar.hersteltermijn')} uitleg={t('bezwaar.hersteltermijnUitleg')} required {...koppel(verzoek, 'hersteltermijn')} />
      </StapFormulier>
    </>
  );
}

/** Verdaging by at most six weeks in all (7:10 lid 3), with a letter (lid 5). */
function Verdaging({ bezwaar, stuur, herlaad }: StapProps) {
  const { t, taal } = useTaal();
  const formulier = useFormulier({ weken: '', reden: '' });
  const rest = 6 - bezwaar.stand.verdagingWeken;
  if (rest <= 0) return <p className="utrecht-paragraph">{t('bezwaar.verdagingOp')}</p>;
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.verdagingUitleg', { einde: datum(bezwaar.termijnen.beslistermijnEinde, taal), count: rest })}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => {
          const weken = heel(w.weken);
          if (weken === undefined || weken < 1) throw invoerFout('weken', t('bezwaar.wekenGetal'));
          if (weken > rest) throw invoerFout('weken', t('bezwaar.verdagingTeLang', { count: rest }));
          return { soort: 'verdaging', weken, reden: w.reden };
        }}
        melding={t('bezwaar.verdaagd')}
        knop={t('bezwaar.verdagenKnop')}
        velden={{ weken: 'bz-verdaging-weken', reden: 'bz-verdaging-reden' }}
      >
        <Veld id="bz-verdaging-weken" label={t('bezwaar.weken')} inputMode="numeric" autoComplete="off" uitleg={t('bezwaar.verdagingMax', { count: rest })} required {...koppel(formulier, 'weken')} />
        <Tekstvak id="bz-verdaging-reden" label={t('actie.reden')} uitleg={t('bezwaar.redenInBrief')} required {...koppel(formulier, 'reden')} />
      </StapFormulier>
    </>
  );
}

/** Further delay with the objector's consent, recorded (7:10 lid 4); a letter (lid 5). */
function Uitstel({ bezwaar, stuur, herlaad }: StapProps) {
  const { t, taal } = useTaal();
  const formulier = useFormulier({ weken: '', reden: '', instemming: '', instemmingOp: '' });
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.uitstelUitleg', { einde: datum(bezwaar.termijnen.beslistermijnEinde, taal) })}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => {
          const weken = heel(w.weken);
          if (weken === undefined || weken < 1) throw invoerFout('weken', t('bezwaar.wekenGetal'));
          return { soort: 'uitstel', weken, reden: w.reden, instemming: w.instemming, instemmingOp: w.instemmingOp };
        }}
        melding={t('bezwaar.uitgesteld')}
        knop={t('bezwaar.uitstelKnop')}
        velden={{ weken: 'bz-uitstel-weken', reden: 'bz-uitstel-reden', instemming: 'bz-instemming', instemmingOp: 'bz-instemming-op' }}
      >
        <Veld id="bz-uitstel-weken" label={t('bezwaar.weken')} inputMode="numeric" autoComplete="off" required {...koppel(formulier, 'weken')} />
        <Tekstvak id="bz-uitstel-reden" label={t('actie.reden')} uitleg={t('bezwaar.redenInBrief')} required {...koppel(formulier, 'reden')} />
        <Tekstvak id="bz-instemming" label={t('bezwaar.instemming')} uitleg={t('bezwaar.instemmingUitleg')} required {...koppel(formulier, 'instemming')} />
        <Veld id="bz-instemming-op" type="date" label={t('bezwaar.instemmingOp')} required {...koppel(formulier, 'instemmingOp')} />
      </StapFormulier>
    </>
  );
}

/** The informal route: a call first, recorded; solved means the objector withdraws. */
function Informeel({ stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ datum: '', verslag: '', opgelost: false });
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.informeelUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'informeel', datum: w.datum, verslag: w.verslag, opgelost: w.opgelost })}
        melding={formulier.waarden.opgelost ? t('bezwaar.informeelOpgelost') : t('bezwaar.informeelVastgelegd')}
        knop={t('bezwaar.vastleggen')}
        velden={{ datum: 'bz-informeel-datum', verslag: 'bz-informeel-verslag', opgelost: 'bz-informeel-opgelost' }}
      >
        <Veld id="bz-informeel-datum" type="date" label={t('bezwaar.gesprekOp')} required {...koppel(formulier, 'datum')} />
        <Tekstvak id="bz-informeel-verslag" label={t('bezwaar.gespreksverslag')} required {...koppel(formulier, 'verslag')} />
        <Vinkje
          id="bz-informeel-opgelost"
          label={t('bezwaar.opgelost')}
          uitleg={t('bezwaar.opgelostUitleg')}
          checked={formulier.waarden.opgelost}
          onChange={(e) => formulier.zet('opgelost', e.target.checked)}
          fout={formulier.fout?.veld('opgelost')}
        />
      </StapFormulier>
    </>
  );
}

/** Plans (or moves) the hearing (7:2); the invitation goes as a letter. */
function Hoorzitting({ bezwaar, stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const h = bezwaar.stand.hoorzitting;
  const formulier = useFormulier({ datum: h?.datum ?? '', tijd: h?.tijd ?? '', locatie: h?.locatie ?? '', commissie: h?.commissie ?? '' });
  return (
    <>
      <p className="utrecht-paragraph">{h ? t('bezwaar.hoorzittingVerplaatsen') : t('bezwaar.hoorzittingUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'hoorzitting', datum: w.datum, tijd: w.tijd, locatie: w.locatie, commissie: w.commissie })}
        melding={t('bezwaar.hoorzittingGepland')}
        knop={t('bezwaar.hoorzittingKnop')}
        velden={{ datum: 'bz-hoorzitting-datum', tijd: 'bz-hoorzitting-tijd', locatie: 'bz-hoorzitting-locatie', commissie: 'bz-hoorzitting-commissie' }}
      >
        <Veld id="bz-hoorzitting-datum" type="date" label={t('bezwaar.datum')} required {...koppel(formulier, 'datum')} />
        <Veld id="bz-hoorzitting-tijd" type="time" label={t('bezwaar.tijd')} uitleg={t('bezwaar.tijdUitleg')} required {...koppel(formulier, 'tijd')} />
        <Veld id="bz-hoorzitting-locatie" label={t('bezwaar.locatie')} autoComplete="off" required {...koppel(formulier, 'locatie')} />
        <Veld id="bz-hoorzitting-commissie" label={t('bezwaar.commissieLeden')} autoComplete="off" {...koppel(formulier, 'commissie')} />
      </StapFormulier>
    </>
  );
}

function Hoorverslag({ stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ verslag: '' });
  return (
    <StapFormulier
      formulier={formulier}
      stuur={stuur}
      herlaad={herlaad}
      body={(w) => ({ soort: 'hoorverslag', verslag: w.verslag })}
      melding={t('bezwaar.hoorverslagVastgelegd')}
      knop={t('bezwaar.vastleggen')}
      velden={{ verslag: 'bz-hoorverslag' }}
    >
      <Tekstvak id="bz-hoorverslag" label={t('bezwaar.hoorverslag')} uitleg={t('bezwaar.hoorverslagUitleg')} rows={8} required {...koppel(formulier, 'verslag')} />
    </StapFormulier>
  );
}

/** Deciding without hearing needs a ground of 7:3. */
function NietHoren({ stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ grond: '', toelichting: '' });
  return (
    <StapFormulier
      formulier={formulier}
      stuur={stuur}
      herlaad={herlaad}
      body={(w) => {
        if (!w.grond) throw invoerFout('grond', t('bezwaar.kiesGrond'));
        return { soort: 'horen-overgeslagen', grond: w.grond, toelichting: w.toelichting };
      }}
      melding={t('bezwaar.nietHorenVastgelegd')}
      knop={t('bezwaar.vastleggen')}
      velden={{ grond: 'bz-grond', toelichting: 'bz-grond-toelichting' }}
    >
      <Keuzelijst
        id="bz-grond"
        label={t('bezwaar.grond')}
        required
        {...koppel(formulier, 'grond')}
        opties={[{ waarde: '', label: t('bezwaar.kies') }, ...HOREN_GRONDEN.map((g) => ({ waarde: g, label: t(`bezwaar.grond_${g}`) }))]}
      />
      <Tekstvak id="bz-grond-toelichting" label={t('bezwaar.toelichting')} required {...koppel(formulier, 'toelichting')} />
    </StapFormulier>
  );
}

function Advies({ stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ datum: '', advies: '', voorstel: '' });
  return (
    <StapFormulier
      formulier={formulier}
      stuur={stuur}
      herlaad={herlaad}
      body={(w) => {
        if (!w.voorstel) throw invoerFout('voorstel', t('bezwaar.kiesUitkomst'));
        return { soort: 'advies', datum: w.datum, advies: w.advies, voorstel: w.voorstel };
      }}
      melding={t('bezwaar.adviesVastgelegd')}
      knop={t('bezwaar.vastleggen')}
      velden={{ datum: 'bz-advies-datum', advies: 'bz-advies', voorstel: 'bz-voorstel' }}
    >
      <Veld id="bz-advies-datum" type="date" label={t('bezwaar.adviesDatum')} required {...koppel(formulier, 'datum')} />
      <Tekstvak id="bz-advies" label={t('bezwaar.advies')} rows={6} required {...koppel(formulier, 'advies')} />
      <Keuzelijst
        id="bz-voorstel"
        label={t('bezwaar.voorstel')}
        required
        {...koppel(formulier, 'voorstel')}
        opties={[{ waarde: '', label: t('bezwaar.kies') }, ...UITKOMSTEN.map((u) => ({ waarde: u, label: t(`bezwaar.uitkomst_${u}`) }))]}
      />
    </StapFormulier>
  );
}

function Ingebrekestelling({ stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const formulier = useFormulier({ ontvangen: '' });
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.ingebrekestellingUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => ({ soort: 'ingebrekestelling', ontvangen: w.ontvangen })}
        melding={t('bezwaar.ingebrekestellingVastgelegd')}
        knop={t('bezwaar.vastleggen')}
        velden={{ ontvangen: 'bz-ingebrekestelling' }}
      >
        <Veld id="bz-ingebrekestelling" type="date" label={t('bezwaar.ingebrekestellingOntvangen')} required {...koppel(formulier, 'ontvangen')} />
      </StapFormulier>
    </>
  );
}

/** The decision on the bezwaar: closes the zaak; the letter (with beroep at the court) is kept with it as a PDF. */
function Beslissing({ bezwaar, stuur, herlaad }: StapProps) {
  const { t } = useTaal();
  const ingetrokken = bezwaar.stand.informeel.at(-1)?.opgelost === true;
  const formulier = useFormulier({ uitkomst: ingetrokken ? 'ingetrokken' : (bezwaar.stand.advies?.voorstel ?? ''), motivering: '' });
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.beslissingUitleg')}</p>
      <StapFormulier
        formulier={formulier}
        stuur={stuur}
        herlaad={herlaad}
        body={(w) => {
          if (!w.uitkomst) throw invoerFout('uitkomst', t('bezwaar.kiesUitkomst'));
          return { soort: 'beslissing', uitkomst: w.uitkomst, motivering: w.motivering };
        }}
        melding={t('bezwaar.beslist')}
        knop={t('bezwaar.beslissenKnop')}
        velden={{ uitkomst: 'bz-uitkomst', motivering: 'bz-motivering' }}
      >
        <Keuzelijst
          id="bz-uitkomst"
          label={t('bezwaar.uitkomst')}
          required
          {...koppel(formulier, 'uitkomst')}
          opties={[{ waarde: '', label: t('bezwaar.kies') }, ...UITKOMSTEN.map((u) => ({ waarde: u, label: t(`bezwaar.uitkomst_${u}`) }))]}
        />
        <Tekstvak id="bz-motivering" label={t('bezwaar.motivering')} uitleg={t('bezwaar.motiveringUitleg')} rows={8} required {...koppel(formulier, 'motivering')} />
      </StapFormulier>
    </>
  );
}

/** A zaak that turns out to be a bezwaar (an e-mail, a KCC contact): the contested besluit registered, a new bezwaar-zaak with this zaak's receipt date. */
export function Omzetting({ zaak, gemeente, teams, herlaad }: { zaak: Zaak; gemeente: SessieGemeente; teams: Team[]; herlaad(): void }) {
  const { t } = useTaal();
  const formulier = useFormulier({ besluit: '', bekendmaking: '', besluitTeam: '', verzonden: '', commissie: false, reden: '', resultaattype: '' });
  async function zetOm() {
    const w = formulier.waarden;
    const body = {
      besluit: w.besluit,
      bekendmaking: w.bekendmaking,
      commissie: w.commissie,
      reden: w.reden,
      ...(w.besluitTeam ? { besluitTeam: w.besluitTeam } : {}),
      ...(w.verzonden ? { verzonden: w.verzonden } : {}),
      ...(w.resultaattype ? { resultaattype: w.resultaattype } : {}),
    };
    const { data } = await api.post<AangemaakteZaak>(`${gemeentePad(gemeente.code)}/zaken/${encodeURIComponent(zaak.id)}/bezwaar-omzettingen`, { body, ifMatch: `"${zaak.versie}"` });
    navigeer(`/${gemeente.code}/zaken/${data.id}`, { melding: t('bezwaar.omgezet', { zaak: data.identificatie }) });
  }
  return (
    <>
      <p className="utrecht-paragraph">{t('bezwaar.omzettenUitleg')}</p>
      <Formulier
        formulier={formulier}
        onVerstuur={zetOm}
        knop={t('bezwaar.omzettenKnop')}
        knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={herlaad} />}
        meldingen={{ 412: t('zaak.verouderd') }}
        velden={{ besluit: 'bz-besluit', bekendmaking: 'bz-bekendmaking', besluitTeam: 'bz-besluit-team', verzonden: 'bz-verzonden', commissie: 'bz-commissie', reden: 'bz-reden', resultaattype: 'bz-resultaattype' }}
      >
        <Veld id="bz-besluit" label={t('bezwaar.besluit')} uitleg={t('bezwaar.besluitUitleg')} autoComplete="off" required {...koppel(formulier, 'besluit')} />
        <Veld id="bz-bekendmaking" type="date" label={t('bezwaar.bekendmaking')} uitleg={t('bezwaar.bekendmakingUitleg')} required {...koppel(formulier, 'bekendmaking')} />
        <Keuzelijst id="bz-besluit-team" label={t('bezwaar.besluitTeam')} {...koppel(formulier, 'besluitTeam')} opties={[{ waarde: '', label: t('bezwaar.onbekend') }, ...teams.map((team) => ({ waarde: team.id, label: team.naam }))]} />
        <Veld id="bz-verzonden" type="date" label={t('bezwaar.verzonden')} uitleg={t('bezwaar.verzondenUitleg')} {...koppel(formulier, 'verzonden')} />
        <Vinkje id="bz-commissie" label={t('bezwaar.commissie')} uitleg={t('bezwaar.commissieUitleg')} checked={formulier.waarden.commissie} onChange={(e) => formulier.zet('commissie', e.target.checked)} />
        <Tekstvak id="bz-reden" label={t('bezwaar.omzettenReden')} required {...koppel(formulier, 'reden')} />
        <Keuzelijst
          id="bz-resultaattype"
          label={t('bezwaar.eersteZaakAfsluiten')}
          {...koppel(formulier, 'resultaattype')}
          opties={[{ waarde: '', label: t('bezwaar.openLaten') }, ...zaak.zaaktypeVersie.resultaattypen.map((r) => ({ waarde: r.id, label: r.naam }))]}
        />
      </Formulier>
    </>
  );
}

/** The bezwaar's steps that can be taken now, for the action panel (each opens `BezwaarFormulier`). */
export function bezwaarActies(bezwaar: Bezwaar, t: (sleutel: string) => string): { soort: Exclude<BezwaarActieSoort, 'bezwaar-omzetting'>; titel: string }[] {
  const s = bezwaar.stand;
  if (s.beslissing) return [];
  const gehoord = s.hoorverslag !== null || s.horenOvergeslagen !== null;
  return [
    ...(bezwaar.termijnen.laat ? [{ soort: 'bezwaar-verschoonbaarheid' as const, titel: t('bezwaar.actieVerschoonbaarheid') }] : []),
    { soort: 'bezwaar-informeel' as const, titel: t('bezwaar.actieInformeel') },
    { soort: 'bezwaar-herstel' as const, titel: s.herstelOpen ? t('bezwaar.actieHersteld') : t('bezwaar.actieHerstel') },
    ...(gehoord ? [] : [{ soort: 'bezwaar-hoorzitting' as const, titel: s.hoorzitting ? t('bezwaar.actieHoorzittingVerplaatsen') : t('bezwaar.actieHoorzitting') }]),
    ...(s.hoorzitting && !gehoord ? [{ soort: 'bezwaar-hoorverslag' as const, titel: t('bezwaar.actieHoorverslag') }] : []),
    ...(gehoord ? [] : [{ soort: 'bezwaar-niet-horen' as const, titel: t('bezwaar.actieNietHoren') }]),
    ...(bezwaar.besluit.commissie ? [{ soort: 'bezwaar-advies' as const, titel: t('bezwaar.actieAdvies') }] : []),
    { soort: 'bezwaar-verdaging' as const, titel: t('bezwaar.actieVerdaging') },
    { soort: 'bezwaar-uitstel' as const, titel: t('bezwaar.actieUitstel') },
    ...(s.ingebrekestelling ? [] : [{ soort: 'bezwaar-ingebrekestelling' as const, titel: t('bezwaar.actieIngebrekestelling') }]),
    { soort: 'bezwaar-beslissing' as const, titel: t('bezwaar.actieBeslissing') },
  ];
}

const FORMULIEREN: Record<Exclude<BezwaarActieSoort, 'bezwaar-omzetting'>, (props: StapProps) => ReactNode> = {
  'bezwaar-verschoonbaarheid': Verschoonbaarheid,
  'bezwaar-informeel': Informeel,
  'bezwaar-herstel': Herstel,
  'bezwaar-hoorzitting': Hoorzitting,
  'bezwaar-hoorverslag': Hoorverslag,
  'bezwaar-niet-horen': NietHoren,
  'bezwaar-advies': Advies,
  'bezwaar-verdaging': Verdaging,
  'bezwaar-uitstel': Uitstel,
  'bezwaar-ingebrekestelling': Ingebrekestelling,
  'bezwaar-beslissing': Beslissing,
};

/** The form of one step. */
export function BezwaarFormulier({ soort, ...props }: StapProps & { soort: Exclude<BezwaarActieSoort, 'bezwaar-omzetting'> }) {
  const Vorm = FORMULIEREN[soort];
  return <Vorm {...props} />;
}

/** The next step of the procedure, in words, and the action that takes it. */
export function volgendeBezwaarStap(bezwaar: Bezwaar): { tekst: string; waarden?: Record<string, string>; actie: BezwaarActieSoort | null } | null {
  const s = bezwaar.stand;
  if (s.beslissing) return null;
  if (bezwaar.signalen.verschoonbaarheidOpen) return { tekst: 'bezwaarVerschoonbaarheid', actie: 'bezwaar-verschoonbaarheid' };
  if (s.herstelOpen) return { tekst: 'bezwaarHerstelOpen', actie: 'bezwaar-herstel' };
  if (s.informeel.at(-1)?.opgelost) return { tekst: 'bezwaarIngetrokken', actie: 'bezwaar-beslissing' };
  const gehoord = s.hoorverslag !== null || s.horenOvergeslagen !== null;
  if (!gehoord && bezwaar.signalen.hoorzittingGepland) return { tekst: 'bezwaarHoorzittingGepland', waarden: { datum: bezwaar.signalen.hoorzittingGepland.datum, tijd: bezwaar.signalen.hoorzittingGepland.tijd }, actie: 'bezwaar-hoorverslag' };
  if (!gehoord && s.hoorzitting) return { tekst: 'bezwaarHoorverslag', actie: 'bezwaar-hoorverslag' };
  if (!gehoord) return { tekst: 'bezwaarHoren', actie: 'bezwaar-hoorzitting' };
  if (bezwaar.besluit.commissie && !s.advies) return { tekst: 'bezwaarAdvies', actie: 'bezwaar-advies' };
  return { tekst: 'bezwaarBeslissen', actie: 'bezwaar-beslissing' };
}

/** The contested besluit and where the bezwaar stands, with what needs attention. */
export function BezwaarStand({ bezwaar, gemeente, zaakId }: { bezwaar: Bezwaar; gemeente: SessieGemeente; zaakId: string }) {
  const { t, taal } = useTaal();
  const s = bezwaar.stand;
  const d = (waarde: string) => datum(waarde, taal);
  const waarschuwingen = [
    bezwaar.signalen.verschoonbaarheidOpen ? t('bezwaren.verschoonbaarheidOpen') : null,
    s.herstelOpen ? t('bezwaren.herstelOpen') : null,
    bezwaar.signalen.dwangsomWaarschuwing && bezwaar.dwangsom ? t('bezwaar.dwangsomWaarschuwing', { datum: d(bezwaar.dwangsom.eersteDag), bedrag: bezwaar.dwangsom.bedrag }) : null,
  ].filter((w): w is string => w !== null);
  return (
    <Sectie titel={t('bezwaar.titel')}>
      {waarschuwingen.length > 0 && (
        <Melding soort="warning" rol="none">
          <ul className="utrecht-unordered-list">
            {waarschuwingen.map((w) => (
              <li key={w} className="utrecht-unordered-list__item">
                {w}
              </li>
            ))}
          </ul>
        </Melding>
      )}
      <Gegevenslijst
        regels={[
          [t('bezwaar.besluit'), bezwaar.besluit.omschrijving],
          [t('bezwaren.bekendmaking'), d(bezwaar.besluit.bekendmaking)],
          [t('bezwaren.ontvangen'), d(bezwaar.besluit.ontvangen)],
          [
            t('bezwaren.tijdig'),
            `${t(bezwaar.termijnen.laat ? 'bezwaren.laat' : bezwaar.termijnen.premature ? 'bezwaren.premature' : 'ja')}${s.verschoonbaar ? ` — ${t(s.verschoonbaar.verschoonbaar ? 'bezwaar.verschoonbaar' : 'bezwaar.nietVerschoonbaar')}` : ''}`,
          ],
          [t('bezwaar.beslistermijn'), t('bezwaar.beslistermijnTekst', { einde: d(bezwaar.termijnen.beslistermijnEinde), verdaging: s.verdagingWeken, uitstel: s.uitstelWeken })],
          [
            t('bezwaar.horen'),
            s.hoorverslag !== null
              ? t('bezwaar.gehoord')
              : s.horenOvergeslagen
                ? t('bezwaar.nietGehoord', { grond: s.horenOvergeslagen.grond })
                : s.hoorzitting
                  ? t('bezwaar.hoorzittingOp', { datum: d(s.hoorzitting.datum), tijd: s.hoorzitting.tijd, locatie: s.hoorzitting.locatie })
                  : t('bezwaar.nogNietGehoord'),
          ],
          ...(bezwaar.besluit.commissie ? [[t('bezwaar.advies'), s.advies ? `${d(s.advies.datum)}: ${t(`bezwaar.uitkomst_${s.advies.voorstel}`)}` : t('bezwaar.geenAdvies')] as [string, string]] : []),
          ...(s.ingebrekestelling ? [[t('bezwaar.ingebrekestellingOntvangen'), d(s.ingebrekestelling)] as [string, string]] : []),
          ...(s.beslissing ? [[t('bezwaar.uitkomst'), `${t(`bezwaar.uitkomst_${s.beslissing.uitkomst}`)} (${d(s.beslissing.datum)})`] as [string, string]] : []),
        ]}
      />
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/bezwaren/${zaakId}`}>{t('bezwaar.naarTermijnen')}</Link>
      </p>
    </Sectie>
  );
}
