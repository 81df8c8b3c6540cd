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

/** "13 april 2026" / "13 April 2026" for a calendar date (YYYY-MM-DD), in pages and mails. */
export function datumTekst(taal: Taal, datum: string): string {
  return DATUMNOTATIE[taal].format(new Date(`${datum}T00:00:00Z`));
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
 * A lookup function for one language and namespace. A key that does not exist throws, so a
 * typo fails in the tests instead of showing a raw key to a resident.
 */
export function vertaler(taal: Taal, namespace: string): Vertaal {
  const t = instance.getFixedT(taal, namespace);
  return (sleutel, waarden) => {
    if (!instance.exists(sleutel, { lng: taal, ns: namespace })) {
      throw new Error(`Tekst ontbreekt: ${taal} ${namespace}:${sleutel}`);
    }
    return t(sleutel, waarden ?? {});
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
