import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { array, assert, boolean, constantFrom, integer, option, property, record, uniqueArray, type Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusBestanden, gelezen } from './fixtures/corpus/verwacht.ts';
import { leesDocument } from './pc.document.ts';
import { formatteerGetal } from './pc.getal.ts';
import type { PcHoofdstuk, PcWaarde } from './pc.hoofdstuk.ts';

// The corpus: synthetic chapters and documents in the layout family of Diemen's begroting and
// jaarstukken (fixtures/corpus/README.md), each with its reviewed expected JSON.
describe('corpus of synthetic chapters', () => {
  const bestanden = corpusBestanden();

  it('has at least 20 chapters, each with its expected JSON', () => {
    expect(bestanden.length).toBeGreaterThanOrEqual(20);
  });

  it.each(bestanden)('%s reads as expected', (naam) => {
    const verwacht = JSON.parse(readFileSync(join(CORPUS, naam.replace(/\.txt$/, '.json')), 'utf8'));
    expect(gelezen(naam)).toEqual(verwacht);
  });

  it('every line of every corpus chapter is placed by a rule (the safety net never fires)', () => {
    for (const naam of bestanden) {
      const uit = gelezen(naam) as { programmas?: PcHoofdstuk[] };
      for (const h of uit.programmas ?? []) expect({ naam, niet: h.waarschuwingen.filter((w) => w.reden === 'niet verwerkt') }).toEqual({ naam, niet: [] });
    }
  });

  it('every indicator code printed in an indicator table comes out as an indicator or a waarschuwing naming its line', () => {
    for (const naam of bestanden) {
      const uit = gelezen(naam) as { programmas?: PcHoofdstuk[] };
      if (!uit.programmas) continue;
      const regels = readFileSync(join(CORPUS, naam), 'utf8').split('\n');
      const codes = uit.programmas.flatMap((h) => h.indicatoren.map((i) => i.code.replace(/[a-z]+$/, '')));
      const gewaarschuwd = new Set(uit.programmas.flatMap((h) => h.waarschuwingen.filter((w) => (w.reden ?? '').startsWith('indicator ')).map((w) => w.reden?.split(/[ :,]/)[1])));
      let inTabel = false;
      for (const regel of regels) {
        if (/^(Prestatie-indicatoren|Indicator maatschappelijk effect)/.test(regel)) inTabel = true;
        else if (/^(Activiteiten|Wat |\s*Wat )/.test(regel)) inTabel = false;
        const m = /^(\d+\.\d+(?:\.\d+)?)\s/.exec(regel);
        if (inTabel && m) expect({ naam, code: m[1], gevonden: codes.includes(m[1] ?? '') || gewaarschuwd.has(m[1]) }).toEqual({ naam, code: m[1], gevonden: true });
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property: a random chapter model rendered to text in this layout reads back to the model.

const NAAMWOORDEN = ['inwoners', 'jongeren', 'ouderen', 'wijk', 'deelnemers', 'cliënten', 'meldingen', 'bezoekers', 'vrijwilligers', 'trajecten', 'plaatsen', 'buurt'];
const OPMERKINGEN = ['corona jeugdmonitor 2021-2022', 'voorlopig cijfer', '(schatting)', 'bron eigen registratie'];

type Soort = 'pct' | 'aantal' | 'euro' | 'cijfer' | 'NB' | 'nnb' | 'n.n.b.' | 'streep' | 'niet bekend' | 'verhouding';
interface ModelWaarde {
  soort: Soort;
  getal: number;
  tweede: number;
  voetnoot: boolean;
  opmerking: string | null;
}
type Paginabreuk = 'geen' | 'voor' | 'midden';
/** How the running page header or footer and the page number are printed at a page break. */
type Paginavorm = 'titelEnNummer' | 'nummerEnTitel' | 'titelDanNummer' | 'nummerDanTitel' | 'pagina';
interface ModelIndicator {
  woorden: string[];
  tevredenheid: boolean;
  /** A page break before the row, or inside it (between its name and its values), with the footnotes so far at the bottom of the page and the table's header repeated. */
  paginabreuk: Paginabreuk;
  paginavorm: Paginavorm;
  vorm: 'regel' | 'gewrapt' | 'perRegel' | 'opsomming';
  opsomming: { items: string[]; vorm: 'rijen' | 'kolommen' | 'opDeRegel' };
  waarden: ModelWaarde[][]; // per sub-row (one for an ordinary row)
  naamVoetnoot: boolean;
}
interface ModelHoofdstuk {
  programma: string;
  kop: 'programma' | 'naam' | 'geen';
  kolomVoetnoot: 'geen' | 'vast' | 'los';
  tabelVoetnoot: boolean;
  indicatoren: ModelIndicator[];
}

const waardeArb = record({
  soort: constantFrom<Soort>('pct', 'pct', 'aantal', 'aantal', 'euro', 'cijfer', 'NB', 'nnb', 'n.n.b.', 'streep', 'niet bekend', 'verhouding'),
  getal: integer({ min: 0, max: 99_999 }),
  tweede: integer({ min: 1, max: 999 }),
  voetnoot: boolean(),
  opmerking: option(constantFrom(...OPMERKINGEN), { freq: 4 }),
});

const model = (kolommen: number) =>
  record({
    programma: constantFrom('Sociaal', 'Wonen en leefomgeving', 'Samen besturen', 'Economie en cultuur'),
    kop: constantFrom<ModelHoofdstuk['kop']>('programma', 'naam', 'geen'),
    kolomVoetnoot: constantFrom<ModelHoofdstuk['kolomVoetnoot']>('geen', 'vast', 'los'),
    tabelVoetnoot: boolean(),
    indicatoren: array(
      record({
        woorden: array(constantFrom(...NAAMWOORDEN), { minLength: 1, maxLength: 9 }),
        tevredenheid: boolean(),
        paginabreuk: constantFrom<Paginabreuk>('geen', 'geen', 'voor', 'midden'),
        paginavorm: constantFrom<Paginavorm>('titelEnNummer', 'nummerEnTitel', 'titelDanNummer', 'nummerDanTitel', 'pagina'),
        vorm: constantFrom<ModelIndicator['vorm']>('regel', 'gewrapt', 'perRegel', 'opsomming'),
        opsomming: record({ items: uniqueArray(constantFrom('Roken', 'Alcohol', 'Drugs', 'Bibliotheek', 'Zwembad'), { minLength: 2, maxLength: 3 }), vorm: constantFrom('rijen', 'kolommen', 'opDeRegel') }),
        waarden: array(array(waardeArb, { minLength: kolommen, maxLength: kolommen }), { minLength: 3, maxLength: 3 }),
        naamVoetnoot: boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }) as Arbitrary<ModelHoofdstuk>;

/** Footnote numbers of one chapter: 1 table, 2 column, 3.. names and values (one per use). */
function render(h: ModelHoofdstuk, kolommen: string[], start: number): { regels: string[]; indicatoren: PcHoofdstuk['indicatoren'] } {
  const regels: string[] = [];
  const voetnoten: number[] = [];
  let volgend = 3;
  const nieuw = () => {
    const n = volgend++;
    voetnoten.push(n);
    return n;
  };
  const tabel = h.tabelVoetnoot ? 1 : null;
  const kolom = h.kolomVoetnoot !== 'geen' ? 2 : null;
  if (tabel) voetnoten.push(1);
  if (kolom) voetnoten.push(2);
  if (h.kop === 'programma') regels.push(`Programma ${start} ${h.programma}`, '');
  if (h.kop === 'naam') regels.push(h.programma, 'Portefeuillehouder: A. Jansen', '');
  regels.push(' Wat hebben we bereikt en wat hebben we ervoor gedaan?', '', '1. Een gemeente waar iedereen meedoet', 'Wat wilden we bereiken?', 'Subdoelen', '1.1 - Iedereen doet mee', '');
  const kop = kolommen.join(' ').split(' ');
  if (kolom && h.kolomVoetnoot === 'vast') kop[kop.length - 1] += String(kolom);
  if (kolom && h.kolomVoetnoot === 'los') kop.push(String(kolom));
  const tabelkop = [`Prestatie-indicatoren${tabel ?? ''} ${kop[0]}`, ...kop.slice(1)];
  regels.push(...tabelkop);
  regels.push('');
  // A page break: the footnotes used so far at the bottom of the page, the running footer or header
  // with the page number, and the table's header again.
  const geschreven = new Set<number>();
  let pagina = 40 + start * 10;
  // A bare page number above the running header (the footer of the page before) only between rows:
  // inside a row that still needs its values it could be one of them (docs/pc-import.md).
  const paginabreuk = (vorm: Paginavorm, inRij: boolean): string[] => {
    const onderaan = voetnoten.filter((v) => !geschreven.has(v)).toSorted((a, b) => a - b);
    for (const v of onderaan) geschreven.add(v);
    const p = ++pagina;
    const rand = {
      titelEnNummer: [`Jaarstukken 2023 ${p}`],
      nummerEnTitel: [`${p} | Jaarstukken 2023`],
      titelDanNummer: ['Jaarstukken 2023', String(p)],
      nummerDanTitel: inRij ? ['Jaarstukken 2023', String(p)] : [String(p), '', 'Jaarstukken 2023'],
      pagina: [`Pagina ${p}`],
    }[vorm];
    return ['', ...onderaan.map((v) => `${v} Toelichting bij voetnoot ${v}.`), '', ...rand, '', ...tabelkop, ''];
  };
  const indicatoren: PcHoofdstuk['indicatoren'] = [];
  h.indicatoren.forEach((ind, x) => {
    const midden = ind.paginabreuk === 'midden' && (ind.vorm === 'gewrapt' || ind.vorm === 'perRegel');
    if (ind.paginabreuk === 'voor' || (ind.paginabreuk === 'midden' && !midden)) regels.push(...paginabreuk(ind.paginavorm, false));
    const code = `1.1.${x + 1}`;
    const basis = `${ind.tevredenheid ? 'Tevredenheid' : 'Aantal'} ${ind.woorden.join(' ')}`;
    const naamVn = ind.naamVoetnoot ? nieuw() : null;
    const naamGedrukt = naamVn ? `${basis}${naamVn}` : basis;
    const cel = (w: ModelWaarde, laatste: boolean): { gedrukt: string; waarde: PcWaarde } => {
      const k = kolommen[0] ?? '';
      const wv = (tekst: string, getal: number | null, eenheid: PcWaarde['eenheid'], extra: Partial<PcWaarde> = {}): PcWaarde => ({ kolom: k, tekst, getal, eenheid, voetnoten: [], ...extra });
      let r: { gedrukt: string; waarde: PcWaarde };
      const vn = w.voetnoot && (w.soort === 'pct' || w.soort === 'NB') ? nieuw() : null;
      switch (w.soort) {
        case 'pct': {
          const t = `${w.getal % 101}%`;
          r = { gedrukt: `${t}${vn ?? ''}`, waarde: wv(t, w.getal % 101, '%', { voetnoten: vn ? [vn] : [] }) };
          break;
        }
        case 'aantal':
          r = { gedrukt: formatteerGetal(w.getal, 0), waarde: wv(formatteerGetal(w.getal, 0), w.getal, ind.tevredenheid && w.getal >= 1 && w.getal <= 10 ? 'rapportcijfer' : 'aantal') };
          break;
        case 'euro': {
          // a footnote glued to an amount with a thousands group: "€ 41.2503"
          const evn = w.voetnoot && w.getal >= 1000 ? nieuw() : null;
          r = { gedrukt: `€ ${formatteerGetal(w.getal, 0)}${evn ?? ''}`, waarde: wv(`€ ${formatteerGetal(w.getal, 0)}`, w.getal, '€', { voetnoten: evn ? [evn] : [] }) };
          break;
        }
        case 'cijfer': {
          const g = 1 + (w.getal % 90) / 10;
          const t = formatteerGetal(g, 1);
          r = { gedrukt: t, waarde: wv(t, Number(g.toFixed(1)), ind.tevredenheid ? 'rapportcijfer' : 'aantal') };
          break;
        }
        case 'NB':
          r = { gedrukt: `NB${vn ?? ''}`, waarde: wv('NB', null, null, { status: 'NB', voetnoten: vn ? [vn] : [] }) };
          break;
        case 'nnb':
        case 'n.n.b.':
          r = { gedrukt: w.soort, waarde: wv(w.soort, null, null, { status: 'nnb' }) };
          break;
        case 'streep':
          r = { gedrukt: '-', waarde: wv('-', null, null, { status: '-' }) };
          break;
        case 'niet bekend':
          r = { gedrukt: 'niet bekend', waarde: wv('niet bekend', null, null, { status: 'niet bekend' }) };
          break;
        case 'verhouding': {
          const t = `${w.tweede}/${w.tweede + (w.getal % 300)} per week`;
          r = { gedrukt: t, waarde: wv(t, null, null) };
          break;
        }
      }
      // a remark only after a value with a number, not after the last cell of a line that continues with footnote lines
      if (w.opmerking && r.waarde.getal !== null && !laatste) return { gedrukt: `${r.gedrukt} ${w.opmerking}`, waarde: { ...r.waarde, toelichting: w.opmerking } };
      return r;
    };
    const rijWaarden = (ws: ModelWaarde[], metOpmerking: boolean) => {
      // at most one remark per row: that is what the reader can tell apart without a guess
      let opmerking = metOpmerking;
      const cellen = ws.map((w, k) => {
        const c = cel({ ...w, opmerking: opmerking ? w.opmerking : null }, false);
        if (c.waarde.toelichting) opmerking = false;
        return { ...c, waarde: { ...c.waarde, kolom: kolommen[k] ?? '', voetnoten: [...c.waarde.voetnoten, ...(kolom && k === kolommen.length - 1 ? [kolom] : []), ...(naamVn ? [naamVn] : [])] } };
      });
      return cellen;
    };
    if (ind.vorm === 'opsomming') {
      const items = ind.opsomming.items;
      const perItem = items.map((_, k) => rijWaarden(ind.waarden[k] ?? [], false));
      regels.push(`${code} - ${naamGedrukt}:`);
      if (ind.opsomming.vorm === 'opDeRegel') items.forEach((it, k) => regels.push(`• ${it} ${(perItem[k] ?? []).map((c) => c.gedrukt).join(' ')}`));
      else {
        regels.push(...items.map((it) => `• ${it}`));
        if (ind.opsomming.vorm === 'rijen' || kolommen.length === 1) perItem.forEach((c) => regels.push(c.map((x) => x.gedrukt).join(' ')));
        else kolommen.forEach((_, k) => perItem.forEach((c) => regels.push(c[k]?.gedrukt ?? '')));
      }
      items.forEach((it, k) => indicatoren.push({ code: `${code}${String.fromCharCode(97 + k)}`, naam: `${basis}: ${it}`, soort: 'prestatie', verplicht: false, waarden: (perItem[k] ?? []).map((c) => c.waarde) }));
    } else {
      const cellen = rijWaarden(ind.waarden[0] ?? [], ind.vorm !== 'perRegel');
      const gedrukt = cellen.map((c) => c.gedrukt).join(' ');
      if (ind.vorm === 'regel') regels.push(`${code} - ${naamGedrukt} ${gedrukt}`);
      else if (ind.vorm === 'gewrapt') {
        const w = `${code} - ${naamGedrukt}`.split(' ');
        const helft = Math.max(3, Math.ceil(w.length / 2));
        regels.push(`${w.slice(0, helft).join(' ')} `, ...(w.length > helft ? [w.slice(helft).join(' ')] : []), ...(midden ? paginabreuk(ind.paginavorm, true) : ['']), gedrukt);
      } else {
        regels.push(`${code} - ${naamGedrukt}`, ...(midden ? paginabreuk(ind.paginavorm, true) : []), ...cellen.map((c) => c.gedrukt));
      }
      indicatoren.push({ code, naam: basis, soort: 'prestatie', verplicht: false, waarden: cellen.map((c) => c.waarde) });
    }
  });
  regels.push('');
  for (const n of voetnoten.filter((v) => !geschreven.has(v)).toSorted((a, b) => a - b)) regels.push(`${n} Toelichting bij voetnoot ${n}.`);
  regels.push('', ' Wat heeft het gekost?', '', `${h.programma} Rekening 2022 Begroting 2023 totaal Rekening 2023`, 'Structurele lasten -25.414 -26.000 -26.210', 'Structurele baten 1.549 1.200 1.480', 'Saldo Structureel -23.866 -24.800 -24.730', '');
  return { regels, indicatoren };
}

describe('property: random chapters in the layout read back (fast-check)', () => {
  for (const kolommen of [['Realisatie 2023'], ['Realisatie 2022', 'Begroting 2023', 'Realisatie 2023']]) {
    it(`${kolommen.length} column(s): footnotes anywhere, wrapping, values on later lines, sub-rows, remarks, missing values, programme boundaries`, () => {
      assert(
        property(array(model(kolommen.length), { minLength: 1, maxLength: 3 }), (hoofdstukken) => {
          // programmes of one document: distinct names; boundaries by heading or by the next chapter's opening
          const uniek = hoofdstukken.filter((h, i) => hoofdstukken.findIndex((x) => x.programma === h.programma) === i);
          const gerenderd = uniek.map((h, i) => render(h, kolommen, i + 1));
          const tekst = ['Jaarstukken 2023', '', ...gerenderd.flatMap((g) => g.regels)].join('\n');
          const { hoofdstukken: gelezen } = leesDocument(tekst, { gemeente: 'GM0384' });
          expect(gelezen.map((h) => h.programma)).toEqual(uniek.map((h) => h.programma));
          gelezen.forEach((h, i) => {
            expect(h.indicatoren).toEqual(gerenderd[i]?.indicatoren);
            expect(h.waarschuwingen).toEqual([]);
            expect(h.controles.every((c) => c.ok)).toBe(true);
          });
        }),
        { numRuns: 150 },
      );
    });
  }
});
