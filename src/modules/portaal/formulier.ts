/**
 * Building blocks of a resident form without JavaScript (the klacht and bezwaar pages): the
 * posted fields as text, the common checks, and a field with its label, description and error
 * next to it plus the error summary (B1 text, aria-describedby, aria-invalid).
 */
import { html, type Html } from './html.ts';
import { link } from './portaal.views.ts';

/** Per field (and `formulier` for the form token) the error text, B1. */
export type Fouten<K extends string> = Partial<Record<K | 'formulier', string>>;

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export { TELEFOONNUMMER as TELEFOON } from '../../http/contactvelden.ts';
const DATUM = /^\d{4}-\d\d-\d\d$/;

/** A real calendar day written `YYYY-MM-DD`. */
export const geldigeDag = (datum: string): boolean => DATUM.test(datum) && !Number.isNaN(Date.parse(datum)) && new Date(datum).toISOString().slice(0, 10) === datum;
/** A real calendar day, not after `vandaag`. */
export const dagTotVandaag = (datum: string, vandaag: string): boolean => geldigeDag(datum) && datum <= vandaag;

/** Form fields as text (a repeated field: its first value), cut at 5001 characters so a length check still fails. */
export function tekstVelden<K extends string>(body: unknown, leeg: Readonly<Record<K, string>>): Record<K, string> {
  const uit = { ...leeg } as Record<K, string>;
  if (body && typeof body === 'object') {
    for (const sleutel of Object.keys(leeg) as K[]) {
      const w = (body as Record<string, unknown>)[sleutel];
      const tekst = typeof w === 'string' ? w : Array.isArray(w) && typeof w[0] === 'string' ? w[0] : '';
      uit[sleutel] = tekst.slice(0, 5001);
    }
  }
  return uit;
}

export const verborgenVeld = (naam: string, waarde: string): Html => html`<input type="hidden" name="${naam}" value="${waarde}">`;

/** The error summary at the top: each error links to its field (the form token's error has no field). */
export function foutSamenvatting(kop: string, fouten: Readonly<Record<string, string | undefined>>): Html | '' {
  const lijst = Object.entries(fouten).filter(([, tekst]) => tekst);
  if (lijst.length === 0) return '';
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert">
      <div class="utrecht-alert__content"><div class="utrecht-alert__message">
        <h2 class="utrecht-heading-2">${kop}</h2>
        <ul class="utrecht-unordered-list">${lijst.map(([veld, tekst]) => html`<li class="utrecht-unordered-list__item">${veld === 'formulier' ? (tekst ?? '') : link(`#${veld}`, tekst ?? '')}</li>`)}</ul>
      </div></div>
    </div>`;
}

/** A labelled field with its description and error next to it. */
export function veld(naam: string, label: string, fout: string | undefined, uitleg: string | undefined, invoer: (beschrijving: string) => Html): Html {
  const beschrijving = [uitleg ? `${naam}-uitleg` : '', fout ? `${naam}-fout` : ''].filter(Boolean).join(' ');
  return html`<div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${naam}">${label}</label></div>
      ${uitleg ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${naam}-uitleg">${uitleg}</div>` : ''}
      ${fout ? html`<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${naam}-fout">${fout}</div>` : ''}
      <div class="utrecht-form-field__input">${invoer(beschrijving)}</div>
    </div>`;
}

/** The attributes that tie an input to its description and error. */
export const invoerExtra = (beschrijving: string, fout: string | undefined): Html =>
  html`${beschrijving ? html` aria-describedby="${beschrijving}"` : ''}${fout ? html` aria-invalid="true"` : ''}`;

export function tekstInvoer(naam: string, waarde: string, fout: string | undefined, type: string, autocomplete: string, maxlength = 254) {
  return (beschrijving: string): Html =>
    html`<input class="utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}" type="${type}" id="${naam}" name="${naam}" value="${waarde}" autocomplete="${autocomplete}" maxlength="${String(maxlength)}"${invoerExtra(beschrijving, fout)}>`;
}

export function tekstvak(naam: string, waarde: string, fout: string | undefined, maxlength: number) {
  return (beschrijving: string): Html =>
    html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}" id="${naam}" name="${naam}" rows="8" maxlength="${String(maxlength)}"${invoerExtra(beschrijving, fout)}>${waarde}</textarea>`;
}
