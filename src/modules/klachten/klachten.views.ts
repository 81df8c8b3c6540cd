/**
 * Resident pages of klachten (server-rendered, no JavaScript, nl and en): the public yearly
 * register (Awb 9:12a) at `/{slug}/klachten/{jaar}` and `/{slug}/en/klachten/{jaar}`.
 */
import { STANDAARDTAAL, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, kop2, link, portaalLayout, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import type { Klachtenregister } from './klachten.register.ts';

export const registerPad = (taal: Taal, slug: string, jaar: number): string => `/${slug}/${taal === STANDAARDTAAL ? '' : `${taal}/`}klachten/${jaar}`;
export const registerDataPad = (slug: string, jaar: number, formaat: 'csv' | 'json'): string => `/${slug}/klachten/${jaar}.${formaat}`;

export interface KlachtenPaginaContext extends PaginaContext {
  gemeente: PortaalGemeente;
  /** Texts of this module (klachten namespace). */
  tk: Vertaal;
}

const GETAL = { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }) };
const procent = (taal: Taal, p: number | null) => (p === null ? '–' : `${GETAL[taal].format(p)}%`);

function tabel(id: string, caption: string, kolommen: [string, string], rijen: readonly [Html | string, Html | string][]): Html {
  return html`<table class="utrecht-table" aria-labelledby="${id}">
      <caption class="utrecht-table__caption" id="${id}">${caption}</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row">
        <th scope="col" class="utrecht-table__header-cell">${kolommen[0]}</th>
        <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">${kolommen[1]}</th>
      </tr></thead>
      <tbody class="utrecht-table__body">${rijen.map(
        ([kop, waarde]) => html`<tr class="utrecht-table__row"><th scope="row" class="utrecht-table__header-cell">${kop}</th><td class="utrecht-table__cell utrecht-table__cell--numeric">${waarde}</td></tr>`,
      )}</tbody>
    </table>`;
}

/** The public register of one year: small counts per team hidden (with secondary suppression). */
export function registerPagina(ctx: KlachtenPaginaContext, r: Klachtenregister): string {
  const { tk, taal, gemeente } = ctx;
  const jaar = r.jaar;
  // Team names are Dutch content inside an English page (WCAG 3.1.2).
  const teamNaam = (naam: string): Html | string => (taal === 'nl' ? naam : html`<span lang="nl">${naam}</span>`);
  const body = html`${alinea(tk('register.intro'), true)}
    ${alinea(r.totaal === 0 ? tk('register.geen', { jaar }) : tk('register.totaal', { jaar, aantal: r.totaal }))}
    ${kop2(tk('register.categorieKop'))}
    ${tabel('tabel-categorie', tk('register.categorieCaption'), [tk('register.kolomOnderwerp'), tk('register.kolomAantal')], r.perCategorie.map((c) => [tk(`categorie.${c.categorie}`), String(c.aantal)]))}
    ${kop2(tk('register.teamKop'))}
    ${r.perTeam.length === 0 && r.totaal > 0
      ? alinea(tk('register.teamsGeen'))
      : tabel('tabel-team', tk('register.teamCaption'), [tk('register.kolomTeam'), tk('register.kolomAantal')], r.perTeam.map((t) => [teamNaam(t.team), t.aantal === null ? tk('register.verborgen') : String(t.aantal)]))}
    ${r.teamsVerborgen ? alinea(tk('register.verborgenUitleg')) : ''}
    ${kop2(tk('register.uitkomstKop'))}
    ${tabel('tabel-uitkomst', tk('register.uitkomstCaption'), [tk('register.kolomUitkomst'), tk('register.kolomAantal')], r.uitkomsten.map((u) => [tk(`uitkomst.${u.uitkomst}`), String(u.aantal)]))}
    ${kop2(tk('register.termijnKop'))}
    ${r.afgehandeld === 0
      ? alinea(tk('register.geenAfgehandeld'))
      : html`${alinea(tk('register.binnenTermijn', { aantal: r.binnenTermijn.aantal, afgehandeld: r.afgehandeld, percentage: procent(taal, r.binnenTermijn.percentage) }))}
        ${alinea(tk('register.informeel', { aantal: r.informeelOpgelost.aantal, afgehandeld: r.afgehandeld, percentage: procent(taal, r.informeelOpgelost.percentage) }))}`}
    ${alinea(tk('register.maatregelen', { aantal: r.maatregelen }))}
    ${kop2(tk('register.openDataKop'))}
    ${alinea(tk('register.openDataTekst'))}
    <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
      <li class="utrecht-unordered-list__item">${link(registerDataPad(gemeente.slug, jaar, 'csv'), tk('register.csv', { jaar }))}</li>
      <li class="utrecht-unordered-list__item">${link(registerDataPad(gemeente.slug, jaar, 'json'), tk('register.json', { jaar }))}</li>
    </ul>`;
  return portaalLayout({ ...ctx, pagina: undefined }, tk('register.titel', { jaar }), body, undefined, {
    talen: { nl: registerPad('nl', gemeente.slug, jaar), en: registerPad('en', gemeente.slug, jaar) },
  });
}
