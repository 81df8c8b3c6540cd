/**
 * The resident's bezwaar form (server-rendered, no JavaScript, nl and en): `/{slug}/bezwaar` and
 * `/{slug}/en/objection`, the receipt page, and the page for a bezwaar sent twice.
 */
import { STANDAARDTAAL, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { foutSamenvatting, tekstInvoer, tekstvak, veld, verborgenVeld, type Fouten } from '../portaal/formulier.ts';
import { html, opmaak } from '../portaal/html.ts';
import { alinea, link, portaalLayout, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import { formulierPad as klachtPad } from '../klachten/klachten.views.ts';

/** `/diemen/bezwaar`, `/diemen/en/objection`. */
export const bezwaarPad = (taal: Taal, slug: string): string => (taal === STANDAARDTAAL ? `/${slug}/bezwaar` : `/${slug}/${taal}/objection`);

export interface BezwaarFormulier {
  besluit: string;
  kenmerk: string;
  bekendmaking: string;
  gronden: string;
  naam: string;
  email: string;
  telefoon: string;
}
export type BezwaarFouten = Fouten<keyof BezwaarFormulier>;

export interface BezwaarPaginaContext extends PaginaContext {
  gemeente: PortaalGemeente;
  /** Texts of this module (bezwaar namespace). */
  tb: Vertaal;
}

const talen = (slug: string) => ({ talen: { nl: bezwaarPad('nl', slug), en: bezwaarPad('en', slug) } });

/** The form: the term and what happens when late, the besluit, the grounds, who you are; every error next to its field and in a summary. */
export function bezwaarFormulierPagina(ctx: BezwaarPaginaContext & { formulier: string }, w: BezwaarFormulier, fouten: BezwaarFouten = {}): string {
  const { tb, taal, gemeente } = ctx;
  const body = html`${foutSamenvatting(tb('formulier.foutKop'), fouten)}
    ${alinea(tb('formulier.intro'), true)}
    ${alinea(tb('formulier.termijn'))}
    ${alinea(tb('formulier.laat'))}
    ${alinea(html`${tb('formulier.klacht')} ${link(klachtPad(taal, gemeente.slug), tb('formulier.klachtLink'))}.`)}
    <form class="loket-formulier" method="post" action="${bezwaarPad(taal, gemeente.slug)}" novalidate>
      ${verborgenVeld('formulier', ctx.formulier)}
      ${veld('besluit', tb('formulier.besluit'), fouten.besluit, tb('formulier.besluitUitleg'), tekstInvoer('besluit', w.besluit, fouten.besluit, 'text', 'off', 400))}
      ${veld('kenmerk', tb('formulier.kenmerk'), fouten.kenmerk, tb('formulier.kenmerkUitleg'), tekstInvoer('kenmerk', w.kenmerk, fouten.kenmerk, 'text', 'off', 80))}
      ${veld('bekendmaking', tb('formulier.bekendmaking'), fouten.bekendmaking, tb('formulier.bekendmakingUitleg'), tekstInvoer('bekendmaking', w.bekendmaking, fouten.bekendmaking, 'text', 'off', 10))}
      ${veld('gronden', tb('formulier.gronden'), fouten.gronden, tb('formulier.grondenUitleg'), tekstvak('gronden', w.gronden, fouten.gronden, 5000))}
      ${veld('naam', tb('formulier.naam'), fouten.naam, undefined, tekstInvoer('naam', w.naam, fouten.naam, 'text', 'name', 200))}
      ${veld('email', tb('formulier.email'), fouten.email, tb('formulier.emailUitleg'), tekstInvoer('email', w.email, fouten.email, 'email', 'email'))}
      ${veld('telefoon', tb('formulier.telefoon'), fouten.telefoon, tb('formulier.telefoonUitleg'), tekstInvoer('telefoon', w.telefoon, fouten.telefoon, 'tel', 'tel', 20))}
      ${alinea(opmaak(tb('formulier.privacy'), [(tekst) => link(portaalPad(taal, gemeente.slug, 'privacy'), tekst)]))}
      <button class="utrecht-button utrecht-button--primary-action utrecht-button--distanced" type="submit">${tb('formulier.versturen')}</button>
    </form>`;
  const titel = tb('formulier.titel');
  return portaalLayout({ ...ctx, pagina: undefined }, titel, body, undefined, {
    ...talen(gemeente.slug),
    ...(Object.keys(fouten).length > 0 ? { documentTitel: `${taal === 'nl' ? 'Fout' : 'Error'}: ${titel}` } : {}),
  });
}

/** After sending: the zaak number, that a mail and a letter follow, and the tracking link. */
export function bezwaarOntvangenPagina(ctx: BezwaarPaginaContext, b: { identificatie: string; email: string; volglink: string }): string {
  const { tb, gemeente } = ctx;
  const body = html`${alinea(tb('formulier.ontvangenNummer', { nummer: b.identificatie }), true)}
    ${alinea(tb('formulier.ontvangenMail', { email: b.email }))}
    ${alinea(tb('formulier.ontvangenBrief'))}
    ${alinea(link(b.volglink, tb('formulier.ontvangenVolgen')))}
    ${alinea(tb('formulier.ontvangenBewaren'))}`;
  return portaalLayout({ ...ctx, pagina: undefined }, tb('formulier.ontvangenTitel'), body, undefined, talen(gemeente.slug));
}

/** The same bezwaar sent again the same day (a double submit): its number, nothing stored twice. */
export function bezwaarAlOntvangenPagina(ctx: BezwaarPaginaContext, identificatie: string): string {
  const { tb, gemeente } = ctx;
  return portaalLayout({ ...ctx, pagina: undefined }, tb('formulier.alOntvangenTitel'), alinea(tb('formulier.alOntvangen', { nummer: identificatie }), true), undefined, talen(gemeente.slug));
}
