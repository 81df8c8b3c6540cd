/**
 * The measures of meldingen openbare ruimte in the KPI register (ADR 0029, ADR 0056): the
 * turnaround of external partners, from the routing history (meldingen.partners.repository.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { KpiDefinitie, KpiMaat } from '../kpi/kpi.definitie.ts';
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
} satisfies Record<string, KpiDefinitie>;

/** The start of a calendar day in Amsterdam, as an instant. */
async function begin(db: Kysely<DB>, dag: string): Promise<string> {
  const r = await sql<{ t: string | Date }>`select (${dag}::date::timestamp at time zone 'Europe/Amsterdam') as t`.execute(db);
  return new Date(r.rows[0]?.t ?? dag).toISOString();
}

/** The meldingen measures, on one database. */
export function meldingenKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = meldingPartnersRepository(db);
  return [
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
