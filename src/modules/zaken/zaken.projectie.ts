/**
 * A zaak's state as a projection of its append-only history (ADR 0012): status, team,
 * behandelaar, suspension, extensions, result and the deadline. Pure: the same history, norm,
 * day and closure days always give the same answer.
 */
import { leidEinddatumAf, type Opschorting } from '../termijnen/einddatum.ts';
import { kalenderdag, leesDuur, telWerkdagenNa, type Sluitingsdagen, type VrijeDag } from '../termijnen/kalender.ts';
import type { Gebeurtenis } from './zaken.gebeurtenis.ts';

export interface Verlenging {
  duur: string;
  reden: string;
  op: string;
}

export interface Projectie {
  statusVolgnummer: number;
  teamId: string;
  behandelaarId: string | null;
  opgeschort: boolean;
  /** An open suspension for which the resident has reacted since it started. */
  reactieOntvangen: boolean;
  opschortingen: (Opschorting & { reden: string })[];
  verlengingen: Verlenging[];
  /** The day after which the term counts: the receipt, or the day recorded by a `termijn` event. */
  termijnStart: string;
  /** The norm in force: the zaaktype's, the one given at registration (ADR 0051), or the one a `termijn` event chose. */
  norm: string;
  oorspronkelijkeEinddatum: string;
  uiterlijkeEinddatum: string;
  opgeschorteDagen: number;
  verschoven: VrijeDag[];
  afgeslotenOp: string | null;
  resultaattypeId: string | null;
  /**
   * When the resident's oldest reply that staff have not acted on yet came in: the first
   * reply after the last event by staff, an assignment not counted (see `staffHandeling`).
   * Null when there is no such reply.
   */
  nieuweReactieOp: string | null;
}

/**
 * Whether an event is staff acting on the zaak (after which a resident's reply is no longer
 * new): anything a staff member or API client did, except (re)assigning it, which does not
 * answer the resident. System events (the deadline watcher) have no author and do not count.
 */
export function staffHandeling(g: Pick<Gebeurtenis, 'soort' | 'doorInwoner' | 'doorGebruiker' | 'doorNaam'>): boolean {
  return !g.doorInwoner && (g.doorGebruiker !== null || g.doorNaam !== null) && g.soort !== 'toewijzing';
}

/**
 * Folds the history in order. `vandaag` (Europe/Amsterdam) is where an open suspension counts
 * up to; the stored projection uses the day of the last event (ADR 0012).
 */
export function projecteer(invoer: {
  ontvangstdatum: string;
  norm: string;
  gebeurtenissen: readonly Gebeurtenis[];
  vandaag: string;
  sluitingsdagen?: Sluitingsdagen;
}): Projectie {
  let statusVolgnummer = 1;
  let teamId = '';
  let behandelaarId: string | null = null;
  let afgeslotenOp: string | null = null;
  let resultaattypeId: string | null = null;
  let reactieOntvangen = false;
  let nieuweReactieOp: string | null = null;
  const opschortingen: Projectie['opschortingen'] = [];
  const verlengingen: Verlenging[] = [];
  let termijnStart = invoer.ontvangstdatum;
  let norm = invoer.norm;
  for (const g of invoer.gebeurtenissen) {
    if (staffHandeling(g)) nieuweReactieOp = null;
    else if (g.soort === 'reactie' && g.doorInwoner) nieuweReactieOp ??= g.op;
    switch (g.soort) {
      case 'aangemaakt':
        statusVolgnummer = g.gegevens.status;
        teamId = g.gegevens.team;
        behandelaarId = g.gegevens.behandelaar;
        if (g.gegevens.termijn) {
          norm = g.gegevens.termijn.norm;
          termijnStart = g.gegevens.termijn.startdatum ?? termijnStart;
        }
        break;
      case 'status':
        statusVolgnummer = g.gegevens.volgnummer;
        break;
      case 'toewijzing':
        teamId = g.gegevens.team;
        behandelaarId = g.gegevens.behandelaar;
        break;
      case 'opschorting':
        opschortingen.push({ van: kalenderdag(g.op), tot: null, reden: g.gegevens.reden });
        reactieOntvangen = false;
        break;
      case 'opschorting-einde': {
        const open = opschortingen.at(-1);
        if (open && open.tot === null) open.tot = kalenderdag(g.op);
        reactieOntvangen = false;
        break;
      }
      case 'reactie':
        if (opschortingen.at(-1)?.tot === null) reactieOntvangen = true;
        break;
      case 'verlenging':
        verlengingen.push({ duur: g.gegevens.duur, reden: g.gegevens.reden, op: g.op });
        break;
      case 'termijn':
        termijnStart = g.gegevens.startdatum;
        norm = g.gegevens.norm;
        break;
      case 'resultaat':
        resultaattypeId = g.gegevens.resultaattype;
        statusVolgnummer = g.gegevens.status;
        afgeslotenOp = g.op;
        break;
      case 'heropening':
        // ADR 0074: open again at the first status, a new term from this day with the given norm.
        statusVolgnummer = g.gegevens.status;
        afgeslotenOp = null;
        resultaattypeId = null;
        termijnStart = kalenderdag(g.op);
        norm = g.gegevens.norm;
        verlengingen.length = 0;
        opschortingen.length = 0;
        reactieOntvangen = false;
        break;
      default:
        break;
    }
  }
  const termijn = leidEinddatumAf({
    ontvangstdatum: termijnStart,
    norm: leesDuur(norm),
    verlengingen: verlengingen.map((v) => leesDuur(v.duur)),
    opschortingen: opschortingen.map(({ van, tot }) => ({ van, tot })),
    vandaag: invoer.vandaag,
    ...(invoer.sluitingsdagen ? { sluitingsdagen: invoer.sluitingsdagen } : {}),
  });
  const opgeschort = opschortingen.at(-1)?.tot === null;
  return {
    statusVolgnummer,
    teamId,
    behandelaarId,
    opgeschort,
    reactieOntvangen: opgeschort && reactieOntvangen,
    opschortingen,
    verlengingen,
    termijnStart,
    norm,
    oorspronkelijkeEinddatum: termijn.oorspronkelijk,
    uiterlijkeEinddatum: termijn.einddatum,
    opgeschorteDagen: termijn.opgeschorteDagen,
    verschoven: termijn.verschoven,
    afgeslotenOp,
    resultaattypeId,
    nieuweReactieOp,
  };
}

/**
 * Whether extensions stay within the zaaktype's maximum: the end they give (without
 * suspensions) may not pass the end the maximum would give. Works across kinds of duration.
 */
export function binnenMaxVerlenging(ontvangstdatum: string, norm: string, verlengingen: string[], max: string, sluitingsdagen?: Sluitingsdagen): boolean {
  const basis = { ontvangstdatum, norm: leesDuur(norm), opschortingen: [], vandaag: ontvangstdatum, ...(sluitingsdagen ? { sluitingsdagen } : {}) };
  const met = leidEinddatumAf({ ...basis, verlengingen: verlengingen.map(leesDuur) });
  const grens = leidEinddatumAf({ ...basis, verlengingen: [leesDuur(max)] });
  return met.einddatum <= grens.einddatum;
}

export type Termijnband = 'teLaat' | 'vandaag' | 'dezeWeek' | 'later';

/** How many working days ahead the band `dezeWeek` reaches (ADR 0012). */
export const WERKDAGEN_DEZE_WEEK = 5;

/**
 * The last day of the band `dezeWeek`: the fifth working day of the gemeente after today
 * (weekends, public holidays and its closure days skipped). So the band is never empty
 * just because today is a Friday or a Sunday.
 */
export function eindeDezeWeek(vandaag: string, sluitingsdagen?: Sluitingsdagen): string {
  return telWerkdagenNa(vandaag, WERKDAGEN_DEZE_WEEK, sluitingsdagen).datum;
}

/** The deadline band of a date: past, today, up to `grens` (from `eindeDezeWeek`), or later. */
export function termijnband(einddatum: string, vandaag: string, grens: string): Termijnband {
  if (einddatum < vandaag) return 'teLaat';
  if (einddatum === vandaag) return 'vandaag';
  return einddatum <= grens ? 'dezeWeek' : 'later';
}
