import { ProblemError } from '../../http/problem.ts';
import { schoneNaam } from '../../tekst.ts';

/** The largest document a zaak takes (10 MiB). */
export const MAX_DOCUMENT = 10 * 1024 * 1024;

/** The document types a zaak takes, each recognised by its first bytes (not by its name or the declared type alone). */
export const DOCUMENTSOORTEN = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst (.odt)',
  'text/plain': 'platte tekst',
} as const;
export type Documentsoort = keyof typeof DOCUMENTSOORTEN;

const begintMet = (inhoud: Buffer, ...bytes: number[]) => bytes.every((b, i) => inhoud[i] === b);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A ZIP archive whose local file names include `naam` (docx: `word/…`; odt: the `mimetype` entry first). */
function zipMet(inhoud: Buffer, controle: (eerste: string, eersteInhoud: string, namen: string) => boolean): boolean {
  if (!begintMet(inhoud, 0x50, 0x4b, 0x03, 0x04)) return false;
  const naamLengte = inhoud.readUInt16LE(26);
  const extraLengte = inhoud.readUInt16LE(28);
  const eerste = inhoud.subarray(30, 30 + naamLengte).toString('latin1');
  const grootte = inhoud.readUInt32LE(18);
  const eersteInhoud = inhoud.subarray(30 + naamLengte + extraLengte, 30 + naamLengte + extraLengte + Math.min(grootte, 100)).toString('latin1');
  return controle(eerste, eersteInhoud, inhoud.toString('latin1'));
}

/** What the bytes are, or null when none of the accepted types. */
export function herkenDocument(inhoud: Buffer): Documentsoort | null {
  if (inhoud.length >= 5 && inhoud.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (begintMet(inhoud, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (begintMet(inhoud, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (inhoud.length > 30 && zipMet(inhoud, (eerste, eersteInhoud) => eerste === 'mimetype' && eersteInhoud === 'application/vnd.oasis.opendocument.text')) {
    return 'application/vnd.oasis.opendocument.text';
  }
  if (inhoud.length > 30 && zipMet(inhoud, (_e, _i, alles) => alles.includes('[Content_Types].xml') && alles.includes('word/document.xml'))) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  if (!inhoud.includes(0)) {
    try {
      strictUtf8.decode(inhoud);
      return 'text/plain';
    } catch {
      return null;
    }
  }
  return null;
}

const nietOndersteund = (detail: string) => new ProblemError(415, 'mediatype-niet-ondersteund', 'Soort bestand niet ondersteund', { detail });
const TOEGESTAAN = Object.values(DOCUMENTSOORTEN).join(', ');

/** Checks size and type by magic bytes against the declared Content-Type; returns the checked type. */
export function controleerDocument(inhoud: unknown, contentType: string | undefined): Documentsoort {
  if (inhoud !== undefined && inhoud !== null && !Buffer.isBuffer(inhoud)) throw nietOndersteund(`Stuur het bestand zelf als inhoud. Wij nemen aan: ${TOEGESTAAN}.`);
  if (!Buffer.isBuffer(inhoud) || inhoud.length === 0) {
    throw new ProblemError(400, 'leeg-bestand', 'Leeg bestand', { detail: 'Stuur de inhoud van het bestand mee als body van het verzoek.' });
  }
  if (inhoud.length > MAX_DOCUMENT) throw new ProblemError(413, 'te-groot', 'Bestand te groot', { detail: 'Een document mag hoogstens 10 MB zijn.' });
  const gemeld = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(gemeld in DOCUMENTSOORTEN)) throw nietOndersteund(`Dit soort bestand nemen we niet aan. Wel: ${TOEGESTAAN}.`);
  const herkend = herkenDocument(inhoud);
  if (herkend !== gemeld) {
    throw nietOndersteund(`De inhoud is geen ${DOCUMENTSOORTEN[gemeld as Documentsoort]}${herkend ? ` maar ${DOCUMENTSOORTEN[herkend]}` : ''}. Kies het goede bestand of het goede soort.`);
  }
  return herkend;
}

/** The file name from Content-Disposition (filename* or filename), cleaned; 400 without one. */
export function bestandsnaamUit(contentDisposition: string | undefined): string {
  const kop = contentDisposition ?? '';
  const uitgebreid = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(kop)?.[1];
  const gewoon = /filename\s*=\s*"([^"]*)"/i.exec(kop)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(kop)?.[1];
  let naam = '';
  try {
    naam = uitgebreid ? decodeURIComponent(uitgebreid) : (gewoon ?? '');
  } catch {
    naam = '';
  }
  // No paths, no control or bidi characters (`factuur\u202Efdp.exe` would show as `factuurexe.pdf`).
  naam = [...schoneNaam(naam.split(/[\\/]/).at(-1) ?? '')].slice(0, 200).join('').trim();
  if (!naam) {
    throw new ProblemError(400, 'ongeldige-invoer', 'Ongeldige invoer', {
      detail: 'Geef de bestandsnaam mee in de Content-Disposition header, bijvoorbeeld: attachment; filename="brief.pdf".',
      invalidParams: [{ name: 'header.content-disposition', code: 'bestandsnaam-vereist', reason: 'Geef een bestandsnaam.' }],
    });
  }
  return naam;
}
