/**
 * The measures of meldingen openbare ruimte in the KPI register (ADR 0029, ADR 0056, ADR 0074):
 * the turnaround of external partners (meldingen.partners.repository.ts); handled within the
 * norm per team and category, the reopen rate, satisfaction after closing and merged duplicates
 * (meldingen.kpi.repository.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiKijker, type KpiMaat, type KpiVraag, type KpiZaak } from '../kpi/kpi.definitie.ts';
import { zakenKpiRepository } from '../zaken/zaken.kpi.repository.ts';
import { ktoRepository } from '../kto/kto.repository.ts';
import { meldingenKpiRepository } from './meldingen.kpi.repository.ts';
import { MELDING_ZAAKTYPE } from './meldingen.service.ts';
import { plusDagen } from '../termijnen/kalender.ts';
import { meldingPartnersRepository } from './meldingen.partners.repository.ts';

export const MELDINGEN_DEFINITIES = {
  partnerDoorlooptijd: {
    code: 'meldingen-partner-doorlooptijd-mediaan',
    versie: 1,
    naam: { nl: 'Doorlooptijd bij partners (mediaan)', en: 'Partner turnaround (median)' },
    doel: 'Laten zien hoe snel externe partners meldingen openbare ruimte oppakken die de gemeente aan hen doorzet, zodat de gemeente afspraken met partners kan volgen.',
    teller: null,
    noemer: 'Doorzendingen van een melding naar een partner waarvoor de partner in de periode "gereed" of "niet mogelijk" doorgaf.',
    periode: { datum: 'gebeurtenis', regel: 'Het moment waarop de partner "gereed" of "niet mogelijk" doorgaf (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Doorzendingen waarvoor de partner nog niets of alleen "ingepland" of "in behandeling" doorgaf, tellen niet mee.',
      'Alleen de eerste "gereed" of "niet mogelijk" na een doorzending telt; een nieuwe doorzending begint opnieuw.',
      'De tijd is kalendertijd in seconden, ook buiten werkdagen. De mediaan is een werkelijk voorkomende waarde.',
    ],
    eenheid: 'seconden',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: 'Team Openbare ruimte',
    module: 'meldingen',
    publiek: false,
    uitsplitsingen: [],
  },
  binnenNorm: {
    code: 'meldingen-binnen-norm',
    versie: 1,
    naam: { nl: 'Meldingen afgehandeld binnen de norm', en: 'Reports handled within the norm' },
    doel: 'Laten zien welk deel van de meldingen openbare ruimte de gemeente afhandelt binnen de norm van de categorie, per categorie en per team, zodat teams zien waar het werk achterloopt.',
    teller: 'Meldingen die zijn afgehandeld op of voor hun uiterlijke einddatum (de dag van afsluiten in Europe/Amsterdam).',
    noemer: 'Meldingen openbare ruimte die nu afgesloten zijn en in de periode zijn afgesloten.',
    periode: { datum: 'afgesloten', regel: 'Het moment van afsluiten (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Meldingen die zijn samengevoegd met een andere melding tellen niet mee: de hoofdmelding telt.',
      'De uiterlijke einddatum volgt uit de norm van de categorie in werkdagen, met verlengingen en opschortingen; na heropenen geldt de nieuwe termijn.',
      'Heropende meldingen die nog open zijn tellen niet mee tot ze opnieuw zijn afgesloten.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Team Openbare ruimte',
    module: 'meldingen',
    publiek: false,
    uitsplitsingen: ['team', 'categorie'],
  },
  heropend: {
    code: 'meldingen-heropend',
    versie: 1,
    naam: { nl: 'Heropende meldingen', en: 'Reopened reports' },
    doel: 'Laten zien hoe vaak een afgehandelde melding openbare ruimte opnieuw open moet, omdat de melder niet tevreden was en het team het verzoek accepteerde.',
    teller: 'Meldingen die na hun afsluiting in de periode zijn heropend (tot nu).',
    noemer: 'Meldingen openbare ruimte die in de periode zijn afgesloten (de eerste afsluiting in de periode telt).',
    periode: { datum: 'afgesloten', regel: 'Het moment van afsluiten (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Meldingen die zijn samengevoegd met een andere melding tellen niet mee.',
      'Een afgewezen verzoek om heropenen telt niet als heropend.',
      'Een melding telt één keer, ook als hij vaker is afgesloten.',
    ],
    eenheid: 'procent',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: 'Team Openbare ruimte',
    module: 'meldingen',
    publiek: false,
    uitsplitsingen: [],
  },
  tevreden: {
    code: 'meldingen-tevreden-na-afhandeling',
    versie: 1,
    naam: { nl: 'Melders tevreden na afhandeling', en: 'Reporters satisfied after closing' },
    doel: 'Laten zien welk deel van de melders openbare ruimte tevreden is over de afhandeling (de vraag na afhandeling: tevreden ja of nee).',
    teller: 'Antwoorden "ja" op de vraag na afhandeling van een melding openbare ruimte.',
    noemer: 'Antwoorden op de vraag na afhandeling van meldingen openbare ruimte die in de periode binnenkwamen.',
    periode: { datum: 'gebeurtenis', regel: 'Het moment van het antwoord (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Alleen melders met een e-mailadres uit de steekproef die in de 30 dagen ervoor geen vraag kregen.',
      'Samengevoegde meldingen krijgen geen vraag.',
      'Vragen zonder antwoord tellen niet mee.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Team Openbare ruimte',
    module: 'meldingen',
    publiek: false,
    uitsplitsingen: [],
  },
  samengevoegd: {
    code: 'meldingen-samengevoegd',
    versie: 1,
    naam: { nl: 'Samengevoegde meldingen', en: 'Merged reports' },
    doel: 'Laten zien hoeveel meldingen openbare ruimte over een probleem gingen dat al gemeld was en met een andere melding zijn samengevoegd (de teller is het aantal).',
    teller: 'Meldingen die zijn samengevoegd met een andere (hoofd)melding (tot nu).',
    noemer: 'Meldingen openbare ruimte die in de periode zijn ontvangen.',
    periode: { datum: 'ontvangen', regel: 'Het moment van ontvangst van de melding (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: ['Een inwoner die bij het melden koos voor "Dit is dezelfde" maakt geen nieuwe melding en telt niet mee.'],
    eenheid: 'procent',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: 'Team Openbare ruimte',
    module: 'meldingen',
    publiek: false,
    uitsplitsingen: [],
  },
} satisfies Record<string, KpiDefinitie>;

/** The start of a calendar day in Amsterdam, as an instant. */
async function begin(db: Kysely<DB>, dag: string): Promise<string> {
  const r = await sql<{ t: string | Date }>`select (${dag}::date::timestamp at time zone 'Europe/Amsterdam') as t`.execute(db);
  return new Date(r.rows[0]?.t ?? dag).toISOString();
}

const GEEN_UITSPLITSING = 'Deze meting heeft deze uitsplitsing niet.';
/** A zaaktype other than meldingen, or a telephone queue: nothing to count. */
const nietVoorMeldingen = (v: KpiVraag) => v.wachtrij !== undefined || (v.zaaktype !== undefined && v.zaaktype !== MELDING_ZAAKTYPE);

/** The meldingen measures, on one database. */
export function meldingenKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = meldingPartnersRepository(db);
  const tellingen = meldingenKpiRepository(db);
  const kto = ktoRepository(db);
  const periode = async (v: KpiVraag) => ({ van: await begin(db, v.van), tot: await begin(db, plusDagen(v.tot, 1)) });
  const zaken = zakenKpiRepository(db);
  /** The drill-down (ADR 0082): the rows the measure counts, with what a list shows of each melding's zaak. */
  const lijst = async (v: KpiVraag, kijker: KpiKijker, maat: Parameters<typeof tellingen.rijen>[3]): Promise<KpiZaak[]> => {
    if (nietVoorMeldingen(v)) return [];
    const { van, tot } = await periode(v);
    const rijen = await tellingen.rijen(v.gemeente, van, tot, maat);
    const gegevens = await zaken.gegevens(v.gemeente, rijen.map((r) => r.zaakId), kijker);
    return rijen.flatMap((r): KpiZaak[] => {
      const g = gegevens.get(r.zaakId);
      return g ? [{ ...g, datum: r.datum, teller: r.teller, waarde: null }] : [];
    });
  };
  return [
    {
      definitie: MELDINGEN_DEFINITIES.binnenNorm,
      async bereken(v) {
        const leeg = 'Er zijn in deze periode geen meldingen afgesloten.';
        if (nietVoorMeldingen(v)) return [{ groep: null, status: 'niet-bekend', reden: GEEN_UITSPLITSING, noemer: 0 }];
        const { van, tot } = await periode(v);
        const filter = { team: v.team, categorie: v.categorie };
        const [geheel, ...perTeam] = await tellingen.binnenNorm(v.gemeente, van, tot, 'team', filter);
        const [, ...perCategorie] = await tellingen.binnenNorm(v.gemeente, van, tot, 'categorie', filter);
        return [
          percentage(null, geheel?.teller ?? 0, geheel?.noemer ?? 0, leeg),
          ...perTeam.map((t) => percentage({ team: t.groep ?? '' }, t.teller, t.noemer, leeg)),
          ...perCategorie.map((c) => percentage({ categorie: c.groep ?? '' }, c.teller, c.noemer, leeg)),
        ];
      },
      zaken: (v, kijker) => lijst(v, kijker, { soort: 'binnenNorm', filter: { team: v.team, categorie: v.categorie } }),
    },
    {
      definitie: MELDINGEN_DEFINITIES.heropend,
      async bereken(v) {
        if (nietVoorMeldingen(v)) return [{ groep: null, status: 'niet-bekend', reden: GEEN_UITSPLITSING, noemer: 0 }];
        const { van, tot } = await periode(v);
        const t = await tellingen.heropend(v.gemeente, van, tot);
        return [percentage(null, t.teller, t.noemer, 'Er zijn in deze periode geen meldingen afgesloten.')];
      },
      zaken: (v, kijker) => lijst(v, kijker, { soort: 'heropend' }),
    },
    {
      definitie: MELDINGEN_DEFINITIES.tevreden,
      async bereken(v) {
        if (nietVoorMeldingen(v)) return [{ groep: null, status: 'niet-bekend', reden: GEEN_UITSPLITSING, noemer: 0 }];
        const rij = (await kto.tevredenheid(v.gemeente, v.van, v.tot, { zaaktype: MELDING_ZAAKTYPE })).find((r) => r.groep === null);
        return [percentage(null, rij?.tevreden ?? 0, rij?.antwoorden ?? 0, 'Er kwamen in deze periode geen antwoorden van melders binnen.')];
      },
    },
    {
      definitie: MELDINGEN_DEFINITIES.samengevoegd,
      async bereken(v) {
        if (nietVoorMeldingen(v)) return [{ groep: null, status: 'niet-bekend', reden: GEEN_UITSPLITSING, noemer: 0 }];
        const { van, tot } = await periode(v);
        const t = await tellingen.samengevoegd(v.gemeente, van, tot);
        return [percentage(null, t.teller, t.noemer, 'Er zijn in deze periode geen meldingen ontvangen.')];
      },
      zaken: (v, kijker) => lijst(v, kijker, { soort: 'samengevoegd' }),
    },
    {
      definitie: MELDINGEN_DEFINITIES.partnerDoorlooptijd,
      async bereken(v) {
        if (v.wachtrij !== undefined || v.zaaktype !== undefined) return [{ groep: null, status: 'niet-bekend', reden: 'Deze meting heeft geen uitsplitsing.', noemer: 0 }];
        const tijden = (await repository.doorlooptijden(v.gemeente, await begin(db, v.van), await begin(db, plusDagen(v.tot, 1)))).toSorted((a, b) => a - b);
        const mediaan = tijden[Math.floor((tijden.length - 1) / 2)];
        if (mediaan === undefined) return [{ groep: null, status: 'niet-bekend', reden: 'Geen partner gaf in deze periode "gereed" of "niet mogelijk" door.', noemer: 0 }];
        return [{ groep: null, status: 'bekend', waarde: mediaan, teller: null, noemer: tijden.length }];
      },
    },
  ];
}
