const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of an instant in Europe/Amsterdam: the day terms count in. */
export function datumInAmsterdam(tijdstip: Date | string): string {
  return AMSTERDAM.format(typeof tijdstip === 'string' ? new Date(tijdstip) : tijdstip);
}
