/** The resident pages of login and "Mijn zaken" (ADR 0077): server-rendered, no JavaScript, nl and en. */
import { datumTekst, vertaler, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { foutSamenvatting, tekstInvoer, veld, verborgenVeld } from '../portaal/formulier.ts';
import { html, type Html } from '../portaal/html.ts';
import { alinea, kop2, link, pagina, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import { formulierPad } from '../formulieren/formulieren.paden.ts';
import { reactieDelen, volgInhoud, type Formulier } from '../zaakvolgen/zaakvolgen.views.ts';
import type { VolgZaak } from '../zaakvolgen/zaakvolgen.service.ts';
import type { ZakenService } from '../zaken/zaken.service.ts';
import type { Inwoner } from './inwoners.service.ts';
import { inloggenPad, mijnZakenPad, uitloggenPad } from './inwoners.paden.ts';

export type Ctx = PaginaContext & { gemeente: PortaalGemeente };
export type MijnZaak = Awaited<ReturnType<ZakenService['zakenVanInwoner']>>[number];

const tekst = (taal: Taal) => vertaler(taal, 'inwoners');

const knop = (label: string, secundair = false): Html =>
  html`<button class="utrecht-button utrecht-button--${secundair ? 'secondary' : 'primary'}-action utrecht-button--distanced" type="submit">${label}</button>`;

const gegeven = (sleutel: string, waarde: Html | string): Html =>
  html`<div class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">${sleutel}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${waarde}</dd>
          </div>`;

/** The addresses of a page in both languages (language switch). */
const talen = (maak: (taal: Taal) => string): Record<Taal, string> => ({ nl: maak('nl'), en: maak('en') });

function zaakKaart(t: Vertaal, taal: Taal, slug: string, z: MijnZaak): Html {
  const contact = z.contact ? t('mijnZaken.contactNaam', { naam: z.contact.naam, team: z.contact.team }) : t('mijnZaken.geenContact');
  return html`<li class="loket-mijn-zaak">
            <h3 class="utrecht-heading-3">${link(mijnZakenPad(taal, slug, z.identificatie), t('mijnZaken.zaak', { zaaktype: z.zaaktype[taal], onderwerp: z.onderwerp }))}</h3>
            <dl class="utrecht-data-list utrecht-data-list--rows">
              ${gegeven(t('mijnZaken.nummer'), z.identificatie)}
              ${gegeven(t('mijnZaken.fase'), z.fase[taal])}
              ${z.afgeslotenOp
                ? gegeven(t('mijnZaken.afgerondOp'), datumTekst(taal, z.afgeslotenOp.slice(0, 10)))
                : html`${gegeven(t('mijnZaken.volgendeStap'), z.volgendeStap ? z.volgendeStap[taal] : t('mijnZaken.geenVolgendeStap'))}
              ${z.verwachteEinddatum ? gegeven(t('mijnZaken.verwacht'), datumTekst(taal, z.verwachteEinddatum)) : ''}
              ${gegeven(t('mijnZaken.contact'), contact)}`}
            </dl>
            ${z.opgeschort && !z.afgeslotenOp ? alinea(html`<strong>${t('mijnZaken.opgeschort')}</strong>`) : ''}
            ${alinea(link(mijnZakenPad(taal, slug, z.identificatie), t('mijnZaken.bekijk', { identificatie: z.identificatie })))}
          </li>`;
}

function uitloggen(t: Vertaal, ctx: Ctx, formulierToken: string): Html {
  return html`${kop2(t('mijnZaken.uitloggenKop'))}
          ${alinea(t('mijnZaken.sessieTot'))}
          <form method="post" action="${uitloggenPad(ctx.taal, ctx.gemeente.slug)}">
            ${verborgenVeld('formulier', formulierToken)}
            ${knop(t('mijnZaken.uitloggen'), true)}
          </form>`;
}

/** `/{slug}/mijn-zaken` for a logged-in resident: their zaken, open first. */
export function mijnZakenPagina(ctx: Ctx, inwoner: Inwoner, zaken: readonly MijnZaak[], formulierToken: string): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const wie = inwoner.soort === 'email' ? t('mijnZaken.ingelogdMetEmail', { email: inwoner.email ?? '' }) : inwoner.naam ? t('mijnZaken.ingelogdAls', { naam: inwoner.naam }) : t('mijnZaken.ingelogdZonderNaam');
  const lopend = zaken.filter((z) => !z.afgeslotenOp);
  const afgerond = zaken.filter((z) => z.afgeslotenOp);
  const lijst = (rij: readonly MijnZaak[]) => html`<ul class="utrecht-unordered-list loket-mijn-zaken">${rij.map((z) => zaakKaart(t, taal, gemeente.slug, z))}</ul>`;
  const inhoud = html`${alinea(t('mijnZaken.intro', { gemeente: gemeente.naam }), true)}
          ${alinea(wie)}
          ${zaken.length === 0
            ? html`${alinea(t('mijnZaken.geen'))}${alinea(t('mijnZaken.geenUitleg'))}`
            : html`${alinea(zaken.length === 1 ? t('mijnZaken.aantalEen') : t('mijnZaken.aantal', { aantal: zaken.length }))}
          ${lopend.length ? html`${kop2(t('mijnZaken.lopendKop'))}${lijst(lopend)}` : ''}
          ${afgerond.length ? html`${kop2(t('mijnZaken.afgerondKop'))}${lijst(afgerond)}` : ''}`}
          ${kop2(t('mijnZaken.formulierenKop'))}
          ${alinea(t('mijnZaken.formulierenTekst'))}
          ${alinea(link(formulierPad(taal, gemeente.slug), t('mijnZaken.formulierenLink')))}
          ${uitloggen(t, ctx, formulierToken)}`;
  return pagina(ctx, t('mijnZaken.titel'), inhoud, undefined, { talen: talen((tl) => mijnZakenPad(tl, gemeente.slug)) });
}

/** `/{slug}/mijn-zaken/{identificatie}`: one zaak as its tracking page shows it, with the same reply form posted here. */
export function mijnZaakPagina(ctx: Ctx, zaak: VolgZaak, formulierToken: string, reactie: Formulier): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const delen = reactieDelen(taal, mijnZakenPad(taal, gemeente.slug, zaak.identificatie), zaak, reactie);
  const inhoud = html`${delen.melding}
          ${alinea(link(mijnZakenPad(taal, gemeente.slug), t('zaak.terug')))}
          ${volgInhoud(taal, zaak)}
          ${delen.formulier}
          ${uitloggen(t, ctx, formulierToken)}`;
  const titel = t('zaak.titel', { identificatie: zaak.identificatie });
  return pagina(ctx, titel, inhoud, undefined, { talen: talen((tl) => mijnZakenPad(tl, gemeente.slug, zaak.identificatie)), documentTitel: delen.documentTitel(titel) });
}

/** `/{slug}/mijn-zaken` without a session: log in with DigiD, or ask for a link by e-mail. */
export function inloggenPagina(ctx: Ctx, opties: { digid: boolean; demo: boolean; email?: string; fout?: 'email' }): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const fouten = opties.fout ? { email: t('inloggen.emailFout') } : {};
  const inhoud = html`${foutSamenvatting(t('inloggen.foutKop'), fouten)}
          ${alinea(t('inloggen.intro', { gemeente: gemeente.naam }), true)}
          ${kop2(t('inloggen.digidKop'))}
          ${opties.digid
            ? html`${alinea(t('inloggen.digidTekst'))}
          ${opties.demo ? alinea(html`<strong>${t('inloggen.demo')}</strong>`) : ''}
          ${alinea(link(inloggenPad(taal, gemeente.slug), t('inloggen.digidKnop'), ' loket-knoplink'))}`
            : alinea(t('inloggen.geenDigid'))}
          ${kop2(t('inloggen.linkKop'))}
          ${alinea(t('inloggen.linkTekst'))}
          <form method="post" action="${mijnZakenPad(taal, gemeente.slug, 'link')}" novalidate>
            ${veld('email', t('inloggen.email'), fouten.email, t('inloggen.emailUitleg'), tekstInvoer('email', opties.email ?? '', fouten.email, 'email', 'email'))}
            ${knop(t('inloggen.linkKnop'))}
          </form>`;
  const titel = t('inloggen.titel');
  return pagina(ctx, titel, inhoud, undefined, { talen: talen((tl) => mijnZakenPad(tl, gemeente.slug)), documentTitel: opties.fout ? `${taal === 'en' ? 'Error' : 'Fout'}: ${titel}` : undefined });
}

/** After "stuur mij een link": the same page whether or not the address has zaken. */
export function linkVerstuurdPagina(ctx: Ctx, email: string): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const inhoud = html`${alinea(t('linkVerstuurd.tekst', { email }), true)}
          ${alinea(t('linkVerstuurd.geenMail'))}
          ${alinea(link(mijnZakenPad(taal, gemeente.slug), t('linkVerstuurd.terug')))}`;
  return pagina(ctx, t('linkVerstuurd.titel'), inhoud, undefined, { talen: talen((tl) => mijnZakenPad(tl, gemeente.slug)) });
}

/** The page of a one-time link: a button (a mail scanner that opens the link does not use it up). */
export function linkPagina(ctx: Ctx, token: string): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const inhoud = html`${alinea(t('link.tekst'), true)}
          <form method="post" action="${mijnZakenPad(taal, gemeente.slug, 'link', token)}">
            ${knop(t('link.knop'))}
          </form>`;
  return pagina(ctx, t('link.titel'), inhoud, undefined, { talen: talen((tl) => mijnZakenPad(tl, gemeente.slug, 'link', token)) });
}

/** A link that no longer works: why, and how to get a new one. */
export function linkVerlopenPagina(ctx: Ctx, reden: 'verlopen' | 'gebruikt' | 'onbekend'): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const inhoud = html`${alinea(t(`link.${reden}`), true)}${alinea(link(mijnZakenPad(taal, gemeente.slug), t('link.nieuw')))}`;
  return pagina(ctx, t('link.verlopenTitel'), inhoud, undefined, { talen: talen((tl) => mijnZakenPad(tl, gemeente.slug)) });
}

/** A login that did not work: why, and a way to start again. */
export function inlogFoutPagina(ctx: Ctx, reden: string): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const inhoud = html`${alinea(t(`inlogFout.${reden}`), true)}${alinea(link(mijnZakenPad(taal, gemeente.slug), t('inlogFout.opnieuw')))}`;
  return pagina(ctx, t('inlogFout.titel'), inhoud, undefined, { talen: talen((tl) => mijnZakenPad(tl, gemeente.slug)) });
}

/** After logging out. */
export function uitgelogdPagina(ctx: Ctx): string {
  const { taal, gemeente } = ctx;
  const t = tekst(taal);
  const inhoud = html`${alinea(t('uitgelogd.tekst'), true)}${alinea(link(portaalPad(taal, gemeente.slug), t('uitgelogd.terug')))}`;
  return pagina(ctx, t('uitgelogd.titel'), inhoud, undefined, { talen: talen((tl) => portaalPad(tl, gemeente.slug)) });
}
