import { datumTekst, STANDAARDTAAL, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import type { Adres } from '../adressen/adressen.geocoder.ts';
import type { CategorieRecord } from '../meldingen/meldingen.repository.ts';
import type { Vraag } from '../meldingen/meldingen.schemas.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, kop2, link, portaalLayout, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import type { ConceptFoto, ConceptGegevens } from './meldingformulier.repository.ts';
import type { Fout } from './meldingformulier.service.ts';

export interface MeldingPaginaContext extends PaginaContext {
  gemeente: PortaalGemeente;
  /** Texts of the form (namespace melding). */
  tm: Vertaal;
  /** The map on the place step: tile URL template (empty: no map) and the stylesheet and script. */
  kaart: { tegels: string; stylesheets: readonly string[]; scripts: readonly string[]; midden: { lat: number; lon: number } | undefined } | undefined;
  /** The script that registers the service worker (ADR 0075), with its version; without: none. */
  swScript?: string | undefined;
}

/** The service worker of a gemeente's melding pages (ADR 0075). */
export const swPad = (slug: string): string => `/${slug}/melding-sw.js`;
/** The offline page the service worker shows: `/diemen/melding/offline`, `/diemen/en/report/offline`. */
export const offlinePad = (taal: Taal, slug: string): string => `${meldingPad(taal, slug)}/offline`;

export const STAPPEN = ['categorie', 'vragen', 'waar', 'dubbel', 'fotos', 'contact', 'controle'] as const;
export type Stap = (typeof STAPPEN)[number];

const SEGMENT: Record<Taal, string> = { nl: 'melding', en: 'report' };

/** `/diemen/melding`, `/diemen/en/report`. */
export const meldingPad = (taal: Taal, slug: string): string => `/${slug}/${taal === STANDAARDTAAL ? '' : `${taal}/`}${SEGMENT[taal]}`;
/** A step of a concept: `/diemen/melding/{sleutel}/waar`. */
export const stapPad = (taal: Taal, slug: string, sleutel: string, stap: Stap | `foto/${number}`): string => `${meldingPad(taal, slug)}/${sleutel}/${stap}`;

/** One B1 text per problem, by field (the first problem of a field is shown at it). */
export function foutTeksten(tm: Vertaal, fouten: readonly Fout[], gemeente: string): Map<string, string> {
  const uit = new Map<string, string>();
  for (const f of fouten) if (!uit.has(f.veld)) uit.set(f.veld, tm(`fout.${f.code}`, { gemeente, ...f.waarden }));
  return uit;
}

function foutSamenvatting(ctx: MeldingPaginaContext, fouten: Map<string, string>): Html | '' {
  if (fouten.size === 0) return '';
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <h2 class="utrecht-heading-2">${ctx.tm('foutKop')}</h2>
                <ul class="utrecht-unordered-list">${[...fouten].map(([veld, tekst]) => html`<li class="utrecht-unordered-list__item">${link(`#${veld}`, tekst)}</li>`)}</ul>
              </div>
            </div>
          </div>`;
}

const knop = (tekst: string, secundair = false, extra: Html | string = ''): Html =>
  html`<button class="utrecht-button utrecht-button--${secundair ? 'secondary' : 'primary'}-action utrecht-button--distanced" type="submit"${extra}>${tekst}</button>`;
const verborgen = (naam: string, waarde: string): Html => html`<input type="hidden" name="${naam}" value="${waarde}">`;
const foutMelding = (id: string, fout: string | undefined): Html | '' =>
  fout ? html`<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${id}-fout">${fout}</div>` : '';
const beschreven = (id: string, uitleg: boolean, fout: string | undefined): Html | '' => {
  const ids = [uitleg ? `${id}-uitleg` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${fout ? html` aria-invalid="true"` : ''}`;
};

/** A text field (input or textarea) with label, help text and error. */
function tekstveld(id: string, label: string, waarde: string, fout: string | undefined, opties: { uitleg?: string; type?: string; autocomplete?: string; textarea?: boolean; maxlength?: number; inputmode?: string; naam?: string } = {}): Html {
  const naam = opties.naam ?? id;
  const attrs = beschreven(id, Boolean(opties.uitleg), fout);
  return html`<div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${label}</label></div>
              ${opties.uitleg ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${id}-uitleg">${opties.uitleg}</div>` : ''}
              ${foutMelding(id, fout)}
              <div class="utrecht-form-field__input">
                ${
                  opties.textarea
                    ? html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}" id="${id}" name="${naam}" rows="6"${attrs}>${waarde}</textarea>`
                    : html`<input class="utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}" type="${opties.type ?? 'text'}" id="${id}" name="${naam}" value="${waarde}"${opties.autocomplete ? html` autocomplete="${opties.autocomplete}"` : ''}${opties.inputmode ? html` inputmode="${opties.inputmode}"` : ''} maxlength="${opties.maxlength ?? 254}"${attrs}>`
                }
              </div>
            </div>`;
}

/** Radio buttons in a fieldset with a legend; each option with an optional description. */
function keuzes(id: string, legenda: Html | string, naam: string, opties: readonly { waarde: string; label: string; uitleg?: string }[], gekozen: string | undefined, fout: string | undefined, uitleg?: string): Html {
  return html`<div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
              <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" id="${id}"${beschreven(id, Boolean(uitleg), fout)}>
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${legenda}</legend>
                ${uitleg ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${id}-uitleg">${uitleg}</div>` : ''}
                ${foutMelding(id, fout)}
                ${opties.map(
                  (o, i) => html`<div class="utrecht-form-field utrecht-form-field--radio">
                  <div class="utrecht-form-field__input"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${id}-${i}" name="${naam}" value="${o.waarde}"${o.waarde === gekozen ? ' checked' : ''}${o.uitleg ? html` aria-describedby="${id}-${i}-uitleg"` : ''}></div>
                  <div class="utrecht-form-field__label utrecht-form-field__label--radio"><label class="utrecht-form-label utrecht-form-label--radio" for="${id}-${i}">${o.label}</label></div>
                  ${o.uitleg ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${id}-${i}-uitleg">${o.uitleg}</div>` : ''}
                </div>`,
                )}
              </fieldset>
            </div>`;
}

function kruimelpad(ctx: MeldingPaginaContext): Html {
  const { taal, t, gemeente } = ctx;
  return html`<nav class="utrecht-breadcrumb-nav loket-kruimelpad" aria-label="${t('algemeen.kruimelpad')}">
          <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
            <li class="utrecht-breadcrumb-nav__item">${link(portaalPad(taal, gemeente.slug), t('algemeen.gemeenteNaam', { naam: gemeente.naam }), ' utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--first')}</li>
            <li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" href="${meldingPad(taal, gemeente.slug)}" aria-current="page">${ctx.tm('titel')}</a></li>
          </ol>
        </nav>`;
}

/** The page around a step; `talen` is the same step in each language. */
function pagina(ctx: MeldingPaginaContext, titel: string, inhoud: Html, talen: Record<Taal, string>, fout: boolean, extra: { stylesheets?: readonly string[] } = {}): string {
  const sw = ctx.swScript ? html`<script src="${ctx.swScript}" data-sw="${swPad(ctx.gemeente.slug)}" data-scope="${meldingPad(ctx.taal, ctx.gemeente.slug)}" defer></script>` : '';
  return portaalLayout(ctx, titel, html`${inhoud}${sw}`, kruimelpad(ctx), { talen, documentTitel: fout ? ctx.tm('foutTitel', { titel }) : undefined, stylesheets: extra.stylesheets, manifest: `/${ctx.gemeente.slug}/melding.webmanifest` });
}

const talenVan = (slug: string, sleutel?: string, stap?: Stap): Record<Taal, string> => ({
  nl: sleutel && stap ? stapPad('nl', slug, sleutel, stap) : meldingPad('nl', slug),
  en: sleutel && stap ? stapPad('en', slug, sleutel, stap) : meldingPad('en', slug),
});

/** Step 1: the description (starts a concept; with a concept: changes it). */
export function startPagina(ctx: MeldingPaginaContext, beschrijving: string, fouten: readonly Fout[], sleutel?: string): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const actie = sleutel ? `${meldingPad(taal, gemeente.slug)}/${sleutel}/wat` : meldingPad(taal, gemeente.slug);
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(tm('start.intro'), true)}
          <form method="post" action="${actie}" novalidate>
            ${tekstveld('beschrijving', tm('start.beschrijving'), beschrijving, f.get('beschrijving'), { textarea: true, uitleg: tm('start.beschrijvingUitleg') })}
            ${knop(tm('volgende'))}
          </form>`;
  return pagina(ctx, tm('stap.wat'), inhoud, sleutel ? { nl: `${meldingPad('nl', gemeente.slug)}/${sleutel}/wat`, en: `${meldingPad('en', gemeente.slug)}/${sleutel}/wat` } : talenVan(gemeente.slug), f.size > 0);
}

/** Step 2: the category, grouped by main category, with the suggestion when there is one. */
/** The words that counted, each with where it came from: "glasbak (trefwoord), zwerfvuil (eerdere meldingen)". */
function waaromWoorden(tm: (k: string, w?: Record<string, string | number>) => string, uitleg: readonly { woord: string; bron: 'trefwoord' | 'eerdere-meldingen' }[]): string {
  const perWoord = new Map<string, Set<string>>();
  for (const o of uitleg) perWoord.set(o.woord, (perWoord.get(o.woord) ?? new Set()).add(o.bron));
  return [...perWoord].map(([woord, bronnen]) => `${woord} (${[...bronnen].map((b) => tm(b === 'trefwoord' ? 'categorie.bronTrefwoord' : 'categorie.bronEerder')).join(', ')})`).join(', ');
}

export function categoriePagina(
  ctx: MeldingPaginaContext,
  sleutel: string,
  groepen: readonly { hoofd: CategorieRecord; subs: CategorieRecord[] }[],
  gekozen: string | undefined,
  suggestie: { categorie: CategorieRecord; woorden: string[]; uitleg: readonly { woord: string; bron: 'trefwoord' | 'eerdere-meldingen' }[] } | undefined,
  fouten: readonly Fout[],
): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const fout = f.get('categorie');
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(tm('categorie.intro'), true)}
          ${
            suggestie
              ? html`<div class="utrecht-alert utrecht-alert--info loket-suggestie"><div class="utrecht-alert__content"><div class="utrecht-alert__message">
              ${alinea(tm('categorie.suggestie', { naam: suggestie.categorie.naam[taal] }))}
              ${alinea(tm('categorie.suggestieWaarom', { woorden: waaromWoorden(tm, suggestie.uitleg) }))}
            </div></div></div>`
              : ''
          }
          <form method="post" action="${stapPad(taal, gemeente.slug, sleutel, 'categorie')}" novalidate>
            <div id="categorie"${fout ? html` class="utrecht-form-field--invalid"` : ''}>
            ${foutMelding('categorie', fout)}
            ${groepen.map((g, i) =>
              keuzes(
                `groep-${i}`,
                g.hoofd.naam[taal],
                'categorie',
                g.subs.map((s) => ({ waarde: s.code, label: s.naam[taal], uitleg: s.uitleg[taal] || undefined })),
                gekozen,
                undefined,
                g.hoofd.uitleg[taal] || undefined,
              ),
            )}
            </div>
            ${knop(tm('volgende'))}
          </form>`;
  return pagina(ctx, tm('stap.categorie'), inhoud, talenVan(gemeente.slug, sleutel, 'categorie'), f.size > 0);
}

function vraagVeld(ctx: MeldingPaginaContext, v: Vraag, waarde: string, fout: string | undefined): Html {
  const { taal } = ctx;
  const id = `vraag-${v.code}`;
  const label = v.vraag[taal];
  const uitleg = v.uitleg[taal] || undefined;
  if (v.type === 'keuze') return keuzes(id, label, `antwoord.${v.code}`, v.waarden.map((w) => ({ waarde: w.sleutel, label: w.naam[taal] })), waarde, fout, uitleg);
  return tekstveld(id, label, waarde, fout, {
    naam: `antwoord.${v.code}`,
    uitleg,
    textarea: v.type === 'lange-tekst',
    inputmode: v.type === 'getal' ? 'decimal' : undefined,
    maxlength: v.max ?? (v.type === 'tekst' ? 200 : 2000),
  });
}

/** Step 3: the category's extra questions. */
export function vragenPagina(ctx: MeldingPaginaContext, sleutel: string, categorie: CategorieRecord, antwoorden: Record<string, string>, fouten: readonly Fout[]): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(categorie.naam[taal], true)}
          <form method="post" action="${stapPad(taal, gemeente.slug, sleutel, 'vragen')}" novalidate>
            ${categorie.vragen.map((v) => vraagVeld(ctx, v, antwoorden[v.code] ?? '', f.get(`vraag-${v.code}`)))}
            ${knop(tm('volgende'))}
          </form>`;
  return pagina(ctx, tm('stap.vragen'), inhoud, talenVan(gemeente.slug, sleutel, 'vragen'), f.size > 0);
}

const adresTekst = (a: Adres): string => `${a.straat} ${a.huisnummer}${a.toevoeging ? ` ${a.toevoeging}` : ''}, ${a.postcode.slice(0, 4)} ${a.postcode.slice(4)} ${a.woonplaats}`;
export const adresWaarde = (a: Pick<Adres, 'postcode' | 'huisnummer' | 'toevoeging'>): string => `${a.postcode}|${a.huisnummer}|${a.toevoeging}`;

/** Step 4: where — search by postcode or street, choose an address; with JavaScript also a map. */
export function waarPagina(
  ctx: MeldingPaginaContext,
  sleutel: string,
  zoek: { postcode: string; huisnummer: string; straat: string; straatHuisnummer: string },
  resultaten: readonly Adres[] | undefined,
  huidig: ConceptGegevens['locatie'],
  fouten: readonly Fout[],
): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const pad = stapPad(taal, gemeente.slug, sleutel, 'waar');
  const locatieFout = f.get('locatie');
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(tm('waar.intro'), true)}
          ${huidig ? alinea(tm('waar.gekozen', { adres: huidig.adres })) : ''}
          <div id="locatie">${foutMelding('locatie', locatieFout)}</div>
          ${kop2(tm('waar.postcodeKop'))}
          <form method="get" action="${pad}" novalidate>
            ${tekstveld('postcode', tm('waar.postcode'), zoek.postcode, f.get('postcode'), { uitleg: tm('waar.postcodeUitleg'), autocomplete: 'postal-code', maxlength: 7 })}
            ${tekstveld('huisnummer', tm('waar.huisnummer'), zoek.huisnummer, f.get('huisnummer'), { uitleg: tm('waar.huisnummerUitleg'), maxlength: 16 })}
            ${knop(tm('waar.zoek'), true)}
          </form>
          ${kop2(tm('waar.straatKop'))}
          <form method="get" action="${pad}" novalidate>
            ${tekstveld('straat', tm('waar.straat'), zoek.straat, f.get('straat'), { maxlength: 100 })}
            ${tekstveld('straat-huisnummer', tm('waar.straatHuisnummer'), zoek.straatHuisnummer, f.get('straat-huisnummer'), { naam: 'straatHuisnummer', maxlength: 16 })}
            ${knop(tm('waar.zoek'), true)}
          </form>
          ${
            resultaten === undefined
              ? ''
              : resultaten.length === 0
                ? alinea(tm('waar.geenResultaten', { gemeente: gemeente.naam }))
                : html`<form method="post" action="${pad}" novalidate>
            ${keuzes('adres', tm('waar.resultaten'), 'adres', resultaten.map((a) => ({ waarde: adresWaarde(a), label: adresTekst(a) })), resultaten.length === 1 && resultaten[0] ? adresWaarde(resultaten[0]) : undefined, f.get('adres'))}
            ${knop(tm('waar.kiesAdres'))}
          </form>`
          }
          ${
            ctx.kaart
              ? html`<section class="loket-kaart-blok" hidden data-kaart-blok>
            ${kop2(tm('waar.kaartKop'))}
            ${alinea(tm('waar.kaartUitleg'))}
            <div class="loket-kaart" id="kaart" role="application" aria-label="${tm('waar.kaartLabel', { gemeente: gemeente.naam })}" data-tegels="${ctx.kaart.tegels}" data-lat="${huidig?.lat ?? ''}" data-lon="${huidig?.lon ?? ''}" data-midden="${ctx.kaart.midden ? `${ctx.kaart.midden.lat},${ctx.kaart.midden.lon}` : ''}"></div>
            <form method="post" action="${pad}">
              <input type="hidden" name="lat" value="" data-kaart-lat>
              <input type="hidden" name="lon" value="" data-kaart-lon>
              ${knop(tm('waar.kiesPlek'), false, html` disabled data-kaart-knop`)}
            </form>
          </section>
          ${ctx.kaart.scripts.map((src) => html`<script src="${src}" defer></script>`)}`
              : ''
          }`;
  return pagina(ctx, tm('stap.waar'), inhoud, talenVan(gemeente.slug, sleutel, 'waar'), f.size > 0, { stylesheets: ctx.kaart?.stylesheets });
}

/** Step 5: possible duplicates; follow one by e-mail, or go on with a new melding. */
export function dubbelPagina(
  ctx: MeldingPaginaContext,
  sleutel: string,
  dubbelen: readonly { zaakId: string; identificatie: string; categorieNaam: { nl: string; en: string }; afstandM: number; ontvangenOp: string; stand: { statusTekst: { nl: string; en: string } } }[],
  email: string,
  fouten: readonly Fout[],
): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const pad = stapPad(taal, gemeente.slug, sleutel, 'dubbel');
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(tm('dubbel.intro'), true)}
          <div id="dubbel">${foutMelding('dubbel', f.get('dubbel'))}</div>
          ${dubbelen.map(
            (d) => html`<section class="loket-dubbel">
            <h2 class="utrecht-heading-2">${tm('dubbel.melding', { nummer: d.identificatie, categorie: d.categorieNaam[taal] })}</h2>
            ${alinea(tm('dubbel.details', { afstand: d.afstandM, datum: datumTekst(taal, d.ontvangenOp.slice(0, 10)), status: d.stand.statusTekst[taal] }))}
            <form method="post" action="${pad}" novalidate>
              ${verborgen('zaak', d.zaakId)}
              ${tekstveld(`email-${d.zaakId}`, tm('dubbel.email'), email, f.get(`email-${d.zaakId}`), { naam: 'email', type: 'email', autocomplete: 'email' })}
              ${knop(tm('dubbel.volg'))}
            </form>
          </section>`,
          )}
          <form method="post" action="${pad}">
            ${verborgen('nieuw', 'ja')}
            ${knop(tm('dubbel.nieuw'), true)}
          </form>`;
  return pagina(ctx, tm('stap.dubbel'), inhoud, talenVan(gemeente.slug, sleutel, 'dubbel'), f.size > 0);
}

/** After following a duplicate. */
export function gevolgdPagina(ctx: MeldingPaginaContext, identificatie: string): string {
  const { tm, taal, gemeente } = ctx;
  const inhoud = html`${alinea(tm('dubbel.gevolgd', { nummer: identificatie }), true)}
          ${alinea(link(portaalPad(taal, gemeente.slug), tm('dubbel.naarHome', { gemeente: gemeente.naam })))}`;
  return pagina(ctx, tm('dubbel.gevolgdTitel', { nummer: identificatie }), inhoud, talenVan(gemeente.slug), false);
}

/** Step 6: photos (multipart; `accept="image/*"` so a phone offers its camera). */
export function fotosPagina(ctx: MeldingPaginaContext, sleutel: string, fotos: readonly Pick<ConceptFoto, 'volgnummer'>[], max: number, fouten: readonly Fout[]): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const pad = stapPad(taal, gemeente.slug, sleutel, 'fotos');
  const fout = f.get('fotos');
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(tm('fotos.intro', { max }), true)}
          ${fotos.map(
            (foto) => html`<figure class="loket-foto">
            <img src="${stapPad(taal, gemeente.slug, sleutel, `foto/${foto.volgnummer}`)}" alt="${tm('fotos.alt', { nummer: foto.volgnummer })}" width="240">
            <form method="post" action="${pad}">${verborgen('verwijder', String(foto.volgnummer))}${knop(tm('fotos.verwijder', { nummer: foto.volgnummer }), true)}</form>
          </figure>`,
          )}
          ${
            fotos.length < max
              ? html`<form method="post" action="${pad}" enctype="multipart/form-data" novalidate>
            <div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="fotos">${tm('fotos.kies')}</label></div>
              <div class="utrecht-form-field__description utrecht-form-field-description" id="fotos-uitleg">${tm('fotos.kiesUitleg')}</div>
              ${foutMelding('fotos', fout)}
              <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="fotos" name="fotos" accept="image/*" multiple${beschreven('fotos', true, fout)}></div>
            </div>
            ${knop(tm('fotos.toevoegen'), true)}
          </form>`
              : alinea(tm('fotos.vol', { max }))
          }
          <form method="post" action="${pad}">${verborgen('verder', 'ja')}${knop(tm('volgende'))}</form>`;
  return pagina(ctx, tm('stap.fotos'), inhoud, talenVan(gemeente.slug, sleutel, 'fotos'), f.size > 0);
}

/** Step 7: optional contact details and consent. */
export function contactPagina(ctx: MeldingPaginaContext, sleutel: string, contact: { email: string; telefoon: string; toestemming: boolean }, fouten: readonly Fout[]): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const fout = f.get('toestemming');
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(tm('contact.intro'), true)}
          <form method="post" action="${stapPad(taal, gemeente.slug, sleutel, 'contact')}" novalidate>
            ${tekstveld('email', tm('contact.email'), contact.email, f.get('email'), { type: 'email', autocomplete: 'email', uitleg: tm('contact.emailUitleg') })}
            ${tekstveld('telefoon', tm('contact.telefoon'), contact.telefoon, f.get('telefoon'), { type: 'tel', autocomplete: 'tel', uitleg: tm('contact.telefoonUitleg'), maxlength: 20 })}
            <div class="utrecht-form-field utrecht-form-field--distanced utrecht-form-field--checkbox${fout ? ' utrecht-form-field--invalid' : ''}">
              ${foutMelding('toestemming', fout)}
              <div class="utrecht-form-field__input"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="toestemming" name="toestemming" value="ja"${contact.toestemming ? ' checked' : ''}${beschreven('toestemming', false, fout)}></div>
              <div class="utrecht-form-field__label utrecht-form-field__label--checkbox"><label class="utrecht-form-label utrecht-form-label--checkbox" for="toestemming">${tm('contact.toestemming')}</label></div>
            </div>
            ${knop(tm('volgende'))}
          </form>`;
  return pagina(ctx, tm('stap.contact'), inhoud, talenVan(gemeente.slug, sleutel, 'contact'), f.size > 0);
}

/** Step 8: check the answers, with a change link per answer, and send. */
/** The check page; the form carries the signed snapshot of what it shows (`opname`, ADR 0100), which the last step sends. */
export function controlePagina(ctx: MeldingPaginaContext, sleutel: string, g: ConceptGegevens, categorie: CategorieRecord | undefined, aantalFotos: number, opname: string, fouten: readonly Fout[]): string {
  const { tm, taal, gemeente } = ctx;
  const f = foutTeksten(tm, fouten, gemeente.naam);
  const wijzig = (stap: Stap | 'wat', wat: string) => link(`${meldingPad(taal, gemeente.slug)}/${sleutel}/${stap}`, html`${tm('wijzig')}<span class="utrecht-visually-hidden"> ${wat}</span>`);
  const regel = (label: string, waarde: Html | string, stap: Stap | 'wat') => html`<div class="loket-overzicht__rij">
              <dt class="loket-overzicht__term">${label}</dt>
              <dd class="loket-overzicht__waarde">${waarde}</dd>
              <dd class="loket-overzicht__actie">${wijzig(stap, label.toLowerCase())}</dd>
            </div>`;
  const leeg = tm('controle.leeg');
  const inhoud = html`${foutSamenvatting(ctx, f)}
          ${alinea(tm('controle.intro'), true)}
          <dl class="loket-overzicht">
            ${regel(tm('controle.beschrijving'), g.beschrijving, 'wat')}
            ${regel(tm('controle.categorie'), categorie?.naam[taal] ?? leeg, 'categorie')}
            ${(categorie?.vragen ?? []).map((v) => regel(v.vraag[taal], (v.type === 'keuze' ? v.waarden.find((w) => w.sleutel === g.antwoorden?.[v.code])?.naam[taal] : g.antwoorden?.[v.code]) || leeg, 'vragen'))}
            ${regel(tm('controle.plek'), g.locatie?.adres ?? leeg, 'waar')}
            ${regel(tm('controle.fotos'), aantalFotos === 0 ? tm('controle.geenFotos') : tm('controle.aantalFotos', { aantal: aantalFotos }), 'fotos')}
            ${regel(tm('controle.email'), g.contact?.email || leeg, 'contact')}
            ${regel(tm('controle.telefoon'), g.contact?.telefoon || leeg, 'contact')}
          </dl>
          <form method="post" action="${stapPad(taal, gemeente.slug, sleutel, 'controle')}" id="melding">
            ${verborgen('concept', opname)}
            ${knop(tm('controle.verstuur'))}
          </form>`;
  return pagina(ctx, tm('stap.controle'), inhoud, talenVan(gemeente.slug, sleutel, 'controle'), f.size > 0);
}

/** The receipt: the number and the tracking link (shown once; the mail has it too). */
export function ontvangenPagina(ctx: MeldingPaginaContext, identificatie: string, volglink: string, gemaild: boolean): string {
  const { tm } = ctx;
  const inhoud = html`${alinea(tm('ontvangen.nummer', { nummer: identificatie }), true)}
          ${gemaild ? alinea(tm('ontvangen.mail')) : ''}
          ${alinea(link(volglink, tm('ontvangen.volgen')))}
          ${alinea(tm('ontvangen.bewaar'))}`;
  return pagina(ctx, tm('ontvangen.titel'), inhoud, talenVan(ctx.gemeente.slug), false);
}

/** A concept that no longer exists (sent, or expired). */
export function verlopenPagina(ctx: MeldingPaginaContext): string {
  const { tm, taal, gemeente } = ctx;
  return pagina(ctx, tm('verlopen.titel'), html`${alinea(tm('verlopen.tekst'), true)}${alinea(link(meldingPad(taal, gemeente.slug), tm('verlopen.opnieuw')))}`, talenVan(gemeente.slug), false);
}

/** Shown by the service worker when a melding page cannot be reached (no network). */
export function offlinePagina(ctx: MeldingPaginaContext): string {
  const { tm, taal, gemeente } = ctx;
  return pagina(
    ctx,
    tm('offline.titel'),
    html`${alinea(tm('offline.tekst'), true)}${alinea(tm('offline.bewaard'))}${alinea(link(meldingPad(taal, gemeente.slug), tm('offline.opnieuw')))}`,
    { nl: offlinePad('nl', gemeente.slug), en: offlinePad('en', gemeente.slug) },
    false,
  );
}
