import { STANDAARDTAAL, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, kop2, link, portaalLayout, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import type { PubliekProduct } from './producten.service.ts';
import { THEMAS, type Thema } from './producten.schemas.ts';
import { formulierPad } from '../formulieren/formulieren.paden.ts';

const SEGMENT: Record<Taal, string> = { nl: 'producten', en: 'products' };
const AFSPRAAK_SEGMENT: Record<Taal, string> = { nl: 'afspraak', en: 'appointment' };

/** `/diemen/producten`, `/diemen/en/products`, and a product below it. */
export function productenPad(taal: Taal, slug: string, code?: string): string {
  return `${portaalPad(taal, slug)}${SEGMENT[taal]}${code === undefined ? '' : `/${code}`}`;
}

/** `/diemen/afspraak`, `/diemen/en/appointment`: booking an appointment at the balie. */
export function afspraakPad(taal: Taal, slug: string): string {
  return `${portaalPad(taal, slug)}${AFSPRAAK_SEGMENT[taal]}`;
}

/** The route patterns of the product pages per language (`/:slug/producten`, `/:slug/en/products`). */
export function productenRoute(taal: Taal): string {
  return taal === STANDAARDTAAL ? `/:slug/${SEGMENT[taal]}` : `/:slug/${taal}/${SEGMENT[taal]}`;
}

export interface ProductenContext extends PaginaContext {
  gemeente: PortaalGemeente;
  /** Texts of this module (producten namespace). */
  tp: Vertaal;
}

const huidig = (href: string, tekst: string): Html =>
  html`<li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" href="${href}" aria-current="page">${tekst}</a></li>`;
const item = (href: string, tekst: string, eerste = false): Html =>
  html`<li class="utrecht-breadcrumb-nav__item">${link(href, tekst, ` utrecht-breadcrumb-nav__link${eerste ? ' utrecht-breadcrumb-nav__link--first' : ''}`)}</li>`;
const knop = (href: string, tekst: string): Html =>
  html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action loket-start" href="${href}">${tekst}</a>`;
/** A Loket form (`/{slug}/formulieren/{code}`) in the page's language; another address as it is. */
const formulierInTaal = (taal: Taal, url: string): string => url.replace(/^\/([a-z0-9-]+)\/(?:en\/forms|formulieren)\/([a-z0-9-]+)$/, (_, slug: string, code: string) => formulierPad(taal, slug, code));
const sectie = (kop: string, tekst: string, extra?: Html | ''): Html | '' => (tekst || extra ? html`${kop2(kop)}${tekst ? alinea(tekst) : ''}${extra ?? ''}` : '');

function kruimelpad(ctx: ProductenContext, product?: PubliekProduct): Html {
  const { taal, t, gemeente } = ctx;
  return html`<nav class="utrecht-breadcrumb-nav loket-kruimelpad" aria-label="${t('algemeen.kruimelpad')}">
          <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
            ${item(portaalPad(taal, gemeente.slug), t('algemeen.gemeenteNaam', { naam: gemeente.naam }), true)}
            ${product
              ? html`${item(productenPad(taal, gemeente.slug), ctx.tp('titel'))}${huidig(productenPad(taal, gemeente.slug, product.code), product.naam)}`
              : huidig(productenPad(taal, gemeente.slug), ctx.tp('titel'))}
          </ol>
        </nav>`;
}

const talen = (slug: string, code?: string): Record<Taal, string> => ({ nl: productenPad('nl', slug, code), en: productenPad('en', slug, code) });

function kenmerken(tp: Vertaal, p: PubliekProduct): Html {
  const delen = [p.afspraak ? tp('metAfspraak') : '', p.online && p.formulierUrl ? tp('online') : ''].filter(Boolean);
  return delen.length ? html`<p class="utrecht-paragraph loket-product__kenmerk">${delen.join(' · ')}</p>` : html``;
}

/** `/{slug}/producten`: every published product, searchable and by theme, without JavaScript. */
export function productenPagina(ctx: ProductenContext, producten: readonly PubliekProduct[], filter: { zoek: string; thema: Thema | undefined; gevonden: readonly PubliekProduct[] }): string {
  const { tp, taal, gemeente } = ctx;
  const pad = productenPad(taal, gemeente.slug);
  const themas = THEMAS.filter((th) => producten.some((p) => p.thema === th));
  const zoekveld = html`<form class="loket-formulier" method="get" action="${pad}" role="search">
            <div class="utrecht-form-field utrecht-form-field--distanced">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="zoek">${tp('zoeken.label')}</label></div>
              <div class="utrecht-form-field__description utrecht-form-field-description" id="zoek-uitleg">${tp('zoeken.uitleg')}</div>
              <div class="utrecht-form-field__input">
                <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoek" name="zoek" value="${filter.zoek}" aria-describedby="zoek-uitleg" maxlength="100">
              </div>
            </div>
            <button class="utrecht-button utrecht-button--primary-action utrecht-button--distanced" type="submit">${tp('zoeken.knop')}</button>
          </form>`;
  const themaNav = themas.length > 1
    ? html`<nav aria-labelledby="themas-kop">
            <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="themas-kop">${tp('themaKop')}</h2>
            <ul class="utrecht-link-list utrecht-link-list--html-ul">
              <li class="utrecht-link-list__item">${filter.thema === undefined && !filter.zoek ? html`<span aria-current="page">${tp('themaAlles')}</span>` : link(pad, tp('themaAlles'), ' utrecht-link-list__link')}</li>
              ${themas.map((th) => html`<li class="utrecht-link-list__item">${
                filter.thema === th ? html`<span aria-current="page">${tp(`thema.${th}`)}</span>` : link(`${pad}?thema=${th}`, tp(`thema.${th}`), ' utrecht-link-list__link')
              }</li>`)}
            </ul>
          </nav>`
    : '';
  const melding = filter.zoek
    ? alinea(filter.gevonden.length ? tp('zoeken.resultaat', { count: filter.gevonden.length, aantal: filter.gevonden.length, zoek: filter.zoek }) : tp('zoeken.geen', { zoek: filter.zoek }))
    : '';
  const groepen = THEMAS.map((th) => ({ thema: th, items: filter.gevonden.filter((p) => p.thema === th) })).filter((g) => g.items.length > 0);
  const lijst = producten.length === 0
    ? alinea(tp('geenProducten'))
    : html`${groepen.map(
        (g) => html`<section aria-labelledby="thema-${g.thema}">
            <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="thema-${g.thema}">${tp(`thema.${g.thema}`)}</h2>
            <ul class="utrecht-unordered-list utrecht-unordered-list--distanced loket-producten">
              ${g.items.map((p) => html`<li class="utrecht-unordered-list__item">${link(productenPad(taal, gemeente.slug, p.code), p.naam)}${kenmerken(tp, p)}</li>`)}
            </ul>
          </section>`,
      )}${filter.zoek || filter.thema ? alinea(link(pad, tp('zoeken.alles'))) : ''}`;
  const inhoud = html`${alinea(tp('intro', { naam: gemeente.naam }), true)}
          ${zoekveld}
          ${melding}
          ${themaNav}
          ${lijst}`;
  return portaalLayout(ctx, tp('titel'), inhoud, kruimelpad(ctx), { talen: talen(gemeente.slug) });
}

/** `/{slug}/producten/{product}`: one product with what it costs, what to bring and a start button. */
export function productPagina(ctx: ProductenContext, p: PubliekProduct): string {
  const { tp, taal, gemeente } = ctx;
  const starts = [
    p.afspraak ? knop(`${afspraakPad(taal, gemeente.slug)}?product=${encodeURIComponent(p.code)}`, tp('product.startAfspraak')) : '',
    p.online && p.formulierUrl ? knop(formulierInTaal(taal, p.formulierUrl), tp('product.startOnline')) : '',
  ].filter((k) => k !== '');
  const inhoud = html`${alinea(p.omschrijving, true)}
          ${sectie(tp('product.voorWieKop'), p.voorWie)}
          ${sectie(tp('product.kostenKop'), p.kosten)}
          ${sectie(tp('product.meenemenKop'), p.meenemen)}
          ${sectie(
            tp('product.aanvragenKop'),
            p.hoeAanvragen,
            html`${p.afspraak && p.afspraakMinuten ? alinea(tp('product.duur', { minuten: p.afspraakMinuten })) : ''}${p.ambtenaarKiezen ? alinea(tp('product.ambtenaar')) : ''}`,
          )}
          <div class="loket-start-knoppen">${starts.length ? starts : alinea(tp('product.geenStart'))}</div>`;
  return portaalLayout(ctx, p.naam, inhoud, kruimelpad(ctx, p), { talen: talen(gemeente.slug, p.code) });
}
