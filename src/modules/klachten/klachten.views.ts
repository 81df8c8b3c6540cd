/**
 * Resident pages of klachten (server-rendered, no JavaScript, nl and en): the public yearly
 * register (Awb 9:12a) at `/{slug}/klachten/{jaar}` and `/{slug}/en/klachten/{jaar}`.
 */
import { STANDAARDTAAL, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { foutSamenvatting, invoerExtra, tekstInvoer, tekstvak, veld, verborgenVeld, type Fouten } from '../portaal/formulier.ts';
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

/** `/diemen/klacht`, `/diemen/en/complaint`: the resident's form. */
export const formulierPad = (taal: Taal, slug: string): string => (taal === STANDAARDTAAL ? `/${slug}/klacht` : `/${slug}/${taal}/complaint`);

export interface KlachtFormulier {
  naam: string;
  email: string;
  telefoon: string;
  categorie: string;
  team: string;
  omschrijving: string;
  datum: string;
}
export type FormulierFouten = Fouten<keyof KlachtFormulier>;

export interface FormulierContext extends KlachtenPaginaContext {
  /** The signed form token (no session, no cookie). */
  formulier: string;
  werkdagen: number;
}

function keuze(naam: 'categorie' | 'team', waarde: string, fout: string | undefined, opties: readonly { waarde: string; tekst: string }[]) {
  return (beschrijving: string): Html =>
    html`<select class="utrecht-select utrecht-select--html-select${fout ? ' utrecht-select--invalid' : ''}" id="${naam}" name="${naam}"${invoerExtra(beschrijving, fout)}>
        ${[{ waarde: '', tekst: '' }, ...opties].map((o) => html`<option value="${o.waarde}"${o.waarde === waarde ? html` selected` : ''}>${o.tekst}</option>`)}
      </select>`;
}

/** The form: who you are, what it is about, what happened; every error next to its field and in a summary. */
export function formulierPagina(ctx: FormulierContext, teams: readonly { id: string; naam: string }[], w: KlachtFormulier, fouten: FormulierFouten = {}): string {
  const { tk, taal, gemeente } = ctx;
  const categorieen = (['bejegening', 'informatie', 'bereikbaarheid', 'termijn', 'dienstverlening', 'anders'] as const).map((c) => ({ waarde: c, tekst: tk(`categorie.${c}`) }));
  const teamOpties = [...teams.map((t) => ({ waarde: t.id, tekst: t.naam })), { waarde: 'onbekend', tekst: tk('formulier.teamOnbekend') }];
  const body = html`${foutSamenvatting(tk('formulier.foutKop'), fouten)}
    ${alinea(tk('formulier.intro', { werkdagen: ctx.werkdagen }), true)}
    ${alinea(tk('formulier.bezwaar'))}
    <form class="loket-formulier" method="post" action="${formulierPad(taal, gemeente.slug)}" novalidate>
      ${verborgenVeld('formulier', ctx.formulier)}
      ${veld('naam', tk('formulier.naam'), fouten.naam, undefined, tekstInvoer('naam', w.naam, fouten.naam, 'text', 'name'))}
      ${veld('email', tk('formulier.email'), fouten.email, tk('formulier.emailUitleg'), tekstInvoer('email', w.email, fouten.email, 'email', 'email'))}
      ${veld('telefoon', tk('formulier.telefoon'), fouten.telefoon, tk('formulier.telefoonUitleg'), tekstInvoer('telefoon', w.telefoon, fouten.telefoon, 'tel', 'tel'))}
      ${veld('categorie', tk('formulier.categorie'), fouten.categorie, undefined, keuze('categorie', w.categorie, fouten.categorie, categorieen))}
      ${veld('team', tk('formulier.team'), fouten.team, undefined, keuze('team', w.team, fouten.team, teamOpties))}
      ${veld('omschrijving', tk('formulier.omschrijving'), fouten.omschrijving, tk('formulier.omschrijvingUitleg'), tekstvak('omschrijving', w.omschrijving, fouten.omschrijving, 5000))}
      ${veld('datum', tk('formulier.datum'), fouten.datum, tk('formulier.datumUitleg'), tekstInvoer('datum', w.datum, fouten.datum, 'text', 'off'))}
      <button class="utrecht-button utrecht-button--primary-action utrecht-button--distanced" type="submit">${tk('formulier.versturen')}</button>
    </form>`;
  const titel = tk('formulier.titel');
  return portaalLayout({ ...ctx, pagina: undefined }, titel, body, undefined, {
    talen: { nl: formulierPad('nl', gemeente.slug), en: formulierPad('en', gemeente.slug) },
    ...(Object.keys(fouten).length > 0 ? { documentTitel: `${taal === 'nl' ? 'Fout' : 'Error'}: ${titel}` } : {}),
  });
}

/** After sending: the zaak number, that a mail went out, and the tracking link. */
export function ontvangenPagina(ctx: KlachtenPaginaContext & { werkdagen: number }, k: { identificatie: string; email: string; volglink: string }): string {
  const { tk, gemeente } = ctx;
  const body = html`${alinea(tk('formulier.ontvangenNummer', { nummer: k.identificatie }), true)}
    ${alinea(tk('formulier.ontvangenMail', { email: k.email }))}
    ${alinea(tk('formulier.ontvangenContact', { werkdagen: ctx.werkdagen }))}
    ${alinea(link(k.volglink, tk('formulier.ontvangenVolgen')))}
    ${alinea(tk('formulier.ontvangenBewaren'))}`;
  return portaalLayout({ ...ctx, pagina: undefined }, tk('formulier.ontvangenTitel'), body, undefined, {
    talen: { nl: formulierPad('nl', gemeente.slug), en: formulierPad('en', gemeente.slug) },
  });
}
