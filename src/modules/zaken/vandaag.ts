import { kalenderdag } from '../termijnen/kalender.ts';

/** The calendar day (YYYY-MM-DD) of an instant in Europe/Amsterdam: the day terms count in. */
export function datumInAmsterdam(tijdstip: Date | string): string {
  return kalenderdag(typeof tijdstip === 'string' ? new Date(tijdstip) : tijdstip);
}
