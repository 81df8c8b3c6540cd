import type { Rol } from '../../db/schema.ts';
import { heeftRecht } from '../../http/rechten.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { VERWERKING_ZAKEN } from '../zaken/zaken.kern.ts';
import { dagenTussen, kalenderdag, leesDatum, OngeldigeDatum } from '../termijnen/kalender.ts';
import { controleerMaten, vingerafdruk, type KpiDefinitie, type KpiKanaal, type KpiMaat, type KpiMeting, type KpiUitkomst, type KpiUitsplitsing, type KpiVersheid, type KpiDeel, type KpiVraag, type KpiZaak } from './kpi.definitie.ts';
import { geenTeller, geenZakenLijst, kpiNietPubliek, kpiOnbekend, normBestaat, reeksTeLang, onbekendZaaktype, ongeldigePeriode, periodeDubbel, periodeInDeToekomst, periodeOntbreekt, periodeTeLang, selectieKanNiet, uitsplitsingKanNiet } from './kpi.errors.ts';
import { deelPeriode, laatstePerioden, leesPeriode, OngeldigePeriode, type Periode, type Periodegrootte } from './kpi.periode.ts';
import type { KpiNorm, KpiRepository } from './kpi.repository.ts';

export interface PeriodeInvoer {
  periode?: string | undefined;
  periodeVan?: string | undefined;
  periodeTot?: string | undefined;
}

export interface WaardeInvoer extends PeriodeInvoer {
  zaaktype?: string | undefined;
  /** Only this telephone queue (measures with the breakdown wachtrij). */
  wachtrij?: string | undefined;
  /** Only this team (measures with the breakdown team). */
  team?: string | undefined;
  /** Only this category of meldingen (measures with the breakdown categorie). */
  categorie?: string | undefined;
  /** Only this location of the balie (measures with the breakdown locatie). */
  locatie?: string | undefined;
  /** Only zaken that came in through this channel (measures with the breakdown kanaal). */
  kanaal?: KpiKanaal | undefined;
  uitsplitsing?: KpiUitsplitsing | undefined;
}

/** Who opens the zaken behind a value (a staff member or an API token) with their roles in the gemeente. */
export interface KpiLezer {
  context: Context;
  gebruiker: string | null;
  rollen: readonly Rol[];
}

/** The norm that applies to a value: the gemeente's own (newest from on or before the period's end), else the definition's. */
export interface GeldendeNorm {
  waarde: number;
  bron: string;
  /** Null: the definition's norm, not one the gemeente set. */
  geldigVanaf: string | null;
}

const MAX_DAGEN = 3660;
/** At most this many periods in one series (a trend): a year per week, or two months per day. */
export const MAX_REEKS = 62;
const MISLUKT = 'De berekening is mislukt. Er is geen getal, en we geven ook geen geschat getal. De beheerder van Loket kan in het logboek zien waarom.';

/**
 * A period from the query: `periode` (YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD) or
 * `periodeVan` and `periodeTot` (inclusive days). A period that starts after `vandaag` is refused.
 * `prefix` names the fields in errors (`query.` for the API, empty for the CLI).
 */
export function periodeUitInvoer(invoer: PeriodeInvoer, vandaag: string, prefix = 'query.'): Periode {
  const { periode, periodeVan, periodeTot } = invoer;
  let p: Periode;
  if (periode !== undefined) {
    if (periodeVan !== undefined || periodeTot !== undefined) throw periodeDubbel();
    try {
      p = leesPeriode(periode);
    } catch (error) {
      if (error instanceof OngeldigePeriode) throw ongeldigePeriode(`${prefix}periode`, error.message);
      throw error;
    }
  } else {
    if (periodeVan === undefined && periodeTot === undefined) throw periodeOntbreekt();
    const dag = (naam: 'periodeVan' | 'periodeTot', tekst: string | undefined) => {
      if (tekst === undefined) throw ongeldigePeriode(`${prefix}${naam}`, `Geef ook ${naam}.`);
      try {
        return leesDatum(tekst);
      } catch (error) {
        if (error instanceof OngeldigeDatum) throw ongeldigePeriode(`${prefix}${naam}`, error.message);
        throw error;
      }
    };
    p = { van: dag('periodeVan', periodeVan), tot: dag('periodeTot', periodeTot) };
    if (p.tot < p.van) throw ongeldigePeriode(`${prefix}periodeTot`, `De periode eindigt (${p.tot}) voor ze begint (${p.van}).`);
  }
  const naam = periode !== undefined ? `${prefix}periode` : `${prefix}periodeVan`;
  if (p.van > vandaag) throw periodeInDeToekomst(naam, p.van);
  if (dagenTussen(p.van, p.tot) >= MAX_DAGEN) throw periodeTeLang(naam);
  return p;
}

/** Where a value of a measure without a rollup comes from: computed now. */
const LIVE: KpiVersheid = { bron: 'live', reden: null, rollupBijgewerktOp: null, herberekend: [] };

function geldend(definitie: KpiDefinitie, normen: KpiNorm[], op: string): GeldendeNorm | null {
  const eigen = normen.find((n) => n.kpi === definitie.code && n.geldigVanaf <= op);
  if (eigen) return { waarde: eigen.waarde, bron: eigen.bron, geldigVanaf: eigen.geldigVanaf };
  return definitie.norm ? { ...definitie.norm, geldigVanaf: null } : null;
}

function gehaald(definitie: KpiDefinitie, meting: KpiMeting, norm: GeldendeNorm | null): boolean | null {
  if (!norm || meting.status !== 'bekend') return null;
  return definitie.richting === 'hoger-is-beter' ? meting.waarde >= norm.waarde : meting.waarde <= norm.waarde;
}

/** The group of a breakdown row: its zaaktype or its queue. */
const groepVan = (m: KpiMeting): { zaaktype?: string; wachtrij?: string; team?: string; categorie?: string; locatie?: string; kanaal?: string; onderwerp?: string } => m.groep ?? {};

const uitMeting = (m: KpiMeting) => ({
  waarde: m.status === 'bekend' ? m.waarde : null,
  teller: m.status === 'bekend' ? m.teller : null,
  noemer: m.noemer,
  status: m.status,
  reden: m.status === 'niet-bekend' ? m.reden : null,
  inBehandeling: m.inBehandeling ?? null,
});

/**
 * The KPI register (ADR 0029): the definitions the modules declare, their stored versions, the
 * gemeente's norms, and values computed live from the operational data with the definition
 * they used. A value is a number with teller and noemer, or "niet bekend" with the reason;
 * never a guess.
 */
export function kpiService(deps: {
  repository: KpiRepository;
  maten: readonly KpiMaat[];
  /** The gemeente's closure days (termijnen module). */
  sluitingsdagen: (gemeente: string) => Promise<ReadonlyMap<string, string>>;
  zaaktypeBestaat: (gemeente: string, code: string) => Promise<boolean>;
  audit: AuditService;
  klok: Klok;
  /** Told when a measure's query fails (the value is then "niet bekend"). */
  meldFout?: ((fout: unknown, kpi: string) => void) | undefined;
}) {
  const { repository, maten, klok } = deps;
  controleerMaten(maten);
  const perCode = new Map(maten.map((m) => [m.definitie.code, m]));

  // Every declared version is stored once; a version whose text changed without a new number stops the register.
  let geregistreerd: Promise<void> | undefined;
  function registreer(): Promise<void> {
    geregistreerd ??= (async () => {
      for (const { definitie } of maten) {
        const eigen = vingerafdruk(definitie);
        const opgeslagen = await repository.registreer(definitie, eigen, klok.nu().toISOString());
        if (opgeslagen !== eigen) {
          throw new Error(`KPI "${definitie.code}" versie ${definitie.versie} is gewijzigd zonder nieuwe versie: geef de definitie een hoger versienummer.`);
        }
      }
    })().catch((error: unknown) => {
      geregistreerd = undefined;
      throw error;
    });
    return geregistreerd;
  }

  function maat(code: string): KpiMaat {
    const m = perCode.get(code);
    if (!m) throw kpiOnbekend(code);
    return m;
  }

  const vandaag = () => kalenderdag(klok.nu());

  /** The question to a measure from the query, refused (400) when the measure cannot answer it: the same checks for a value and its zaken. */
  async function vraagVan(gemeente: string, definitie: KpiDefinitie, invoer: WaardeInvoer, prefix: string): Promise<{ periode: Periode; vraag: KpiVraag }> {
    const { code } = definitie;
    const dag = vandaag();
    const periode = periodeUitInvoer(invoer, dag, prefix);
    if (invoer.uitsplitsing && !definitie.uitsplitsingen.includes(invoer.uitsplitsing)) throw uitsplitsingKanNiet(code, invoer.uitsplitsing);
    // A queue is only a selection of the telephony measures. (A measure without zaaktypen answers a zaaktype itself: "niet bekend".)
    if (invoer.wachtrij !== undefined && !definitie.uitsplitsingen.includes('wachtrij')) throw selectieKanNiet(code, 'wachtrij');
    if (invoer.team !== undefined && !definitie.uitsplitsingen.includes('team')) throw selectieKanNiet(code, 'team');
    if (invoer.categorie !== undefined && !definitie.uitsplitsingen.includes('categorie')) throw selectieKanNiet(code, 'categorie');
    if (invoer.locatie !== undefined && !definitie.uitsplitsingen.includes('locatie')) throw selectieKanNiet(code, 'locatie');
    if (invoer.kanaal !== undefined && !definitie.uitsplitsingen.includes('kanaal')) throw selectieKanNiet(code, 'kanaal');
    if (invoer.zaaktype !== undefined && !(await deps.zaaktypeBestaat(gemeente, invoer.zaaktype))) throw onbekendZaaktype(invoer.zaaktype);
    const vraag = { gemeente, van: periode.van, tot: periode.tot, vandaag: dag, sluitingsdagen: await deps.sluitingsdagen(gemeente), zaaktype: invoer.zaaktype, wachtrij: invoer.wachtrij, team: invoer.team, categorie: invoer.categorie, locatie: invoer.locatie, kanaal: invoer.kanaal };
    return { periode, vraag };
  }

  /**
   * The measurements of the questions with where they came from (measures without a rollup are
   * always live; those with one say which they used, ADR 0043). A failing computation is logged
   * and every value it was to give is "niet bekend".
   */
  async function gemeten(code: string, vragen: KpiVraag[], bereken: (vragen: KpiVraag[]) => Promise<(KpiMeting[] | KpiUitkomst)[]>): Promise<KpiUitkomst[]> {
    try {
      return (await bereken(vragen)).map((u) => (Array.isArray(u) ? { metingen: u, versheid: LIVE } : u));
    } catch (error) {
      deps.meldFout?.(error, code);
      return vragen.map(() => ({ metingen: [], versheid: LIVE }));
    }
  }

  /** A value as the API gives it: the whole selection (else "niet bekend": the computation failed), the norm at the period's end and, when asked, the breakdown. */
  function toon(gemeente: string, definitie: KpiDefinitie, invoer: WaardeInvoer, periode: Periode, uitkomst: KpiUitkomst | undefined, normen: KpiNorm[], berekendOp: string) {
    const dag = vandaag();
    const metingen = uitkomst?.metingen ?? [];
    const versheid = uitkomst?.versheid ?? LIVE;
    const geheel = metingen.find((m) => m.groep === null) ?? { groep: null, status: 'niet-bekend' as const, reden: MISLUKT, noemer: 0 };
    const norm = geldend(definitie, normen, periode.tot);
    return {
      code: definitie.code,
      naam: definitie.naam.nl,
      gemeente,
      periode,
      ...(definitie.periode.datum === 'peildatum' ? { peildatum: periode.tot < dag ? periode.tot : dag } : {}),
      zaaktype: invoer.zaaktype ?? null,
      ...(definitie.uitsplitsingen.includes('wachtrij') ? { wachtrij: invoer.wachtrij ?? null } : {}),
      ...(definitie.uitsplitsingen.includes('team') ? { team: invoer.team ?? null } : {}),
      ...(definitie.uitsplitsingen.includes('categorie') ? { categorie: invoer.categorie ?? null } : {}),
      ...(definitie.uitsplitsingen.includes('locatie') ? { locatie: invoer.locatie ?? null } : {}),
      ...(definitie.uitsplitsingen.includes('kanaal') ? { kanaal: invoer.kanaal ?? null } : {}),
      ...uitMeting(geheel),
      eenheid: definitie.eenheid,
      norm,
      normGehaald: gehaald(definitie, geheel, norm),
      /** The period has not ended yet: the value can still change. */
      voorlopig: periode.tot >= dag,
      definitie,
      berekendOp,
      versheid,
      ...(invoer.uitsplitsing
        ? {
            // Only the groups of the breakdown asked for (a measure may offer several, ADR 0074).
            uitsplitsing: metingen
              .filter((m) => m.groep !== null && invoer.uitsplitsing !== undefined && invoer.uitsplitsing in m.groep)
              .map((m) => ({ ...groepVan(m), ...uitMeting(m), normGehaald: gehaald(definitie, m, norm) })),
          }
        : {}),
    };
  }

  return {
    registreer,

    /** The current definitions (the newest version of each), in the order the modules declare them. */
    async definities(opties: { publiek?: boolean } = {}): Promise<KpiDefinitie[]> {
      await registreer();
      return maten.map((m) => m.definitie).filter((d) => !opties.publiek || d.publiek);
    },

    /** One definition with every version ever stored, newest first. */
    async definitie(code: string) {
      await registreer();
      const huidig = maat(code).definitie;
      return { ...huidig, versies: await repository.versies(code) };
    },

    /** The definitions with the norm that applies to the gemeente today and its own norms over time. */
    async voorGemeente(gemeente: string) {
      await registreer();
      const normen = await repository.normen(gemeente);
      const dag = vandaag();
      return maten.map(({ definitie }) => ({
        ...definitie,
        geldendeNorm: geldend(definitie, normen, dag),
        normen: normen.filter((n) => n.kpi === definitie.code).map(({ geldigVanaf, waarde, bron }) => ({ geldigVanaf, waarde, bron })),
        zakenLijst: perCode.get(definitie.code)?.zaken !== undefined,
      }));
    },

    /** One KPI for one gemeente and period, computed now from the data. */
    async waarde(gemeente: string, code: string, invoer: WaardeInvoer, prefix = 'query.') {
      await registreer();
      const { definitie, bereken } = maat(code);
      const { periode, vraag } = await vraagVan(gemeente, definitie, invoer, prefix);
      const berekendOp = klok.nu().toISOString();
      const [uitkomst] = await gemeten(code, [vraag], async ([v]) => (v ? [await bereken(v)] : []));
      return toon(gemeente, definitie, invoer, periode, uitkomst, await repository.normen(gemeente, code), berekendOp);
    },

    /**
     * A series (a trend): the value of a KPI for every period of size `per` in the chosen period
     * (the first and last cut to it), each as `waarde` answers it, with the definition and the
     * norm that applies today. A measure that can answer all periods at once (`berekenReeks`, a
     * rollup read in one go) does; another is asked period by period. `publiek`: only a KPI
     * marked public (the open API); another is refused as unknown there, so the open API says
     * nothing about the rest.
     */
    async reeks(gemeente: string, code: string, invoer: WaardeInvoer & { per: Periodegrootte; laatste?: number | undefined }, opties: { publiek: boolean }) {
      await registreer();
      const { definitie, bereken, berekenReeks } = maat(code);
      if (opties.publiek && !definitie.publiek) throw kpiNietPubliek(code);
      const dag = vandaag();
      let geheel: Periode;
      if (invoer.laatste !== undefined) {
        if (invoer.periode !== undefined || invoer.periodeVan !== undefined || invoer.periodeTot !== undefined) throw periodeDubbel();
        geheel = laatstePerioden(dag, invoer.per, invoer.laatste);
      } else geheel = periodeUitInvoer(invoer, dag);
      const delen = deelPeriode({ van: geheel.van, tot: geheel.tot < dag ? geheel.tot : dag }, invoer.per);
      if (delen.length > MAX_REEKS) throw reeksTeLang(delen.length, MAX_REEKS);
      const { periode: _p, periodeVan: _v, periodeTot: _t, per: _per, laatste: _l, ...selectie } = invoer;
      const vragen = [];
      for (const deel of delen) vragen.push({ invoer: { ...selectie, periodeVan: deel.van, periodeTot: deel.tot }, ...(await vraagVan(gemeente, definitie, { ...selectie, periodeVan: deel.van, periodeTot: deel.tot }, 'query.')) });
      const berekendOp = klok.nu().toISOString();
      const uitkomsten = await gemeten(
        code,
        vragen.map((v) => v.vraag),
        berekenReeks ??
          (async (vs) => {
            const uit = [];
            for (const v of vs) uit.push(await bereken(v));
            return uit;
          }),
      );
      const normen = await repository.normen(gemeente, code);
      const waarden = vragen.map((v, i) => {
        const { definitie: _d, code: _c, naam: _n, gemeente: _g, eenheid: _e, ...w } = toon(gemeente, definitie, v.invoer, v.periode, uitkomsten[i], normen, berekendOp);
        return w;
      });
      return { code: definitie.code, gemeente, periode: geheel, per: invoer.per, eenheid: definitie.eenheid, definitie, geldendeNorm: geldend(definitie, normen, dag), waarden };
    },

    /**
     * The zaken behind a value (the drill-down, ADR 0082): the rows the measure's query counts for
     * this period and selection — in the noemer, or (`deel` teller) above the line — so `geteld`
     * equals the value's teller or noemer. A confidential zaak the reader may not see is counted
     * (`verborgen`) but not listed. Oldest day first. `pagina`: one page of the visible zaken
     * (none: all, for the CSV). What is shown is written to the processing log.
     */
    async zaken(lezer: KpiLezer, gemeente: string, code: string, invoer: WaardeInvoer & { deel: KpiDeel }, pagina?: { offset: number; limit: number }) {
      await registreer();
      const m = maat(code);
      const { definitie } = m;
      if (!m.zaken) throw geenZakenLijst(code);
      if (invoer.deel === 'teller' && definitie.teller === null) throw geenTeller(code);
      const { periode, vraag } = await vraagVan(gemeente, definitie, invoer, 'query.');
      const rijen = (await m.zaken(vraag, { gebruiker: lezer.gebruiker, alles: heeftRecht(lezer.rollen, 'vertrouwelijkeZakenZien') })).filter((z) => invoer.deel === 'noemer' || z.teller === true);
      const zichtbaar = rijen.filter((z) => z.zichtbaar).toSorted((a, b) => a.datum.localeCompare(b.datum) || a.identificatie.localeCompare(b.identificatie));
      const getoond: KpiZaak[] = pagina ? zichtbaar.slice(pagina.offset, pagina.offset + pagina.limit) : zichtbaar;
      if (getoond.length > 0) {
        await deps.audit.verwerking(lezer.context, { gemeente, naam: 'kpi-zaken-bekijken', ...VERWERKING_ZAKEN, betrokkeneIds: [...new Set(getoond.map((z) => z.id))] });
      }
      return {
        code: definitie.code,
        naam: definitie.naam.nl,
        gemeente,
        periode,
        zaaktype: invoer.zaaktype ?? null,
        deel: invoer.deel,
        omschrijving: invoer.deel === 'teller' ? (definitie.teller ?? '') : definitie.noemer,
        geteld: rijen.length,
        verborgen: rijen.length - zichtbaar.length,
        zichtbaar: zichtbaar.length,
        zaken: getoond.map(({ zichtbaar: _z, ...zaak }) => zaak),
      };
    },

    /** A norm or target of the gemeente for a KPI, from a date on; an earlier norm stays for the periods before. */
    async voegNormToe(context: Context, gemeente: string, code: string, invoer: { waarde: number; bron: string; geldigVanaf: string }) {
      await registreer();
      maat(code);
      const norm = { kpi: code, ...invoer };
      if (!(await repository.voegNormToe(gemeente, norm, context.actorType === 'gebruiker' ? context.actorId : null, klok.nu().toISOString()))) throw normBestaat(invoer.geldigVanaf);
      await deps.audit.log(context, { gemeente, actie: 'kpi-norm-toevoegen', objectType: 'kpi', objectId: code, details: { ...invoer } });
      return { geldigVanaf: invoer.geldigVanaf, waarde: invoer.waarde, bron: invoer.bron };
    },
  };
}

export type KpiService = ReturnType<typeof kpiService>;
export type KpiWaarde = Awaited<ReturnType<KpiService['waarde']>>;
