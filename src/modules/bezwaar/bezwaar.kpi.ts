/**
 * The bezwaar measures of the KPI register (ADR 0029, ADR 0063): bezwaren decided within the legal
 * term, and the dwangsommen owed for deciding late (how many and how much). Each bezwaar's term
 * and dwangsom are folded from its steps with the same functions as its zaak detail.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiMaat, type KpiUitsplitsing, type KpiZaak } from '../kpi/kpi.definitie.ts';
import { zakenKpiRepository } from '../zaken/zaken.kpi.repository.ts';
import { bezwaarRepository } from './bezwaar.repository.ts';
import { dwangsomVan, standVan, termijnenVan } from './bezwaar.stand.ts';

const gemeenschappelijk = { eigenaar: 'Juridische zaken', module: 'bezwaar', publiek: false, uitsplitsingen: [] as KpiUitsplitsing[], norm: null };

export const BEZWAAR_DEFINITIES = {
  binnenTermijn: {
    code: 'bezwaren-beslist-binnen-termijn',
    versie: 1,
    naam: { nl: 'Bezwaren beslist binnen de termijn', en: 'Objections decided within the term' },
    doel: 'Laten zien of de gemeente op tijd beslist op bezwaren (Awb 7:10): te laat beslissen kost de inwoner tijd en de gemeente mogelijk een dwangsom.',
    teller: 'Beslissingen op bezwaar op of vóór het einde van de beslistermijn: 6 of 12 weken na het einde van de bezwaartermijn, met verdaging, uitstel met instemming en opschorting voor herstel (Awb 7:10).',
    noemer: 'Beslissingen op bezwaar in de periode.',
    periode: { datum: 'gebeurtenis', regel: 'De dag van de beslissing (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: ['Ingetrokken bezwaren: daarop wordt niet beslist.', 'Bezwaren die buiten Loket zijn behandeld.'],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    ...gemeenschappelijk,
  },
  dwangsommenAantal: {
    code: 'dwangsommen-verschuldigd',
    versie: 1,
    naam: { nl: 'Dwangsommen verschuldigd', en: 'Penalties owed for deciding late' },
    doel: 'Laten zien hoe vaak de gemeente een dwangsom verschuldigd is omdat zij na een ingebrekestelling niet op tijd op een bezwaar besliste (Awb 4:17).',
    teller: null,
    noemer: 'Bezwaren met een ingebrekestelling waarvoor de dwangsom in de periode begon te lopen (eerste verschuldigde dag in de periode, Awb 4:17 lid 3).',
    periode: { datum: 'gebeurtenis', regel: 'De eerste dag waarover de dwangsom verschuldigd is ligt in de periode en niet na vandaag.' },
    uitsluitingen: ['Of de dwangsom echt verschuldigd is (Awb 4:17 lid 6) beoordeelt de behandelaar; hier telt de berekening.'],
    eenheid: 'aantal',
    richting: 'lager-is-beter',
    ...gemeenschappelijk,
  },
  dwangsommenBedrag: {
    code: 'dwangsommen-bedrag',
    versie: 1,
    naam: { nl: 'Dwangsommen verschuldigd (euro)', en: 'Penalties owed for deciding late (euro)' },
    doel: 'Laten zien hoeveel geld de gemeente aan dwangsommen verschuldigd is voor te laat beslissen op bezwaren (Awb 4:17).',
    teller: null,
    noemer: 'Het bedrag van de dwangsommen die in de periode begonnen te lopen, geteld tot de beslissing of tot het einde van de periode (hoogstens vandaag): € 23, € 35 en € 45 per dag, hoogstens € 1.442 per bezwaar.',
    periode: { datum: 'gebeurtenis', regel: 'De eerste dag waarover de dwangsom verschuldigd is ligt in de periode en niet na vandaag.' },
    uitsluitingen: ['Of de dwangsom echt verschuldigd is (Awb 4:17 lid 6) beoordeelt de behandelaar; hier telt de berekening.'],
    eenheid: 'euro',
    richting: 'lager-is-beter',
    ...gemeenschappelijk,
  },
} satisfies Record<string, KpiDefinitie>;

/** The bezwaar measures, on one database. */
export function bezwaarKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = bezwaarRepository(db);
  const zaken = zakenKpiRepository(db);

  /** The bezwaren decided in the period (not withdrawn), each with whether the decision fell within the legal term. */
  async function beslist(gemeente: string, van: string, tot: string): Promise<{ zaakId: string; datum: string; tijdig: boolean }[]> {
    const uit = [];
    for (const b of await repository.metStap(gemeente, 'beslissing')) {
      const stand = standVan(b.stappen);
      const beslissing = stand.beslissing;
      if (!beslissing || beslissing.uitkomst === 'ingetrokken' || beslissing.datum < van || beslissing.datum > tot) continue;
      uit.push({ zaakId: b.besluit.zaakId, datum: beslissing.datum, tijdig: beslissing.datum <= termijnenVan(b.besluit, stand).beslistermijnEinde });
    }
    return uit;
  }

  async function dwangsommen(gemeente: string, van: string, tot: string, vandaag: string) {
    const peildatum = tot < vandaag ? tot : vandaag;
    const lopend = [];
    for (const b of await repository.metStap(gemeente, 'ingebrekestelling')) {
      const stand = standVan(b.stappen);
      const d = dwangsomVan(stand, termijnenVan(b.besluit, stand).beslistermijnEinde, peildatum);
      if (d && d.eersteDag >= van && d.eersteDag <= peildatum && d.dagen > 0) lopend.push(d);
    }
    return lopend;
  }

  return [
    {
      definitie: BEZWAAR_DEFINITIES.binnenTermijn,
      async bereken(v) {
        const rijen = await beslist(v.gemeente, v.van, v.tot);
        return [percentage(null, rijen.filter((r) => r.tijdig).length, rijen.length, 'Er is in deze periode niet op bezwaren beslist.')];
      },
      // The drill-down (ADR 0082): the same bezwaren, with what a list shows of each zaak.
      async zaken(v, kijker) {
        const rijen = await beslist(v.gemeente, v.van, v.tot);
        const gegevens = await zaken.gegevens(v.gemeente, rijen.map((r) => r.zaakId), kijker);
        return rijen.flatMap((r): KpiZaak[] => {
          const g = gegevens.get(r.zaakId);
          return g ? [{ ...g, datum: r.datum, teller: r.tijdig, waarde: null }] : [];
        });
      },
    },
    {
      definitie: BEZWAAR_DEFINITIES.dwangsommenAantal,
      async bereken(v) {
        const lopend = await dwangsommen(v.gemeente, v.van, v.tot, v.vandaag);
        return [{ groep: null, status: 'bekend', waarde: lopend.length, teller: null, noemer: lopend.length }];
      },
    },
    {
      definitie: BEZWAAR_DEFINITIES.dwangsommenBedrag,
      async bereken(v) {
        const lopend = await dwangsommen(v.gemeente, v.van, v.tot, v.vandaag);
        return [{ groep: null, status: 'bekend', waarde: lopend.reduce((som, d) => som + d.bedrag, 0), teller: null, noemer: lopend.length }];
      },
    },
  ];
}
