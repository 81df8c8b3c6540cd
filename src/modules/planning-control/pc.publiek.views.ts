import { datumTekst, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { escapeHtml, html, type Html } from '../portaal/html.ts';
import { portaalLayout, portaalPad, type PaginaContext, type PortaalGemeente } from '../portaal/portaal.views.ts';
import { aanvullingVan, isAlgemeen, jaarwaarden, koppelingVan, stoplicht, verdereGeldTabellen, type GeldTabel, type Stoplicht } from './pc.analyse.ts';
import { lastenBaten, lastenBatenSvg } from './pc.grafiek.ts';
import type { PcControle, PcHoofdstuk, PcIndicator, PcWaarde } from './pc.hoofdstuk.ts';
import type { PcDocumentsoort } from './pc.schemas.ts';
import type { PcProgramma } from './pc.service.ts';

/** URL segment of each document soort (the same in both languages: they are the documents' names). */
export const SOORT_SEGMENT: Record<PcDocumentsoort, string> = { programmabegroting: 'begroting', voorjaarsnota: 'voorjaarsnota', jaarstukken: 'jaarstukken' };

/** `/diemen/jaarstukken`, `/diemen/en/jaarstukken/2023/samen-besturen`, … with an optional extension. */
export function pcPad(taal: Taal, slug: string, soort: PcDocumentsoort, jaar?: number, programma?: string, extensie?: 'pdf' | 'csv' | 'json'): string {
  const basis = `${portaalPad(taal, slug)}${SOORT_SEGMENT[soort]}`;
  if (jaar === undefined) return basis;
  return `${basis}/${jaar}/${programma ?? ''}${extensie ? `.${extensie}` : ''}`;
}

export interface PcPaginaContext extends PaginaContext {
  gemeente: PortaalGemeente;
  /** Texts of this module (planning-control namespace). */
  tp: Vertaal;
  /** The stylesheet of these pages, with its hash. */
  stylesheet: string;
}

const LICHT_SYMBOOL: Record<Stoplicht, string> = { gehaald: '●', bijna: '▲', 'niet-gehaald': '■', onbekend: '–' };

/** Dutch content inside an English page is marked as Dutch (WCAG 3.1.2). */
function inhoud(taal: Taal, tekst: string): Html | string {
  return taal === 'nl' ? tekst : html`<span lang="nl">${tekst}</span>`;
}

/** `**sterk**` and `*nadruk*` as the source text marks them (Markdown style); never across a word boundary inside a word. */
const NADRUK = /(?<![\p{L}\d*])(\*\*|\*)(?=\S)(.+?)(?<=\S)\1(?![\p{L}\d*])/gu;

/** The same text without the asterisks of its emphasis (for the PDF, whose paragraphs have one font). */
export const zonderNadrukTekens = (tekst: string): string => tekst.replace(NADRUK, '$2');

/**
 * Running text of the document (visie, paragrafen, activiteiten): emphasis that the source marks
 * with asterisks is shown as emphasis, not as asterisks; everything else is escaped as usual.
 */
export function lopendeTekst(taal: Taal, tekst: string): Html | string {
  const delen: (Html | string)[] = [];
  let vanaf = 0;
  for (const m of tekst.matchAll(NADRUK)) {
    delen.push(tekst.slice(vanaf, m.index));
    delen.push(m[1] === '**' ? html`<strong>${m[2]}</strong>` : html`<em>${m[2]}</em>`);
    vanaf = m.index + m[0].length;
  }
  if (vanaf === 0) return inhoud(taal, tekst);
  delen.push(tekst.slice(vanaf));
  return taal === 'nl' ? html`${delen}` : html`<span lang="nl">${delen}</span>`;
}

/** Version names the system gives itself, in the page's language; any other name is Dutch content. */
const SYSTEEMNAMEN: Record<string, string> = { 'Zoals gepubliceerd': 'status.naamZoalsGepubliceerd', Import: 'status.naamImport' };

// Intl formatters are costly to make: one per language, made once.
const GETAL = { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };

/** Numbers as readers of the language write them: -13.935 (nl), -13,935 (en). */
export function getalOpmaak(taal: Taal): (n: number) => string {
  const f = GETAL[taal];
  return (n) => f.format(n).replace('\u2212', '-');
}

const alinea = (inhoud: Html | string, extra = ''): Html => html`<p class="utrecht-paragraph utrecht-paragraph--distanced${extra}">${inhoud}</p>`;
const kop2 = (tekst: string, id?: string): Html => html`<h2 class="utrecht-heading-2 utrecht-heading-2--distanced"${id ? html` id="${id}"` : ''}>${tekst}</h2>`;
const kop3 = (tekst: Html | string): Html => html`<h3 class="utrecht-heading-3 utrecht-heading-3--distanced">${tekst}</h3>`;
const link = (href: string, tekst: Html | string): Html => html`<a class="utrecht-link utrecht-link--html-a" href="${href}">${tekst}</a>`;

/** "Vastgesteld … op 4 juli 2024." / "… (de datum staat niet in het document)." / "Aangeboden …". */
export function statusTekst(tp: Vertaal, taal: Taal, v: { status: string; vastgesteldOp: string | null }): string {
  if (v.status !== 'vastgesteld') return tp('status.aangeboden');
  return v.vastgesteldOp ? tp('status.vastgesteld', { datum: datumTekst(taal, v.vastgesteldOp) }) : tp('status.vastgesteldZonderDatum');
}

/** Status line of the published version. */
function statusregel(ctx: PcPaginaContext, p: PcProgramma): Html {
  const { tp, taal } = ctx;
  const v = p.versie;
  const status = statusTekst(tp, taal, v);
  const systeem = SYSTEEMNAMEN[v.naam];
  // "Import Sociaal": the name an import of one chapter gets (pc.service.ts), in the page's language
  const importVan = /^Import (.+)$/.exec(v.naam);
  const naam = systeem ? tp(systeem) : importVan ? html`${tp('status.naamImportVan')} “${inhoud(taal, importVan[1] ?? '')}”` : html`“${inhoud(taal, v.naam)}”`;
  return alinea(html`<span class="pc-status pc-status--${v.status}">${status}</span>${v.naam ? html` ${tp('status.versieNummer', { nummer: v.volgnummer })}: ${naam}.` : ''}`, ' utrecht-paragraph--lead');
}

/** Footnote references: numbered per footnote in order of appearance, for links both ways. */
class Voetnoten {
  readonly #teller = new Map<number, number>();
  readonly #taal: Taal;
  readonly #tp: Vertaal;
  constructor(taal: Taal, tp: Vertaal) {
    this.#taal = taal;
    this.#tp = tp;
  }
  verwijzing(nummer: number): Html {
    const n = (this.#teller.get(nummer) ?? 0) + 1;
    this.#teller.set(nummer, n);
    return html`<sup class="pc-voetnootverwijzing"><a class="utrecht-link utrecht-link--html-a" href="#vn-${nummer}" id="vnr-${nummer}-${n}" aria-label="${this.#tp('hoofdstuk.voetnoot', { nummer })}">${nummer}</a></sup>`;
  }
  lijst(voetnoten: PcHoofdstuk['voetnoten']): Html | string {
    if (voetnoten.length === 0) return '';
    return html`${kop2(this.#tp('hoofdstuk.voetnoten'), 'voetnoten')}
      <ul class="pc-voetnoten">${voetnoten.map((v) => {
        const aantal = this.#teller.get(v.nummer) ?? 0;
        const terug = Array.from({ length: aantal }, (_, i) =>
          html` <a class="utrecht-link utrecht-link--html-a pc-terug" href="#vnr-${v.nummer}-${i + 1}" aria-label="${this.#tp('hoofdstuk.terug', { n: i + 1, nummer: v.nummer })}">↩${aantal > 1 ? i + 1 : ''}</a>`,
        );
        return html`<li id="vn-${v.nummer}"><span class="pc-voetnoten__nummer">${v.nummer}</span> ${inhoud(this.#taal, v.tekst)}${terug}</li>`;
      })}</ul>`;
  }
}

function waardeCel(ctx: PcPaginaContext, w: PcWaarde | undefined, vn: Voetnoten, berekend: readonly PcWaarde[]): Html {
  if (!w) return html`<td></td>`;
  const reden = w.reden && !w.tekst.includes(w.reden) ? ` (${w.reden})` : '';
  // a remark printed after the value in the same cell ("corona jeugdmonitor 2021-2022")
  const toelichting = w.toelichting ? html`<span class="pc-bron">${inhoud(ctx.taal, w.toelichting)}</span>` : '';
  // a value Loket computed from a KPI (ADR 0079): its source and definition one click away
  const bron = w.berekend ? html`<span class="pc-bron"><a class="utrecht-link utrecht-link--html-a" href="#berekend-${berekend.indexOf(w) + 1}">${ctx.tp('hoofdstuk.berekend')}</a></span>` : '';
  return html`<td class="pc-getal">${inhoud(ctx.taal, w.tekst + reden)}${w.voetnoten.map((n) => vn.verwijzing(n))}${toelichting}${bron}</td>`;
}

/** Every value of the chapter that Loket computed from a KPI, in the order of the tables. */
function berekendeWaarden(h: PcHoofdstuk): PcWaarde[] {
  return (['effect', 'prestatie'] as const).flatMap((soort) => h.indicatoren.filter((i) => i.soort === soort).flatMap((i) => i.waarden.filter((w) => w.berekend)));
}

/** The source of each computed value: which KPI, its definition as it was then, the period and the counts. */
function berekendLijst(ctx: PcPaginaContext, h: PcHoofdstuk, berekend: readonly PcWaarde[]): Html | string {
  const { tp, taal } = ctx;
  if (berekend.length === 0) return '';
  const items = berekend.map((w, k) => {
    const b = w.berekend;
    const indicator = h.indicatoren.find((i) => i.waarden.includes(w));
    if (!b || !indicator) return '';
    const aantallen = b.aantallen.teller === null ? tp('hoofdstuk.berekendAantal', { noemer: b.aantallen.noemer }) : tp('hoofdstuk.berekendBreuk', { teller: b.aantallen.teller, noemer: b.aantallen.noemer });
    return html`<li id="berekend-${k + 1}"><strong>${indicator.code} ${inhoud(taal, indicator.naam)}, ${inhoud(taal, w.kolom)}: ${inhoud(taal, w.tekst)}</strong>
      <dl class="pc-bestuur">
        <dt>${tp('hoofdstuk.berekendKpi')}</dt><dd>${taal === 'en' ? b.naam.en : b.naam.nl} (${b.kpi}, ${tp('hoofdstuk.berekendVersie', { versie: b.versie })})</dd>
        ${b.teller ? html`<dt>${tp('hoofdstuk.berekendTeller')}</dt><dd>${inhoud(taal, b.teller)}</dd>` : ''}
        <dt>${tp('hoofdstuk.berekendNoemer')}</dt><dd>${inhoud(taal, b.noemer)}</dd>
        <dt>${tp('hoofdstuk.berekendPeriode')}</dt><dd>${datumTekst(taal, b.periode.van)} – ${datumTekst(taal, b.periode.tot)}. ${inhoud(taal, b.regel)}</dd>
        <dt>${tp('hoofdstuk.berekendAantallen')}</dt><dd>${aantallen}</dd>
        <dt>${tp('hoofdstuk.berekendOp')}</dt><dd>${datumTekst(taal, kalenderdag(new Date(b.berekendOp)))}</dd>
      </dl></li>`;
  });
  return html`${kop2(tp('hoofdstuk.berekendKop'), 'berekend')}${alinea(tp('hoofdstuk.berekendIntro'))}<ul class="pc-voetnoten">${items}</ul>`;
}

function indicatorTabel(ctx: PcPaginaContext, p: PcProgramma, soort: PcIndicator['soort'], vn: Voetnoten, berekend: readonly PcWaarde[]): Html | string {
  const { tp, taal } = ctx;
  const h = p.hoofdstuk;
  const rijen = h.indicatoren.filter((indicator) => indicator.soort === soort).map((indicator) => ({ indicator, aanvulling: aanvullingVan(indicator) }));
  if (rijen.length === 0) return '';
  const kolommen = [...new Set(rijen.flatMap((r) => r.indicator.waarden.map((w) => w.kolom)))];
  const oordeel = h.soort === 'jaarstukken';
  return html`<div class="pc-tabel-houder" role="region" aria-labelledby="tabel-${soort}" tabindex="0">
    <table class="utrecht-table pc-tabel">
      <caption class="utrecht-table__caption" id="tabel-${soort}">${tp(`hoofdstuk.${soort}`)}</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row">
        <th scope="col" class="utrecht-table__header-cell">${tp('hoofdstuk.kolomIndicator')}</th>
        <th scope="col" class="utrecht-table__header-cell">${tp('hoofdstuk.kolomHoortBij')}</th>
        ${kolommen.map((k) => html`<th scope="col" class="utrecht-table__header-cell pc-getal">${inhoud(taal, k)}</th>`)}
        ${oordeel ? html`<th scope="col" class="utrecht-table__header-cell">${tp('hoofdstuk.kolomOordeel', { jaar: h.jaar })}</th>` : ''}
      </tr></thead>
      <tbody class="utrecht-table__body">${rijen.map(({ indicator, aanvulling }) => {
        const koppeling = koppelingVan(h, indicator, aanvulling);
        const bij = koppeling.soort === 'algemeen' ? tp('hoofdstuk.algemeen') : (koppeling.code ?? '');
        const { begroting, realisatie } = jaarwaarden(h, indicator);
        const licht = stoplicht(begroting, realisatie, aanvulling.richting);
        const bron = [aanvulling.bron ? tp('hoofdstuk.bron', { bron: aanvulling.bron }) : '', aanvulling.peildatum ? tp('hoofdstuk.peildatum', { datum: datumTekst(taal, aanvulling.peildatum) }) : ''].filter(Boolean).join(', ');
        return html`<tr class="utrecht-table__row">
          <th scope="row" class="utrecht-table__header-cell pc-rijkop">${isAlgemeen(indicator.code) ? '' : html`<span class="pc-code">${indicator.code}</span> `}${inhoud(taal, indicator.naam)}${indicator.verplicht ? html` <abbr class="pc-verplicht" title="${tp('hoofdstuk.verplichtUitleg')}">(${tp('hoofdstuk.verplicht')})</abbr>` : ''}${bron ? html`<span class="pc-bron">${bron}</span>` : ''}${aanvulling.toelichting ? html`<span class="pc-bron">${tp('hoofdstuk.toelichting')}: ${inhoud(taal, aanvulling.toelichting)}</span>` : ''}</th>
          <td class="utrecht-table__cell pc-hoortbij">${bij}</td>
          ${kolommen.map((k) => waardeCel(ctx, indicator.waarden.find((w) => w.kolom === k), vn, berekend))}
          ${oordeel ? html`<td class="utrecht-table__cell"><span class="pc-licht pc-licht--${licht}"><span class="pc-licht__symbool" aria-hidden="true">${LICHT_SYMBOOL[licht]}</span> ${tp(`hoofdstuk.licht.${licht}`)}</span></td>` : ''}
        </tr>`;
      })}</tbody>
    </table>
  </div>`;
}

function doelen(ctx: PcPaginaContext, h: PcHoofdstuk): Html | string {
  const { tp, taal } = ctx;
  const realisatie = h.soort === 'jaarstukken';
  if (h.doelen.length === 0 && h.activiteiten.length === 0) return '';
  const activiteitenVan = (code: string) => h.activiteiten.filter((a) => a.code.startsWith(`${code}.`) && a.code.split('.').length === code.split('.').length + 1);
  const activiteitLijst = (lijst: PcHoofdstuk['activiteiten']) =>
    lijst.length
      ? html`<dl class="pc-activiteiten">${lijst.map((a) => html`<dt><span class="pc-code">${a.code}</span> ${inhoud(taal, a.naam)}</dt><dd>${lopendeTekst(taal, a.tekst)}</dd>`)}</dl>`
      : '';
  const losse = h.activiteiten.filter((a) => !h.doelen.some((d) => d.subdoelen.some((s) => a.code.startsWith(`${s.code}.`)) || a.code.startsWith(`${d.code}.`)));
  return html`${kop2(tp(realisatie ? 'hoofdstuk.doelenRealisatie' : 'hoofdstuk.doelenBegroting'), 'doelen')}
    ${h.doelen.map(
      (d) => html`<section class="pc-doel" aria-labelledby="doel-${d.code}">
        <h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id="doel-${d.code}"><span class="pc-code">${d.code}.</span> ${inhoud(taal, d.naam)}</h3>
        ${d.subdoelen.map(
          (s) => html`<h4 class="utrecht-heading-4 utrecht-heading-4--distanced"><span class="pc-code">${s.code}</span> ${inhoud(taal, s.naam)}</h4>
          ${activiteitenVan(s.code).length ? html`<p class="utrecht-paragraph pc-klein">${tp(realisatie ? 'hoofdstuk.activiteitenRealisatie' : 'hoofdstuk.activiteitenBegroting')}</p>${activiteitLijst(activiteitenVan(s.code))}` : ''}`,
        )}
        ${activiteitLijst(activiteitenVan(d.code))}
      </section>`,
    )}
    ${losse.length ? html`${kop3(tp(realisatie ? 'hoofdstuk.activiteitenRealisatie' : 'hoofdstuk.activiteitenBegroting'))}${activiteitLijst(losse)}` : ''}`;
}

/**
 * The controles of one table: what does not add up, in words; a rounding difference (ADR 0034) as
 * such, not as an error; or that everything adds up.
 */
function controleBlok(ctx: PcPaginaContext, h: PcHoofdstuk, tabel: string | undefined): Html | string {
  const { tp, taal } = ctx;
  const getal = getalOpmaak(taal);
  const eigen = h.controles.filter((c) => c.tabel === tabel);
  if (eigen.length === 0) return '';
  const fout = eigen.filter((c) => !c.ok);
  const afronding = eigen.filter((c) => c.ok && c.oordeel === 'afrondingsverschil');
  const regel = (c: PcControle) => tp('hoofdstuk.controleRegel', { regel: c.regel, kolom: c.kolom, document: c.document === null ? '-' : getal(c.document), berekend: getal(c.berekend) });
  const afrondingBlok = afronding.length
    ? html`<div class="pc-melding pc-melding--afronding" role="note"><p class="utrecht-paragraph"><strong>${tp('hoofdstuk.controleAfronding')}</strong></p><ul class="utrecht-unordered-list">${afronding.map((c) => html`<li class="utrecht-unordered-list__item">${regel(c)}</li>`)}</ul></div>`
    : '';
  if (fout.length === 0) return html`${afronding.length ? '' : alinea(tp('hoofdstuk.controleOk'), ' pc-klein')}${afrondingBlok}`;
  return html`<div class="pc-melding pc-melding--fout" role="note"><p class="utrecht-paragraph"><strong>${tp('hoofdstuk.controleFout')}</strong></p><ul class="utrecht-unordered-list">${fout.map(
    (c) => html`<li class="utrecht-unordered-list__item">${regel(c)}</li>`,
  )}</ul></div>${afrondingBlok}`;
}

/**
 * A finance cell as the document prints it: the tables print a dash for nothing (stored as 0), so a
 * 0 is shown as that dash, with its meaning for a screen reader; an empty cell stays empty.
 */
function bedragCel(ctx: PcPaginaContext, b: number | null, getal: (n: number) => string): Html | string {
  if (b === null) return '';
  if (b === 0) return html`<span aria-hidden="true">-</span><span class="pc-sr">${ctx.tp('hoofdstuk.nihil')}</span>`;
  return getal(b);
}

/** A finance table with row headers, in a scrollable region named by its caption. */
function geldTabel(ctx: PcPaginaContext, id: string, bijschrift: string, kopNaam: string, t: Pick<GeldTabel, 'kolommen' | 'regels'>): Html {
  const { taal } = ctx;
  const getal = getalOpmaak(taal);
  return html`<div class="pc-tabel-houder" role="region" aria-labelledby="${id}" tabindex="0">
    <table class="utrecht-table pc-tabel">
      <caption class="utrecht-table__caption" id="${id}">${bijschrift}</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row">
        <th scope="col" class="utrecht-table__header-cell">${inhoud(taal, kopNaam)}</th>
        ${t.kolommen.map((k) => html`<th scope="col" class="utrecht-table__header-cell pc-getal">${inhoud(taal, k)}</th>`)}
      </tr></thead>
      <tbody class="utrecht-table__body">${t.regels.map(
        (r) => html`<tr class="utrecht-table__row${/^(saldo|totaal)/i.test(r.naam) ? ' pc-saldo' : ''}">
          <th scope="row" class="utrecht-table__header-cell pc-rijkop">${inhoud(taal, r.naam)}</th>
          ${r.bedragen.map((b) => html`<td class="utrecht-table__cell pc-getal">${bedragCel(ctx, b, getal)}</td>`)}
        </tr>`,
      )}</tbody>
    </table>
    </div>`;
}

function financien(ctx: PcPaginaContext, h: PcHoofdstuk): Html | string {
  const { tp, taal } = ctx;
  const f = h.financien;
  if (!f) return '';
  const getal = getalOpmaak(taal);
  const eenheid = getal(f.eenheid);
  const data = lastenBaten(h);
  return html`${kop2(tp(h.soort === 'jaarstukken' ? 'hoofdstuk.geld' : 'hoofdstuk.geldBegroting'), 'geld')}
    ${geldTabel(ctx, 'tabel-geld', tp('hoofdstuk.geldCaption', { eenheid }), h.programma, f)}
    ${alinea(tp('hoofdstuk.geldUitleg'), ' pc-klein')}
    ${controleBlok(ctx, h, undefined)}
    ${data.length
      ? html`${kop3(tp('hoofdstuk.grafiek'))}
      <div class="pc-grafiek-en-tabel">
        <figure class="pc-figuur">${lastenBatenSvg(data, { id: 'grafiek-lasten-baten', titel: tp('hoofdstuk.grafiek'), desc: tp('hoofdstuk.grafiekDesc'), lasten: tp('hoofdstuk.lasten'), baten: tp('hoofdstuk.baten'), getal })}</figure>
        <table class="utrecht-table pc-tabel pc-tabel--klein">
          <caption class="utrecht-table__caption">${tp('hoofdstuk.grafiekCaption', { eenheid })}</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">${tp('hoofdstuk.kolom')}</th>
            <th scope="col" class="utrecht-table__header-cell pc-getal">${tp('hoofdstuk.lasten')}</th>
            <th scope="col" class="utrecht-table__header-cell pc-getal">${tp('hoofdstuk.baten')}</th>
          </tr></thead>
          <tbody class="utrecht-table__body">${data.map(
            (d) => html`<tr class="utrecht-table__row"><th scope="row" class="utrecht-table__header-cell pc-rijkop">${inhoud(taal, d.kolom)}</th><td class="utrecht-table__cell pc-getal">${getal(d.lasten)}</td><td class="utrecht-table__cell pc-getal">${getal(d.baten)}</td></tr>`,
          )}</tbody>
        </table>
      </div>`
      : ''}`;
}

/** The further finance tables, the proposed overhevelingen and the investments, each an accessible table with its controles. */
function verdereFinancien(ctx: PcPaginaContext, h: PcHoofdstuk): Html {
  const { tp, taal } = ctx;
  const getal = getalOpmaak(taal);
  const eenheid = getal(h.financien?.eenheid ?? 1000);
  const tabellen = verdereGeldTabellen(h);
  const overig = tabellen.filter((t) => t.tabel !== 'investeringen');
  const investeringen = tabellen.filter((t) => t.tabel === 'investeringen');
  return html`${overig.map((t, i) => {
    const titel = t.titel || tp('hoofdstuk.verdereTabel', { nr: i + 1 });
    return html`${kop3(inhoud(taal, titel))}${geldTabel(ctx, `tabel-overig-${i + 1}`, tp('hoofdstuk.tabelCaption', { titel, eenheid: getal(t.eenheid) }), titel, t)}${controleBlok(ctx, h, t.tabel)}`;
  })}
    ${h.overhevelingen.length
      ? html`${kop3(tp('hoofdstuk.overhevelingen'))}
      <div class="pc-tabel-houder" role="region" aria-labelledby="tabel-overhevelingen" tabindex="0">
      <table class="utrecht-table pc-tabel"><caption class="utrecht-table__caption" id="tabel-overhevelingen">${tp('hoofdstuk.tabelCaption', { titel: tp('hoofdstuk.overhevelingen'), eenheid })}</caption>
        <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">${tp('hoofdstuk.naam')}</th><th scope="col" class="utrecht-table__header-cell pc-getal">${tp('hoofdstuk.bedrag')}</th><th scope="col" class="utrecht-table__header-cell">${tp('hoofdstuk.motivering')}</th></tr></thead>
        <tbody class="utrecht-table__body">${h.overhevelingen.map((o) => html`<tr class="utrecht-table__row"><th scope="row" class="utrecht-table__header-cell pc-rijkop">${inhoud(taal, o.naam)}</th><td class="utrecht-table__cell pc-getal">${getal(o.bedrag)}</td><td class="utrecht-table__cell">${inhoud(taal, o.motivering)}</td></tr>`)}</tbody>
      </table></div>${controleBlok(ctx, h, 'overhevelingen')}`
      : ''}
    ${investeringen.length ? kop3(tp('hoofdstuk.investeringen')) : ''}
    ${investeringen.map((t, i) => geldTabel(ctx, `tabel-investeringen-${i + 1}`, tp('hoofdstuk.tabelCaption', { titel: tp('hoofdstuk.investeringen'), eenheid }), tp('hoofdstuk.investering'), t))}
    ${investeringen.length ? controleBlok(ctx, h, 'investeringen') : ''}`;
}

/** The public chapter page. */
export function hoofdstukPagina(ctx: PcPaginaContext, p: PcProgramma): string {
  const { tp, taal, gemeente } = ctx;
  const h = p.hoofdstuk;
  const soort = p.versie.soort;
  const vn = new Voetnoten(taal, tp);
  const pad = (t: Taal, ext?: 'pdf' | 'csv' | 'json') => pcPad(t, gemeente.slug, soort, h.jaar, p.slug, ext);
  const bestuur = [
    h.portefeuillehouders.length ? html`<dt>${tp('hoofdstuk.portefeuillehouders')}</dt><dd>${inhoud(taal, h.portefeuillehouders.join(', '))}</dd>` : '',
    h.concerndirecteuren.length ? html`<dt>${tp('hoofdstuk.concerndirecteuren')}</dt><dd>${inhoud(taal, h.concerndirecteuren.join(', '))}</dd>` : '',
  ];
  // Indicator tables come before the footnote list, so the references are counted first.
  const berekend = berekendeWaarden(h);
  const tabellen = html`${indicatorTabel(ctx, p, 'effect', vn, berekend)}${indicatorTabel(ctx, p, 'prestatie', vn, berekend)}`;
  const indicatoren = h.indicatoren.length
    ? html`${kop2(tp('hoofdstuk.indicatoren'), 'indicatoren')}${alinea(tp('hoofdstuk.indicatorenIntro'))}${h.soort === 'jaarstukken' ? alinea(tp('hoofdstuk.oordeelUitleg'), ' pc-klein') : ''}${tabellen}`
    : '';
  const body = html`${statusregel(ctx, p)}
    ${bestuur.some(Boolean) ? html`${kop2(tp('hoofdstuk.bestuur'))}<dl class="pc-bestuur">${bestuur}</dl>` : ''}
    <nav class="pc-downloads" aria-labelledby="downloads-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="downloads-kop">${tp('hoofdstuk.downloads')}</h2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">${link(pad(taal, 'pdf'), tp('hoofdstuk.pdf'))}</li>
        <li class="utrecht-unordered-list__item">${link(pad(taal, 'csv'), tp('hoofdstuk.csv'))}</li>
        <li class="utrecht-unordered-list__item">${link(pad(taal, 'json'), tp('hoofdstuk.json'))}</li>
      </ul>
    </nav>
    ${h.visie.length ? html`${kop2(tp('hoofdstuk.visie'), 'visie')}${h.visie.map((v) => alinea(lopendeTekst(taal, v)))}` : ''}
    ${h.paragrafen.map((par) => html`${kop2(par.titel)}${par.tekst.map((v) => alinea(lopendeTekst(taal, v)))}`)}
    ${doelen(ctx, h)}
    ${indicatoren}
    ${financien(ctx, h)}
    ${verdereFinancien(ctx, h)}
    ${berekendLijst(ctx, h, berekend)}
    ${vn.lijst(h.voetnoten)}`;
  const soortNaam = tp(`soort.${soort}`);
  const kruimelpad = html`<nav class="utrecht-breadcrumb-nav loket-kruimelpad" aria-label="${tp('hoofdstuk.kruimelpad')}">
    <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
      <li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--first" href="${portaalPad(taal, gemeente.slug)}">${ctx.t('algemeen.gemeenteNaam', { naam: gemeente.naam })}</a></li>
      <li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link" href="${pcPad(taal, gemeente.slug, soort)}">${soortNaam}</a></li>
      <li class="utrecht-breadcrumb-nav__item"><a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" href="${pad(taal)}" aria-current="page">${soortNaam} ${h.jaar}: ${h.programma}</a></li>
    </ol>
  </nav>`;
  return portaalLayout(
    { ...ctx, pagina: undefined },
    h.programma,
    html`<p class="utrecht-paragraph pc-bovenkop">${soortNaam} ${h.jaar}</p>${body}`,
    kruimelpad,
    { talen: { nl: pad('nl'), en: pad('en') }, stylesheets: [ctx.stylesheet] },
    // The heading is the programme's name; the window title also names document and year.
  ).replace(`<title>${escapeHtml(h.programma)} - `, `<title>${escapeHtml(tp('hoofdstuk.titelPagina', { programma: h.programma, soort: soortNaam, jaar: h.jaar }))} - `);
}

/** `/diemen/jaarstukken`: the published chapters, newest year first. */
export function indexPagina(ctx: PcPaginaContext, soort: PcDocumentsoort, documenten: { versie: { jaar: number; status: string; vastgesteldOp: string | null }; programmas: { slug: string; naam: string }[] }[]): string {
  const { tp, taal, gemeente } = ctx;
  const soortNaam = tp(`soort.${soort}`);
  const body = html`${alinea(tp('index.intro', { soort: soortNaam.toLowerCase(), naam: gemeente.naam }), ' utrecht-paragraph--lead')}
    ${documenten.length === 0
      ? alinea(tp('index.geen'))
      : documenten.map(
          (d) => html`${kop2(tp('index.jaar', { soort: soortNaam, jaar: d.versie.jaar }))}
      ${alinea(statusTekst(tp, taal, d.versie), ' pc-klein')}
      <ul class="utrecht-link-list utrecht-link-list--html-ul">${d.programmas.map((p) => html`<li class="utrecht-link-list__item">${link(pcPad(taal, gemeente.slug, soort, d.versie.jaar, p.slug), inhoud(taal, p.naam))}</li>`)}</ul>`,
        )}`;
  return portaalLayout({ ...ctx, pagina: undefined }, soortNaam, body, undefined, {
    talen: { nl: pcPad('nl', gemeente.slug, soort), en: pcPad('en', gemeente.slug, soort) },
    stylesheets: [ctx.stylesheet],
  });
}
