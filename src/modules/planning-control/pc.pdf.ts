import { vertaler, type Taal } from '../../i18n/i18n.ts';
import { toegankelijkePdf } from '../../pdf.ts';
import { aanvullingVan, isAlgemeen, jaarwaarden, stoplicht, verdereGeldTabellen } from './pc.analyse.ts';
import { lastenBaten } from './pc.grafiek.ts';
import { getalOpmaak, statusTekst, zonderNadrukTekens } from './pc.publiek.views.ts';
import type { PcProgramma } from './pc.service.ts';

type Cel = { text: string; type?: 'TH' | 'TD'; scope?: 'Row' | 'Column'; font?: { src: string }; align?: { x: 'left' | 'right' } };
const rijkop = (c: string): Cel => ({ text: c, type: 'TH', scope: 'Row' });
const kop = (c: string): Cel => ({ text: c, type: 'TH', scope: 'Column', font: { src: 'vet' } });
const td = (c: string, rechts = false): Cel => ({ text: c, type: 'TD', ...(rechts ? { align: { x: 'right' as const } } : {}) });

/**
 * The chapter as a tagged PDF (PDF/UA, ADR 0010): document title shown in the title bar,
 * language set, embedded Noto Sans (selectable, searchable text), headings, paragraphs and
 * tables with header cells and their scope in the structure tree. Traffic lights are words (the
 * font has no shapes for them, and a printout may be grey). Same content as the web page,
 * without the chart (its figures are the table "Lasten en baten").
 */
export function naarPdf(p: PcProgramma, taal: Taal, gemeenteNaam: string): Promise<Buffer> {
  const tp = vertaler(taal, 'planning-control');
  const h = p.hoofdstuk;
  const soortNaam = tp(`soort.${p.versie.soort}`);
  const gemeente = vertaler(taal, 'portaal')('algemeen.gemeenteNaam', { naam: gemeenteNaam });
  const titel = tp('hoofdstuk.titelPagina', { programma: h.programma, soort: soortNaam, jaar: h.jaar });
  const getal = getalOpmaak(taal);
  /** A finance cell as printed: the document's dash for nothing (stored as 0), empty stays empty. */
  const bedrag = (b: number | null): string => (b === null ? '' : b === 0 ? '-' : getal(b));
  const { doc, root, tekst, klaar } = toegankelijkePdf({ taal, titel, auteur: gemeente, onderwerp: `${soortNaam} ${h.jaar}` });
  const tabel = (bijschrift: string, rijen: Cel[][]) => {
    tekst(bijschrift, 'P', 10, true);
    doc.font('regulier').fontSize(9);
    // The first column (names) gets a third of the width, the figures share the rest.
    doc.table({ structParent: root, data: rijen, columnStyles: (i: number) => (i === 0 ? { width: '34%' } : {}) } as never);
    doc.moveDown(1);
  };

  tekst(`${gemeente} · ${soortNaam} ${h.jaar}`, 'P', 10);
  tekst(h.programma, 'H1', 22, true);
  const v = p.versie;
  tekst(statusTekst(tp, taal, v), 'P', 11);
  if (h.portefeuillehouders.length) tekst(`${tp('hoofdstuk.portefeuillehouders')}: ${h.portefeuillehouders.join(', ')}`, 'P', 11);
  if (h.concerndirecteuren.length) tekst(`${tp('hoofdstuk.concerndirecteuren')}: ${h.concerndirecteuren.join(', ')}`, 'P', 11);

  if (h.visie.length) {
    tekst(tp('hoofdstuk.visie'), 'H2', 16, true);
    for (const alinea of h.visie) tekst(zonderNadrukTekens(alinea), 'P', 11);
  }
  for (const par of h.paragrafen) {
    tekst(par.titel, 'H2', 16, true);
    for (const alinea of par.tekst) tekst(zonderNadrukTekens(alinea), 'P', 11);
  }
  /** The controles of one table in words: what does not add up, or that it does. */
  const controles = (welke: string | undefined) => {
    const eigen = h.controles.filter((c) => c.tabel === welke);
    const fout = eigen.filter((c) => !c.ok);
    const afronding = eigen.filter((c) => c.ok && c.oordeel === 'afrondingsverschil');
    const regel = (c: (typeof eigen)[number]) => tp('hoofdstuk.controleRegel', { regel: c.regel, kolom: c.kolom, document: c.document === null ? '-' : getal(c.document), berekend: getal(c.berekend) });
    if (fout.length) {
      tekst(tp('hoofdstuk.controleFout'), 'P', 11, true);
      for (const c of fout) tekst(regel(c), 'P', 11);
    } else if (eigen.length && !afronding.length) tekst(tp('hoofdstuk.controleOk'), 'P', 10);
    if (afronding.length) {
      // a rounding difference (ADR 0034) is named as such, not as an error
      tekst(tp('hoofdstuk.controleAfronding'), 'P', 11, true);
      for (const c of afronding) tekst(regel(c), 'P', 11);
    }
  };
  const realisatie = h.soort === 'jaarstukken';
  if (h.doelen.length) {
    tekst(tp(realisatie ? 'hoofdstuk.doelenRealisatie' : 'hoofdstuk.doelenBegroting'), 'H2', 16, true);
    for (const d of h.doelen) {
      tekst(`${d.code}. ${d.naam}`, 'H3', 13, true);
      for (const s of d.subdoelen) tekst(`${s.code} ${s.naam}`, 'P', 11);
    }
  }
  if (h.activiteiten.length) {
    tekst(tp(realisatie ? 'hoofdstuk.activiteitenRealisatie' : 'hoofdstuk.activiteitenBegroting'), 'H2', 16, true);
    for (const a of h.activiteiten) {
      tekst(`${a.code} ${a.naam}`, 'H3', 11, true);
      tekst(zonderNadrukTekens(a.tekst), 'P', 11);
    }
  }
  if (h.indicatoren.length) {
    tekst(tp('hoofdstuk.indicatoren'), 'H2', 16, true);
    for (const soort of ['effect', 'prestatie'] as const) {
      const rijen = h.indicatoren.filter((indicator) => indicator.soort === soort).map((indicator) => ({ indicator, a: aanvullingVan(indicator) }));
      if (rijen.length === 0) continue;
      const kolommen = [...new Set(rijen.flatMap((r) => r.indicator.waarden.map((w) => w.kolom)))];
      tabel(tp(`hoofdstuk.${soort}`), [
        [kop(tp('hoofdstuk.kolomIndicator')), ...kolommen.map(kop), ...(realisatie ? [kop(tp('hoofdstuk.kolomOordeel', { jaar: h.jaar }))] : [])],
        ...rijen.map(({ indicator, a }) => {
          const { begroting, realisatie: r } = jaarwaarden(h, indicator);
          const licht = stoplicht(begroting, r, a.richting);
          const naam = `${isAlgemeen(indicator.code) ? '' : `${indicator.code} `}${indicator.naam}${indicator.verplicht ? ` (${tp('hoofdstuk.verplicht')})` : ''}`;
          return [
            rijkop(naam),
            ...kolommen.map((k) => {
              const w = indicator.waarden.find((x) => x.kolom === k);
              return td(w ? `${w.tekst}${w.voetnoten.length ? ` [${w.voetnoten.join(', ')}]` : ''}` : '', true);
            }),
            ...(realisatie ? [td(tp(`hoofdstuk.licht.${licht}`))] : []),
          ];
        }),
      ]);
    }
  }
  const f = h.financien;
  if (f) {
    tekst(tp(realisatie ? 'hoofdstuk.geld' : 'hoofdstuk.geldBegroting'), 'H2', 16, true);
    tabel(tp('hoofdstuk.geldCaption', { eenheid: getal(f.eenheid) }), [
      [kop(h.programma), ...f.kolommen.map(kop)],
      ...f.regels.map((r) => [rijkop(r.naam), ...r.bedragen.map((b) => td(bedrag(b), true))]),
    ]);
    controles(undefined);
    const lb = lastenBaten(h);
    if (lb.length) {
      tabel(tp('hoofdstuk.grafiekCaption', { eenheid: getal(f.eenheid) }), [
        [kop(tp('hoofdstuk.kolom')), kop(tp('hoofdstuk.lasten')), kop(tp('hoofdstuk.baten'))],
        ...lb.map((d) => [rijkop(d.kolom), td(getal(d.lasten), true), td(getal(d.baten), true)]),
      ]);
    }
  }
  const verder = verdereGeldTabellen(h);
  verder.forEach((t, i) => {
    if (t.tabel === 'investeringen') return;
    const titel = t.titel || tp('hoofdstuk.verdereTabel', { nr: i + 1 });
    tekst(titel, 'H2', 16, true);
    tabel(tp('hoofdstuk.tabelCaption', { titel, eenheid: getal(t.eenheid) }), [[kop(titel), ...t.kolommen.map(kop)], ...t.regels.map((r) => [rijkop(r.naam), ...r.bedragen.map((b) => td(bedrag(b), true))])]);
    controles(t.tabel);
  });
  const eenheid = getal(h.financien?.eenheid ?? 1000);
  if (h.overhevelingen.length) {
    tekst(tp('hoofdstuk.overhevelingen'), 'H2', 16, true);
    tabel(tp('hoofdstuk.tabelCaption', { titel: tp('hoofdstuk.overhevelingen'), eenheid }), [[kop(tp('hoofdstuk.naam')), kop(tp('hoofdstuk.bedrag')), kop(tp('hoofdstuk.motivering'))], ...h.overhevelingen.map((o) => [rijkop(o.naam), td(getal(o.bedrag), true), td(o.motivering)])]);
    controles('overhevelingen');
  }
  const investeringen = verder.filter((t) => t.tabel === 'investeringen');
  if (investeringen.length) {
    tekst(tp('hoofdstuk.investeringen'), 'H2', 16, true);
    for (const t of investeringen) {
      tabel(tp('hoofdstuk.tabelCaption', { titel: tp('hoofdstuk.investeringen'), eenheid }), [[kop(tp('hoofdstuk.investering')), ...t.kolommen.map(kop)], ...t.regels.map((r) => [rijkop(r.naam), ...r.bedragen.map((b) => td(bedrag(b), true))])]);
    }
    controles('investeringen');
  }
  if (h.voetnoten.length) {
    tekst(tp('hoofdstuk.voetnoten'), 'H2', 16, true);
    for (const vn of h.voetnoten) tekst(`${vn.nummer}  ${vn.tekst}`, 'P', 10);
  }
  return klaar();
}
