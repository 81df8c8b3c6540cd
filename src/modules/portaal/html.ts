/** A piece of HTML that is safe to output as is: made by the `html` template, never from input. */
export class Html {
  readonly #tekst: string;
  constructor(tekst: string) {
    this.#tekst = tekst;
  }
  toString(): string {
    return this.#tekst;
  }
}

/** What may go into a `${}` of the `html` template. */
export type HtmlWaarde = Html | string | number | null | undefined | false | readonly HtmlWaarde[];

const ENTITEITEN: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const TE_VERVANGEN = /[&<>"']/;
const TE_VERVANGEN_ALLE = /[&<>"']/g;

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(tekst: string): string {
  // Most text has nothing to escape: one test is cheaper than a replace with a callback.
  return TE_VERVANGEN.test(tekst) ? tekst.replace(TE_VERVANGEN_ALLE, (teken) => ENTITEITEN[teken] ?? teken) : tekst;
}

function invoegen(waarde: HtmlWaarde): string {
  if (waarde instanceof Html) return waarde.toString();
  if (Array.isArray(waarde)) return waarde.map(invoegen).join('');
  if (waarde === null || waarde === undefined || waarde === false) return '';
  return escapeHtml(String(waarde));
}

/**
 * Tagged template that escapes every `${}` value, unless it is already Html (from another
 * `html` template). Arrays are joined; null, undefined and false leave nothing.
 */
export function html(delen: TemplateStringsArray, ...waarden: readonly HtmlWaarde[]): Html {
  let uit = delen[0] ?? '';
  for (let i = 0; i < waarden.length; i++) uit += invoegen(waarden[i]) + (delen[i + 1] ?? '');
  return new Html(uit);
}

/**
 * Turns a translated sentence with numbered markers into HTML: `Bel <0>14 020</0>.` with
 * `[(tekst) => html\`<a …>${tekst}</a>\`]`. Everything outside and inside the markers is
 * escaped; only the functions' own markup is kept. A marker without a function is an error.
 */
export function opmaak(tekst: string, maak: readonly ((inhoud: string) => Html)[]): Html {
  const delen: HtmlWaarde[] = [];
  let vanaf = 0;
  for (const treffer of tekst.matchAll(/<(\d+)>(.*?)<\/\1>/g)) {
    const functie = maak[Number(treffer[1])];
    if (!functie) throw new Error(`Geen opmaak voor <${treffer[1]}> in: ${tekst}`);
    delen.push(tekst.slice(vanaf, treffer.index), functie(treffer[2] ?? ''));
    vanaf = treffer.index + treffer[0].length;
  }
  delen.push(tekst.slice(vanaf));
  return html`${delen}`;
}
