/**
 * The resident's form pages (ADR 0064): server-rendered, no JavaScript, nl/en, the GOV.UK
 * patterns — one step per page, errors next to each field and in a summary at the top that
 * links to them, "Controleer uw antwoorden" with change links, and a receipt.
 */
import { datumTekst, vertaler, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, kop2, link, pagina, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import { afspraakPad } from '../producten/producten.views.ts';
import { BIJLAGE_ACCEPT } from '../zaken/zaken.bijlagen.ts';
import type { FormulierRecord } from './formulieren.repository.ts';
import type { Stap, Veld } from './formulieren.schemas.ts';
import { conceptPad, formulierPad } from './formulieren.paden.ts';
import { antwoordTekst, CONCEPT_BEWAARDAGEN } from './formulieren.service.ts';
import { geldigeAntwoorden, zichtbareStappen, zichtbareVelden, type Antwoord, type Antwoorden, type Invoer, type VeldFout } from './formulieren.velden.ts';

export type Ctx = PaginaContext & { gemeente: PortaalGemeente };

const tf = (taal: Taal): Vertaal => vertaler(taal, 'formulieren');

function foutTekst(t: Vertaal, f: VeldFout): string {
  return t(`fout.${f.code}`, f.waarden ?? {});
}

/** The error summary (GOV.UK): a heading and a link to each field with a problem. */
function foutSamenvatting(t: Vertaal, fouten: readonly VeldFout[], labels: Map<string, string>): Html | '' {
  if (fouten.length === 0) return '';
  return html`<div class="utrecht-alert utrecht-alert--error loket-foutsamenvatting" role="alert" tabindex="-1">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <h2 class="utrecht-heading-2">${t('fout.kop')}</h2>
                <ul class="utrecht-unordered-list">${fouten.map(
                  (f) => html`<li class="utrecht-unordered-list__item">${link(`#${f.invoer}`, `${labels.get(f.veld) ?? ''}: ${foutTekst(t, f)}`)}</li>`,
                )}</ul>
              </div>
            </div>
          </div>`;
}

/** A stored answer as the values of the form's inputs (to show it again). */
export function invoerVan(veld: Veld, a: Antwoord | undefined): Invoer {
  if (a === undefined) return {};
  if (Array.isArray(a)) return Object.fromEntries(a.map((w) => [`${veld.id}.${w}`, 'ja']));
  if (typeof a === 'object') return { [`${veld.id}.postcode`]: a.postcode, [`${veld.id}.huisnummer`]: a.huisnummer };
  if (veld.soort === 'datum') {
    const [j, m, d] = a.split('-');
    return { [veld.id]: `${Number(d)}-${Number(m)}-${j}` };
  }
  return { [veld.id]: a };
}

const AUTOCOMPLETE: Partial<Record<Veld['soort'], string>> = { email: 'email', telefoon: 'tel' };
const INPUTMODE: Partial<Record<Veld['soort'], string>> = { getal: 'decimal', bsn: 'numeric', telefoon: 'tel', email: 'email' };

/** One field with its label, help text and error, GOV.UK style; a choice as a fieldset. */
function veldHtml(taal: Taal, veld: Veld, invoer: Invoer, fout: VeldFout | undefined): Html {
  const t = tf(taal);
  const id = veld.id;
  const label = html`${veld.label[taal]}${veld.verplicht ? '' : html` <span class="loket-optioneel">${t('stap.optioneel')}</span>`}`;
  const bestandHulp = veld.soort === 'bestand' ? [t('stap.bestandHulp'), invoer[id] ? t('stap.bestandAl', { naam: invoer[id] }) : ''] : [];
  const hulpTekst = [veld.hulp?.[taal] ?? '', veld.soort === 'datum' ? t('stap.datumHulp') : '', veld.soort === 'meerkeuze' ? t('stap.meerkeuzeHulp') : '', ...bestandHulp].filter(Boolean).join(' ');
  const hulp = hulpTekst ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${id}-hulp">${hulpTekst}</div>` : '';
  const foutHtml = fout ? html`<p class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${id}-fout">${foutTekst(t, fout)}</p>` : '';
  const beschreven = [hulpTekst ? `${id}-hulp` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ');
  const aria = html`${beschreven ? html` aria-describedby="${beschreven}"` : ''}${fout ? html` aria-invalid="true"` : ''}`;
  const ongeldig = fout ? ' utrecht-form-field--invalid' : '';

  const keuzes = (soort: 'radio' | 'checkbox', opties: readonly { waarde: string; tekst: string }[]) =>
    html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced${fout ? ' utrecht-form-fieldset--invalid' : ''}"${beschreven ? html` aria-describedby="${beschreven}"` : ''}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${label}</legend>
            ${hulp}${foutHtml}
            ${opties.map((o, i) => {
              const naam = soort === 'radio' ? id : `${id}.${o.waarde}`;
              const inputId = soort === 'radio' ? (i === 0 ? id : `${id}-${i}`) : naam;
              const aan = soort === 'radio' ? invoer[id] === o.waarde : invoer[naam] !== undefined;
              return html`<div class="utrecht-form-field utrecht-form-field--${soort === 'radio' ? 'radio' : 'checkbox'}">
              <input class="utrecht-${soort === 'radio' ? 'radio-button utrecht-radio-button' : 'checkbox utrecht-checkbox'}--html-input" type="${soort}" id="${inputId}" name="${naam}" value="${soort === 'radio' ? o.waarde : 'ja'}"${aan ? html` checked` : ''}${fout ? html` aria-invalid="true"` : ''}>
              <label class="utrecht-form-label utrecht-form-label--${soort === 'radio' ? 'radio-button' : 'checkbox'}" for="${inputId}">${o.tekst}</label>
            </div>`;
            })}
          </fieldset>`;

  switch (veld.soort) {
    case 'keuze':
      return keuzes('radio', (veld.opties ?? []).map((o) => ({ waarde: o.waarde, tekst: o.label[taal] })));
    case 'ja-nee':
      return keuzes('radio', [
        { waarde: 'ja', tekst: t('stap.ja') },
        { waarde: 'nee', tekst: t('stap.nee') },
      ]);
    case 'meerkeuze':
      return keuzes('checkbox', (veld.opties ?? []).map((o) => ({ waarde: o.waarde, tekst: o.label[taal] })));
    case 'toestemming':
      return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced${fout ? ' utrecht-form-fieldset--invalid' : ''}"${beschreven ? html` aria-describedby="${beschreven}"` : ''}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${label}</legend>
            ${hulp}${foutHtml}
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${id}" name="${id}" value="ja"${invoer[id] === 'ja' ? html` checked` : ''}${fout ? html` aria-invalid="true"` : ''}>
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${t('stap.toestemmingJa')}</label>
            </div>
          </fieldset>`;
    case 'adres': {
      const deel = (sub: 'postcode' | 'huisnummer', auto: string, breedte: string) => {
        const subFout = fout?.invoer === `${id}.${sub}`;
        return html`<div class="utrecht-form-field loket-adres__${sub}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}.${sub}">${t(`stap.${sub}`)}</label></div>
              <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input ${breedte}${subFout ? ' utrecht-textbox--invalid' : ''}" type="text" id="${id}.${sub}" name="${id}.${sub}" value="${invoer[`${id}.${sub}`] ?? ''}" autocomplete="${auto}"${subFout ? html` aria-invalid="true"` : ''}${beschreven ? html` aria-describedby="${beschreven}"` : ''}></div>
            </div>`;
      };
      return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced${fout ? ' utrecht-form-fieldset--invalid' : ''}">
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${label}</legend>
            ${hulp}${foutHtml}
            ${deel('postcode', 'postal-code', 'loket-breedte-7')}
            ${deel('huisnummer', 'off', 'loket-breedte-7')}
          </fieldset>`;
    }
    case 'bestand':
      // A file (ADR 0078): works without JavaScript, the step's form is multipart/form-data.
      return html`<div class="utrecht-form-field utrecht-form-field--distanced${ongeldig}">
            <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${label}</label></div>
            ${hulp}${foutHtml}
            <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}" type="file" id="${id}" name="${id}" accept="${BIJLAGE_ACCEPT}"${aria}></div>
          </div>`;
    case 'lange-tekst':
      return html`<div class="utrecht-form-field utrecht-form-field--distanced${ongeldig}">
            <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${label}</label></div>
            ${hulp}${foutHtml}
            <div class="utrecht-form-field__input"><textarea class="utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}" id="${id}" name="${id}" rows="6"${aria}>${invoer[id] ?? ''}</textarea></div>
          </div>`;
    default: {
      const type = veld.soort === 'email' ? 'email' : veld.soort === 'telefoon' ? 'tel' : 'text';
      const auto = AUTOCOMPLETE[veld.soort];
      const mode = INPUTMODE[veld.soort];
      return html`<div class="utrecht-form-field utrecht-form-field--distanced${ongeldig}">
            <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${label}</label></div>
            ${hulp}${foutHtml}
            <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}" type="${type}" id="${id}" name="${id}" value="${invoer[id] ?? ''}"${auto ? html` autocomplete="${auto}"` : ''}${mode ? html` inputmode="${mode}"` : ''} spellcheck="false"${aria}></div>
          </div>`;
    }
  }
}

const knop = (tekst: string, extra = '', naam?: string) =>
  html`<button class="utrecht-button utrecht-button--${extra || 'primary-action'} utrecht-button--distanced" type="submit"${naam ? html` name="${naam}" value="1"` : ''}>${tekst}</button>`;

function labelsVan(stappen: readonly Stap[], taal: Taal): Map<string, string> {
  return new Map(stappen.flatMap((s) => s.velden.map((v) => [v.id, v.label[taal]] as const)));
}

const talenVan = (maak: (taal: Taal) => string): Record<Taal, string> => ({ nl: maak('nl'), en: maak('en') });

/** `/{slug}/formulieren`: the published forms. */
export function lijstPagina(ctx: Ctx, formulieren: readonly FormulierRecord[]): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  const inhoud = formulieren.length
    ? html`${alinea(t('lijst.intro'), true)}
          <ul class="utrecht-link-list utrecht-link-list--html-ul">${formulieren.map(
            (f) => html`<li class="utrecht-link-list__item">${link(formulierPad(taal, gemeente.slug, f.code), f.definitie.titel[taal], ' utrecht-link-list__link')}</li>`,
          )}</ul>`
    : alinea(t('lijst.geen'));
  return pagina(ctx, t('lijst.titel'), inhoud, undefined, { talen: talenVan((tl) => formulierPad(tl, gemeente.slug)) });
}

/** `/{slug}/formulieren/{code}`: what the form is for, and the start button (POST: a new draft). */
export function startPagina(ctx: Ctx, f: FormulierRecord): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  const d = f.definitie;
  const inhoud = html`${d.inleiding[taal] ? d.inleiding[taal].split(/\n{2,}/).map((p) => alinea(p)) : ''}
          ${alinea(t('start.duur'))}
          <form method="post" action="${formulierPad(taal, gemeente.slug, f.code)}">${knop(t('start.knop'))}</form>`;
  return pagina(ctx, d.titel[taal], inhoud, undefined, { talen: talenVan((tl) => formulierPad(tl, gemeente.slug, f.code)) });
}

export interface StapWeergave {
  formulier: FormulierRecord;
  token: string;
  /** Index of the step (0-based). */
  stap: number;
  antwoorden: Antwoorden;
  /** After a refused step: what the resident typed, and the problems. */
  invoer?: Invoer;
  fouten?: readonly VeldFout[];
  /** Came from the check page: back there after saving. */
  terug: boolean;
}

/** One step of the form: its shown questions, Continue, Save and continue later, and back. */
export function stapPagina(ctx: Ctx, w: StapWeergave): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  const { definitie, code } = w.formulier;
  const stap = definitie.stappen[w.stap];
  if (!stap) throw new Error(`stap ${w.stap} bestaat niet`);
  const zichtbaar = zichtbareStappen(definitie, w.antwoorden);
  const positie = zichtbaar.indexOf(w.stap);
  const vorige = positie > 0 ? zichtbaar[positie - 1] : undefined;
  const fouten = w.fouten ?? [];
  const velden = zichtbareVelden(stap, geldigeAntwoorden(definitie, w.antwoorden));
  const invoer: Invoer = { ...(w.invoer ?? Object.assign({}, ...velden.map((v) => invoerVan(v, w.antwoorden[v.id])))) };
  // A file field shows the file stored before (never what was posted under its name).
  for (const v of velden.filter((x) => x.soort === 'bestand')) {
    const eerder = w.antwoorden[v.id];
    invoer[v.id] = typeof eerder === 'string' ? eerder : undefined;
  }
  const metBestand = velden.some((v) => v.soort === 'bestand');
  const actie = `${conceptPad(taal, gemeente.slug, code, w.token, 'stap', w.stap + 1)}${w.terug ? '?terug=controleer' : ''}`;
  const inhoud = html`${foutSamenvatting(t, fouten, labelsVan(definitie.stappen, taal))}
          <p class="utrecht-paragraph loket-voortgang">${t('stap.voortgang', { stap: positie + 1, aantal: zichtbaar.length })}</p>
          ${stap.uitleg?.[taal] ? alinea(stap.uitleg[taal]) : ''}
          <form class="loket-formulier" method="post" action="${actie}"${metBestand ? html` enctype="multipart/form-data"` : ''} novalidate>
            ${velden.map((v) => veldHtml(taal, v, invoer, fouten.find((f) => f.veld === v.id)))}
            <div class="loket-knoppen">
              ${knop(t('stap.verder'))}
              ${knop(t('stap.opslaan'), 'secondary-action', 'opslaan')}
            </div>
          </form>
          ${vorige !== undefined ? alinea(link(conceptPad(taal, gemeente.slug, code, w.token, 'stap', vorige + 1), t('stap.terug'))) : ''}`;
  const titel = `${stap.titel[taal]} – ${definitie.titel[taal]}`;
  return pagina(ctx, stap.titel[taal], inhoud, undefined, {
    talen: talenVan((tl) => conceptPad(tl, gemeente.slug, code, w.token, 'stap', w.stap + 1)),
    documentTitel: fouten.length ? t('fout.titel', { titel }) : titel,
  });
}

/** "Controleer uw antwoorden": every shown answer per step with a change link, and Send. */
export function controleerPagina(ctx: Ctx, f: FormulierRecord, token: string, antwoorden: Antwoorden, onvolledig?: number): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  const { definitie, code } = f;
  const geldig = geldigeAntwoorden(definitie, antwoorden);
  const secties = zichtbareStappen(definitie, geldig).map((i) => {
    const stap = definitie.stappen[i];
    if (!stap) return '';
    return html`${kop2(stap.titel[taal])}
          <dl class="utrecht-data-list loket-antwoorden">${zichtbareVelden(stap, geldig).map((v) => {
            const tekst = antwoordTekst(definitie, v.id, geldig[v.id], taal);
            return html`<div class="utrecht-data-list__item loket-antwoorden__rij">
              <dt class="utrecht-data-list__item-key">${v.label[taal]}</dt>
              <dd class="utrecht-data-list__item-value loket-antwoorden__waarde">${tekst ? tekst.split('\n').map((r, n) => html`${n ? html`<br>` : ''}${r}`) : t('controleer.geenAntwoord')}</dd>
              <dd class="utrecht-data-list__actions">${link(`${conceptPad(taal, gemeente.slug, code, token, 'stap', i + 1)}?terug=controleer#${v.soort === 'adres' ? `${v.id}.postcode` : v.soort === 'meerkeuze' ? `${v.id}.${v.opties?.[0]?.waarde ?? ''}` : v.id}`, html`${t('controleer.wijzig')}<span class="loket-verborgen"> ${v.label[taal]}</span>`)}</dd>
            </div>`;
          })}</dl>`;
  });
  const melding =
    onvolledig !== undefined
      ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><div class="utrecht-alert__content"><div class="utrecht-alert__message">
            <h2 class="utrecht-heading-2">${t('controleer.onvolledig')}</h2>
            ${alinea(link(conceptPad(taal, gemeente.slug, code, token, 'stap', onvolledig + 1), t('controleer.onvolledigLink')))}
          </div></div></div>`
      : '';
  const inhoud = html`${melding}
          ${alinea(t('controleer.intro'), true)}
          ${secties}
          ${kop2(t('controleer.verstuurKop'))}
          ${alinea(t('controleer.verstuurTekst'))}
          <form method="post" action="${conceptPad(taal, gemeente.slug, code, token, 'controleer')}">${knop(t('controleer.verstuur'))}</form>`;
  return pagina(ctx, t('controleer.titel'), inhoud, undefined, {
    talen: talenVan((tl) => conceptPad(tl, gemeente.slug, code, token, 'controleer')),
    documentTitel: `${t('controleer.titel')} – ${definitie.titel[taal]}`,
  });
}

/** "Save and continue later": the e-mail address for the link. */
export function opslaanPagina(ctx: Ctx, f: FormulierRecord, token: string, o: { email?: string; fout?: boolean; verstuurdTot?: string } = {}): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  const terug = alinea(link(conceptPad(taal, gemeente.slug, f.code, token, 'stap', 1), t('opslaan.verder')));
  const talen = talenVan((tl) => conceptPad(tl, gemeente.slug, f.code, token, 'opslaan'));
  if (o.verstuurdTot) {
    return pagina(ctx, t('opslaan.verstuurdTitel'), html`${alinea(t('opslaan.verstuurdTekst', { datum: datumTekst(taal, o.verstuurdTot) }), true)}${terug}`, undefined, { talen });
  }
  const fout: VeldFout | undefined = o.fout ? { veld: 'email', invoer: 'email', code: 'email' } : undefined;
  const veld: Veld = { id: 'email', soort: 'email', label: { nl: t('opslaan.email'), en: t('opslaan.email') }, hulp: { nl: t('opslaan.emailHulp'), en: t('opslaan.emailHulp') }, verplicht: true };
  const inhoud = html`${foutSamenvatting(t, fout ? [fout] : [], new Map([['email', t('opslaan.email')]]))}
          ${alinea(t('opslaan.intro', { dagen: CONCEPT_BEWAARDAGEN }), true)}
          <form class="loket-formulier" method="post" action="${conceptPad(taal, gemeente.slug, f.code, token, 'opslaan')}" novalidate>
            ${veldHtml(taal, veld, { email: o.email ?? '' }, fout)}
            ${knop(t('opslaan.knop'))}
          </form>
          ${terug}`;
  return pagina(ctx, t('opslaan.titel'), inhoud, undefined, { talen, documentTitel: fout ? t('fout.titel', { titel: t('opslaan.titel') }) : undefined });
}

/** The receipt: the zaak number, where the tracking link goes, and a follow-up appointment when the form has one. */
export function ontvangenPagina(ctx: Ctx, f: FormulierRecord, token: string, identificatie: string): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  const product = f.definitie.afspraakProduct;
  const inhoud = html`<div class="utrecht-alert utrecht-alert--ok" role="status"><div class="utrecht-alert__content"><div class="utrecht-alert__message">
            <p class="utrecht-paragraph">${t('ontvangen.nummer')} <strong class="loket-zaaknummer">${identificatie}</strong></p>
          </div></div></div>
          ${alinea(t('ontvangen.tekst'))}
          ${alinea(t('ontvangen.bellen'))}
          ${product ? html`${kop2(t('ontvangen.afspraakKop'))}${alinea(t('ontvangen.afspraakTekst'))}${alinea(link(`${afspraakPad(taal, gemeente.slug)}?product=${encodeURIComponent(product)}`, t('ontvangen.afspraakLink')))}` : ''}
          ${alinea(link(portaalPad(taal, gemeente.slug), t('ontvangen.home')))}`;
  return pagina(ctx, t('ontvangen.titel'), inhoud, undefined, {
    talen: talenVan((tl) => conceptPad(tl, gemeente.slug, f.code, token, 'ontvangen')),
    documentTitel: `${t('ontvangen.titel')} – ${f.definitie.titel[taal]}`,
  });
}

/** The form version was withdrawn after the resident began: nothing was sent. */
export function ingetrokkenPagina(ctx: Ctx, code: string): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  return pagina(ctx, t('ingetrokken.titel'), html`${alinea(t('ingetrokken.tekst'), true)}${alinea(link(formulierPad(taal, gemeente.slug, code), t('ingetrokken.opnieuw')))}`);
}

/** A draft link that expired or never existed. */
export function verlopenPagina(ctx: Ctx, code: string): string {
  const { taal, gemeente } = ctx;
  const t = tf(taal);
  return pagina(ctx, t('verlopen.titel'), html`${alinea(t('verlopen.tekst', { dagen: CONCEPT_BEWAARDAGEN }), true)}${alinea(link(formulierPad(taal, gemeente.slug, code), t('ingetrokken.opnieuw')))}`);
}
