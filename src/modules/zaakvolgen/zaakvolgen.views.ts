import { datumTekst, vertaler, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, kop2, link, pagina, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import { MAX_REACTIE, type ReactieFout } from './zaakvolgen.schemas.ts';
import type { KtoVraag } from '../kto/kto.repository.ts';
import { ktoFormulier, type KtoFormulier } from '../kto/kto.views.ts';
import { MAX_BIJLAGEN, type BijlageWeigering, type VolgZaak } from './zaakvolgen.service.ts';
import { BIJLAGE_ACCEPT } from '../zaken/zaken.bijlagen.ts';

/** `/{slug}/zaken/{code}` and `/{slug}/en/zaken/{code}`. */
export function volgPad(taal: Taal, slug: string, code: string): string {
  return `/${slug}/${taal === 'en' ? 'en/' : ''}zaken/${code}`;
}

const LOCALE: Record<Taal, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "2 maart 2026 om 10:00" / "2 March 2026 at 10:00" for an instant, in Amsterdam time. */
function tijdstipTekst(taal: Taal, tijdstip: string): string {
  const d = new Date(tijdstip);
  const dag = new Intl.DateTimeFormat(LOCALE[taal], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(d);
  const tijd = new Intl.DateTimeFormat(LOCALE[taal], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Amsterdam' }).format(d);
  return taal === 'en' ? `${dag} at ${tijd}` : `${dag} om ${tijd}`;
}

export interface Formulier {
  /** The token of the reply form (zaakvolgen.formulier.ts). */
  token: string;
  /** The text the resident wrote, kept after an error. */
  tekst?: string;
  fout?: ReactieFout | 'afgesloten' | 'bijlage';
  lengte?: number;
  /** With fout 'bijlage': which file was refused and why (ADR 0078). */
  bijlage?: BijlageWeigering;
  /** The reply was sent (after the redirect). */
  verstuurd?: boolean;
  /** The resident's choice about a mail at each new step was just saved (ADR 0070). */
  berichtenGewijzigd?: boolean;
  /** The question after closing of this zaak, when it got one (ADR 0052). */
  kto?: { vraag: KtoVraag; formulier?: KtoFormulier; alBeantwoord?: boolean } | undefined;
}

const gegeven = (sleutel: string, waarde: Html | string): Html =>
  html`<div class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">${sleutel}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${waarde}</dd>
          </div>`;

/** Free text from staff or the resident: paragraphs at blank lines, line breaks kept. */
function vrijeTekst(tekst: string): Html {
  return html`${tekst
    .split(/\n{2,}/)
    .map((deel) => html`<p class="utrecht-paragraph">${deel.split('\n').map((regel, i) => html`${i > 0 ? html`<br>` : ''}${regel}`)}</p>`)}`;
}

function stand(t: Vertaal, taal: Taal, zaak: VolgZaak): Html {
  const contact = zaak.contact
    ? t('stand.contactNaam', { naam: zaak.contact.naam, team: zaak.contact.team })
    : zaak.team
      ? t('stand.contactTeam', { team: zaak.team.naam })
      : undefined;
  const telefoon = zaak.team?.telefoon ? gegeven(t('stand.telefoon'), link(`tel:${zaak.team.telefoon.replace(/[^+0-9]/g, '')}`, zaak.team.telefoon)) : '';
  const email = zaak.team?.email ? gegeven(t('stand.email'), link(`mailto:${zaak.team.email}`, zaak.team.email)) : '';
  const datum = zaak.afgeslotenOp
    ? gegeven(t('stand.afgehandeld'), datumTekst(taal, zaak.afgeslotenOp.slice(0, 10)))
    : zaak.verwachteEinddatum
      ? gegeven(t('stand.verwacht'), zaak.beloofdeDatum ? datumTekst(taal, zaak.beloofdeDatum) : datumTekst(taal, zaak.verwachteEinddatum))
      : '';
  return html`${kop2(t('stand.kop'))}
          <dl class="utrecht-data-list utrecht-data-list--rows">
          ${gegeven(t('stand.fase'), zaak.status.tekst[taal])}
          ${zaak.resultaat ? gegeven(t('stand.resultaat'), zaak.resultaat.tekst[taal]) : ''}
          ${datum}
          ${contact ? gegeven(t('stand.contact'), contact) : ''}
          ${telefoon}
          ${email}
          </dl>
          ${zaak.beloofdeDatum && !zaak.afgeslotenOp ? alinea(t('stand.teLaat', { datum: datumTekst(taal, zaak.beloofdeDatum) })) : ''}`;
}

function opgeschort(t: Vertaal, zaak: VolgZaak): Html | '' {
  if (!zaak.opgeschort || zaak.afgeslotenOp) return '';
  const reden = zaak.tijdlijn.findLast((g) => g.soort === 'opschorting')?.reden;
  return html`<div class="utrecht-alert utrecht-alert--warning">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <h2 class="utrecht-heading-2">${t('opgeschort.kop')}</h2>
                ${reden ? alinea(t('opgeschort.reden', { reden })) : ''}
                ${alinea(t('opgeschort.uitleg'))}
              </div>
            </div>
          </div>`;
}

function stappen(t: Vertaal, taal: Taal, zaak: VolgZaak): Html {
  return html`${kop2(t('stappen.kop'))}
          <ol class="utrecht-ordered-list utrecht-ordered-list--distanced">
            ${zaak.stappen.map((s) => {
              const label = s.huidig ? t('stappen.huidig') : s.overgeslagen ? t('stappen.overgeslagen') : s.klaar ? t('stappen.klaar') : t('stappen.nogTeDoen');
              const op = s.gezetOp ? ` (${t('stappen.op', { datum: tijdstipTekst(taal, s.gezetOp) })})` : '';
              return html`<li class="utrecht-ordered-list__item"${s.huidig ? html` aria-current="step"` : ''}><strong>${label}:</strong> ${s.tekst[taal]}${op}</li>`;
            })}
          </ol>`;
}

function gebeurtenis(t: Vertaal, taal: Taal, g: VolgZaak['tijdlijn'][number]): Html {
  const toelichting = g.toelichting ? alinea(t('tijdlijn.toelichting', { toelichting: g.toelichting })) : '';
  const reden = g.reden ? alinea(t('tijdlijn.reden', { reden: g.reden })) : '';
  switch (g.soort) {
    case 'aangemaakt':
      return alinea(t('tijdlijn.aangemaakt'));
    case 'status':
    case 'resultaat':
    case 'heropening':
      return html`${alinea(g.statustekst?.[taal] ?? '')}${toelichting}`;
    case 'bericht':
    case 'notitie':
    case 'reactie':
      return html`${alinea(html`<strong>${t(`tijdlijn.${g.soort}`)}</strong>`)}${vrijeTekst(g.tekst ?? '')}`;
    case 'opschorting':
      return html`${alinea(t('tijdlijn.opschorting'))}${reden}`;
    case 'opschorting-einde':
      return html`${alinea(t('tijdlijn.opschortingEinde'))}${toelichting}`;
    case 'verlenging':
      return html`${alinea(t('tijdlijn.verlenging'))}${reden}`;
    case 'document':
      return alinea(t(g.doorInwoner ? 'tijdlijn.documentInwoner' : 'tijdlijn.document', { bestandsnaam: g.bestandsnaam ?? '' }));
    default:
      return html``;
  }
}

function tijdlijn(t: Vertaal, taal: Taal, zaak: VolgZaak): Html {
  return html`${kop2(t('tijdlijn.kop'))}
          <ol class="utrecht-ordered-list utrecht-ordered-list--distanced">
            ${zaak.tijdlijn.map(
              (g) => html`<li class="utrecht-ordered-list__item">
              <p class="utrecht-paragraph"><time datetime="${g.op}">${tijdstipTekst(taal, g.op)}</time></p>
              ${gebeurtenis(t, taal, g)}
            </li>`,
            )}
          </ol>`;
}

function documenten(t: Vertaal, pad: string, zaak: VolgZaak): Html | '' {
  if (zaak.documenten.length === 0) return '';
  return html`${kop2(t('documenten.kop'))}
          <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
            ${zaak.documenten.map(
              (d) => html`<li class="utrecht-unordered-list__item">${link(`${pad}/documenten/${d.id}`, d.bestandsnaam)} (${t('documenten.grootte', { grootte: Math.max(1, Math.round(d.grootte / 1024)) })})</li>`,
            )}
          </ul>`;
}

function foutTekst(t: Vertaal, formulier: Formulier): string | undefined {
  if (!formulier.fout) return undefined;
  if (formulier.fout === 'bijlage') return t(`reageren.bijlageFout.${formulier.bijlage?.code ?? 'soort'}`, { naam: formulier.bijlage?.naam ?? '', max: MAX_BIJLAGEN });
  return t(`reageren.fout.${formulier.fout}`, { max: MAX_REACTIE, lengte: formulier.lengte ?? 0 });
}

function reageren(t: Vertaal, pad: string, zaak: VolgZaak, formulier: Formulier): Html {
  const fout = foutTekst(t, formulier);
  if (zaak.afgeslotenOp) {
    return html`${kop2(t('reageren.kop'))}${fout ? '' : alinea(t('reageren.afgesloten'))}`;
  }
  // The error belongs to the text, or (a refused file) to the file field.
  const bijFout = formulier.fout === 'bijlage' ? fout : undefined;
  const tekstFout = bijFout ? undefined : fout;
  const beschrijving = tekstFout ? 'tekst-uitleg tekst-fout' : 'tekst-uitleg';
  const bijBeschrijving = bijFout ? 'bijlagen-uitleg bijlagen-fout' : 'bijlagen-uitleg';
  return html`${kop2(t('reageren.kop'))}
          ${alinea(t('reageren.intro'))}
          <form class="loket-formulier" method="post" action="${pad}" enctype="multipart/form-data" novalidate>
            <input type="hidden" name="formulier" value="${formulier.token}">
            <div class="utrecht-form-field utrecht-form-field--distanced${tekstFout ? ' utrecht-form-field--invalid' : ''}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="tekst">${t('reageren.label')}</label></div>
              <div class="utrecht-form-field__description utrecht-form-field-description" id="tekst-uitleg">${t('reageren.uitleg', { max: MAX_REACTIE })}</div>
              ${tekstFout ? html`<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="tekst-fout">${tekstFout}</div>` : ''}
              <div class="utrecht-form-field__input">
                <textarea class="utrecht-textarea utrecht-textarea--html-textarea${tekstFout ? ' utrecht-textarea--invalid' : ''}" id="tekst" name="tekst" rows="8" aria-describedby="${beschrijving}"${tekstFout ? html` aria-invalid="true" autofocus` : ''}>${formulier.tekst ?? ''}</textarea>
              </div>
            </div>
            <div class="utrecht-form-field utrecht-form-field--distanced${bijFout ? ' utrecht-form-field--invalid' : ''}">
              <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="bijlagen">${t('reageren.bijlagenLabel')} <span class="loket-optioneel">${t('reageren.optioneel')}</span></label></div>
              <div class="utrecht-form-field__description utrecht-form-field-description" id="bijlagen-uitleg">${t('reageren.bijlagenUitleg', { max: MAX_BIJLAGEN })}</div>
              ${bijFout ? html`<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="bijlagen-fout">${bijFout}</div>` : ''}
              <div class="utrecht-form-field__input">
                <input class="utrecht-textbox utrecht-textbox--html-input${bijFout ? ' utrecht-textbox--invalid' : ''}" type="file" id="bijlagen" name="bijlagen" multiple accept="${BIJLAGE_ACCEPT}" aria-describedby="${bijBeschrijving}"${bijFout ? html` aria-invalid="true"` : ''}>
              </div>
            </div>
            <button class="utrecht-button utrecht-button--primary-action utrecht-button--distanced" type="submit">${t('reageren.knop')}</button>
          </form>`;
}

/** `/{pad}/berichten`: whether the resident gets a mail at each new step (ADR 0070); only while open and when an address was left. */
function berichten(t: Vertaal, pad: string, zaak: VolgZaak, formulier: Formulier): Html | '' {
  if (zaak.afgeslotenOp || !zaak.berichten.email) return '';
  const aan = zaak.berichten.tussentijds;
  return html`<section id="berichten">
          ${kop2(t('berichten.kop'))}
          ${alinea(t(aan ? 'berichten.aan' : 'berichten.uit'))}
          <form class="loket-formulier" method="post" action="${pad}/berichten">
            <input type="hidden" name="formulier" value="${formulier.token}">
            <input type="hidden" name="tussentijds" value="${aan ? 'nee' : 'ja'}">
            <button class="utrecht-button utrecht-button--secondary-action utrecht-button--distanced" type="submit">${t(aan ? 'berichten.knopUit' : 'berichten.knopAan')}</button>
          </form>
          </section>`;
}

/** A message at the top: the reply was sent, or what went wrong (with a link to the field). */
function melding(t: Vertaal, zaak: VolgZaak, formulier: Formulier): Html | '' {
  const fout = foutTekst(t, formulier);
  if (fout) {
    return html`<div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <h2 class="utrecht-heading-2">${t('reageren.foutKop')}</h2>
                <p class="utrecht-paragraph">${zaak.afgeslotenOp ? fout : link(formulier.fout === 'bijlage' ? '#bijlagen' : '#tekst', fout)}</p>
              </div>
            </div>
          </div>`;
  }
  if (formulier.verstuurd || formulier.berichtenGewijzigd) {
    return html`<div class="utrecht-alert utrecht-alert--ok" role="status">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">${alinea(t(formulier.verstuurd ? 'verstuurd' : 'berichten.gewijzigd'))}</div>
            </div>
          </div>`;
  }
  return '';
}

/** The question after closing (ADR 0052): its form, or that it was answered. */
function tevredenheid(taal: Taal, pad: string, kto: Formulier['kto']): Html | '' {
  if (!kto) return '';
  const t = vertaler(taal, 'kto');
  const inhoud = kto.vraag.beantwoordOp
    ? alinea(t(kto.alBeantwoord ? 'alBeantwoord.tekst' : 'bedankt.tekst'))
    : ktoFormulier(taal, `${pad}/tevredenheid`, kto.vraag, kto.formulier, alinea(t('volgIntro')));
  return html`<section id="tevredenheid">
          ${kop2(t('titel'))}
          ${inhoud}
          </section>`;
}

/** The tracking page of one zaak. */
export function volgPagina(ctx: PaginaContext & { gemeente: PortaalGemeente }, code: string, zaak: VolgZaak, formulier: Formulier): string {
  const { taal } = ctx;
  const t = vertaler(taal, 'zaakvolgen');
  const pad = volgPad(taal, ctx.gemeente.slug, code);
  const titel = t('titel', { identificatie: zaak.identificatie });
  const inhoud = html`${melding(t, zaak, formulier)}
          ${alinea(t('onderwerp', { onderwerp: zaak.onderwerp }), true)}
          ${alinea(t('soort', { zaaktype: zaak.zaaktype.naam[taal] }))}
          ${opgeschort(t, zaak)}
          ${stand(t, taal, zaak)}
          ${stappen(t, taal, zaak)}
          ${tijdlijn(t, taal, zaak)}
          ${documenten(t, pad, zaak)}
          ${tevredenheid(taal, pad, formulier.kto)}
          ${reageren(t, pad, zaak, formulier)}
          ${berichten(t, pad, zaak, formulier)}`;
  const talen = { nl: volgPad('nl', ctx.gemeente.slug, code), en: volgPad('en', ctx.gemeente.slug, code) };
  return pagina(ctx, titel, inhoud, undefined, { talen, documentTitel: formulier.fout || formulier.kto?.formulier?.fouten?.length ? t('foutTitel', { titel }) : undefined });
}

/**
 * The reply form of the tracking page and its message (sent, or what went wrong, linked to the
 * field), posted to `pad`: for a zaak of "Mijn zaken" (ADR 0077), with the page's title on an error.
 */
export function reactieDelen(taal: Taal, pad: string, zaak: VolgZaak, formulier: Formulier): { melding: Html | ''; formulier: Html; documentTitel(titel: string): string | undefined } {
  const t = vertaler(taal, 'zaakvolgen');
  return { melding: melding(t, zaak, formulier), formulier: reageren(t, pad, zaak, formulier), documentTitel: (titel) => (formulier.fout ? t('foutTitel', { titel }) : undefined) };
}

/**
 * The tracking view of one zaak inside "Mijn zaken" (ADR 0077): what the tracking page shows
 * (subject, kind, where it stands with the contact person and team, the steps and the external
 * history); the reply form is added by reactieDelen.
 */
export function volgInhoud(taal: Taal, zaak: VolgZaak): Html {
  const t = vertaler(taal, 'zaakvolgen');
  return html`${alinea(t('onderwerp', { onderwerp: zaak.onderwerp }), true)}
          ${alinea(t('soort', { zaaktype: zaak.zaaktype.naam[taal] }))}
          ${opgeschort(t, zaak)}
          ${stand(t, taal, zaak)}
          ${stappen(t, taal, zaak)}
          ${tijdlijn(t, taal, zaak)}`;
}
