import { useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { VERTROUWELIJKHEDEN, api, gemeentePad, veldpad, type SessieGemeente, type Team, type Zaaktype, type ZaaktypeInvoer } from '../../api.ts';
import { FoutSamenvatting, Formulier, HerlaadKnop, Knop, Veld, Vinkje, useFormulier, useVerzenden, type FormulierStaat } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { LijstPagina } from '../../components/LijstPagina.tsx';
import { Statusmelding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst, Tekstvak } from '../../components/Velden.tsx';
import { VersieSectie, useVersieBron, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { datum, duurTekst, useTeams } from './teksten.tsx';

/** The catalogue: the newest version of each zaaktype, or every version (?alleVersies=true). */
export function Zaaktypen({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const alleVersies = zoek.get('alleVersies') === 'true';
  return (
    <LijstPagina<Zaaktype>
      gemeente={gemeente}
      zoek={zoek}
      sectie="zaaktypen"
      uitleg
      nieuw
      query={alleVersies ? 'alleVersies=true' : undefined}
      bijschrift={alleVersies ? t('zaaktypen.bijschriftAlle', { gemeente: gemeente.naam }) : undefined}
      kolommen={({ basis }) => [
        { kop: t('veld.naam'), render: (z) => <Link naar={`${basis}/${z.id}`}>{z.naam[taal]}</Link> },
        { kop: t('zaaktype.code'), render: (z) => z.code },
        { kop: t('zaaktype.versie'), render: (z) => String(z.versie) },
        { kop: t('veld.status'), render: (z) => t(`zaaktypeStatus.${z.status}`) },
        { kop: t('zaaktype.norm'), render: (z) => duurTekst(t, z.norm) },
        { kop: t('zaaktype.geldigVanaf'), render: (z) => (z.geldigVanaf ? datum(z.geldigVanaf, taal) : t('geen')) },
      ]}
    >
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/zaaktypen${alleVersies ? '' : '?alleVersies=true'}`}>{alleVersies ? t('zaaktypen.nieuwste') : t('zaaktypen.alleVersies')}</Link>
      </p>
    </LijstPagina>
  );
}

interface StatusRij {
  sleutel: number;
  naam: string;
  naamEn: string;
  tekstNl: string;
  tekstEn: string;
  informeren: boolean;
}
interface ResultaatRij {
  sleutel: number;
  naam: string;
  tekstNl: string;
  tekstEn: string;
  archiefnominatie: 'blijvend_bewaren' | 'vernietigen';
  bewaartermijn: string;
  selectielijstklasse: string;
}

type Waarden = {
  code: string;
  naamNl: string;
  naamEn: string;
  omschrijvingNl: string;
  omschrijvingEn: string;
  rechtsgrond: string;
  norm: string;
  opschortingToegestaan: boolean;
  maxVerlenging: string;
  termijnVanGebeurtenis: boolean;
  normKeuze: string;
  standaardTeam: string;
  vertrouwelijkheid: string;
  geldigVanaf: string;
  statustypen: StatusRij[];
  resultaattypen: ResultaatRij[];
};

let teller = 0;
const nieuweStatus = (): StatusRij => ({ sleutel: ++teller, naam: '', naamEn: '', tekstNl: '', tekstEn: '', informeren: false });
const nieuwResultaat = (): ResultaatRij => ({ sleutel: ++teller, naam: '', tekstNl: '', tekstEn: '', archiefnominatie: 'vernietigen', bewaartermijn: 'P5Y', selectielijstklasse: '' });

function waardenVan(z: Zaaktype | undefined): Waarden {
  return {
    code: z?.code ?? '',
    naamNl: z?.naam.nl ?? '',
    naamEn: z?.naam.en ?? '',
    omschrijvingNl: z?.omschrijving.nl ?? '',
    omschrijvingEn: z?.omschrijving.en ?? '',
    rechtsgrond: z?.rechtsgrond ?? '',
    norm: z?.norm ?? '',
    opschortingToegestaan: z?.opschortingToegestaan ?? false,
    maxVerlenging: z?.maxVerlenging ?? '',
    termijnVanGebeurtenis: z?.termijnStart === 'gebeurtenis',
    normKeuze: z?.normKeuze.join(', ') ?? '',
    standaardTeam: z?.standaardTeam ?? '',
    vertrouwelijkheid: z?.vertrouwelijkheid ?? 'zaakvertrouwelijk',
    geldigVanaf: z?.geldigVanaf ?? '',
    statustypen: z ? z.statustypen.map((s) => ({ sleutel: ++teller, naam: s.naam, naamEn: s.naamEn, tekstNl: s.tekst.nl, tekstEn: s.tekst.en, informeren: s.informeren })) : [nieuweStatus(), nieuweStatus()],
    resultaattypen: z
      ? z.resultaattypen.map((r) => ({
          sleutel: ++teller,
          naam: r.naam,
          tekstNl: r.tekst.nl,
          tekstEn: r.tekst.en,
          archiefnominatie: r.archiefnominatie,
          bewaartermijn: r.bewaartermijn ?? '',
          selectielijstklasse: r.selectielijstklasse,
        }))
      : [nieuwResultaat()],
  };
}

function invoerVan(w: Waarden): ZaaktypeInvoer {
  return {
    code: w.code.trim(),
    naam: { nl: w.naamNl, en: w.naamEn },
    omschrijving: { nl: w.omschrijvingNl, en: w.omschrijvingEn },
    rechtsgrond: w.rechtsgrond,
    norm: w.norm.trim(),
    opschortingToegestaan: w.opschortingToegestaan,
    maxVerlenging: w.maxVerlenging.trim() || null,
    termijnStart: w.termijnVanGebeurtenis ? 'gebeurtenis' : 'ontvangst',
    normKeuze: w.normKeuze
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    standaardTeam: w.standaardTeam || null,
    vertrouwelijkheid: w.vertrouwelijkheid as ZaaktypeInvoer['vertrouwelijkheid'],
    geldigVanaf: w.geldigVanaf || null,
    statustypen: w.statustypen.map((s) => ({ naam: s.naam, naamEn: s.naamEn.trim(), tekst: { nl: s.tekstNl, en: s.tekstEn }, informeren: s.informeren })),
    resultaattypen: w.resultaattypen.map((r) => ({
      naam: r.naam,
      tekst: { nl: r.tekstNl, en: r.tekstEn },
      archiefnominatie: r.archiefnominatie,
      bewaartermijn: r.archiefnominatie === 'vernietigen' ? r.bewaartermijn.trim() || null : null,
      selectielijstklasse: r.selectielijstklasse.trim(),
    })),
  };
}

/** invalidParams path → field id ("statustypen.0.tekst.nl" → "statustypen-0-tekst-nl"). */
const veldId = (pad: string) => pad.replaceAll('.', '-');
const VASTE_VELDEN: Record<string, string> = {
  'naam.nl': 'naam-nl',
  'naam.en': 'naam-en',
  'omschrijving.nl': 'omschrijving-nl',
  'omschrijving.en': 'omschrijving-en',
  statustypen: 'statustypen-toevoegen',
  resultaattypen: 'resultaattypen-toevoegen',
};

function focusNa(id: string) {
  document.getElementById(id)?.focus();
}

type RijVeld = 'statustypen' | 'resultaattypen';

/** One list of rows in the form: change a row, remove one (focus to the add button), add one (focus to its first field). */
function useRijen<V extends RijVeld>(formulier: FormulierStaat<Waarden>, veld: V, nieuw: () => Waarden[V][number]) {
  type Rij = Waarden[V][number];
  const rijen = formulier.waarden[veld] as Rij[];
  const zet = (lijst: Rij[]) => flushSync(() => formulier.zet(veld, lijst as Waarden[V]));
  return {
    rijen,
    zet,
    fout: (pad: string) => formulier.fout?.veldPad(pad),
    wijzig: (index: number, deel: Partial<Rij>) => formulier.zet(veld, rijen.map((r, i) => (i === index ? { ...r, ...deel } : r)) as Waarden[V]),
    verwijder(index: number) {
      zet(rijen.filter((_, j) => j !== index));
      focusNa(`${veld}-toevoegen`);
    },
    voegToe() {
      zet([...rijen, nieuw()]);
      focusNa(`${veld}-${rijen.length}-naam`);
    },
  };
}

/** The fieldset around a list of rows, with its error and the add button. */
function RijenVak({ veld, legenda, uitleg, fout, toevoegen, onToevoegen, children }: { veld: RijVeld; legenda: string; uitleg?: string; fout: string | undefined; toevoegen: string; onToevoegen(): void; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rijen">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legenda}</legend>
      {uitleg && <p className="utrecht-paragraph">{uitleg}</p>}
      {fout && <p className="utrecht-form-field-error-message">{fout}</p>}
      {children}
      <div>
        <Knop id={`${veld}-toevoegen`} soort="secondary-action" onClick={onToevoegen}>
          {toevoegen}
        </Knop>
      </div>
    </fieldset>
  );
}

/** The rows of statustypen: add, remove, move; the last one is the eindstatus. */
function StatusRijen({ formulier }: { formulier: FormulierStaat<Waarden> }) {
  const { t } = useTaal();
  const { rijen, zet, fout, wijzig, verwijder, voegToe } = useRijen(formulier, 'statustypen', nieuweStatus);
  function verplaats(index: number, richting: -1 | 1) {
    const nieuw = [...rijen];
    const [rij] = nieuw.splice(index, 1);
    if (!rij) return;
    nieuw.splice(index + richting, 0, rij);
    zet(nieuw);
    focusNa(`statustypen-${index + richting}-${richting < 0 ? 'omhoog' : 'omlaag'}`);
  }
  return (
    <RijenVak veld="statustypen" legenda={t('zaaktype.statustypen')} uitleg={t('zaaktype.statustypenUitleg')} fout={fout('statustypen')} toevoegen={t('zaaktype.statusToevoegen')} onToevoegen={voegToe}>
      {rijen.map((rij, i) => (
        <fieldset key={rij.sleutel} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {i === rijen.length - 1 ? t('zaaktype.eindstatusNr', { nr: i + 1 }) : t('zaaktype.statusNr', { nr: i + 1 })}
          </legend>
          <Veld id={`statustypen-${i}-naam`} label={t('zaaktype.naamIntern')} autoComplete="off" required value={rij.naam} onChange={(e) => wijzig(i, { naam: e.target.value })} fout={fout(`statustypen.${i}.naam`)} />
          <Veld id={`statustypen-${i}-naam-en`} label={t('zaaktype.naamEngels')} autoComplete="off" value={rij.naamEn} onChange={(e) => wijzig(i, { naamEn: e.target.value })} fout={fout(`statustypen.${i}.naamEn`)} />
          <Veld id={`statustypen-${i}-tekst-nl`} label={t('zaaktype.tekstNl')} autoComplete="off" required value={rij.tekstNl} onChange={(e) => wijzig(i, { tekstNl: e.target.value })} fout={fout(`statustypen.${i}.tekst.nl`)} />
          <Veld id={`statustypen-${i}-tekst-en`} label={t('zaaktype.tekstEn')} autoComplete="off" required value={rij.tekstEn} onChange={(e) => wijzig(i, { tekstEn: e.target.value })} fout={fout(`statustypen.${i}.tekst.en`)} />
          <Vinkje id={`statustypen-${i}-informeren`} label={t('zaaktype.informeren')} checked={rij.informeren} onChange={(e) => wijzig(i, { informeren: e.target.checked })} />
          <div className="utrecht-button-group">
            {i > 0 && (
              <Knop id={`statustypen-${i}-omhoog`} soort="subtle" onClick={() => verplaats(i, -1)} aria-label={t('zaaktype.omhoogNr', { nr: i + 1 })}>
                {t('zaaktype.omhoog')}
              </Knop>
            )}
            {i < rijen.length - 1 && (
              <Knop id={`statustypen-${i}-omlaag`} soort="subtle" onClick={() => verplaats(i, 1)} aria-label={t('zaaktype.omlaagNr', { nr: i + 1 })}>
                {t('zaaktype.omlaag')}
              </Knop>
            )}
            <Knop soort="subtle" onClick={() => verwijder(i)} aria-label={t('zaaktype.verwijderStatusNr', { nr: i + 1 })}>
              {t('zaaktype.verwijderen')}
            </Knop>
          </div>
        </fieldset>
      ))}
    </RijenVak>
  );
}

function ResultaatRijen({ formulier }: { formulier: FormulierStaat<Waarden> }) {
  const { t } = useTaal();
  const { rijen, fout, wijzig, verwijder, voegToe } = useRijen(formulier, 'resultaattypen', nieuwResultaat);
  return (
    <RijenVak veld="resultaattypen" legenda={t('zaaktype.resultaattypen')} fout={fout('resultaattypen')} toevoegen={t('zaaktype.resultaatToevoegen')} onToevoegen={voegToe}>
      {rijen.map((rij, i) => (
        <fieldset key={rij.sleutel} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('zaaktype.resultaatNr', { nr: i + 1 })}</legend>
          <Veld id={`resultaattypen-${i}-naam`} label={t('zaaktype.naamIntern')} autoComplete="off" required value={rij.naam} onChange={(e) => wijzig(i, { naam: e.target.value })} fout={fout(`resultaattypen.${i}.naam`)} />
          <Veld id={`resultaattypen-${i}-tekst-nl`} label={t('zaaktype.tekstNl')} autoComplete="off" value={rij.tekstNl} onChange={(e) => wijzig(i, { tekstNl: e.target.value })} fout={fout(`resultaattypen.${i}.tekst.nl`)} />
          <Veld id={`resultaattypen-${i}-tekst-en`} label={t('zaaktype.tekstEn')} autoComplete="off" value={rij.tekstEn} onChange={(e) => wijzig(i, { tekstEn: e.target.value })} fout={fout(`resultaattypen.${i}.tekst.en`)} />
          <Keuzelijst
            id={`resultaattypen-${i}-archiefnominatie`}
            label={t('zaaktype.archiefnominatie')}
            value={rij.archiefnominatie}
            onChange={(e) => wijzig(i, { archiefnominatie: e.target.value as ResultaatRij['archiefnominatie'] })}
            fout={fout(`resultaattypen.${i}.archiefnominatie`)}
            opties={[
              { waarde: 'vernietigen', label: t('archiefnominatie.vernietigen') },
              { waarde: 'blijvend_bewaren', label: t('archiefnominatie.blijvend_bewaren') },
            ]}
          />
          {rij.archiefnominatie === 'vernietigen' && (
            <Veld
              id={`resultaattypen-${i}-bewaartermijn`}
              label={t('zaaktype.bewaartermijn')}
              uitleg={t('zaaktype.bewaartermijnUitleg')}
              autoComplete="off"
              required
              value={rij.bewaartermijn}
              onChange={(e) => wijzig(i, { bewaartermijn: e.target.value })}
              fout={fout(`resultaattypen.${i}.bewaartermijn`)}
            />
          )}
          <Veld
            id={`resultaattypen-${i}-selectielijstklasse`}
            label={t('zaaktype.selectielijstklasse')}
            uitleg={t('zaaktype.selectielijstklasseUitleg')}
            autoComplete="off"
            required
            value={rij.selectielijstklasse}
            onChange={(e) => wijzig(i, { selectielijstklasse: e.target.value })}
            fout={fout(`resultaattypen.${i}.selectielijstklasse`)}
          />
          <div>
            <Knop soort="subtle" onClick={() => verwijder(i)} aria-label={t('zaaktype.verwijderResultaatNr', { nr: i + 1 })}>
              {t('zaaktype.verwijderen')}
            </Knop>
          </div>
        </fieldset>
      ))}
    </RijenVak>
  );
}

/** Every field of a concept version, with the rows of statustypen and resultaattypen. */
function ZaaktypeVelden({ formulier, teams, nieuw }: { formulier: FormulierStaat<Waarden>; teams: Team[]; nieuw: boolean }) {
  const { t } = useTaal();
  const { waarden, zet, fout } = formulier;
  const tekst = (naam: 'code' | 'naamNl' | 'naamEn' | 'rechtsgrond' | 'norm' | 'maxVerlenging' | 'normKeuze' | 'geldigVanaf', id: string, pad: string) => ({
    id,
    value: waarden[naam],
    onChange: (e: { target: { value: string } }) => zet(naam, e.target.value),
    fout: fout?.veldPad(pad),
  });
  return (
    <>
      <Veld label={t('zaaktype.code')} uitleg={t('zaaktype.codeUitleg')} autoComplete="off" required readOnly={!nieuw} {...tekst('code', 'code', 'code')} />
      <Veld label={t('zaaktype.naamNl')} autoComplete="off" required {...tekst('naamNl', 'naam-nl', 'naam.nl')} />
      <Veld label={t('zaaktype.naamEn')} autoComplete="off" required {...tekst('naamEn', 'naam-en', 'naam.en')} />
      <Tekstvak id="omschrijving-nl" label={t('zaaktype.omschrijvingNl')} uitleg={t('zaaktype.omschrijvingUitleg')} value={waarden.omschrijvingNl} onChange={(e) => zet('omschrijvingNl', e.target.value)} fout={fout?.veldPad('omschrijving.nl')} />
      <Tekstvak id="omschrijving-en" label={t('zaaktype.omschrijvingEn')} value={waarden.omschrijvingEn} onChange={(e) => zet('omschrijvingEn', e.target.value)} fout={fout?.veldPad('omschrijving.en')} />
      <Veld label={t('zaaktype.rechtsgrond')} autoComplete="off" {...tekst('rechtsgrond', 'rechtsgrond', 'rechtsgrond')} />
      <Veld label={t('zaaktype.norm')} uitleg={t('zaaktype.normUitleg')} autoComplete="off" required {...tekst('norm', 'norm', 'norm')} />
      <Vinkje id="opschortingToegestaan" label={t('zaaktype.opschortingToegestaan')} checked={waarden.opschortingToegestaan} onChange={(e) => zet('opschortingToegestaan', e.target.checked)} />
      <Veld label={t('zaaktype.maxVerlenging')} uitleg={t('zaaktype.maxVerlengingUitleg')} autoComplete="off" {...tekst('maxVerlenging', 'maxVerlenging', 'maxVerlenging')} />
      <Veld label={t('zaaktype.normKeuze')} uitleg={t('zaaktype.normKeuzeUitleg')} autoComplete="off" {...tekst('normKeuze', 'normKeuze', 'normKeuze')} />
      <Vinkje id="termijnStart" label={t('zaaktype.termijnVanGebeurtenis')} checked={waarden.termijnVanGebeurtenis} onChange={(e) => zet('termijnVanGebeurtenis', e.target.checked)} />
      <Keuzelijst
        id="standaardTeam"
        label={t('zaaktype.standaardTeam')}
        value={waarden.standaardTeam}
        onChange={(e) => zet('standaardTeam', e.target.value)}
        fout={fout?.veldPad('standaardTeam')}
        opties={[{ waarde: '', label: t('zaaktype.geenTeam') }, ...teams.map((team) => ({ waarde: team.id, label: team.naam }))]}
      />
      <Keuzelijst
        id="vertrouwelijkheid"
        label={t('zaak.vertrouwelijkheid')}
        value={waarden.vertrouwelijkheid}
        onChange={(e) => zet('vertrouwelijkheid', e.target.value)}
        fout={fout?.veldPad('vertrouwelijkheid')}
        opties={VERTROUWELIJKHEDEN.map((v) => ({ waarde: v, label: t(`vertrouwelijkheid.${v}`) }))}
      />
      <Veld label={t('zaaktype.geldigVanaf')} uitleg={t('zaaktype.geldigVanafUitleg')} type="date" {...tekst('geldigVanaf', 'geldigVanaf', 'geldigVanaf')} />
      <StatusRijen formulier={formulier} />
      <ResultaatRijen formulier={formulier} />
    </>
  );
}

/** Field ids for the error summary: every path the server names, plus the fixed ones. */
function veldenVoor(formulier: FormulierStaat<Waarden>): Record<string, string> {
  const velden: Record<string, string> = { ...VASTE_VELDEN };
  for (const param of formulier.fout?.problem.invalidParams ?? []) {
    const pad = veldpad(param.name);
    velden[pad] ??= veldId(pad);
  }
  return velden;
}

export function ZaaktypeNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const { teams, fout } = useTeams(gemeente);
  const formulier = useFormulier(() => waardenVan(undefined));
  async function maak() {
    const { data } = await api.post<Zaaktype>(`${gemeentePad(gemeente.code)}/zaaktypen`, { body: invoerVan(formulier.waarden) });
    navigeer(`/${gemeente.code}/zaaktypen/${data.id}`, { melding: t('zaaktype.aangemaakt', { naam: data.naam.nl }) });
  }
  return (
    <Pagina titel={t('zaaktypen.nieuwTitel')} terug={{ naar: `/${gemeente.code}/zaaktypen`, tekst: t('zaaktypen.terug') }}>
      {teams ? (
        <Formulier formulier={formulier} onVerstuur={maak} knop={t('zaaktypen.aanmaken')} velden={veldenVoor(formulier)}>
          <ZaaktypeVelden formulier={formulier} teams={teams} nieuw />
        </Formulier>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

function Bewerken({ wijziging, teams }: { wijziging: Wijziging<Zaaktype>; teams: Team[] }) {
  const { t } = useTaal();
  const formulier = useFormulier(() => waardenVan(wijziging.data));
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={() => wijziging.stuur('put', '', invoerVan(formulier.waarden))}
      knop={t('zaaktype.conceptOpslaan')}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={wijziging.herlaad} />}
      velden={veldenVoor(formulier)}
    >
      <ZaaktypeVelden formulier={formulier} teams={teams} nieuw={false} />
    </Formulier>
  );
}

function Publiceren({ wijziging, onGepubliceerd }: { wijziging: Wijziging<Zaaktype>; onGepubliceerd(): void }) {
  const { t, taal } = useTaal();
  const { fout, bezig, verzend } = useVerzenden();
  const z = wijziging.data;
  return (
    <>
      <p className="utrecht-paragraph">{t('zaaktype.publicerenUitleg', { datum: z.geldigVanaf ? datum(z.geldigVanaf, taal) : t('zaaktype.vandaag') })}</p>
      <FoutSamenvatting fout={fout} />
      <div className="utrecht-button-group">
        <Knop bezig={bezig} onClick={() =>
            void verzend(async () => {
              await wijziging.stuur('post', '/publicatie');
              onGepubliceerd();
            })
          }>
          {t('zaaktype.publiceren')}
        </Knop>
        <HerlaadKnop fout={fout} onHerlaad={wijziging.herlaad} />
      </div>
    </>
  );
}

function NieuweVersie({ zaaktype, gemeente }: { zaaktype: Zaaktype; gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const { fout, bezig, verzend } = useVerzenden();
  function maak() {
    void verzend(async () => {
      const { data } = await api.post<Zaaktype>(`${gemeentePad(gemeente.code)}/zaaktypen/${zaaktype.id}/versies`);
      navigeer(`/${gemeente.code}/zaaktypen/${data.id}`, { melding: t('zaaktype.versieGemaakt', { versie: data.versie }) });
    });
  }
  return (
    <>
      <p className="utrecht-paragraph">{t('zaaktype.nieuweVersieUitleg')}</p>
      <FoutSamenvatting fout={fout} />
      <Knop soort="secondary-action" bezig={bezig} onClick={maak}>
        {t('zaaktype.nieuweVersie')}
      </Knop>
    </>
  );
}

/** One version of a zaaktype: its data, statustypen and resultaattypen; a concept can be edited and published. */
export function ZaaktypeDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const { bron, fout } = useVersieBron<Zaaktype>(`${gemeentePad(gemeente.code)}/zaaktypen/${encodeURIComponent(id)}`);
  const { teams } = useTeams(gemeente);
  const z = bron?.data;
  const [gepubliceerd, setGepubliceerd] = useState(false);
  const meldingVak = useRef<HTMLDivElement>(null);
  return (
    <Pagina titel={z ? t('zaaktype.titelVersie', { naam: z.naam[taal], versie: z.versie }) : t('zaaktype.titel')} terug={{ naar: `/${gemeente.code}/zaaktypen`, tekst: t('zaaktypen.terug') }}>
      {bron && z ? (
        <>
          <div ref={meldingVak} tabIndex={-1} className="loket-focus-vak">
            <Statusmelding tekst={gepubliceerd ? t('zaaktype.gepubliceerd') : undefined} />
          </div>
          <Gegevenslijst
            regels={[
              [t('zaaktype.code'), z.code],
              [t('veld.status'), z.gepubliceerdOp ? t('zaaktype.gepubliceerdOp', { datum: tijdstip(z.gepubliceerdOp, taal) }) : t(`zaaktypeStatus.${z.status}`)],
              [t('zaaktype.omschrijving'), z.omschrijving[taal] || t('geen')],
              [t('zaaktype.rechtsgrond'), z.rechtsgrond || t('geen')],
              [t('zaaktype.norm'), duurTekst(t, z.norm)],
              [t('zaaktype.opschortingToegestaan'), z.opschortingToegestaan ? t('ja') : t('nee')],
              [t('zaaktype.maxVerlenging'), z.maxVerlenging ? duurTekst(t, z.maxVerlenging) : t('termijn.geenVerlenging')],
              [t('zaaktype.normKeuze'), z.normKeuze.length > 0 ? z.normKeuze.map((n) => duurTekst(t, n)).join(', ') : t('geen')],
              [t('zaaktype.termijnVanGebeurtenis'), z.termijnStart === 'gebeurtenis' ? t('ja') : t('nee')],
              [t('zaaktype.standaardTeam'), teams?.find((team) => team.id === z.standaardTeam)?.naam ?? t('geen')],
              [t('zaak.vertrouwelijkheid'), t(`vertrouwelijkheid.${z.vertrouwelijkheid}`)],
              [t('zaaktype.geldigVanaf'), z.geldigVanaf ? datum(z.geldigVanaf, taal) : t('geen')],
            ]}
          />
          <h2 className="utrecht-heading-2">{t('zaaktype.statustypen')}</h2>
          <Tabel
            bijschrift={t('zaaktype.statustypenVan', { naam: z.naam[taal] })}
            leeg={t('geen')}
            rijen={z.statustypen.map((s) => ({ ...s, id: s.volgnummer }))}
            kolommen={[
              { kop: t('zaaktype.volgnummer'), render: (s) => String(s.volgnummer) },
              { kop: t('veld.naam'), render: (s) => (s.eindstatus ? `${s.naam} (${t('zaaktype.eindstatus')})` : s.naam) },
              { kop: t('zaaktype.tekstVoorInwoner'), render: (s) => s.tekst[taal] },
              { kop: t('zaaktype.informeren'), render: (s) => (s.informeren ? t('ja') : t('nee')) },
            ]}
          />
          <h2 className="utrecht-heading-2">{t('zaaktype.resultaattypen')}</h2>
          <Tabel
            bijschrift={t('zaaktype.resultaattypenVan', { naam: z.naam[taal] })}
            leeg={t('geen')}
            rijen={z.resultaattypen}
            kolommen={[
              { kop: t('veld.naam'), render: (r) => r.naam },
              { kop: t('zaaktype.tekstVoorInwoner'), render: (r) => r.tekst[taal] },
              { kop: t('zaaktype.archiefnominatie'), render: (r) => t(`archiefnominatie.${r.archiefnominatie}`) },
              { kop: t('zaaktype.bewaartermijn'), render: (r) => (r.bewaartermijn ? duurTekst(t, r.bewaartermijn) : t('geen')) },
              { kop: t('zaaktype.selectielijstklasse'), render: (r) => r.selectielijstklasse },
            ]}
          />
          {z.status === 'concept' ? (
            <>
              <VersieSectie bron={bron} naam="publiceren" titel={t('zaaktype.publiceren')}>
                {(wijziging) => (
                  <Publiceren
                    wijziging={wijziging}
                    onGepubliceerd={() => {
                      flushSync(() => setGepubliceerd(true));
                      meldingVak.current?.focus();
                    }}
                  />
                )}
              </VersieSectie>
              <VersieSectie bron={bron} naam="bewerken" titel={t('zaaktype.bewerken')}>
                {(wijziging) => (teams ? <Bewerken wijziging={wijziging} teams={teams} /> : <Laadstatus fout={undefined} />)}
              </VersieSectie>
            </>
          ) : (
            heeftRecht(gemeente.rollen, 'beheer') && (
              <VersieSectie bron={bron} naam="versie" titel={t('zaaktype.nieuweVersie')}>
                {() => <NieuweVersie zaaktype={z} gemeente={gemeente} />}
              </VersieSectie>
            )
          )}
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
