/**
 * The resident pages of the inwonerspanel and its surveys (ADR 0068): sign-up, confirm, leave, and
 * a survey to answer. Server-rendered, no JavaScript, nl/en; errors next to each field and in a
 * summary at the top that links to them. A condition of a question is said in words above it (no
 * script hides it); answers to a question whose condition is not met are not stored.
 */
import { vertaler, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, link, pagina, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import type { AanmeldFout, AntwoordFout, Velden } from './enquetes.regels.ts';
import { veldnaam } from './enquetes.regels.ts';
import { CATEGORIEEN, MAX_OPEN, waarden, type Definitie, type Vraag } from './enquetes.schemas.ts';

export type Ctx = PaginaContext & { gemeente: PortaalGemeente };

const foutId = (veld: string): string => `${veld}-fout`;
const gekozenIn = (velden: Velden, naam: string): string[] => {
  const w = velden[naam];
  return Array.isArray(w) ? w : w === undefined ? [] : [w];
};

function samenvatting(t: Vertaal, fouten: readonly { doel: string; tekst: string }[]): Html | '' {
  if (fouten.length === 0) return '';
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <h2 class="utrecht-heading-2">${t('fout.kop')}</h2>
                <ul class="utrecht-unordered-list">${fouten.map((f) => html`<li class="utrecht-unordered-list__item">${link(`#${f.doel}`, f.tekst)}</li>`)}</ul>
              </div>
            </div>
          </div>`;
}

const foutregel = (naam: string, tekst: string | undefined): Html | '' =>
  tekst ? html`<p class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${foutId(naam)}">${tekst}</p>` : '';

/** A group of radio buttons or checkboxes in a fieldset; the first input's id is `{naam}-0`. */
function keuzegroep(naam: string, legenda: string, uitleg: string | undefined, opties: readonly { waarde: string; tekst: string }[], gekozen: readonly string[], fout: string | undefined, soort: 'radio' | 'checkbox' = 'radio'): Html {
  const beschreven = [uitleg ? `${naam}-uitleg` : '', fout ? foutId(naam) : ''].filter(Boolean).join(' ');
  const klasse = soort === 'radio' ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input';
  const label = soort === 'radio' ? 'utrecht-form-label--radio-button' : 'utrecht-form-label--checkbox';
  return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced${fout ? ' utrecht-form-fieldset--invalid' : ''}" id="${naam}"${beschreven ? html` aria-describedby="${beschreven}"` : ''}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${legenda}</legend>
            ${uitleg ? html`<p class="utrecht-form-field-description" id="${naam}-uitleg">${uitleg}</p>` : ''}
            ${foutregel(naam, fout)}
            ${opties.map(
              (o, i) => html`<div class="utrecht-form-field utrecht-form-field--${soort === 'radio' ? 'radio' : 'checkbox'}">
              <input class="${klasse}" type="${soort}" id="${naam}-${i}" name="${naam}" value="${o.waarde}"${gekozen.includes(o.waarde) ? html` checked` : ''}${fout ? html` aria-invalid="true"` : ''}>
              <label class="utrecht-form-label ${label}" for="${naam}-${i}">${o.tekst}</label>
            </div>`,
            )}
          </fieldset>`;
}

function tekstveld(naam: string, label: string, uitleg: string, waarde: string, fout: string | undefined, soort: 'email' | 'textarea'): Html {
  const beschreven = `${naam}-uitleg${fout ? ` ${foutId(naam)}` : ''}`;
  const invoer =
    soort === 'email'
      ? html`<input class="utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}" type="email" id="${naam}" name="${naam}" autocomplete="email" value="${waarde}" aria-describedby="${beschreven}"${fout ? html` aria-invalid="true"` : ''}>`
      : html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}" id="${naam}" name="${naam}" rows="5" aria-describedby="${beschreven}"${fout ? html` aria-invalid="true"` : ''}>${waarde}</textarea>`;
  return html`<div class="utrecht-form-field utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${naam}">${label}</label></div>
              <div class="utrecht-form-field__description utrecht-form-field-description" id="${naam}-uitleg">${uitleg}</div>
              ${foutregel(naam, fout)}
              <div class="utrecht-form-field__input">${invoer}</div>
            </div>`;
}

const knop = (tekst: string): Html => html`<button class="utrecht-button utrecht-button--primary-action utrecht-button--distanced" type="submit">${tekst}</button>`;

// ---- Sign-up ----

/** Where the error summary links to: the e-mail field, or the first option of a group. */
const doel = (veld: string) => (veld === 'email' ? 'email' : `${veld}-0`);

export interface Formulier<F> {
  velden?: Velden;
  fouten?: readonly F[];
}

export function aanmeldPagina(ctx: Ctx, wijken: readonly string[], talen: Record<Taal, string>, formulier: Formulier<AanmeldFout> = {}): string {
  const t = vertaler(ctx.taal, 'enquetes');
  const velden = formulier.velden ?? {};
  const fouten = formulier.fouten ?? [];
  const fout = (veld: string) => {
    const f = fouten.find((x) => x.veld === veld);
    return f ? t(`aanmelden.fout.${f.veld}.${f.code}`) : undefined;
  };
  const kies = (veld: 'leeftijdsgroep' | 'geslacht' | 'opleiding') =>
    keuzegroep(veld, t(`aanmelden.${veld}.vraag`), undefined, CATEGORIEEN[veld].map((c) => ({ waarde: c, tekst: t(`aanmelden.${veld}.${c}`) })), gekozenIn(velden, veld), fout(veld));
  const titel = t('aanmelden.titel');
  const inhoud = html`${samenvatting(t, fouten.map((f) => ({ doel: doel(f.veld), tekst: t(`aanmelden.fout.${f.veld}.${f.code}`) })))}
          ${alinea(t('aanmelden.intro'), true)}
          ${alinea(t('aanmelden.waarom'))}
          <form class="loket-formulier" method="post" action="${talen[ctx.taal]}" novalidate>
            ${tekstveld('email', t('aanmelden.email.label'), t('aanmelden.email.uitleg'), gekozenIn(velden, 'email')[0] ?? '', fout('email'), 'email')}
            ${kies('leeftijdsgroep')}
            ${kies('geslacht')}
            ${keuzegroep('wijk', t('aanmelden.wijk.vraag'), undefined, wijken.map((w) => ({ waarde: w, tekst: w })), gekozenIn(velden, 'wijk'), fout('wijk'))}
            ${kies('opleiding')}
            ${keuzegroep('toestemming', t('aanmelden.toestemming.vraag'), t('aanmelden.toestemming.uitleg'), [{ waarde: 'ja', tekst: t('aanmelden.toestemming.ja') }], gekozenIn(velden, 'toestemming'), fout('toestemming'), 'checkbox')}
            ${knop(t('aanmelden.knop'))}
          </form>`;
  return pagina(ctx, titel, inhoud, undefined, { talen, documentTitel: fouten.length ? t('foutTitel', { titel }) : undefined });
}

/** A page with a heading and a text, and optionally a form with one button (confirm, leave). */
export function berichtPagina(ctx: Ctx, talen: Record<Taal, string>, sleutel: string, actie?: string): string {
  const t = vertaler(ctx.taal, 'enquetes');
  const inhoud = html`${alinea(t(`${sleutel}.tekst`), true)}
          ${actie ? html`<form method="post" action="${actie}">${knop(t(`${sleutel}.knop`))}</form>` : ''}`;
  return pagina(ctx, t(`${sleutel}.titel`), inhoud, undefined, { talen });
}

// ---- A survey ----

function vraagveld(taal: Taal, t: Vertaal, vraag: Vraag, definitie: Definitie, velden: Velden, fout: string | undefined, nummer: number): Html {
  const naam = veldnaam(vraag.id);
  const bron = vraag.voorwaarde ? definitie.vragen.findIndex((v) => v.id === vraag.voorwaarde?.vraag) : -1;
  const bronVraag = definitie.vragen[bron];
  const voorwaarde = vraag.voorwaarde && bronVraag
    ? t('enquete.voorwaarde', {
        nummer: bron + 1,
        antwoorden: vraag.voorwaarde.antwoorden.map((a) => bronVraag.opties?.find((o) => o.waarde === a)?.tekst[taal] ?? a).join(t('enquete.of')),
      })
    : undefined;
  const uitleg = [voorwaarde, vraag.uitleg?.[taal], vraag.verplicht ? undefined : t('enquete.nietVerplicht')].filter(Boolean).join(' ');
  const legenda = `${nummer}. ${vraag.tekst[taal]}`;
  if (vraag.soort === 'open') return tekstveld(naam, legenda, `${uitleg} ${t('enquete.open', { max: MAX_OPEN })}`.trim(), gekozenIn(velden, naam)[0] ?? '', fout, 'textarea');
  const opties =
    vraag.soort === 'enkele-keuze' || vraag.soort === 'meerkeuze'
      ? (vraag.opties ?? []).map((o) => ({ waarde: o.waarde, tekst: o.tekst[taal] }))
      : waarden(vraag).map((w, i, alle) => ({
          waarde: w,
          tekst: vraag.soort === 'schaal' && i === 0 ? `${w} – ${vraag.schaal?.laag[taal]}` : vraag.soort === 'schaal' && i === alle.length - 1 ? `${w} – ${vraag.schaal?.hoog[taal]}` : w,
        }));
  const extra = vraag.soort === 'rapportcijfer' ? t('enquete.rapportcijfer') : vraag.soort === 'meerkeuze' ? t('enquete.meerkeuze') : '';
  return keuzegroep(naam, legenda, [uitleg, extra].filter(Boolean).join(' ') || undefined, opties, gekozenIn(velden, naam), fout, vraag.soort === 'meerkeuze' ? 'checkbox' : 'radio');
}

export function enquetePagina(ctx: Ctx, definitie: Definitie, talen: Record<Taal, string>, formulier: Formulier<AntwoordFout> = {}, open = false): string {
  const { taal } = ctx;
  const t = vertaler(taal, 'enquetes');
  const velden = formulier.velden ?? {};
  const fouten = formulier.fouten ?? [];
  const foutTekst = (f: AntwoordFout) => t(`enquete.fout.${f.code}`, { max: MAX_OPEN });
  const doel = (f: AntwoordFout) => {
    const v = definitie.vragen.find((x) => x.id === f.vraag);
    return v?.soort === 'open' ? veldnaam(f.vraag) : `${veldnaam(f.vraag)}-0`;
  };
  const titel = definitie.titel[taal];
  const inhoud = html`${samenvatting(t, fouten.map((f) => ({ doel: doel(f), tekst: foutTekst(f) })))}
          ${definitie.intro ? alinea(definitie.intro[taal], true) : ''}
          ${alinea(t(open ? 'enquete.introOpen' : 'enquete.intro'))}
          <form class="loket-formulier" method="post" action="${talen[taal]}" novalidate>
            ${definitie.vragen.map((v, i) => {
              const f = fouten.find((x) => x.vraag === v.id);
              return vraagveld(taal, t, v, definitie, velden, f ? foutTekst(f) : undefined, i + 1);
            })}
            ${knop(t('enquete.knop'))}
          </form>`;
  return pagina(ctx, titel, inhoud, undefined, { talen, documentTitel: fouten.length ? t('foutTitel', { titel }) : undefined });
}
