import { html, type Html } from '../portaal/html.ts';
import type { PcHoofdstuk } from './pc.hoofdstuk.ts';

export interface LastenBaten {
  kolom: string;
  lasten: number;
  baten: number;
}

/**
 * Expenses and income per column of the finance table (× its unit): the sum of the rows named
 * "… lasten" and "… baten" (not the saldo rows), expenses as a positive number. Result columns
 * ("Budgetresultaat") are left out: they are differences, not amounts.
 */
export function lastenBaten(h: PcHoofdstuk): LastenBaten[] {
  const f = h.financien;
  if (!f) return [];
  const regels = f.regels.filter((r) => !/saldo/i.test(r.naam));
  const som = (k: number, patroon: RegExp) => regels.filter((r) => patroon.test(r.naam)).reduce((s, r) => s + (r.bedragen[k] ?? 0), 0);
  const uit: LastenBaten[] = [];
  f.kolommen.forEach((kolom, k) => {
    if (/resultaat|verschil/i.test(kolom)) return;
    uit.push({ kolom, lasten: Math.abs(som(k, /lasten/i)), baten: Math.abs(som(k, /baten/i)) });
  });
  return uit.filter((r) => r.lasten !== 0 || r.baten !== 0).length ? uit : [];
}

/** Splits a column name over at most two lines of about 14 characters. */
function regels(tekst: string): string[] {
  const woorden = tekst.split(/\s+/);
  const eerste: string[] = [];
  while (woorden.length > 0 && (eerste.join(' ').length + (woorden[0]?.length ?? 0) < 14 || eerste.length === 0)) eerste.push(woorden.shift() as string);
  return woorden.length ? [eerste.join(' '), woorden.join(' ')] : [eerste.join(' ')];
}

/**
 * Bar chart as inline SVG: per column two bars, expenses (solid) and income (hatched, so the
 * two differ without colour), each with its value above it. role="img" with a title and a
 * description; the same figures are in the table next to it.
 */
export function lastenBatenSvg(data: readonly LastenBaten[], tekst: { id: string; titel: string; desc: string; lasten: string; baten: string; getal: (n: number) => string }): Html {
  const breedte = 640;
  const hoogte = 340;
  const links = 16;
  const boven = 56;
  const onder = 48;
  const max = Math.max(1, ...data.flatMap((d) => [d.lasten, d.baten]));
  const groep = (breedte - links * 2) / Math.max(1, data.length);
  const balk = Math.min(44, groep / 3);
  const schaal = (hoogte - boven - onder) / max;
  const basis = hoogte - onder;
  const staaf = (x: number, waarde: number, soort: 'lasten' | 'baten') => {
    const h = Math.max(1, waarde * schaal);
    const vulling = soort === 'baten' ? html` fill="url(#${tekst.id}-arcering)"` : '';
    return html`<rect class="pc-grafiek__${soort}"${vulling} x="${x.toFixed(1)}" y="${(basis - h).toFixed(1)}" width="${balk.toFixed(1)}" height="${h.toFixed(1)}"></rect>
      <text class="pc-grafiek__waarde" x="${(x + balk / 2).toFixed(1)}" y="${(basis - h - 4).toFixed(1)}" text-anchor="middle">${tekst.getal(waarde)}</text>`;
  };
  return html`<svg class="pc-grafiek" role="img" aria-labelledby="${tekst.id}-titel ${tekst.id}-desc" viewBox="0 0 ${breedte} ${hoogte}" xmlns="http://www.w3.org/2000/svg">
    <title id="${tekst.id}-titel">${tekst.titel}</title>
    <desc id="${tekst.id}-desc">${tekst.desc}</desc>
    <defs>
      <pattern id="${tekst.id}-arcering" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect class="pc-grafiek__arcering-achtergrond" width="8" height="8"></rect>
        <line class="pc-grafiek__arcering" x1="0" y1="0" x2="0" y2="8"></line>
      </pattern>
    </defs>
    <g class="pc-grafiek__legenda">
      <rect class="pc-grafiek__lasten" x="${links}" y="12" width="18" height="18"></rect>
      <text x="${links + 26}" y="26">${tekst.lasten}</text>
      <rect class="pc-grafiek__baten" x="${links + 160}" y="12" width="18" height="18" fill="url(#${tekst.id}-arcering)"></rect>
      <text x="${links + 186}" y="26">${tekst.baten}</text>
    </g>
    <line class="pc-grafiek__as" x1="${links}" y1="${basis}" x2="${breedte - links}" y2="${basis}"></line>
    ${data.map((d, i) => {
      const x = links + i * groep + (groep - balk * 2 - 4) / 2;
      return html`<g>
      ${staaf(x, d.lasten, 'lasten')}
      ${staaf(x + balk + 4, d.baten, 'baten')}
      ${regels(d.kolom).map((r, k) => html`<text class="pc-grafiek__kolom" x="${(links + i * groep + groep / 2).toFixed(1)}" y="${basis + 18 + k * 16}" text-anchor="middle">${r}</text>`)}
    </g>`;
    })}
  </svg>`;
}
