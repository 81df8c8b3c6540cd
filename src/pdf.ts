import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
// The types (@types/pdfkit 0.17) know only the default export.
// oxlint-disable-next-line import/no-named-as-default
import PDFDocument from 'pdfkit';
import type { Taal } from './i18n/i18n.ts';

const require = createRequire(import.meta.url);
const fontMap = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
/** Noto Sans, embedded (subset) in every PDF: selectable, searchable text with all accents. */
const LETTER_REGULIER = join(fontMap, '400Regular/NotoSans_400Regular.ttf');
const LETTER_VET = join(fontMap, '700Bold/NotoSans_700Bold.ttf');

/**
 * Both fonts parsed once per process, on first use. Parsing a font and its layout tables was
 * most of a PDF's time when pdfkit did it again for every document (from the file path, three
 * times per letter); a parsed font is only read by pdfkit (each document makes its own subset).
 */
let letters: { regulier: Font; vet: Font } | undefined;
const geladenLetters = () => (letters ??= { regulier: create(readFileSync(LETTER_REGULIER)), vet: create(readFileSync(LETTER_VET)) });

export type TekstSoort = 'H1' | 'H2' | 'H3' | 'P';

export interface ToegankelijkePdf {
  doc: PDFKit.PDFDocument;
  /** The root of the structure tree (`Document`); add your own elements to it. */
  root: PDFKit.PDFStructureElement;
  /** A tagged heading or paragraph in Noto Sans, with the usual space after it. */
  tekst: (inhoud: string, soort: TekstSoort, grootte: number, vet?: boolean) => void;
  /** Closes the structure tree and the document; the whole file. */
  klaar: () => Promise<Buffer>;
}

/**
 * The set-up every PDF of Loket shares (ADR 0010, ADR 0050): A4, a tagged PDF/UA document,
 * its language set, its title shown in the title bar, Noto Sans embedded as `regulier` and
 * `vet`, and a `Document` root for the structure tree. Used by the P&C chapter and by letters.
 */
export function toegankelijkePdf(o: { taal: Taal; titel: string; auteur: string; onderwerp: string; marge?: number }): ToegankelijkePdf {
  const { regulier, vet } = geladenLetters();
  const doc = new PDFDocument({
    size: 'A4',
    margin: o.marge ?? 56,
    tagged: true,
    subset: 'PDF/UA' as never,
    lang: o.taal === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: o.titel, Author: o.auteur, Subject: o.onderwerp, Creator: 'Loket' },
    // pdfkit takes a parsed fontkit font where its types say file name or bytes.
    font: regulier as never,
  });
  doc.registerFont('regulier', regulier as never);
  doc.registerFont('vet', vet as never);
  const delen: Buffer[] = [];
  doc.on('data', (d: Buffer) => delen.push(d));
  const bestand = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(delen)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    tekst: (inhoud, soort, grootte, vet = false) => {
      doc.font(vet ? 'vet' : 'regulier').fontSize(grootte).text(inhoud, { structParent: root, structType: soort } as PDFKit.Mixins.TextOptions);
      doc.moveDown(soort === 'P' ? 0.5 : 0.3);
    },
    klaar: () => {
      root.end();
      doc.end();
      return bestand;
    },
  };
}
