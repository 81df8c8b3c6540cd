/**
 * The zaken module's measures in the KPI register (ADR 0029): each a declaration and one query
 * of zaken.kpi.repository.ts. Working days come from the termijnen module's calendar, never from
 * a rule of our own.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiKijker, type KpiMaat, type KpiMeting, type KpiUitkomst, type KpiVraag, type KpiZaak } from '../kpi/kpi.definitie.ts';
import { plusDagen, telWerkdagenNa, vrijeDag } from '../termijnen/kalender.ts';
import { zakenKpiRepository, type Groepsrij, type KpiZaakRij } from './zaken.kpi.repository.ts';
import { percentielUitHistogram } from '../kpi/kpi.histogram.ts';
import { telOp, type Samengeteld, type ZakenKpiRollup } from './zaken.kpi.rollup.ts';
import { projecteer } from './zaken.projectie.ts';

const EIGENAAR = 'Dienstverlening';
const AFGESLOTEN = 'De dag waarop de zaak is afgesloten (Europe/Amsterdam) ligt in de periode.';
const GEEN_ZAKEN = 'Er zijn in deze periode geen zaken die meetellen.';

const groepVan = (r: Groepsrij): KpiMeting['groep'] => (r.zaaktype === null ? null : { zaaktype: r.zaaktype });
/** The whole selection first, then the zaaktypen by code. */
const op = <T extends Groepsrij>(rijen: T[]): T[] => rijen.toSorted((a, b) => (a.zaaktype === null ? -1 : b.zaaktype === null ? 1 : a.zaaktype.localeCompare(b.zaaktype)));

/** Every day from `van` to `tot` with the number of working days from `van` up to and including it. */
export function werkdagtelling(van: string, tot: string, sluitingsdagen: ReadonlyMap<string, string>): { dagen: string[]; werkdagenTot: number[] } {
  const dagen: string[] = [];
  const werkdagenTot: number[] = [];
  let geteld = 0;
  for (let dag = van; dag <= tot; dag = plusDagen(dag, 1)) {
    if (!vrijeDag(dag, sluitingsdagen)) geteld++;
    dagen.push(dag);
    werkdagenTot.push(geteld);
  }
  return { dagen, werkdagenTot };
}

export const ZAKEN_DEFINITIES = {
  binnenNorm: {
    code: 'zaken-binnen-norm',
    versie: 1,
    naam: { nl: 'Zaken afgehandeld binnen de termijn', en: 'Cases closed within their term' },
    doel: 'Laten zien of we zaken afhandelen binnen de termijn die we de inwoner beloven of die de wet geeft.',
    teller: 'Zaken die uiterlijk op hun uiterlijke einddatum zijn afgesloten.',
    noemer: 'Zaken die in de periode zijn afgesloten.',
    periode: { datum: 'afgesloten', regel: AFGESLOTEN },
    uitsluitingen: [
      'Open zaken tellen niet mee (zie zaken-open-te-laat).',
      'De uiterlijke einddatum is de termijn van het zaaktype met verlengingen en opschortingen: een verlengde of opgeschorte zaak die binnen de nieuwe datum klaar is, telt als op tijd.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'zaken',
    publiek: true,
    uitsplitsingen: ['zaaktype'],
  },
  doorlooptijdMediaan: {
    code: 'zaken-doorlooptijd-mediaan',
    versie: 1,
    naam: { nl: 'Doorlooptijd (mediaan)', en: 'Lead time (median)' },
    doel: 'Laten zien hoe lang een inwoner gewoonlijk op de afhandeling wacht.',
    teller: null,
    noemer: 'Zaken die in de periode zijn afgesloten.',
    periode: { datum: 'afgesloten', regel: AFGESLOTEN },
    uitsluitingen: [
      'Werkdagen vanaf de dag na ontvangst tot en met de dag van afsluiten; weekenden, feestdagen en sluitingsdagen van de gemeente tellen niet.',
      'Opgeschorte dagen tellen wel mee: dit is de tijd die de inwoner wacht.',
      'De mediaan is een werkelijk voorkomende waarde: de helft van de zaken was in dit aantal werkdagen of minder klaar.',
    ],
    eenheid: 'werkdagen',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'zaken',
    publiek: true,
    uitsplitsingen: ['zaaktype'],
  },
  doorlooptijdP90: {
    code: 'zaken-doorlooptijd-p90',
    versie: 1,
    naam: { nl: 'Doorlooptijd (90e percentiel)', en: 'Lead time (90th percentile)' },
    doel: 'Laten zien hoe lang de langzaamste zaken duren: 90% van de zaken was in dit aantal werkdagen of minder klaar.',
    teller: null,
    noemer: 'Zaken die in de periode zijn afgesloten.',
    periode: { datum: 'afgesloten', regel: AFGESLOTEN },
    uitsluitingen: [
      'Werkdagen vanaf de dag na ontvangst tot en met de dag van afsluiten; weekenden, feestdagen en sluitingsdagen van de gemeente tellen niet.',
      'Opgeschorte dagen tellen wel mee.',
      'Het 90e percentiel is een werkelijk voorkomende waarde (de kleinste waarde waarbij minstens 90% van de zaken klaar was).',
    ],
    eenheid: 'werkdagen',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'zaken',
    publiek: true,
    uitsplitsingen: ['zaaktype'],
  },
  openTeLaat: {
    code: 'zaken-open-te-laat',
    versie: 1,
    naam: { nl: 'Open zaken over de termijn', en: 'Open cases past their deadline' },
    doel: 'Laten zien hoeveel inwoners op dit moment langer wachten dan we beloofden.',
    teller: 'Open zaken waarvan de uiterlijke einddatum op de peildatum voorbij is en die op die dag niet opgeschort zijn.',
    noemer: 'Zaken die aan het einde van de peildatum open waren (ontvangen en nog niet afgesloten).',
    periode: {
      datum: 'peildatum',
      regel: 'Een stand aan het einde van de laatste dag van de periode; loopt de periode door tot na vandaag, dan is de peildatum vandaag.',
    },
    uitsluitingen: [
      'Een opgeschorte zaak is niet te laat zolang ze opgeschort is: de termijn staat dan stil.',
      'Op de uiterlijke einddatum zelf is een zaak nog niet te laat.',
      'De termijn is de termijn zoals die op de peildatum gold: latere verlengingen en opschortingen tellen niet.',
    ],
    eenheid: 'aantal',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'zaken',
    publiek: false,
    uitsplitsingen: ['zaaktype'],
  },
  opschortingen: {
    code: 'zaken-opschortingen',
    versie: 1,
    naam: { nl: 'Opschortingen', en: 'Suspensions' },
    doel: 'Laten zien hoe vaak we een inwoner om informatie vragen en de termijn stilzetten.',
    teller: null,
    noemer: 'Opschortingen die in de periode begonnen.',
    periode: { datum: 'gebeurtenis', regel: 'De dag waarop de opschorting begon (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: ['Elke opschorting telt; een zaak die twee keer is opgeschort telt twee keer.'],
    eenheid: 'aantal',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'zaken',
    publiek: false,
    uitsplitsingen: ['zaaktype'],
  },
  verlengingen: {
    code: 'zaken-verlengingen',
    versie: 1,
    naam: { nl: 'Verlengingen', en: 'Extensions' },
    doel: 'Laten zien hoe vaak we de termijn van een zaak verlengen.',
    teller: null,
    noemer: 'Verlengingen die in de periode zijn besloten.',
    periode: { datum: 'gebeurtenis', regel: 'De dag waarop de verlenging is vastgelegd (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: ['Elke verlenging telt; een zaak die twee keer is verlengd telt twee keer.'],
    eenheid: 'aantal',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'zaken',
    publiek: false,
    uitsplitsingen: ['zaaktype'],
  },
  emailBinnen5: {
    code: 'email-binnen-5-werkdagen',
    versie: 2,
    naam: { nl: 'E-mail binnen 5 werkdagen afgehandeld', en: 'E-mail handled within 5 working days' },
    doel: 'Laten zien of inwoners die ons mailen binnen 5 werkdagen antwoord krijgen (Kader voor dienstverlening; indicator 2.2.1 van programma Samen besturen).',
    teller: 'E-mailvragen die uiterlijk op de 5e werkdag na ontvangst zijn afgesloten.',
    noemer: 'E-mailvragen die in de periode zijn ontvangen en waarvan de uitkomst bekend is: afgesloten, of nog open terwijl de 5e werkdag voorbij is.',
    periode: { datum: 'ontvangen', regel: 'De ontvangstdatum van de zaak ligt in de periode.' },
    uitsluitingen: [
      'Een e-mailvraag is een zaak met kanaal e-mail, van welk zaaktype ook: een mail aan het algemene adres van de gemeente die de e-mailintake tot zaak maakte, of een e-mail die een medewerker als zaak registreerde. Een antwoord in dezelfde draad is geen nieuwe e-mailvraag.',
      'Weekenden, feestdagen en sluitingsdagen van de gemeente tellen niet als werkdag.',
      'Verlengingen en opschortingen tellen niet: de grens is altijd de 5e werkdag na ontvangst.',
      'Een open vraag waarvan de 5e werkdag nog niet voorbij is, telt niet mee; de waarde zegt hoeveel dat er zijn (inBehandeling).',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Klantcontactcentrum',
    module: 'zaken',
    publiek: true,
    uitsplitsingen: ['zaaktype'],
  },
  vertragingGemeld: {
    code: 'zaken-vertraging-vooraf-gemeld',
    versie: 1,
    naam: { nl: 'Vertraging op tijd gemeld', en: 'Delay reported in time' },
    doel: 'Laten zien of we de inwoner op tijd vertellen dat het langer duurt ("Als dit niet lukt, dan nemen we contact op en leggen we uit waarom", Kader voor dienstverlening).',
    teller: 'Daarvan de termijnen waarover de inwoner uiterlijk op de laatste dag bericht kreeg: de verlenging zelf (de zaak mailt de nieuwe datum), of het bericht van de termijnbewaking over die einddatum.',
    noemer: 'Termijnen die niet gehaald werden met hun laatste dag in de periode: elke verlenging (de einddatum ervoor) en elke zaak die na haar uiterlijke einddatum nog open was (later afgesloten, of nu open en niet opgeschort).',
    periode: { datum: 'termijn', regel: 'De laatste dag van de termijn die niet gehaald werd ligt in de periode.' },
    uitsluitingen: [
      'Vrije berichten van medewerkers tellen niet: we kunnen niet zien of ze over de vertraging gaan.',
      'Een opgeschorte open zaak telt niet: haar termijn staat stil.',
      'Een verlenging telt als gemeld; de zaak mailt de nieuwe datum als de inwoner een e-mailadres gaf.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'zaken',
    publiek: false,
    uitsplitsingen: ['zaaktype'],
  },
} satisfies Record<string, KpiDefinitie>;

const selectie = (v: KpiVraag) => ({ gemeente: v.gemeente, van: v.van, tot: v.tot, zaaktype: v.zaaktype });

/** The lead-time measures from the rollup: the percentile of the added-up histograms, exact like the live query. */
const doorlooptijdUitRollup = (veld: 'mediaan' | 'p90') => (groepen: Samengeteld[]) =>
  groepen.map((g): KpiMeting => {
    const waarde = percentielUitHistogram(g.doorlooptijd, veld === 'mediaan' ? 0.5 : 0.9);
    return waarde === null ? { groep: groepVan(g), status: 'niet-bekend', reden: GEEN_ZAKEN, noemer: g.aantal } : { groep: groepVan(g), status: 'bekend', waarde, teller: null, noemer: g.aantal };
  });

/** Each day of the period with its fifth working day after it (email-binnen-5-werkdagen). */
function emailKalender(v: KpiVraag): { dagen: string[]; laatsteDag: string[] } {
  const dagen: string[] = [];
  const laatsteDag: string[] = [];
  for (let dag = v.van; dag <= v.tot; dag = plusDagen(dag, 1)) {
    dagen.push(dag);
    laatsteDag.push(telWerkdagenNa(dag, 5, v.sluitingsdagen).datum);
  }
  return { dagen, laatsteDag };
}

/**
 * The zaken measures, on one database. With `rollup`, the measures by closing day read it when it
 * is current for the period and fall back to their live query otherwise, saying which (ADR 0043).
 */
export function zakenKpis(db: Kysely<DB>, rollup?: ZakenKpiRollup): KpiMaat[] {
  const repository = zakenKpiRepository(db);
  const d = ZAKEN_DEFINITIES;

  /**
   * The rollup's rows turned into measurements when it is current, else the live query's, with
   * where they came from: for one period, or for the periods of a series (the same selection) at
   * once, read from the rollup in one go.
   */
  function uitRollupOfLive(uitRollup: (g: Samengeteld[]) => KpiMeting[], live: (v: KpiVraag) => Promise<KpiMeting[]>): Pick<KpiMaat, 'bereken' | 'berekenReeks'> {
    async function reeks(vragen: readonly KpiVraag[]): Promise<KpiUitkomst[]> {
      const [v] = vragen;
      if (!v) return [];
      const r = rollup ? await rollup.lees({ gemeente: v.gemeente, perioden: vragen.map(({ van, tot }) => ({ van, tot })), zaaktype: v.zaaktype, sluitingsdagen: v.sluitingsdagen }) : { reden: 'Deze installatie houdt geen rollup bij.' };
      if (Array.isArray(r)) return r.map(({ emmers, versheid }) => ({ metingen: uitRollup(op(telOp(emmers))), versheid }));
      const uit: KpiUitkomst[] = [];
      for (const vraag of vragen) uit.push({ metingen: await live(vraag), versheid: { bron: 'live', reden: r.reden, rollupBijgewerktOp: null, herberekend: [] } });
      return uit;
    }
    return {
      bereken: async (v) => {
        const [uitkomst] = await reeks([v]);
        if (!uitkomst) throw new Error('geen uitkomst');
        return uitkomst;
      },
      berekenReeks: reeks,
    };
  }

  /**
   * The drill-down (ADR 0082): the rows a measure counts with what a list shows of each zaak and
   * whether the asker may see it. `waarde`: the zaak's own amount, for the lead times.
   */
  async function metGegevens(v: KpiVraag, kijker: KpiKijker, rijen: KpiZaakRij[], waarde?: (rij: KpiZaakRij, ontvangstdatum: string) => number | null): Promise<KpiZaak[]> {
    const gegevens = await repository.gegevens(v.gemeente, [...new Set(rijen.map((r) => r.zaak_id))], kijker);
    return rijen.flatMap((r): KpiZaak[] => {
      const g = gegevens.get(r.zaak_id);
      if (!g) return [];
      const { id, identificatie, onderwerp, ontvangstdatum, afgeslotenOp, uiterlijkeEinddatum, opgeschort, team, zichtbaar } = g;
      return [{ id, identificatie, zaaktype: r.zaaktype, onderwerp, datum: r.datum, teller: r.teller, waarde: waarde ? waarde(r, ontvangstdatum) : null, ontvangstdatum, afgeslotenOp, uiterlijkeEinddatum, opgeschort, team, zichtbaar }];
    });
  }

  /** The zaken closed in the period with their lead time in werkdagen (the rows the lead-time measures count). */
  async function doorlooptijdZaken(v: KpiVraag, kijker: KpiKijker): Promise<KpiZaak[]> {
    const vroegste = await repository.vroegsteOntvangstAfgesloten(selectie(v));
    const { dagen, werkdagenTot } = werkdagtelling(vroegste ?? v.van, v.tot, v.sluitingsdagen);
    const tot = new Map(dagen.map((dag, i) => [dag, werkdagenTot[i] ?? 0]));
    const rijen = await repository.rijen(selectie(v), { soort: 'afgesloten' });
    return metGegevens(v, kijker, rijen.map((r) => ({ ...r, teller: null })), (r, ontvangen) => (tot.get(r.datum) ?? 0) - (tot.get(ontvangen) ?? 0));
  }

  /** The zaken open at the end of the peildatum, each with whether it was late then (zaken-open-te-laat). */
  async function openStand(v: KpiVraag): Promise<{ id: string; zaaktype: string; teLaat: boolean; peildatum: string }[]> {
    const peildatum = v.tot < v.vandaag ? v.tot : v.vandaag;
    const open = await repository.openOpPeildatum(v.gemeente, peildatum, v.zaaktype);
    return open.map((zaak) => {
      // The deadline as it stood on the peildatum: the zaken projection folded over the events up to then.
      const stand = projecteer({ ontvangstdatum: zaak.ontvangstdatum, norm: zaak.norm, gebeurtenissen: zaak.gebeurtenissen, vandaag: peildatum, sluitingsdagen: v.sluitingsdagen });
      return { id: zaak.id, zaaktype: zaak.zaaktype, teLaat: !stand.opgeschort && stand.uiterlijkeEinddatum < peildatum, peildatum };
    });
  }

  async function doorlooptijd(v: KpiVraag, veld: 'mediaan' | 'p90'): Promise<KpiMeting[]> {
    const vroegste = await repository.vroegsteOntvangstAfgesloten(selectie(v));
    const kalender = werkdagtelling(vroegste ?? v.van, v.tot, v.sluitingsdagen);
    const rijen = await repository.doorlooptijden(selectie(v), kalender);
    return op(rijen).map((r): KpiMeting => {
      const waarde = r[veld];
      return waarde === null ? { groep: groepVan(r), status: 'niet-bekend', reden: GEEN_ZAKEN, noemer: r.aantal } : { groep: groepVan(r), status: 'bekend', waarde, teller: null, noemer: r.aantal };
    });
  }

  async function telling(v: KpiVraag, soort: 'opschorting' | 'verlenging'): Promise<KpiMeting[]> {
    const rijen = await repository.gebeurtenissenInPeriode(selectie(v), soort);
    return op(rijen).map((r): KpiMeting => ({ groep: groepVan(r), status: 'bekend', waarde: r.aantal, teller: null, noemer: r.aantal }));
  }

  return [
    {
      definitie: d.binnenNorm,
      ...uitRollupOfLive(
        (groepen) => groepen.map((g) => percentage(groepVan(g), g.binnenNorm, g.aantal, GEEN_ZAKEN)),
        async (v) => op(await repository.afgehandeldBinnenNorm(selectie(v))).map((r) => percentage(groepVan(r), r.teller, r.noemer, GEEN_ZAKEN)),
      ),
      zaken: async (v, kijker) => metGegevens(v, kijker, await repository.rijen(selectie(v), { soort: 'afgesloten' })),
    },
    { definitie: d.doorlooptijdMediaan, ...uitRollupOfLive(doorlooptijdUitRollup('mediaan'), (v) => doorlooptijd(v, 'mediaan')), zaken: doorlooptijdZaken },
    { definitie: d.doorlooptijdP90, ...uitRollupOfLive(doorlooptijdUitRollup('p90'), (v) => doorlooptijd(v, 'p90')), zaken: doorlooptijdZaken },
    {
      definitie: d.openTeLaat,
      async bereken(v) {
        const tellers = new Map<string | null, { open: number; teLaat: number }>([[null, { open: 0, teLaat: 0 }]]);
        for (const zaak of await openStand(v)) {
          for (const sleutel of [null, zaak.zaaktype]) {
            const t = tellers.get(sleutel) ?? { open: 0, teLaat: 0 };
            tellers.set(sleutel, { open: t.open + 1, teLaat: t.teLaat + (zaak.teLaat ? 1 : 0) });
          }
        }
        return op([...tellers].map(([zaaktype, t]) => ({ zaaktype, ...t }))).map((r): KpiMeting => ({ groep: groepVan(r), status: 'bekend', waarde: r.teLaat, teller: r.teLaat, noemer: r.open }));
      },
      zaken: async (v, kijker) => metGegevens(v, kijker, (await openStand(v)).map((z) => ({ zaak_id: z.id, zaaktype: z.zaaktype, datum: z.peildatum, teller: z.teLaat }))),
    },
    { definitie: d.opschortingen, bereken: (v) => telling(v, 'opschorting'), zaken: async (v, kijker) => metGegevens(v, kijker, await repository.rijen(selectie(v), { soort: 'opschorting' })) },
    { definitie: d.verlengingen, bereken: (v) => telling(v, 'verlenging'), zaken: async (v, kijker) => metGegevens(v, kijker, await repository.rijen(selectie(v), { soort: 'verlenging' })) },
    {
      definitie: d.emailBinnen5,
      async bereken(v) {
        const rijen = await repository.emailBinnenTermijn(selectie(v), v.vandaag, emailKalender(v));
        return op(rijen).map((r): KpiMeting => {
          if (r.noemer > 0) return { ...percentage(groepVan(r), r.teller, r.noemer, GEEN_ZAKEN), inBehandeling: r.inBehandeling } as KpiMeting;
          const reden =
            r.inBehandeling > 0
              ? `Nog geen uitkomst bekend: ${r.inBehandeling} ${r.inBehandeling === 1 ? 'e-mailvraag is' : 'e-mailvragen zijn'} nog in behandeling binnen de 5 werkdagen.`
              : 'Er zijn in deze periode geen e-mailvragen ontvangen (zaken met kanaal e-mail).';
          return { groep: groepVan(r), status: 'niet-bekend', reden, noemer: 0, inBehandeling: r.inBehandeling };
        });
      },
      zaken: async (v, kijker) => metGegevens(v, kijker, await repository.rijen(selectie(v), { soort: 'email', vandaag: v.vandaag, kalender: emailKalender(v) })),
    },
    {
      definitie: d.vertragingGemeld,
      async bereken(v) {
        return op(await repository.vertragingGemeld(selectie(v), v.vandaag)).map((r) =>
          percentage(groepVan(r), r.teller, r.noemer, 'Er zijn in deze periode geen termijnen verlengd of overschreden.'),
        );
      },
      zaken: async (v, kijker) => metGegevens(v, kijker, await repository.rijen(selectie(v), { soort: 'vertraging', vandaag: v.vandaag })),
    },
  ];
}
