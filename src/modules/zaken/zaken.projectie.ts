/**
 * A zaak's state as a projection of its append-only history (ADR 0012): status, team,
 * behandelaar, suspension, extensions, result and the deadline. Pure: the same history, norm,
 * day and closure days always give the same answer.
 */
import { leidEinddatumAf, type Opschorting } from '../termijnen/einddatum.ts';
import { kalenderdag, leesDuur, type Sluitingsdagen, type VrijeDag } from '../termijnen/kalender.ts';
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
  oorspronkelijkeEinddatum: string;
  uiterlijkeEinddatum: string;
  opgeschorteDagen: number;
  verschoven: VrijeDag[];
  afgeslotenOp: string | null;
  resultaattypeId: string | null;
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
  const opschortingen: Projectie['opschortingen'] = [];
  const verlengingen: Verlenging[] = [];
  for (const g of invoer.gebeurtenissen) {
    switch (g.soort) {
      case 'aangemaakt':
        statusVolgnummer = g.gegevens.status;
        teamId = g.gegevens.team;
        behandelaarId = g.gegevens.behandelaar;
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
      case 'resultaat':
        resultaattypeId = g.gegevens.resultaattype;
        statusVolgnummer = g.gegevens.status;
        afgeslotenOp = g.op;
        break;
      default:
        break;
    }
  }
  const termijn = leidEinddatumAf({
    ontvangstdatum: invoer.ontvangstdatum,
    norm: leesDuur(invoer.norm),
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
    oorspronkelijkeEinddatum: termijn.oorspronkelijk,
    uiterlijkeEinddatum: termijn.einddatum,
    opgeschorteDagen: termijn.opgeschorteDagen,
    verschoven: termijn.verschoven,
    afgeslotenOp,
    resultaattypeId,
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

/** The Sunday that ends the (ISO) week of a day. */
export function eindeWeek(vandaag: string): string {
  const d = new Date(`${vandaag}T00:00:00Z`);
  const dag = d.getUTCDay();
  d.setUTCDate(d.getUTCDate() + (dag === 0 ? 0 : 7 - dag));
  return d.toISOString().slice(0, 10);
}

/** The deadline band of a date: past, today, later this calendar week (to Sunday), or later. */
export function termijnband(einddatum: string, vandaag: string): Termijnband {
  if (einddatum < vandaag) return 'teLaat';
  if (einddatum === vandaag) return 'vandaag';
  return einddatum <= eindeWeek(vandaag) ? 'dezeWeek' : 'later';
}
