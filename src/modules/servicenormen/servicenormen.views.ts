import type { Taal, Vertaal } from '../../i18n/i18n.ts';
import type { KpiDefinitie } from '../kpi/kpi.definitie.ts';
import type { KpiWaarde } from '../kpi/kpi.service.ts';
import { html, type Html } from '../portaal/html.ts';
import { portaalLayout, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import { leesDuur } from '../termijnen/kalender.ts';
import type { ZaaktypeTermijn } from '../zaaktypen/zaaktypen.repository.ts';
import { PERIODEN, type ServicenormKpi, type Servicenormen } from './servicenormen.service.ts';

/** `/diemen/servicenormen`, `/diemen/en/servicenormen`. */
export function servicenormenPad(taal: Taal, slug: string): string {
  return `${portaalPad(taal, slug)}servicenormen`;
}

/** `/diemen/servicenormen.csv`, `/diemen/servicenormen.json`: the open data, one address for both languages. */
export function servicenormenDataPad(slug: string, formaat: 'csv' | 'json'): string {
  return `/${slug}/servicenormen.${formaat}`;
}

export interface ServicenormenContext extends PaginaContext {
  gemeente: PortaalGemeente;
  /** Texts of this module (servicenormen namespace). */
  ts: Vertaal;
  /** The stylesheet of this page, with its hash. */
  stylesheet: string;
}

// Intl formatters are costly to make: one per language, made once.
const GETAL = { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }) };
const MAAND = {
  nl: new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const MOMENT = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

export const getal = (taal: Taal, n: number): string => GETAL[taal].format(n);
/** "oktober 2026" / "October 2026" for the month of a day. */
export const maandTekst = (taal: Taal, dag: string): string => MAAND[taal].format(new Date(`${dag}T00:00:00Z`));
/** "23 november 2026 om 10:00" in Amsterdam time. */
export const momentTekst = (taal: Taal, iso: string): string => MOMENT[taal].format(new Date(iso));

/** A term in words: "8 weken", "5 werkdagen", "1 maand". */
export function termijnTekst(ts: Vertaal, duur: string): string {
  const d = leesDuur(duur);
  const sleutel = { werkdagen: ['werkdag', 'werkdagen'], dagen: ['dag', 'dagen'], weken: ['week', 'weken'], maanden: ['maand', 'maanden'] }[d.soort];
  return ts(`termijn.${d.aantal === 1 ? sleutel[0] : sleutel[1]}`, { aantal: d.aantal });
}

/** Dutch content (names, definitions) inside an English page is marked as Dutch (WCAG 3.1.2). */
function inhoud(taal: Taal, tekst: string): Html | string {
  return taal === 'nl' ? tekst : html`<span lang="nl">${tekst}</span>`;
}

const alinea = (tekst: Html | string, extra = ''): Html => html`<p class="utrecht-paragraph utrecht-paragraph--distanced${extra}">${tekst}</p>`;
const kop2 = (tekst: string, id: string): Html => html`<h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="${id}">${tekst}</h2>`;
const link = (href: string, tekst: Html | string): Html => html`<a class="utrecht-link utrecht-link--html-a" href="${href}">${tekst}</a>`;
const klein = (tekst: Html | string): Html => html`<span class="sn-klein">${tekst}</span>`;

/** The zaaktype's name in the page's language (English when the catalogue has it). */
const productNaam = (taal: Taal, p: { naam: { nl: string; en: string } }): Html | string => (taal === 'en' && p.naam.en ? p.naam.en : inhoud(taal, p.naam.nl));

function productenTabel(ctx: ServicenormenContext, producten: readonly ZaaktypeTermijn[]): Html {
  const { ts, taal } = ctx;
  if (producten.length === 0) return alinea(ts('producten.geen'));
  const soorten = new Set(producten.map((p) => (leesDuur(p.norm).soort === 'werkdagen' ? 'werkdagen' : 'wettelijk')));
  return html`<div class="sn-tabel-houder" role="region" aria-labelledby="tabel-producten" tabindex="0">
      <table class="utrecht-table sn-tabel">
        <caption class="utrecht-table__caption" id="tabel-producten">${ts('producten.caption')}</caption>
        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
          <th scope="col" class="utrecht-table__header-cell">${ts('producten.kolomProduct')}</th>
          <th scope="col" class="utrecht-table__header-cell">${ts('producten.kolomBelofte')}</th>
          <th scope="col" class="utrecht-table__header-cell">${ts('producten.kolomVraag')}</th>
        </tr></thead>
        <tbody class="utrecht-table__body">${producten.map(
          (p) => html`<tr class="utrecht-table__row">
          <th scope="row" class="utrecht-table__header-cell sn-rijkop">${productNaam(taal, p)}</th>
          <td class="utrecht-table__cell"><strong>${ts('producten.belofte', { termijn: termijnTekst(ts, p.norm) })}</strong>
            ${p.maxVerlenging ? ts('producten.verlengen', { termijn: termijnTekst(ts, p.maxVerlenging) }) : ts('producten.nietVerlengen')}
            ${p.rechtsgrond ? klein(html`${ts('producten.regel')} ${inhoud(taal, p.rechtsgrond)}`) : ''}</td>
          <td class="utrecht-table__cell">${ts(p.opschortingToegestaan ? 'producten.opschorten' : 'producten.nietOpschorten')}</td>
        </tr>`,
        )}</tbody>
      </table>
    </div>
    <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">${ts('producten.tellenKop')}</h3>
    <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
      <li class="utrecht-unordered-list__item">${ts('producten.tellenStart')}</li>
      ${soorten.has('werkdagen') ? html`<li class="utrecht-unordered-list__item">${ts('producten.tellenWerkdagen')}</li>` : ''}
      ${soorten.has('wettelijk') ? html`<li class="utrecht-unordered-list__item">${ts('producten.tellenWettelijk')}</li>` : ''}
    </ul>`;
}

type Groep = { status: 'bekend' | 'niet-bekend'; waarde: number | null; teller: number | null; noemer: number; reden: string | null; inBehandeling: number | null; normGehaald: boolean | null };

/** One value in words: "80% (8 van de 10). Streefwaarde gehaald." or "Niet bekend. <reason>". */
function waardeCel(ctx: ServicenormenContext, definitie: KpiDefinitie, w: Groep | undefined): Html {
  const { ts, taal } = ctx;
  if (!w) return html`<td class="utrecht-table__cell">${ts('kpi.nietBekend')} ${ts('kpi.geenZaken')}</td>`;
  const inBehandeling = w.inBehandeling ? klein(ts('kpi.inBehandeling', { aantal: w.inBehandeling })) : '';
  if (w.status === 'niet-bekend' || w.waarde === null) {
    return html`<td class="utrecht-table__cell">${ts('kpi.nietBekend')} ${inhoud(taal, w.reden ?? '')}${inBehandeling}</td>`;
  }
  const aantal = (n: number) => (n === 1 ? ts('kpi.zaak') : ts('kpi.zaken', { aantal: getal(taal, n) }));
  const [hoofd, toelichting] =
    definitie.eenheid === 'procent'
      ? [`${getal(taal, w.waarde)}%`, w.teller === null ? aantal(w.noemer) : ts('kpi.vanDe', { teller: getal(taal, w.teller), noemer: getal(taal, w.noemer) })]
      : definitie.eenheid === 'werkdagen'
        ? [w.waarde === 1 ? ts('kpi.werkdag') : ts('kpi.werkdagen', { aantal: getal(taal, w.waarde) }), aantal(w.noemer)]
        : [getal(taal, w.waarde), null];
  const norm = w.normGehaald === null ? '' : klein(ts(w.normGehaald ? 'kpi.gehaald' : 'kpi.nietGehaald'));
  return html`<td class="utrecht-table__cell sn-waarde"><strong>${hoofd}</strong>${toelichting ? html` (${toelichting})` : ''}${norm}${inBehandeling}</td>`;
}

const perZaaktype = (w: KpiWaarde) => new Map((w.uitsplitsing ?? []).map((u) => [u.zaaktype, u]));

/** The rows of a measure: every case together, then each zaaktype that has a value in any period. */
function rijen(ctx: ServicenormenContext, k: ServicenormKpi, producten: readonly ZaaktypeTermijn[]): Html[] {
  const { ts, taal } = ctx;
  const per = PERIODEN.map((p) => perZaaktype(k[p]));
  const geheel = html`<tr class="utrecht-table__row sn-geheel">
      <th scope="row" class="utrecht-table__header-cell sn-rijkop">${ts('kpi.alle')}</th>
      ${PERIODEN.map((p) => waardeCel(ctx, k.definitie, k[p]))}
    </tr>`;
  const perProduct = producten
    .filter((p) => per.some((m) => m.has(p.code)))
    .map(
      (p) => html`<tr class="utrecht-table__row">
      <th scope="row" class="utrecht-table__header-cell sn-rijkop">${productNaam(taal, p)}</th>
      ${per.map((m) => waardeCel(ctx, k.definitie, m.get(p.code)))}
    </tr>`,
    );
  return [geheel, ...perProduct];
}

function norm(ctx: ServicenormenContext, k: ServicenormKpi): Html {
  const { ts, taal } = ctx;
  const n = k.maand.norm;
  if (!n) return alinea(ts('kpi.geenStreefwaarde'));
  const waarde = k.definitie.eenheid === 'procent' ? `${getal(taal, n.waarde)}%` : getal(taal, n.waarde);
  const zin = ts(k.definitie.richting === 'hoger-is-beter' ? 'kpi.streefwaardeHoger' : 'kpi.streefwaardeLager', { waarde });
  return alinea(html`${zin} ${klein(html`${ts('kpi.bron')} ${inhoud(taal, n.bron)}`)}`);
}

const rij = (kop: string, waarde: Html | string): Html => html`<dt>${kop}</dt><dd>${waarde}</dd>`;

function definitieDetails(ctx: ServicenormenContext, d: KpiDefinitie): Html {
  const { ts, taal } = ctx;
  return html`<details class="sn-definitie">
      <summary>${ts('kpi.definitie')}</summary>
      <dl>
        ${rij(ts('kpi.doel'), inhoud(taal, d.doel))}
        ${d.teller ? rij(ts('kpi.teller'), inhoud(taal, d.teller)) : ''}
        ${rij(ts('kpi.noemer'), inhoud(taal, d.noemer))}
        ${rij(ts('kpi.periode'), inhoud(taal, d.periode.regel))}
        ${d.uitsluitingen.length
          ? rij(
              ts('kpi.uitsluitingen'),
              html`<ul class="utrecht-unordered-list">${d.uitsluitingen.map((u) => html`<li class="utrecht-unordered-list__item">${inhoud(taal, u)}</li>`)}</ul>`,
            )
          : ''}
        ${rij(ts('kpi.versie'), ts('kpi.versieNummer', { code: d.code, versie: d.versie }))}
        ${rij(ts('kpi.eigenaar'), inhoud(taal, d.eigenaar))}
      </dl>
      <p class="utrecht-paragraph">${link(`/api/v1/kpi-definities/${d.code}`, ts('kpi.openData'))}</p>
    </details>`;
}

/** "4e kwartaal 2025" / "Q4 2025" for `2025-Q4`. */
const kwartaalTekst = (ts: Vertaal, naam: string): string => ts('kpi.kolomKwartaal', { nummer: naam.slice(6), jaar: naam.slice(0, 4) });

function kpiSectie(ctx: ServicenormenContext, k: ServicenormKpi, producten: readonly ZaaktypeTermijn[], perioden: Pick<Servicenormen, 'maand' | 'kwartaal' | 'jaar'>): Html {
  const { ts, taal } = ctx;
  const id = `kpi-${k.definitie.code}`;
  const naam = k.definitie.naam[taal];
  return html`<section class="sn-kpi" aria-labelledby="${id}">
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id="${id}">${naam}</h3>
      ${norm(ctx, k)}
      <div class="sn-tabel-houder" role="region" aria-labelledby="tabel-${k.definitie.code}" tabindex="0">
        <table class="utrecht-table sn-tabel">
          <caption class="utrecht-table__caption" id="tabel-${k.definitie.code}">${ts('kpi.caption', { naam })}</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">${ts('kpi.kolomOnderwerp')}</th>
            <th scope="col" class="utrecht-table__header-cell">${maandTekst(taal, perioden.maand.van)}</th>
            <th scope="col" class="utrecht-table__header-cell">${kwartaalTekst(ts, perioden.kwartaal.naam)}</th>
            <th scope="col" class="utrecht-table__header-cell">${ts('kpi.kolomJaar', { van: maandTekst(taal, perioden.jaar.van), tot: maandTekst(taal, perioden.jaar.tot) })}</th>
          </tr></thead>
          <tbody class="utrecht-table__body">${rijen(ctx, k, producten)}</tbody>
        </table>
      </div>
      ${alinea(ts('kpi.berekend', { moment: momentTekst(taal, k.maand.berekendOp) }), ' sn-klein')}
      ${definitieDetails(ctx, k.definitie)}
    </section>`;
}

/** `/{slug}/servicenormen`: what a resident may expect per zaaktype, and how often it was managed. */
export function servicenormenPagina(ctx: ServicenormenContext, s: Servicenormen): string {
  const { ts, taal, gemeente } = ctx;
  const perioden = { maand: s.maand, kwartaal: s.kwartaal, jaar: s.jaar };
  const body = html`${alinea(ts('intro', { naam: gemeente.naam }), ' utrecht-paragraph--lead')}
    ${alinea(ts('berekening'))}
    ${kop2(ts('producten.kop'), 'verwachten')}
    ${productenTabel(ctx, s.producten)}
    ${kop2(ts('kpi.kop'), 'resultaten')}
    ${alinea(ts('kpi.perioden', { maand: maandTekst(taal, s.maand.van), kwartaal: kwartaalTekst(ts, s.kwartaal.naam), van: maandTekst(taal, s.jaar.van), tot: maandTekst(taal, s.jaar.tot) }))}
    ${s.kpis.map((k) => kpiSectie(ctx, k, s.producten, perioden))}
    ${kop2(ts('openData.kop'), 'open-data')}
    ${alinea(ts('openData.tekst'))}
    <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
      <li class="utrecht-unordered-list__item">${link(servicenormenDataPad(gemeente.slug, 'csv'), ts('openData.csv'))}</li>
      <li class="utrecht-unordered-list__item">${link(servicenormenDataPad(gemeente.slug, 'json'), ts('openData.json'))}</li>
    </ul>`;
  return portaalLayout({ ...ctx, pagina: undefined }, ts('titel'), body, undefined, {
    talen: { nl: servicenormenPad('nl', gemeente.slug), en: servicenormenPad('en', gemeente.slug) },
    stylesheets: [ctx.stylesheet],
  });
}
