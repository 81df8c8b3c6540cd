/**
 * The balie measures in the KPI register (ADR 0029; issue 14: "waiting time at the desk and
 * no-show rate go into the KPI register"): each a declaration and one query of
 * afspraken.kpi.repository.ts, for the whole gemeente and per location of the balie.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiMaat, type KpiMeting } from '../kpi/kpi.definitie.ts';
import { afsprakenKpiRepository, type WachttijdRij } from './afspraken.kpi.repository.ts';

const PERIODE = { datum: 'gebeurtenis', regel: 'Het begin van de afspraak (Europe/Amsterdam) ligt in de periode.' } as const;
const WACHTTIJD_UITSLUITINGEN = [
  'Alleen afspraken die aan de balie zijn ingecheckt én als geholpen gemarkeerd: zonder inchecken of zonder geholpen is er geen wachttijd.',
  'Wachttijd = het moment van geholpen min het eerste moment van inchecken, in hele seconden.',
  'Geannuleerde afspraken en afspraken die niet verschenen tellen niet.',
  'Afspraken hebben geen zaaktype: met een filter op zaaktype is de waarde niet bekend.',
];

export const AFSPRAKEN_DEFINITIES = {
  wachttijdMediaan: {
    code: 'balie-wachttijd-mediaan',
    versie: 1,
    naam: { nl: 'Wachttijd aan de balie (mediaan)', en: 'Waiting time at the desk (median)' },
    doel: 'Laten zien hoe lang inwoners met een afspraak aan de balie wachten tussen inchecken en geholpen worden; de helft wacht korter.',
    teller: null,
    noemer: 'Afspraken in de periode die zijn ingecheckt en als geholpen gemarkeerd.',
    periode: PERIODE,
    uitsluitingen: WACHTTIJD_UITSLUITINGEN,
    eenheid: 'seconden',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: 'Publiekszaken',
    module: 'afspraken',
    publiek: false,
    uitsplitsingen: ['locatie'],
  },
  wachttijdP90: {
    code: 'balie-wachttijd-p90',
    versie: 1,
    naam: { nl: 'Wachttijd aan de balie (90e percentiel)', en: 'Waiting time at the desk (90th percentile)' },
    doel: 'Laten zien hoe lang de langste wachttijden aan de balie zijn: 9 van de 10 inwoners met een afspraak wachten niet langer.',
    teller: null,
    noemer: 'Afspraken in de periode die zijn ingecheckt en als geholpen gemarkeerd.',
    periode: PERIODE,
    uitsluitingen: WACHTTIJD_UITSLUITINGEN,
    eenheid: 'seconden',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: 'Publiekszaken',
    module: 'afspraken',
    publiek: false,
    uitsplitsingen: ['locatie'],
  },
  nietVerschenen: {
    code: 'balie-niet-verschenen',
    versie: 1,
    naam: { nl: 'Afspraken waarvoor niemand kwam', en: 'No-show rate at the desk' },
    doel: 'Laten zien hoeveel afspraken aan de balie niet gebruikt worden, zodat de gemeente herinneringen en het aanbod van tijden kan verbeteren.',
    teller: 'Afspraken die de balie als niet verschenen markeerde.',
    noemer: 'Afspraken in de periode die de balie markeerde: ingecheckt, geholpen of niet verschenen.',
    periode: PERIODE,
    uitsluitingen: [
      'Geannuleerde afspraken tellen niet.',
      'Afspraken die de balie (nog) niet markeerde, tellen niet: daarvan is niet bekend of iemand kwam.',
      'Afspraken hebben geen zaaktype: met een filter op zaaktype is de waarde niet bekend.',
    ],
    eenheid: 'procent',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: 'Publiekszaken',
    module: 'afspraken',
    publiek: false,
    uitsplitsingen: ['locatie'],
  },
} satisfies Record<string, KpiDefinitie>;

const GEEN_ZAAKTYPE: KpiMeting[] = [{ groep: null, status: 'niet-bekend', reden: 'Afspraken hebben geen zaaktype: deze maat bestaat alleen voor alle afspraken samen.', noemer: 0 }];
const groepVan = (locatie: string | null): KpiMeting['groep'] => (locatie === null ? null : { locatie });

function wachttijd(rijen: WachttijdRij[], veld: 'mediaan' | 'p90'): KpiMeting[] {
  return rijen.map((r) => {
    const waarde = r[veld];
    return waarde === null || r.aantal === 0
      ? { groep: groepVan(r.locatie), status: 'niet-bekend', reden: 'Er zijn in deze periode geen afspraken ingecheckt en geholpen.', noemer: 0 }
      : { groep: groepVan(r.locatie), status: 'bekend', waarde, teller: null, noemer: r.aantal };
  });
}

/** The balie measures, on one database. */
export function afsprakenKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = afsprakenKpiRepository(db);
  return [
    {
      definitie: AFSPRAKEN_DEFINITIES.wachttijdMediaan,
      bereken: async (v) => (v.zaaktype !== undefined ? GEEN_ZAAKTYPE : wachttijd(await repository.wachttijden(v.gemeente, v.van, v.tot, v.locatie), 'mediaan')),
    },
    {
      definitie: AFSPRAKEN_DEFINITIES.wachttijdP90,
      bereken: async (v) => (v.zaaktype !== undefined ? GEEN_ZAAKTYPE : wachttijd(await repository.wachttijden(v.gemeente, v.van, v.tot, v.locatie), 'p90')),
    },
    {
      definitie: AFSPRAKEN_DEFINITIES.nietVerschenen,
      async bereken(v) {
        if (v.zaaktype !== undefined) return GEEN_ZAAKTYPE;
        const rijen = await repository.nietVerschenen(v.gemeente, v.van, v.tot, v.locatie);
        return rijen.map((r) => percentage(groepVan(r.locatie), r.nietVerschenen, r.afgerond, 'Er zijn in deze periode geen afspraken die de balie markeerde.'));
      },
    },
  ];
}
