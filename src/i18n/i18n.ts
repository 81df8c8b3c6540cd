import { readdirSync, readFileSync } from 'node:fs';
import { createInstance, type Resource } from 'i18next';

/** The languages Loket speaks to residents. Dutch is the default. */
export const TALEN = ['nl', 'en'] as const;
export type Taal = (typeof TALEN)[number];
export const STANDAARDTAAL: Taal = 'nl';

export function isTaal(waarde: unknown): waarde is Taal {
  return TALEN.includes(waarde as Taal);
}

const DATUMNOTATIE: Record<Taal, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Dates already written out, per language (a mail or page writes the same few dates again and again); emptied when it grows large. */
const datumTeksten: Record<Taal, Map<string, string>> = { nl: new Map(), en: new Map() };

/** "13 april 2026" / "13 April 2026" for a calendar date (YYYY-MM-DD), in pages and mails. */
export function datumTekst(taal: Taal, datum: string): string {
  const geschreven = datumTeksten[taal];
  let tekst = geschreven.get(datum);
  if (tekst === undefined) {
    if (geschreven.size >= 4096) geschreven.clear();
    tekst = DATUMNOTATIE[taal].format(new Date(`${datum}T00:00:00Z`));
    geschreven.set(datum, tekst);
  }
  return tekst;
}

/** Looks up a text by key ("namespace:key.sub" or a key in the vertaler's namespace). */
export type Vertaal = (sleutel: string, waarden?: Record<string, string | number>) => string;

/**
 * Catalogs: src/i18n/<taal>/<namespace>.json, one namespace per module (portaal.json, …).
 * Read once at start-up, so a missing or broken catalog stops the server instead of a page.
 */
function laadCatalogi(): Resource {
  const resources: Resource = {};
  for (const taal of TALEN) {
    const map = new URL(`./${taal}/`, import.meta.url);
    resources[taal] = {};
    for (const bestand of readdirSync(map).filter((naam) => naam.endsWith('.json'))) {
      resources[taal][bestand.slice(0, -'.json'.length)] = JSON.parse(readFileSync(new URL(bestand, map), 'utf8'));
    }
  }
  return resources;
}

const resources = laadCatalogi();
export const NAMESPACES = Object.keys(resources[STANDAARDTAAL] ?? {});

const instance = createInstance();
await instance.init({
  resources,
  lng: STANDAARDTAAL,
  supportedLngs: [...TALEN],
  fallbackLng: false,
  ns: NAMESPACES,
  initAsync: false,
  // The HTML templates escape every value, texts included; escaping here would do it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnObjects: false,
});

/**
 * Per language and namespace, by key:
 * - `vast`: texts asked without values, once looked up: the catalogs never change after start,
 *   so the answer is always the same (a page asks for dozens; i18next's lookup was a tenth of a
 *   form page's CPU). As many entries as the catalogs have keys, at most.
 * - `sjablonen`: texts asked with values, split at their places (`{{naam}}`), text and name
 *   taking turns, so that filling them in costs a join instead of i18next's lookup and
 *   interpolation (a form page asks for a few: ~5 % of its CPU). `null`: a text that is left to
 *   i18next (a plural, nesting, a formatted or unescaped value, or not a text).
 */
const bekendeTeksten = new Map<string, { vast: Map<string, string>; sjablonen: Map<string, readonly string[] | null> }>();
const PLAATS = /\{\{(\w+)\}\}/;

function sjabloonVan(taal: Taal, namespace: string, sleutel: string): readonly string[] | null {
  const tekst: unknown = instance.getResource(taal, namespace, sleutel);
  if (typeof tekst !== 'string' || tekst.includes('$t(')) return null;
  const delen = tekst.split(new RegExp(PLAATS, 'g'));
  return delen.some((deel, i) => i % 2 === 0 && deel.includes('{{')) ? null : delen;
}

/**
 * The text filled in with `waarden` as i18next would (values as text, not escaped), or undefined
 * when i18next must do it: a count or context (plurals), a place without a value (i18next leaves
 * it), or a value that i18next would nest (`$t(`).
 */
function vulIn(delen: readonly string[], waarden: Record<string, string | number>): string | undefined {
  if ('count' in waarden || 'context' in waarden) return undefined;
  let uit = delen[0] ?? '';
  for (let i = 1; i < delen.length; i += 2) {
    const waarde = waarden[delen[i] as string];
    if (waarde === undefined) return undefined;
    const tekst = String(waarde);
    if (tekst.includes('$t(')) return undefined;
    uit += tekst + (delen[i + 1] ?? '');
  }
  return uit;
}

/**
 * A lookup function for one language and namespace. A key that does not exist throws, so a
 * typo fails in the tests instead of showing a raw key to a resident.
 */
export function vertaler(taal: Taal, namespace: string): Vertaal {
  const t = instance.getFixedT(taal, namespace);
  const cacheSleutel = `${taal}\u0000${namespace}`;
  let cache = bekendeTeksten.get(cacheSleutel);
  if (!cache) {
    cache = { vast: new Map<string, string>(), sjablonen: new Map<string, readonly string[] | null>() };
    bekendeTeksten.set(cacheSleutel, cache);
  }
  const { vast: vasteTeksten, sjablonen } = cache;
  return (sleutel, waarden) => {
    if (waarden === undefined) {
      const bekend = vasteTeksten.get(sleutel);
      if (bekend !== undefined) return bekend;
    } else {
      const delen = sjablonen.get(sleutel);
      const ingevuld = delen ? vulIn(delen, waarden) : undefined;
      if (ingevuld !== undefined) return ingevuld;
      if (delen !== undefined) return t(sleutel, waarden);
    }
    if (!instance.exists(sleutel, { lng: taal, ns: namespace })) {
      throw new Error(`Tekst ontbreekt: ${taal} ${namespace}:${sleutel}`);
    }
    if (waarden === undefined) {
      const tekst = t(sleutel, {});
      vasteTeksten.set(sleutel, tekst);
      return tekst;
    }
    const delen = sjabloonVan(taal, namespace, sleutel);
    sjablonen.set(sleutel, delen);
    return (delen ? vulIn(delen, waarden) : undefined) ?? t(sleutel, waarden);
  };
}

/** All keys of a namespace in one language, flattened with dots (for completeness tests). */
export function sleutels(taal: Taal, namespace: string): string[] {
  const plat = (waarde: unknown, pad: string): string[] =>
    typeof waarde === 'object' && waarde !== null
      ? Object.entries(waarde).flatMap(([sleutel, kind]) => plat(kind, pad ? `${pad}.${sleutel}` : sleutel))
      : [pad];
  return plat(resources[taal]?.[namespace], '').toSorted();
}
