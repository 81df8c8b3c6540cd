/**
 * The answer page of the question after closing (ADR 0052): server-rendered, no JavaScript, nl/en.
 * It asks what the zaaktype configures (ADR 0086): the score with its question text, the choice
 * list (when it has one) and the optional text (when asked). Errors appear next to each field and
 * in a summary at the top that links to them.
 */
import { vertaler, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, link, pagina, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import { MAX_TOELICHTING, scores, vraagtekst, type KtoFout } from './kto.regels.ts';
import type { KtoVraag } from './kto.repository.ts';
import { ktoPad } from './kto.service.ts';

export interface KtoFormulier {
  velden?: Record<string, string>;
  fouten?: readonly KtoFout[];
}

type Ctx = PaginaContext & { gemeente: PortaalGemeente };

const foutId = (veld: string): string => `${veld}-fout`;

function foutTekst(t: Vertaal, f: KtoFout): string {
  return t(`fout.${f.veld}`, { max: MAX_TOELICHTING });
}

function foutBij(t: Vertaal, fouten: readonly KtoFout[], veld: KtoFout['veld']): Html | '' {
  const f = fouten.find((x) => x.veld === veld);
  return f ? html`<p class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${foutId(veld)}">${foutTekst(t, f)}</p>` : '';
}

/** A group of radio buttons as a fieldset, with the error (if any) inside the legend's group. */
function keuzes(t: Vertaal, naam: 'score' | 'punt', legenda: string, uitleg: string | undefined, opties: readonly { waarde: string; tekst: string }[], gekozen: string | undefined, fouten: readonly KtoFout[]): Html {
  const fout = fouten.some((f) => f.veld === naam);
  const beschreven = [uitleg ? `${naam}-uitleg` : '', fout ? foutId(naam) : ''].filter(Boolean).join(' ');
  return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced${fout ? ' utrecht-form-fieldset--invalid' : ''}" id="${naam}"${beschreven ? html` aria-describedby="${beschreven}"` : ''}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${legenda}</legend>
            ${uitleg ? html`<p class="utrecht-form-field-description" id="${naam}-uitleg">${uitleg}</p>` : ''}
            ${foutBij(t, fouten, naam)}
            ${opties.map(
              (o, i) => html`<div class="utrecht-form-field utrecht-form-field--radio">
              <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${naam}-${i}" name="${naam}" value="${o.waarde}"${gekozen === o.waarde ? html` checked` : ''}${fout ? html` aria-invalid="true"` : ''}>
              <label class="utrecht-form-label utrecht-form-label--radio-button" for="${naam}-${i}">${o.tekst}</label>
            </div>`,
            )}
          </fieldset>`;
}

/**
 * The error summary (if any) and the form, posting to `actie`: on the answer page and in the
 * tracking page of the closed zaak.
 */
export function ktoFormulier(taal: Taal, actie: string, vraag: KtoVraag, formulier: KtoFormulier = {}, intro?: Html): Html {
  const t = vertaler(taal, 'kto');
  const fouten = formulier.fouten ?? [];
  const velden = formulier.velden ?? {};
  const { opzet } = vraag;
  const scoreOpties = scores(vraag.vorm).map((s) => ({ waarde: String(s), tekst: vraag.vorm === 'ja-nee' ? t(s === 1 ? 'score.ja' : 'score.nee') : String(s) }));
  const puntOpties = opzet.keuzes.map((k) => ({ waarde: k.sleutel, tekst: k[taal] }));
  const toelichtingFout = fouten.some((f) => f.veld === 'toelichting');
  const samenvatting = fouten.length
    ? html`<div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <h2 class="utrecht-heading-2">${t('fout.kop')}</h2>
                <ul class="utrecht-unordered-list">${fouten.map((f) => html`<li class="utrecht-unordered-list__item">${link(`#${f.veld === 'toelichting' ? 'toelichting' : `${f.veld}-0`}`, foutTekst(t, f))}</li>`)}</ul>
              </div>
            </div>
          </div>`
    : '';
  return html`${samenvatting}
          ${intro ?? ''}
          <form class="loket-formulier" method="post" action="${actie}" novalidate>
            ${keuzes(t, 'score', vraagtekst(t, taal, vraag.vorm, opzet), undefined, scoreOpties, velden.score, fouten)}
            ${puntOpties.length > 0 ? keuzes(t, 'punt', t('punt.vraag'), t('punt.uitleg'), puntOpties, velden.punt, fouten) : ''}
            ${opzet.toelichtingVragen ? toelichtingVeld(t, velden.toelichting, toelichtingFout, fouten) : ''}
            <button class="utrecht-button utrecht-button--primary-action utrecht-button--distanced" type="submit">${t('knop')}</button>
          </form>`;
}

/** The optional text, with its error (too long) if any. */
function toelichtingVeld(t: Vertaal, waarde: string | undefined, fout: boolean, fouten: readonly KtoFout[]): Html {
  return html`<div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="toelichting">${t('toelichting.label')}</label></div>
              <div class="utrecht-form-field__description utrecht-form-field-description" id="toelichting-uitleg">${t('toelichting.uitleg', { max: MAX_TOELICHTING })}</div>
              ${foutBij(t, fouten, 'toelichting')}
              <div class="utrecht-form-field__input">
                <textarea class="utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}" id="toelichting" name="toelichting" rows="6" aria-describedby="toelichting-uitleg${fout ? ' toelichting-fout' : ''}"${fout ? html` aria-invalid="true"` : ''}>${waarde ?? ''}</textarea>
              </div>
            </div>`;
}

/** The question with its form (again with the errors and the values kept after a rejected answer). */
export function ktoPagina(ctx: Ctx, token: string, vraag: KtoVraag, formulier: KtoFormulier = {}): string {
  const { taal } = ctx;
  const t = vertaler(taal, 'kto');
  const titel = t('titel');
  const inhoud = ktoFormulier(taal, ktoPad(taal, ctx.gemeente.slug, token), vraag, formulier, alinea(t('intro', { identificatie: vraag.identificatie }), true));
  return pagina(ctx, titel, inhoud, undefined, { talen: talen(ctx, token), documentTitel: formulier.fouten?.length ? t('foutTitel', { titel }) : undefined });
}

/** After the answer, or on a link that was already used. */
export function ktoKlaarPagina(ctx: Ctx, token: string, soort: 'bedankt' | 'alBeantwoord'): string {
  const t = vertaler(ctx.taal, 'kto');
  return pagina(ctx, t(`${soort}.titel`), html`${alinea(t(`${soort}.tekst`))}`, undefined, { talen: talen(ctx, token) });
}

function talen(ctx: Ctx, token: string): Record<Taal, string> {
  return { nl: ktoPad('nl', ctx.gemeente.slug, token), en: ktoPad('en', ctx.gemeente.slug, token) };
}
