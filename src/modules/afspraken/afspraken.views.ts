import type { Taal, Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, kop2, link, portaalLayout, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import type { PubliekProduct } from '../producten/producten.service.ts';
import { afspraakPad } from '../producten/producten.views.ts';
import { afspraakMoment } from './afspraken.mails.ts';
import type { AfspraakWeergave, Tijdvak } from './afspraken.service.ts';

export interface AfspraakPaginaContext extends PaginaContext {
  gemeente: PortaalGemeente;
  /** Texts of the pages (afspraken namespace, `pagina.` keys). */
  ta: Vertaal;
  /** The form token against cross-site posts (zaakvolgen.formulier.ts). */
  formulier: string;
}

/** One choice of a time: a slot at a location, with an official for a ceremony. Kept in one form field. */
export interface Keuze {
  start: string;
  locatie: string;
  ambtenaar: string | undefined;
}

export const keuzeWaarde = (k: Keuze): string => `${k.start}|${k.locatie}|${k.ambtenaar ?? ''}`;

export function leesKeuze(waarde: string | undefined): Keuze | undefined {
  const [start = '', locatie = '', ambtenaar = ''] = (waarde ?? '').split('|');
  // A start that is no real instant (month 13, hour 25) is no choice either: never a 5xx later on.
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/.test(start) || Number.isNaN(Date.parse(start)) || !/^[0-9a-f-]{36}$/.test(locatie) || (ambtenaar !== '' && !/^[0-9a-f-]{36}$/.test(ambtenaar))) return undefined;
  return { start, locatie, ambtenaar: ambtenaar || undefined };
}

/** The resident's details, as typed (kept in the form after an error). */
export interface Gegevens {
  naam: string;
  email: string;
  telefoon: string;
}

/** Field errors in B1, by field name (`keuze`, `naam`, `email`, `telefoon`, `formulier`). */
export type Fouten = Partial<Record<'keuze' | 'naam' | 'email' | 'telefoon' | 'formulier', string>>;

/** `/diemen/afspraak/{token}`, `/diemen/en/appointment/{token}`. */
export const beheerPad = (taal: Taal, slug: string, token: string): string => `${afspraakPad(taal, slug)}/${token}`;

const DAG: Record<Taal, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Amsterdam' }),
};
const TIJD: Record<Taal, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
};
/** "dinsdag 10 maart" for a calendar date (YYYY-MM-DD); noon avoids any change of summer time. */
const dagTekst = (taal: Taal, datum: string): string => DAG[taal].format(new Date(`${datum}T12:00:00Z`));

const item = (href: string, tekst: string, eerste = false): Html =>
  html`<li class="utrecht-breadcrumb-nav__item">${link(href, tekst, ` utrecht-breadcrumb-nav__link${eerste ? ' utrecht-breadcrumb-nav__link--first' : ''}`)}</li>`;

function kruimelpad(ctx: AfspraakPaginaContext): Html {
  const { taal, t, gemeente } = ctx;
  return html`<nav class="utrecht-breadcrumb-nav loket-kruimelpad" aria-label="${t('algemeen.kruimelpad')}">
          <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
            ${item(portaalPad(taal, gemeente.slug), t('algemeen.gemeenteNaam', { naam: gemeente.naam }), true)}
            <li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" href="${afspraakPad(taal, gemeente.slug)}" aria-current="page">${ctx.ta('titel')}</a></li>
          </ol>
        </nav>`;
}

/** The error summary at the top (GOV.UK pattern): each error links to its field. */
function foutSamenvatting(ctx: AfspraakPaginaContext, fouten: Fouten): Html | '' {
  const lijst = Object.entries(fouten).filter(([, tekst]) => tekst);
  if (lijst.length === 0) return '';
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <h2 class="utrecht-heading-2">${ctx.ta('foutKop')}</h2>
                <ul class="utrecht-unordered-list">${lijst.map(([veld, tekst]) => html`<li class="utrecht-unordered-list__item">${veld === 'formulier' ? tekst : link(`#${veld}`, tekst ?? '')}</li>`)}</ul>
              </div>
            </div>
          </div>`;
}

const verborgen = (naam: string, waarde: string): Html => html`<input type="hidden" name="${naam}" value="${waarde}">`;
const knop = (tekst: string): Html => html`<button class="utrecht-button utrecht-button--primary-action utrecht-button--distanced" type="submit">${tekst}</button>`;

function tekstveld(veld: 'naam' | 'email' | 'telefoon', label: string, waarde: string, fout: string | undefined, opties: { type: string; autocomplete: string; uitleg?: string }): Html {
  const beschrijving = [opties.uitleg ? `${veld}-uitleg` : '', fout ? `${veld}-fout` : ''].filter(Boolean).join(' ');
  return html`<div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${veld}">${label}</label></div>
              ${opties.uitleg ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${veld}-uitleg">${opties.uitleg}</div>` : ''}
              ${fout ? html`<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${veld}-fout">${fout}</div>` : ''}
              <div class="utrecht-form-field__input">
                <input class="utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}" type="${opties.type}" id="${veld}" name="${veld}" value="${waarde}" autocomplete="${opties.autocomplete}" maxlength="254"${beschrijving ? html` aria-describedby="${beschrijving}"` : ''}${fout ? html` aria-invalid="true"` : ''}>
              </div>
            </div>`;
}

function pagina(ctx: AfspraakPaginaContext, titel: string, inhoud: Html, talen: Record<Taal, string>, fout = false): string {
  return portaalLayout(ctx, titel, inhoud, kruimelpad(ctx), { talen, documentTitel: fout ? ctx.ta('foutTitel', { titel }) : undefined });
}

const talenVan = (slug: string, query = ''): Record<Taal, string> => ({ nl: `${afspraakPad('nl', slug)}${query}`, en: `${afspraakPad('en', slug)}${query}` });

/** `/{slug}/afspraak` without a product: the products that can be booked. */
export function productKeuzePagina(ctx: AfspraakPaginaContext, producten: readonly PubliekProduct[]): string {
  const { taal, gemeente, ta } = ctx;
  const inhoud = producten.length === 0
    ? alinea(ta('geenProducten'))
    : html`${alinea(ta('kiesProduct'), true)}
          <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
            ${producten.map((p) => html`<li class="utrecht-unordered-list__item">${link(`${afspraakPad(taal, gemeente.slug)}?product=${encodeURIComponent(p.code)}`, p.naam)}</li>`)}
          </ul>`;
  return pagina(ctx, ta('titel'), inhoud, talenVan(gemeente.slug));
}

/** The free slots per Amsterdam day; for a ceremony one choice per free official. */
export function keuzesPerDag(tijdvakken: readonly Tijdvak[], dagVan: (iso: string) => string): Map<string, { keuze: Keuze; naam: string | undefined }[]> {
  const uit = new Map<string, { keuze: Keuze; naam: string | undefined }[]>();
  for (const vak of tijdvakken) {
    if (vak.vrij <= 0) continue;
    const dag = dagVan(vak.start);
    const lijst = uit.get(dag) ?? [];
    if (vak.ambtenaren) for (const a of vak.ambtenaren) lijst.push({ keuze: { start: vak.start, locatie: vak.locatie, ambtenaar: a.id }, naam: a.naam });
    else lijst.push({ keuze: { start: vak.start, locatie: vak.locatie, ambtenaar: undefined }, naam: undefined });
    uit.set(dag, lijst);
  }
  return uit;
}

/**
 * The time choice: links to the days with free times, and a radio list for the chosen day.
 * Used to book (`actie` = the booking page) and to move (`actie` = the appointment's page).
 */
export function tijdKeuze(
  ctx: AfspraakPaginaContext,
  opties: { perDag: Map<string, { keuze: Keuze; naam: string | undefined }[]>; dag: string | undefined; dagLink: (dag: string) => string; actie: string; velden: Html; knopTekst: string; fout: string | undefined },
): Html {
  const { taal, ta } = ctx;
  const dagen = [...opties.perDag.keys()];
  if (dagen.length === 0) return alinea(ta('geenTijden'));
  const dag = opties.dag !== undefined && opties.perDag.has(opties.dag) ? opties.dag : (dagen[0] ?? '');
  const keuzes = opties.perDag.get(dag) ?? [];
  const fout = opties.fout;
  return html`<nav aria-labelledby="dagen-kop">
            <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="dagen-kop">${ta('dagenKop')}</h2>
            <ul class="utrecht-link-list utrecht-link-list--html-ul loket-dagen">
              ${dagen.map((d) => html`<li class="utrecht-link-list__item">${d === dag ? html`<span aria-current="true">${dagTekst(taal, d)}</span>` : link(opties.dagLink(d), dagTekst(taal, d), ' utrecht-link-list__link')}</li>`)}
            </ul>
          </nav>
          <form class="loket-formulier" method="post" action="${opties.actie}" novalidate>
            ${verborgen('formulier', ctx.formulier)}${opties.velden}
            <div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
              <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" id="keuze"${fout ? html` aria-describedby="keuze-fout" aria-invalid="true"` : ''}>
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${ta('tijdenOp', { dag: dagTekst(taal, dag) })}</legend>
                ${fout ? html`<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="keuze-fout">${fout}</div>` : ''}
                ${keuzes.map((k, i) => {
                  const tijd = TIJD[taal].format(new Date(k.keuze.start));
                  return html`<div class="utrecht-form-field utrecht-form-field--radio">
                  <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="keuze-${i}" name="keuze" value="${keuzeWaarde(k.keuze)}">
                  <label class="utrecht-form-label utrecht-form-label--radio" for="keuze-${i}">${k.naam ? ta('metAmbtenaar', { tijd, naam: k.naam }) : tijd}</label>
                </div>`;
                })}
              </fieldset>
            </div>
            ${knop(opties.knopTekst)}
          </form>`;
}

/** Step 1: the free times of a product. */
export function tijdPagina(ctx: AfspraakPaginaContext, product: PubliekProduct, perDag: Map<string, { keuze: Keuze; naam: string | undefined }[]>, dag: string | undefined, fout?: string): string {
  const { taal, gemeente, ta } = ctx;
  const pad = afspraakPad(taal, gemeente.slug);
  const query = `?product=${encodeURIComponent(product.code)}`;
  const inhoud = html`${foutSamenvatting(ctx, { keuze: fout })}
          ${alinea(ta('tijdIntro', { product: product.naam, minuten: product.afspraakMinuten ?? 0 }), true)}
          ${tijdKeuze(ctx, { perDag, dag, dagLink: (d) => `${pad}${query}&dag=${d}`, actie: pad, velden: html`${verborgen('stap', 'tijd')}${verborgen('product', product.code)}`, knopTekst: ta('verder'), fout })}`;
  return pagina(ctx, ta('tijdKop'), inhoud, talenVan(gemeente.slug, query), fout !== undefined);
}

/** Step 2: name, e-mail and phone. */
export function gegevensPagina(ctx: AfspraakPaginaContext, product: PubliekProduct, keuze: Keuze, ambtenaar: string | undefined, gegevens: Gegevens, fouten: Fouten = {}): string {
  const { taal, gemeente, ta } = ctx;
  const pad = afspraakPad(taal, gemeente.slug);
  const query = `?product=${encodeURIComponent(product.code)}`;
  const inhoud = html`${foutSamenvatting(ctx, fouten)}
          ${alinea(product.naam, true)}
          ${alinea(html`${ta('gekozen', { moment: afspraakMoment(taal, keuze.start) })}${ambtenaar ? html`, ${ambtenaar}` : ''}. ${link(`${pad}${query}`, ta('anderTijd'))}`)}
          <form class="loket-formulier" method="post" action="${pad}" novalidate>
            ${verborgen('formulier', ctx.formulier)}${verborgen('stap', 'gegevens')}${verborgen('product', product.code)}${verborgen('keuze', keuzeWaarde(keuze))}
            ${tekstveld('naam', ta('naam'), gegevens.naam, fouten.naam, { type: 'text', autocomplete: 'name' })}
            ${tekstveld('email', ta('email'), gegevens.email, fouten.email, { type: 'email', autocomplete: 'email', uitleg: ta('emailUitleg') })}
            ${tekstveld('telefoon', ta('telefoon'), gegevens.telefoon, fouten.telefoon, { type: 'tel', autocomplete: 'tel' })}
            ${knop(ta('verder'))}
          </form>`;
  return pagina(ctx, ta('gegevensKop'), inhoud, talenVan(gemeente.slug, query), Object.keys(fouten).length > 0);
}

const rij = (kop: string, waarde: Html | string): Html => html`<div class="loket-gegevens__rij"><dt>${kop}</dt><dd>${waarde}</dd></div>`;

/** Step 3: "Controleer uw afspraak", everything in hidden fields, one button to book. */
export function controlePagina(ctx: AfspraakPaginaContext, product: PubliekProduct, keuze: Keuze, ambtenaar: string | undefined, gegevens: Gegevens, verzending: string, fout?: string): string {
  const { taal, gemeente, ta } = ctx;
  const pad = afspraakPad(taal, gemeente.slug);
  const alles = html`${verborgen('product', product.code)}${verborgen('keuze', keuzeWaarde(keuze))}${verborgen('naam', gegevens.naam)}${verborgen('email', gegevens.email)}${verborgen('telefoon', gegevens.telefoon)}`;
  const inhoud = html`${foutSamenvatting(ctx, { formulier: fout })}
          <dl class="loket-gegevens">
            ${rij(ta('wat'), product.naam)}
            ${rij(ta('wanneer'), afspraakMoment(taal, keuze.start))}
            ${ambtenaar ? rij(ta('ambtenaar'), ambtenaar) : ''}
            ${rij(ta('naam'), gegevens.naam)}
            ${rij(ta('email'), gegevens.email)}
            ${gegevens.telefoon ? rij(ta('telefoon'), gegevens.telefoon) : ''}
          </dl>
          <form class="loket-formulier" method="post" action="${pad}">
            ${verborgen('formulier', ctx.formulier)}${verborgen('stap', 'boek')}${verborgen('verzending', verzending)}${alles}
            ${knop(ta('bevestig'))}
          </form>
          <form class="loket-formulier" method="post" action="${pad}">
            ${verborgen('formulier', ctx.formulier)}${verborgen('stap', 'tijd')}${alles}
            <button class="utrecht-button utrecht-button--secondary-action utrecht-button--distanced" type="submit">${ta('wijzig')}</button>
          </form>`;
  return pagina(ctx, ta('controleerKop'), inhoud, talenVan(gemeente.slug, `?product=${encodeURIComponent(product.code)}`), fout !== undefined);
}

/** A second submission of the same check page (a double click, the back button): booked once, said plainly. */
export function alGemaaktPagina(ctx: AfspraakPaginaContext): string {
  return pagina(ctx, ctx.ta('gemaaktKop'), alinea(ctx.ta('alGemaakt'), true), talenVan(ctx.gemeente.slug));
}

/** `/{slug}/afspraak/{token}`: the appointment, with cancel and move while it is planned. */
export function beheerPagina(
  ctx: AfspraakPaginaContext,
  token: string,
  afspraak: AfspraakWeergave,
  opties: { wijzigbaar: boolean; melding?: 'gemaakt' | 'afgezegd' | 'verzet'; perDag?: Map<string, { keuze: Keuze; naam: string | undefined }[]>; dag?: string; fout?: string },
): string {
  const { taal, gemeente, ta } = ctx;
  const pad = beheerPad(taal, gemeente.slug, token);
  const melding = opties.melding === 'gemaakt'
    ? alinea(ta('mailVerstuurd', { email: afspraak.email ?? '' }), true)
    : opties.melding
      ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${ta(opties.melding)}</p></div>`
      : '';
  const status = afspraak.status === 'geannuleerd' ? ta('statusGeannuleerd') : afspraak.status === 'gepland' && opties.wijzigbaar ? ta('statusGepland') : ta('statusVoorbij');
  const beheer = opties.wijzigbaar
    ? html`${kop2(ta('afzeggenKop'))}
          ${alinea(ta('afzeggenUitleg'))}
          <form class="loket-formulier" method="post" action="${pad}">
            ${verborgen('formulier', ctx.formulier)}${verborgen('actie', 'afzeggen')}
            <button class="utrecht-button utrecht-button--secondary-action utrecht-button--distanced" type="submit">${ta('afzeggen')}</button>
          </form>
          <section aria-labelledby="verzetten-kop">
          <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="verzetten-kop">${ta('verzettenKop')}</h2>
          ${opties.perDag
            ? tijdKeuze(ctx, { perDag: opties.perDag, dag: opties.dag, dagLink: (d) => `${pad}?dag=${d}`, actie: pad, velden: verborgen('actie', 'verzetten'), knopTekst: ta('verzetten'), fout: opties.fout })
            : ''}
          </section>`
    : '';
  const inhoud = html`${foutSamenvatting(ctx, { keuze: opties.fout })}
          ${melding}
          <dl class="loket-gegevens">
            ${rij(ta('wat'), afspraak.productNaam)}
            ${rij(ta('wanneer'), afspraakMoment(taal, afspraak.start))}
            ${rij(ta('waar'), [afspraak.locatie.naam, afspraak.locatie.adres].filter(Boolean).join(', '))}
            ${afspraak.ambtenaar ? rij(ta('ambtenaar'), afspraak.ambtenaar.naam) : ''}
            ${rij(ta('status'), status)}
          </dl>
          ${beheer}`;
  const titel = opties.melding === 'gemaakt' ? ta('gemaaktKop') : ta('afspraakKop');
  return portaalLayout(ctx, titel, inhoud, kruimelpad(ctx), {
    talen: { nl: beheerPad('nl', gemeente.slug, token), en: beheerPad('en', gemeente.slug, token) },
    documentTitel: opties.fout ? ta('foutTitel', { titel }) : undefined,
  });
}
