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
