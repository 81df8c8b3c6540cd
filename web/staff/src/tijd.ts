const opmaak = new Map<string, Intl.DateTimeFormat>();

/** A UTC instant as local Dutch time (Europe/Amsterdam), in the chosen language. */
export function tijdstip(iso: string | null | undefined, taal: string, alleenDatum = false): string {
  if (!iso) return '';
  const sleutel = `${taal}-${alleenDatum}`;
  let format = opmaak.get(sleutel);
  if (!format) {
    format = new Intl.DateTimeFormat(taal === 'en' ? 'en-GB' : 'nl-NL', {
      dateStyle: 'medium',
      ...(alleenDatum ? {} : { timeStyle: 'short' }),
      timeZone: 'Europe/Amsterdam',
    });
    opmaak.set(sleutel, format);
  }
  return format.format(new Date(iso));
}

const nederlandseDag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in the Netherlands (Europe/Amsterdam) as YYYY-MM-DD, `dagenTerug` days before
 * today: the dates the API's periods and deadlines are in, also between midnight in Amsterdam and
 * midnight UTC.
 */
export function dagInNederland(dagenTerug = 0, nu: Date = new Date()): string {
  const vandaag = nederlandseDag.format(nu);
  if (dagenTerug === 0) return vandaag;
  return new Date(Date.parse(`${vandaag}T00:00:00Z`) - dagenTerug * 86_400_000).toISOString().slice(0, 10);
}
