import type { InvalidParam } from '../../http/problem.ts';
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { berekenTermijn, feestdagen, kalenderdag, leesDatum, leesDuur, schrijfDuur, vrijeDag, type Duur, type Sluitingsdagen, type VrijeDag } from './kalender.ts';
import type { SluitingsdagenRepository } from './sluitingsdagen.repository.ts';
import { alVrij, gemeenteOnbekend, sluitingsdagBestaat, sluitingsdagOnbekend, termijnOngeldig } from './termijnen.errors.ts';

/** A computed term as the API and `loket termijn --json` present it. */
export interface TermijnUitkomst {
  startdatum: string;
  duur: string;
  soort: 'wettelijk' | 'werkdagen';
  einddatum: string;
  kalendereinde: string | null;
  verschoven: VrijeDag[];
  regel: string;
  gemeente: string | null;
}

/** Checks startdatum and duur together; every invalid one is named (the kalender's own messages). */
export function leesTermijnInvoer(invoer: { startdatum: string; duur: string }, prefix = ''): { startdatum: string; duur: Duur } {
  const fouten: InvalidParam[] = [];
  let duur: Duur | undefined;
  try {
    leesDatum(invoer.startdatum);
  } catch (error) {
    fouten.push({ name: `${prefix}startdatum`, code: 'ongeldige-datum', reason: (error as Error).message });
  }
  try {
    duur = leesDuur(invoer.duur);
  } catch (error) {
    fouten.push({ name: `${prefix}duur`, code: 'ongeldige-duur', reason: (error as Error).message });
  }
  if (fouten.length > 0 || !duur) throw termijnOngeldig(fouten);
  return { startdatum: invoer.startdatum, duur };
}

/** Computes a checked term (pure: the CLI uses it without a database). */
export function termijnUitkomst(startdatum: string, duur: Duur, sluitingsdagen?: Sluitingsdagen, gemeente: string | null = null): TermijnUitkomst {
  const t = berekenTermijn(startdatum, duur, sluitingsdagen);
  return {
    startdatum,
    duur: schrijfDuur(duur),
    soort: duur.soort === 'werkdagen' ? 'werkdagen' : 'wettelijk',
    einddatum: t.einddatum,
    kalendereinde: t.kalendereinde,
    verschoven: t.verschoven,
    regel: t.regel,
    gemeente,
  };
}

/** How long this node reuses a gemeente's closure days it read (milliseconds); a change empties it at once. */
const BEWAAR_MS = 5_000;
const MAX_GEMEENTEN = 1_000;

/** Terms (statutory and werkdagen) and the closure days of a gemeente they may skip. */
export function termijnenService(deps: { repository: SluitingsdagenRepository; gemeenten: GemeentenRepository; audit: AuditService; klok: Klok; signalen: Signalen }) {
  const { repository, gemeenten, audit, klok, signalen } = deps;

  async function lees(gemeente: string, vanJaar?: number, totJaar?: number): Promise<Map<string, string>> {
    const dagen = await repository.tussen(gemeente, vanJaar === undefined ? undefined : `${vanJaar}-01-01`, totJaar === undefined ? undefined : `${totJaar}-12-31`);
    return new Map(dagen.map((d) => [d.datum, d.naam]));
  }

  // All closure days of a gemeente are read for every deadline a zaak shows; they change a few
  // times a year. Each node keeps them for a few seconds; a change, on any node, empties the
  // gemeente's entry on every node when it is committed (ADR 0016, 0023).
  const bewaard = gedeeldeCache<Map<string, string>>({ signalen, kanaal: KANAAL.sluitingsdagen, ms: BEWAAR_MS, max: MAX_GEMEENTEN, raakt: (signaal, gemeente) => signaal === gemeente });
  const vergeet = (gemeente: string) => bewaard.vergeet((code) => code === gemeente);

  async function sluitingsdagen(gemeente: string, vanJaar?: number, totJaar?: number): Promise<Map<string, string>> {
    if (vanJaar !== undefined || totJaar !== undefined) return lees(gemeente, vanJaar, totJaar);
    return (await bewaard.haal(gemeente, () => lees(gemeente))) ?? new Map();
  }

  return {
    /**
     * The last day of a term. With a gemeente its closure days count for werkdagen (an unknown
     * gemeente is invalid input, like an invalid date); statutory terms never look at them.
     */
    async bereken(invoer: { startdatum: string; duur: string; gemeente?: string | undefined }, prefix = ''): Promise<TermijnUitkomst> {
      const { startdatum, duur } = leesTermijnInvoer(invoer, prefix);
      const gemeente = invoer.gemeente ?? null;
      if (gemeente && !(await gemeenten.opCode(gemeente))) {
        throw gemeenteOnbekend(`${prefix}gemeente`, gemeente);
      }
      const dicht = gemeente && duur.soort === 'werkdagen' ? await sluitingsdagen(gemeente, Number(startdatum.slice(0, 4))) : undefined;
      return termijnUitkomst(startdatum, duur, dicht, gemeente);
    },

    sluitingsdagen,

    /** The public holidays of a year (default: this year in Europe/Amsterdam). */
    feestdagen(jaar?: number) {
      const j = jaar ?? Number(kalenderdag(klok.nu()).slice(0, 4));
      return { jaar: j, items: [...feestdagen(j)].map(([datum, naam]) => ({ datum, naam })) };
    },

    async lijst(gemeente: string, jaar: number | undefined, offset: number, limit: number) {
      return repository.pagina(gemeente, jaar === undefined ? undefined : `${jaar}-01-01`, jaar === undefined ? undefined : `${jaar}-12-31`, offset, limit);
    },

    async haal(gemeente: string, datum: string) {
      const dag = await repository.opDatum(gemeente, datum);
      if (!dag) throw sluitingsdagOnbekend(datum);
      return dag;
    },

    /** A weekend day or holiday is already free: as a closure day it would change nothing, so it is refused. */
    async voegToe(context: Context, gemeente: string, dag: { datum: string; naam: string }) {
      const vrij = vrijeDag(dag.datum);
      if (vrij) {
        const wat = vrij.reden === 'feestdag' ? `een feestdag (${vrij.naam})` : `een ${vrij.naam}`;
        throw alVrij(dag.datum, wat);
      }
      const nieuw = await repository.voegToe(gemeente, { ...dag, door: context.actorType === 'gebruiker' ? context.actorId : null, op: klok.nu().toISOString() });
      if (!nieuw) throw sluitingsdagBestaat(dag.datum);
      vergeet(gemeente);
      await audit.log(context, { gemeente, actie: 'sluitingsdag-toevoegen', objectType: 'sluitingsdag', objectId: dag.datum, details: { naam: dag.naam } });
      return dag;
    },

    async verwijder(context: Context, gemeente: string, datum: string) {
      const dag = await repository.opDatum(gemeente, datum);
      if (!dag || !(await repository.verwijder(gemeente, datum))) throw sluitingsdagOnbekend(datum);
      vergeet(gemeente);
      await audit.log(context, { gemeente, actie: 'sluitingsdag-verwijderen', objectType: 'sluitingsdag', objectId: datum, details: { naam: dag.naam } });
    },
  };
}

export type TermijnenService = ReturnType<typeof termijnenService>;
