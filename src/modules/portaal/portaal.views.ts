import { STANDAARDTAAL, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, opmaak, type Html } from './html.ts';
import { STANDAARD_KLEUREN, type GemeenteThema } from './portaal.schemas.ts';
import { STYLESHEETS } from './statisch.ts';
import { afspraakPad, productenPad } from '../producten/producten.views.ts';
import { meldingPad } from '../meldingformulier/meldingformulier.views.ts';
import { formulierPad } from '../formulieren/formulieren.paden.ts';
import { formulierPad as klachtPad } from '../klachten/klachten.views.ts';
import { bezwaarPad } from '../bezwaar/bezwaar.views.ts';
import { mijnZakenPad } from '../inwoners/inwoners.paden.ts';

/** The pages of a gemeente, and their last URL segment per language. */
export const PAGINAS = {
  home: { nl: '', en: '' },
  privacy: { nl: 'privacy', en: 'privacy' },
  toegankelijkheid: { nl: 'toegankelijkheid', en: 'accessibility' },
} as const satisfies Record<string, Record<Taal, string>>;
export type PaginaNaam = keyof typeof PAGINAS;

/**
 * The URL of a portal page. Dutch is at the root of a gemeente, English under `en/`:
 * `/` and `/en/` (choose a gemeente), `/diemen/`, `/diemen/en/`, `/diemen/privacy`,
 * `/diemen/en/privacy`, `/diemen/toegankelijkheid`, `/diemen/en/accessibility`.
 */
export function portaalPad(taal: Taal, slug?: string, pagina: PaginaNaam = 'home'): string {
  const taalDeel = taal === STANDAARDTAAL ? '' : `${taal}/`;
  return slug === undefined ? `/${taalDeel}` : `/${slug}/${taalDeel}${PAGINAS[pagina][taal]}`;
}

const ANDERE_TAAL: Record<Taal, Taal> = { nl: 'en', en: 'nl' };

export interface PortaalGemeente {
  naam: string;
  slug: string;
  thema: GemeenteThema;
}

export interface PaginaContext {
  taal: Taal;
  t: Vertaal;
  gemeente: PortaalGemeente | undefined;
  /** URL of the theme stylesheet of this page (with its content hash). */
  themaUrl: string;
  /** Which page this is, for the language switch; undefined for the 404 page, which switches to home. */
  pagina: PaginaNaam | undefined;
}

export const link = (href: string, inhoud: Html | string, extra = ''): Html =>
  html`<a class="utrecht-link utrecht-link--html-a${extra}" href="${href}">${inhoud}</a>`;

export const alinea = (inhoud: Html | string, lead = false): Html =>
  html`<p class="utrecht-paragraph utrecht-paragraph--distanced${lead ? ' utrecht-paragraph--lead' : ''}">${inhoud}</p>`;

/** Dutch names and terms inside English text, marked for screen readers (WCAG 3.1.2). */
const nederlands = (tekst: string): Html => html`<span lang="nl">${tekst}</span>`;

export const kop2 = (tekst: string): Html => html`<h2 class="utrecht-heading-2 utrecht-heading-2--distanced">${tekst}</h2>`;

const lijst = (items: readonly (Html | string)[]): Html =>
  html`<ul class="utrecht-unordered-list utrecht-unordered-list--distanced">${items.map(
    (item) => html`<li class="utrecht-unordered-list__item">${item}</li>`,
  )}</ul>`;

/** "Gemeente Diemen" / "Municipality of Diemen". */
function gemeenteNaam(ctx: PaginaContext, gemeente: PortaalGemeente): string {
  return ctx.t('algemeen.gemeenteNaam', { naam: gemeente.naam });
}

function websiteTekst(website: string): string {
  const url = new URL(website);
  return url.host + (url.pathname === '/' ? '' : url.pathname);
}

/** Phone and website of the gemeente, as links; nothing when the theme has neither. */
function contact(ctx: PaginaContext, gemeente: PortaalGemeente): Html | undefined {
  const { telefoon, website } = gemeente.thema;
  if (!telefoon && !website) return undefined;
  return lijst([
    ...(telefoon
      ? [opmaak(ctx.t('contact.bellen', { telefoon }), [(nummer) => link(`tel:${telefoon.replace(/[^+0-9]/g, '')}`, nummer, ' utrecht-link--telephone')])]
      : []),
    ...(website ? [opmaak(ctx.t('contact.website', { website: websiteTekst(website) }), [(tekst) => link(website, tekst)])] : []),
  ]);
}

/** What a page of another module adds to the layout. */
export interface LayoutOpties {
  /** The address of this page in each language (language switch and hreflang); default: the portal page of ctx.pagina. */
  talen?: Record<Taal, string>;
  /** Stylesheets after the portal's own (with their content hash). */
  stylesheets?: readonly string[];
  /** The document title when it differs from the page heading (e.g. "Fout: …" after a rejected form). */
  documentTitel?: string;
  /** A web app manifest (the melding pages can be installed on a phone). */
  manifest?: string;
}

/** The page around the content: head, skip link, header with language switch, footer. */
export function pagina(ctx: PaginaContext, titel: string, inhoud: Html, kruimelpad?: Html, opties: LayoutOpties = {}): string {
  const { taal, t, gemeente } = ctx;
  const ander = ANDERE_TAAL[taal];
  const site = gemeente ? (gemeente.thema.logoTekst ?? gemeenteNaam(ctx, gemeente)) : t('algemeen.loket');
  const hier = (tl: Taal): string => opties.talen?.[tl] ?? portaalPad(tl, gemeente?.slug, ctx.pagina);
  const alternatieven = ctx.pagina || opties.talen
    ? [taal, ander].map((tl) => html`<link rel="alternate" hreflang="${tl}" href="${hier(tl)}">`)
    : [];
  const voet = gemeente
    ? html`<nav class="loket-voet__nav" aria-label="${t('algemeen.overDezeWebsite')}">
          <ul class="loket-voet__lijst">
            <li>${link(portaalPad(taal, gemeente.slug, 'privacy'), t('privacy.titel'))}</li>
            <li>${link(portaalPad(taal, gemeente.slug, 'toegankelijkheid'), t('toegankelijkheid.titel'))}</li>
          </ul>
        </nav>`
    : html`<p class="utrecht-paragraph">${t('kiezen.voet')}</p>`;
  const document = html`<!DOCTYPE html>
<html lang="${taal}" class="utrecht-root utrecht-theme loket-thema">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${t('algemeen.titel', { pagina: opties.documentTitel ?? titel, site })}</title>
    ${[...STYLESHEETS, ...(opties.stylesheets ?? []), ctx.themaUrl].map((href) => html`<link rel="stylesheet" href="${href}">`)}
    ${alternatieven}
    ${opties.manifest ? html`<link rel="manifest" href="${opties.manifest}">
    <meta name="theme-color" content="${gemeente?.thema.kleurPrimair ?? STANDAARD_KLEUREN.kleurPrimair}">
    <link rel="apple-touch-icon" href="/static/melding/icoon-192.png">` : ''}
  </head>
  <body class="utrecht-body utrecht-document utrecht-page-layout">
    <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">${t('algemeen.naarInhoud')}</a>
    <header class="utrecht-page-header">
      <div class="utrecht-page-header__content loket-kop">
        <a class="loket-kop__logo" href="${portaalPad(taal, gemeente?.slug)}">${site}</a>
        <nav class="utrecht-alternate-lang-nav loket-kop__talen" aria-label="${t('algemeen.taalkeuze')}">
          <a class="utrecht-link utrecht-link--html-a" href="${hier(ander)}" lang="${ander}" hreflang="${ander}">${t('algemeen.andereTaal')}</a>
        </nav>
      </div>
    </header>
    <div class="utrecht-page-body">
      <div class="utrecht-page-body__content">
        ${kruimelpad}
        <main id="inhoud" tabindex="-1" class="utrecht-page-content loket-inhoud">
          <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">${titel}</h1>
          ${inhoud}
        </main>
      </div>
    </div>
    <footer class="utrecht-page-footer">
      <div class="utrecht-page-footer__content loket-voet">${voet}</div>
    </footer>
  </body>
</html>
`;
  return document.toString();
}

/** The portal's layout for pages of other modules (same header, footer, theme and language switch). */
export const portaalLayout = pagina;

/** Breadcrumb from the gemeente's home to the current page. */
function kruimelpad(ctx: PaginaContext, gemeente: PortaalGemeente, huidige: PaginaNaam, titel: string): Html {
  return html`<nav class="utrecht-breadcrumb-nav loket-kruimelpad" aria-label="${ctx.t('algemeen.kruimelpad')}">
          <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
            <li class="utrecht-breadcrumb-nav__item">${link(portaalPad(ctx.taal, gemeente.slug), gemeenteNaam(ctx, gemeente), ' utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--first')}</li>
            <li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" href="${portaalPad(ctx.taal, gemeente.slug, huidige)}" aria-current="page">${titel}</a></li>
          </ol>
        </nav>`;
}

/** `/`: choose your gemeente. */
export function kiesGemeentePagina(ctx: PaginaContext, gemeenten: readonly { naam: string; slug: string }[]): string {
  const { t, taal } = ctx;
  const inhoud = gemeenten.length
    ? html`${alinea(t('kiezen.intro'), true)}
          <ul class="utrecht-link-list utrecht-link-list--html-ul loket-gemeenten">
            ${gemeenten.map(
              (g) => html`<li class="utrecht-link-list__item">${link(portaalPad(taal, g.slug), t('algemeen.gemeenteNaam', { naam: g.naam }), ' utrecht-link-list__link')}</li>`,
            )}
          </ul>`
    : alinea(t('kiezen.geen'));
  return pagina(ctx, t('kiezen.titel'), inhoud);
}

/** `/{slug}/`: the gemeente's home. */
export function homePagina(ctx: PaginaContext, gemeente: PortaalGemeente): string {
  const { t, taal } = ctx;
  const contactgegevens = contact(ctx, gemeente);
  const inhoud = html`${alinea(t('home.intro'), true)}
          ${kop2(t('home.mijnZakenKop'))}
          ${alinea(link(mijnZakenPad(taal, gemeente.slug), t('home.mijnZakenLink')))}
          ${contactgegevens ? html`${kop2(t('home.contactKop'))}${contactgegevens}` : ''}
          ${kop2(t('home.servicenormenKop'))}
          ${alinea(link(`${portaalPad(taal, gemeente.slug)}servicenormen`, t('home.servicenormenLink')))}
          ${kop2(t('home.meldenKop'))}
          ${alinea(link(meldingPad(taal, gemeente.slug), t('home.meldenLink')))}
          ${kop2(t('home.klachtBezwaarKop'))}
          ${lijst([link(klachtPad(taal, gemeente.slug), t('home.klachtLink')), link(bezwaarPad(taal, gemeente.slug), t('home.bezwaarLink'))])}
          ${kop2(t('home.afsprakenKop'))}
          ${lijst([
            link(productenPad(taal, gemeente.slug), t('home.productenLink')),
            link(formulierPad(taal, gemeente.slug), t('home.formulierenLink')),
            link(afspraakPad(taal, gemeente.slug), t('home.afspraakLink')),
          ])}
          ${kop2(t('home.websiteKop'))}
          ${alinea(t('home.websiteTekst'))}
          ${lijst([
            link(portaalPad(taal, gemeente.slug, 'privacy'), t('home.privacyLink')),
            link(portaalPad(taal, gemeente.slug, 'toegankelijkheid'), t('home.toegankelijkheidLink')),
          ])}`;
  return pagina(ctx, t('home.titel', { naam: gemeente.naam }), inhoud);
}

/** `/{slug}/privacy`: the privacy statement. */
export function privacyPagina(ctx: PaginaContext, gemeente: PortaalGemeente): string {
  const { t } = ctx;
  const naam = gemeente.naam;
  const titel = t('privacy.titel');
  const contactgegevens = contact(ctx, gemeente);
  const inhoud = html`${alinea(t('privacy.intro', { naam }), true)}
          ${alinea(opmaak(t('privacy.verantwoordelijk', { naam }), [nederlands]))}
          ${kop2(t('privacy.inwonersKop'))}
          ${alinea(t('privacy.inwonersZaken'))}
          ${lijst(['naam', 'contact', 'bsn', 'taal', 'inhoud'].map((k) => t(`privacy.inwonersGegevens.${k}`)))}
          ${alinea(t('privacy.inwonersVolgen'))}
          ${alinea(t('privacy.inwonersGeenCookies'))}
          ${alinea(t('privacy.inwonersServer'))}
          ${alinea(t('privacy.inwonersWijziging'))}
          ${kop2(t('privacy.medewerkersKop'))}
          ${alinea(t('privacy.medewerkersIntro'))}
          ${lijst(['naamEmail', 'wachtwoord', 'tweedeStap', 'rollen', 'inloggen', 'acties'].map((k) => t(`privacy.medewerkers.${k}`)))}
          ${kop2(t('privacy.bewarenKop'))}
          ${alinea(opmaak(t('privacy.bewarenSelectielijst'), [nederlands]))}
          ${alinea(t('privacy.bewarenInloggen'))}
          ${alinea(t('privacy.bewarenContact'))}
          ${kop2(t('privacy.logboekKop'))}
          ${alinea(t('privacy.logboekWat'))}
          ${alinea(t('privacy.logboekVast'))}
          ${kop2(t('privacy.rechtenKop'))}
          ${alinea(t('privacy.rechtenIntro'))}
          ${lijst(['inzage', 'verbetering', 'verwijdering', 'beperking', 'bezwaar'].map((k) => t(`privacy.rechten.${k}`)))}
          ${alinea(t('privacy.rechtenTermijn'))}
          ${contactgegevens ? html`${alinea(t('privacy.rechtenVragen'))}${contactgegevens}` : ''}
          ${alinea(opmaak(t('privacy.klacht'), [(tekst) => link(t('privacy.klachtUrl'), tekst), nederlands]))}`;
  return pagina(ctx, titel, inhoud, kruimelpad(ctx, gemeente, 'privacy', titel));
}

/** `/{slug}/toegankelijkheid`: the accessibility statement. */
export function toegankelijkheidPagina(ctx: PaginaContext, gemeente: PortaalGemeente): string {
  const { t } = ctx;
  const titel = t('toegankelijkheid.titel');
  const contactgegevens = contact(ctx, gemeente);
  const inhoud = html`${alinea(t('toegankelijkheid.intro'), true)}
          ${kop2(t('toegankelijkheid.doelKop'))}
          ${alinea(t('toegankelijkheid.doelNorm', { naam: gemeente.naam }))}
          ${alinea(t('toegankelijkheid.doelZonderJavascript'))}
          ${kop2(t('toegankelijkheid.testKop'))}
          ${alinea(t('toegankelijkheid.testAutomatisch'))}
          ${alinea(t('toegankelijkheid.testGrenzen'))}
          ${kop2(t('toegankelijkheid.meldenKop'))}
          ${alinea(t('toegankelijkheid.meldenTekst'))}
          ${contactgegevens ? html`${alinea(t('toegankelijkheid.meldenContact'))}${contactgegevens}` : ''}`;
  return pagina(ctx, titel, inhoud, kruimelpad(ctx, gemeente, 'toegankelijkheid', titel));
}

/** The resident's 404 page, in the gemeente's theme when the address starts with its slug. */
export function nietGevondenPagina(ctx: PaginaContext): string {
  const { t, taal, gemeente } = ctx;
  const verder = gemeente
    ? link(portaalPad(taal, gemeente.slug), t('nietGevonden.naarGemeente', { naam: gemeente.naam }))
    : link(portaalPad(taal), t('nietGevonden.naarKeuze'));
  return pagina(ctx, t('nietGevonden.titel'), html`${alinea(t('nietGevonden.tekst'), true)}${alinea(verder)}`);
}

/** The resident's page for an address or form with a character Loket refuses (400, ADR 0020). */
export function ongeldigeTekensPagina(ctx: PaginaContext): string {
  const { t, taal, gemeente } = ctx;
  const verder = gemeente
    ? link(portaalPad(taal, gemeente.slug), t('nietGevonden.naarGemeente', { naam: gemeente.naam }))
    : link(portaalPad(taal), t('nietGevonden.naarKeuze'));
  return pagina(ctx, t('ongeldigeTekens.titel'), html`${alinea(t('ongeldigeTekens.tekst'), true)}${alinea(t('ongeldigeTekens.wat'))}${alinea(verder)}`);
}
