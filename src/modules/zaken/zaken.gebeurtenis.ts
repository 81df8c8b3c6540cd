/**
 * The events of a zaak's history (ADR 0012), typed per kind: `gegevens` is what that kind of
 * event records, nothing else. Stored as JSON in `zaak_gebeurtenis.gegevens`; the repository is
 * the one place that reads them back as these types.
 */
import type { Kanaal } from '../../db/schema.ts';

/** A text in both languages of the resident pages. */
export interface Tweetalig {
  nl: string;
  en: string;
}

export type RelatieSoort = 'vervolg' | 'onderwerp' | 'bijdrage' | 'gerelateerd';

/** Entries the deadline watcher adds carry `bron: 'termijnbewaking'` (ADR 0014). */
export type Bron = 'termijnbewaking';

/** What each kind of event records. */
export type GebeurtenisInhoud =
  /**
   * `termijn`: a norm given at registration instead of the zaaktype's (ADR 0051), e.g. a melding's category norm;
   * with `startdatum` the term counts from the day after it instead of receipt (a bezwaar, ADR 0063).
   */
  | {
      soort: 'aangemaakt';
      gegevens: { status: number; team: string; behandelaar: string | null; kanaal: Kanaal; zaaktype: string; zaaktypeVersie: number; termijn?: { norm: string; reden: string; startdatum?: string } };
    }
  | { soort: 'status'; gegevens: { volgnummer: number; naam: string; tekst: Tweetalig; toelichting: string } }
  | {
      soort: 'toewijzing';
      gegevens: { team: string; behandelaar: string | null; behandelaarNaam: string | null; vorigTeam: string; vorigeBehandelaar: string | null };
    }
  | { soort: 'notitie'; gegevens: { tekst: string; bron?: Bron } }
  | { soort: 'bericht'; gegevens: { tekst: string } | { tekst: string; bron: Bron; einddatum: string; nieuweDatum: string } }
  | { soort: 'opschorting'; gegevens: { reden: string; van: string; geinformeerd: boolean } }
  /** `geinformeerd` is absent when closing ended the suspension (the closing mail tells the resident). */
  | { soort: 'opschorting-einde'; gegevens: { tot: string; toelichting: string; geinformeerd?: boolean } }
  | { soort: 'verlenging'; gegevens: { duur: string; reden: string; vorigeEinddatum: string } }
  /** The term counts from the day after `startdatum` (instead of receipt) and/or with another norm of the zaaktype (migration 0020). */
  | { soort: 'termijn'; gegevens: { startdatum: string; norm: string; reden: string; vorigeEinddatum: string } }
  | {
      soort: 'resultaat';
      gegevens: { resultaattype: string; naam: string; tekst: Tweetalig; toelichting: string; status: number; volgnummer: number };
    }
  | { soort: 'document'; gegevens: { document: string; bestandsnaam: string; mediatype: string; grootte: number; sha256: string } }
  | { soort: 'reactie'; gegevens: { tekst: string } }
  | { soort: 'relatie'; gegevens: { zaak: string; identificatie: string; soort: RelatieSoort } }
  | { soort: 'volgcode'; gegevens: { gemaild: boolean; brief?: 'nl' | 'en' } }
  /**
   * A closed zaak opens again (ADR 0074; a melding after the reporter's "nee"): it is back at
   * status `status` (the first) with the texts `naam`/`tekst`, and its term counts afresh from the
   * day of this event with `norm`; earlier extensions and suspensions no longer count.
   */
  | { soort: 'heropening'; gegevens: { status: number; naam: string; tekst: Tweetalig; norm: string; reden: string; toelichting: string; vorigResultaat: string | null } };

/** Who did it, when, and whether the resident sees it. */
export interface GebeurtenisKop {
  volgnummer: number;
  extern: boolean;
  /** The staff member; null for an API token, the system or the resident. */
  doorGebruiker: string | null;
  /** The name shown in the timeline; null when nobody is named (the deadline watcher, the resident). */
  doorNaam: string | null;
  doorInwoner: boolean;
  op: string;
}

export type Gebeurtenis = GebeurtenisInhoud & GebeurtenisKop;

/** An event before it has its volgnummer. */
export type NieuweGebeurtenis = GebeurtenisInhoud & Omit<GebeurtenisKop, 'volgnummer'>;

/** The kinds of event another module may add as the system (notes and messages: they change nothing of the projection). */
export type SysteemInhoud = Extract<GebeurtenisInhoud, { soort: 'notitie' | 'bericht' }> & { extern: boolean };

/**
 * When each status was reached: volgnummer → the instant of the event that set it (registration,
 * a status, or closing with the end status). A status without an entry was skipped. The one
 * source of these dates for the staff detail and the resident's tracking page.
 */
export function statusdata(gebeurtenissen: readonly Gebeurtenis[]): Map<number, string> {
  const gezet = new Map<number, string>();
  for (const g of gebeurtenissen) {
    if (g.soort === 'aangemaakt') gezet.set(g.gegevens.status, g.op);
    if (g.soort === 'status' || g.soort === 'resultaat') gezet.set(g.gegevens.volgnummer, g.op);
    if (g.soort === 'heropening') {
      for (const volgnummer of gezet.keys()) if (volgnummer > g.gegevens.status) gezet.delete(volgnummer);
      gezet.set(g.gegevens.status, g.op);
    }
  }
  return gezet;
}
