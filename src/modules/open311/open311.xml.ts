/**
 * Open311 GeoReport v2 answers as XML and as JSON (the "Spark convention": the XML's outer
 * wrapper dropped, so a list is a top-level array). One value describes both: an element name
 * and its children; arrays repeat the child element (ADR 0041).
 */

/** A value of an answer: text, a number, a boolean, nothing (left out), an object or a list. */
export type Waarde = string | number | boolean | null | undefined | Lijst | { [naam: string]: Waarde };

const ONGELDIG_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escape(tekst: string): string {
  return tekst.replace(ONGELDIG_IN_XML, '\uFFFD').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function element(naam: string, waarde: Waarde, uit: string[]): void {
  if (waarde === undefined) return;
  if (waarde === null) {
    uit.push(`<${naam}/>`);
    return;
  }
  if (waarde instanceof Lijst) {
    uit.push(`<${naam}>`);
    for (const item of waarde.items) element(waarde.kind, item, uit);
    uit.push(`</${naam}>`);
    return;
  }
  if (typeof waarde === 'object') {
    uit.push(`<${naam}>`);
    for (const [k, v] of Object.entries(waarde)) element(k, v, uit);
    uit.push(`</${naam}>`);
    return;
  }
  uit.push(`<${naam}>${escape(String(waarde))}</${naam}>`);
}

/** A list whose XML items are `<kind>` elements (e.g. attributes/attribute, values/value). */
export class Lijst {
  readonly kind: string;
  readonly items: Waarde[];
  constructor(kind: string, items: Waarde[]) {
    this.kind = kind;
    this.items = items;
  }
  toJSON(): Waarde[] {
    return this.items;
  }
}

/** `<?xml …?><wortel><kind>…</kind>…</wortel>` for a list of items. */
export function xmlLijst(wortel: string, kind: string, items: readonly Waarde[]): string {
  const uit = ['<?xml version="1.0" encoding="utf-8"?>', `<${wortel}>`];
  for (const item of items) element(kind, item, uit);
  uit.push(`</${wortel}>`);
  return uit.join('');
}

/** `<?xml …?><wortel>…</wortel>` for one object. */
export function xmlObject(wortel: string, waarde: { [naam: string]: Waarde }): string {
  const uit = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(wortel, waarde, uit);
  return uit.join('');
}
