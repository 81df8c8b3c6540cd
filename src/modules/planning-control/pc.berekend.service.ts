import { ProblemError } from '../../http/problem.ts';
import type { Context } from '../audit/audit.service.ts';
import type { KpiWaarde } from '../kpi/kpi.service.ts';
import { berekenbareWaarden, metBerekendeWaarde, type BerekenbareWaarde } from './pc.berekend.ts';
import { geenBerekening, versieNietConcept, waardeNietBekend, waardeVoorlopig } from './pc.errors.ts';
import type { PcWaardeBerekend } from './pc.hoofdstuk.ts';
import type { PcStatus } from './pc.schemas.ts';
import type { PcService } from './pc.service.ts';

/** The KPI register as the P&C register uses it: one value of a KPI over a period. */
export interface PcKpiBron {
  waarde(gemeente: string, code: string, periode: { van: string; tot: string }): Promise<KpiWaarde>;
}

/** A computed value beside the typed one. */
export interface BerekendeWaarde extends Omit<BerekenbareWaarde, 'huidig'> {
  programma: string;
  programmaNaam: string;
  huidig: { tekst: string; getal: number | null; berekend: boolean };
  kpiNaam: string | null;
  status: 'bekend' | 'niet-bekend';
  reden: string | null;
  waarde: number | null;
  teller: number | null;
  noemer: number | null;
  eenheid: string | null;
  voorlopig: boolean;
  /** The typed value already is this computed value (same KPI version and number). */
  overgenomen: boolean;
}

/** A KPI value, or why there is none: an unknown KPI or a refused period is "niet bekend" with the reason, never an error page. */
async function bereken(kpi: PcKpiBron, gemeente: string, b: BerekenbareWaarde): Promise<KpiWaarde | { status: 'niet-bekend'; reden: string }> {
  try {
    return await kpi.waarde(gemeente, b.kpi, b.periode);
  } catch (error) {
    if (error instanceof ProblemError && error.status < 500) {
      const redenen = error.invalidParams?.map((p) => p.reason) ?? [];
      return { status: 'niet-bekend', reden: [error.detail ?? error.title, ...redenen].join(' ') };
    }
    throw error;
  }
}

const bron = (w: KpiWaarde): PcWaardeBerekend => ({
  kpi: w.code,
  versie: w.definitie.versie,
  naam: w.definitie.naam,
  teller: w.definitie.teller,
  noemer: w.definitie.noemer,
  regel: w.definitie.periode.regel,
  periode: w.periode,
  aantallen: { teller: w.teller, noemer: w.noemer },
  berekendOp: w.berekendOp,
});

/**
 * P&C indicators filled from operations (ADR 0079): for every indicator linked to a KPI, the value
 * the register computes beside the typed one, and accepting it into a concept version. Writes go
 * through the P&C service, so the lock, the etag and the audit line are those of any edit.
 */
export function pcBerekendService(deps: { pc: PcService; kpi: PcKpiBron }) {
  const { pc, kpi } = deps;
  return {
    async voorVersie(gemeente: string, versieId: string): Promise<{ versieId: string; status: PcStatus; overnemen: boolean; items: BerekendeWaarde[] }> {
      const v = await pc.versie(gemeente, versieId);
      const items: BerekendeWaarde[] = [];
      for (const { slug } of v.programmas) {
        const p = await pc.programma(gemeente, versieId, slug);
        for (const b of berekenbareWaarden(p.hoofdstuk)) {
          const w = await bereken(kpi, gemeente, b);
          const bekend = 'code' in w && w.status === 'bekend' && w.waarde !== null;
          const { huidig, ...plek } = b;
          items.push({
            ...plek,
            programma: slug,
            programmaNaam: p.naam,
            huidig: { tekst: huidig.tekst, getal: huidig.getal, berekend: huidig.berekend !== undefined },
            kpiNaam: 'code' in w ? w.naam : null,
            status: bekend ? 'bekend' : 'niet-bekend',
            reden: bekend ? null : (w.reden ?? 'Geen waarde.'),
            waarde: bekend ? w.waarde : null,
            teller: 'code' in w ? w.teller : null,
            noemer: 'code' in w ? w.noemer : null,
            eenheid: 'code' in w ? w.eenheid : null,
            voorlopig: 'code' in w ? w.voorlopig : false,
            overgenomen: bekend && huidig.berekend?.kpi === w.code && huidig.berekend.versie === w.definitie.versie && huidig.getal === Math.round((w.waarde ?? 0) * 10) / 10,
          });
        }
      }
      return { versieId, status: v.status, overnemen: v.status === 'concept', items };
    },

    /** Writes the computed value of one indicator's column into a concept version (409 for any other status, a value not known, or a period not over). */
    async neemOver(context: Context, gemeente: string, versieId: string, slug: string, nr: string, etag: number, kolom: string) {
      const p = await pc.programma(gemeente, versieId, slug);
      if (p.versie.status !== 'concept') throw versieNietConcept(p.versie.status);
      const b = berekenbareWaarden(p.hoofdstuk).find((x) => String(x.nr) === nr && x.kolom === kolom);
      if (!b) throw geenBerekening();
      const w = await bereken(kpi, gemeente, b);
      if ('code' in w && w.voorlopig) throw waardeVoorlopig(b.periode.tot);
      if (!('code' in w) || w.status !== 'bekend' || w.waarde === null) throw waardeNietBekend(w.reden ?? 'Geen waarde.');
      const indicator = p.hoofdstuk.indicatoren[b.nr - 1];
      const waarden = (indicator?.waarden ?? []).map((x) => (x.kolom === kolom ? metBerekendeWaarde(x, w.waarde as number, w.eenheid, bron(w)) : x));
      return pc.wijzigIndicator(context, gemeente, versieId, slug, nr, etag, { waarden });
    },
  };
}

export type PcBerekendService = ReturnType<typeof pcBerekendService>;
