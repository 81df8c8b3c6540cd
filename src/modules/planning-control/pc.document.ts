/**
 * A whole begroting or jaarstukken text with several programmes: where each programme starts, and
 * each programme read as one chapter by the chapter reader (pc.parser.ts). See docs/pc-import.md
 * ("Whole documents") and ADR 0035. Pure: no I/O.
 */
import { PcImportFout } from './pc.errors.ts';
import type { PcHoofdstuk, PcSoort } from './pc.hoofdstuk.ts';
import { leesHoofdstuk, normaliseerRegel, P, type PcParseOpties } from './pc.parser.ts';
import type { PcProgramma } from './pc.service.ts';

/** The head of a document: what its chapters share. */
export interface PcDocumentKop {
  gemeente: string;
  soort: PcSoort;
  jaar: number;
  /** The title line as printed ("Programmabegroting 2024"); absent when the text has none. */
  titel?: string;
}

/** What `loket pc import` prints for a text with several programmes, and `loket pc export` for a whole version. */
export interface PcDocument {
  document: PcDocumentKop & Record<string, unknown>;
  programmas: PcHoofdstuk[];
}

/**
 * The first line of every programme (0-based). A programme starts at
 * - a heading `Programma N <naam>` / `Programma N: <naam>` when the part so far already had a
 *   finance table heading or another programme heading;
 * - after a finance table heading (`Wat heeft het gekost?` / `Wat mag het kosten?`): the next
 *   opening of a chapter: `Wat willen we bereiken?`, `Wat hebben we bereikt …`, a doel line
 *   (`1. …` with `Wat wilden we bereiken?` or `Subdoelen` below it), `Visie`, or a programme name
 *   above `Portefeuillehouder:` / `Concerndirecteur:` (then the name line starts it). A short line
 *   of its own right above such an opening that is also the title of the programme's finance table
 *   (`Sport en recreatie` … `Sport en recreatie Rekening 2022 …`) is the programme's name: it starts it.
 * Everything before the first boundary belongs to the first programme.
 */
export function programmaGrenzen(regels: readonly string[]): number[] {
  const grenzen = [0];
  let kosten = false;
  let programma: string | null = null;
  const volgende = (i: number): number => {
    let j = i;
    while (j < regels.length && (regels[j] ?? '') === '') j++;
    return j;
  };
  const vorige = (i: number): number => {
    let j = i - 1;
    while (j >= 0 && (regels[j] ?? '') === '') j--;
    return j;
  };
  const isDoel = (i: number): boolean => {
    if (!P.doel.test(regels[i] ?? '')) return false;
    let j = i;
    for (let stap = 0; stap < 3; stap++) {
      j = volgende(j + 1);
      const s = regels[j] ?? '';
      if (P.doelKop.test(s) || P.subdoelen.test(s)) return true;
    }
    return false;
  };
  /**
   * Line `naam` (right above the opening at line `i`) is the programme's name: a short line of its
   * own, and the title of the programme's finance table (`Sport en recreatie Rekening …`) further on.
   */
  const isNaamBoven = (naam: number, i: number): boolean => {
    const tekst = regels[naam] ?? '';
    if (tekst.length > 80 || !/^\p{Lu}/u.test(tekst) || /[.:;,?!]$/.test(tekst) || /\d/.test(tekst) || P.grafiek.test(tekst)) return false;
    if (naam > 0 && (regels[naam - 1] ?? '') !== '') return false;
    let j = i + 1;
    while (j < regels.length && !P.gekost.test(regels[j] ?? '') && !P.kosten.test(regels[j] ?? '') && !P.programmaKop.test(regels[j] ?? '')) j++;
    if (j >= regels.length || P.programmaKop.test(regels[j] ?? '')) return false;
    for (let k = j + 1; k < regels.length && k <= j + 6; k++) {
      const r = regels[k] ?? '';
      if (r === '' || P.eenheidRegel.test(r)) continue;
      const rest = r.slice(tekst.length).trim().split(' ')[0] ?? '';
      return r.toLowerCase().startsWith(tekst.toLowerCase()) && (rest === '' || P.kolomBegin.test(rest) || P.jaartal.test(rest));
    }
    return false;
  };
  const grens = (i: number) => {
    if (i > (grenzen.at(-1) ?? 0)) grenzen.push(i);
    kosten = false;
    programma = null;
  };
  for (let i = 0; i < regels.length; i++) {
    const s = regels[i] ?? '';
    if (s === '') continue;
    const kop = P.programmaKop.exec(s) ?? P.programma.exec(s);
    if (kop) {
      const naam = (kop[2] ?? kop[1] ?? '').trim().toLowerCase();
      if (kosten || (programma !== null && programma !== naam)) grens(i);
      programma = naam;
      continue;
    }
    if (kosten) {
      if (P.portefeuille.test(s) || P.concern.test(s)) {
        const naam = vorige(i);
        const naamRegel = regels[naam] ?? '';
        const isNaam = naam >= 0 && naamRegel.length <= 80 && /^\p{Lu}/u.test(naamRegel) && !/[.:;,]$/.test(naamRegel) && !P.concern.test(naamRegel) && !P.portefeuille.test(naamRegel);
        grens(isNaam ? naam : i);
        continue;
      }
      if (P.willenBereiken.test(s) || P.bereiktEnGedaan.test(s) || P.visie.test(s) || isDoel(i)) {
        const naam = vorige(i);
        grens(naam >= 0 && isNaamBoven(naam, i) ? naam : i);
        continue;
      }
    }
    if (P.gekost.test(s) || P.kosten.test(s)) kosten = true;
  }
  return grenzen;
}

/**
 * Reads a text that holds one chapter or a whole document. Every programme is read by the chapter
 * reader on its own lines; line numbers (in waarschuwingen and in a PcImportFout) are those of
 * the whole file. The document's title line gives soort and jaar to programmes that do not print
 * one themselves.
 */
export function leesDocument(tekst: string, opties: PcParseOpties): { document: PcDocumentKop; hoofdstukken: PcHoofdstuk[] } {
  const ruw = tekst.split(/\r\n|\n|\r/);
  const regels = ruw.map((r) => normaliseerRegel(r).trim());
  const grenzen = programmaGrenzen(regels);
  const titelRegel = regels.find((r) => P.documenttitel.test(r));
  const titel = titelRegel ? P.documenttitel.exec(titelRegel) : null;
  const document = titel ? { soort: (/begroting/i.test(titel[1] ?? '') ? 'begroting' : 'jaarstukken') as PcSoort, jaar: Number(titel[2]) } : undefined;
  if (grenzen.length === 1) {
    const h = leesHoofdstuk(tekst, opties).hoofdstuk;
    return { document: { gemeente: h.gemeente, soort: h.soort, jaar: h.jaar, ...(titelRegel ? { titel: titelRegel } : {}) }, hoofdstukken: [h] };
  }
  const hoofdstukken = grenzen.map((van, k) => {
    const tot = grenzen[k + 1] ?? ruw.length;
    try {
      const h = leesHoofdstuk(ruw.slice(van, tot).join('\n'), { ...opties, ...(document ? { document } : {}) }).hoofdstuk;
      for (const w of h.waarschuwingen) w.regel += van;
      return h;
    } catch (error) {
      if (error instanceof PcImportFout) throw new PcImportFout(error.regel + van, `${error.reden} (programma vanaf regel ${van + 1})`);
      throw error;
    }
  });
  const [eerste] = hoofdstukken as [PcHoofdstuk, ...PcHoofdstuk[]];
  return { document: { gemeente: opties.gemeente, soort: eerste.soort, jaar: eerste.jaar, ...(titelRegel ? { titel: titelRegel } : {}) }, hoofdstukken };
}

/** A stored version's chapters in the document shape (`loket pc export --format json` of a whole version). */
export function documentVan(programmas: readonly PcProgramma[]): PcDocument {
  const [eerste] = programmas;
  const h = eerste?.hoofdstuk;
  const v = eerste?.versie;
  return {
    document: {
      gemeente: h?.gemeente ?? '',
      soort: h?.soort ?? 'begroting',
      jaar: h?.jaar ?? v?.jaar ?? 0,
      ...(v ? { documentsoort: v.soort, versie: v.volgnummer, versienaam: v.naam, status: v.status } : {}),
    },
    programmas: programmas.map((p) => p.hoofdstuk),
  };
}

/** JSON in the document shape: an object with a `programmas` list (its `document` head is informative only). */
export function isDocument(data: unknown): data is { document?: unknown; programmas: unknown[] } {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Array.isArray((data as { programmas?: unknown }).programmas);
}
