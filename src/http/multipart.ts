import { TextDecoder } from 'node:util';
import type { FastifyRequest } from 'fastify';
import { ongeldigeTekens } from './invoer.ts';
import { ProblemError } from './problem.ts';

/** A file of a multipart/form-data body (RFC 7578), as sent: nothing is checked but its place in the body. */
export interface MultipartBestand {
  veld: string;
  bestandsnaam: string;
  mediatype: string;
  inhoud: Buffer;
}

/** A parsed multipart/form-data body: the text fields (the last of a name wins) and the files. */
export interface MultipartBody {
  velden: Record<string, string>;
  bestanden: MultipartBestand[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const CRLF2 = Buffer.from('\r\n\r\n');

const kapot = () => new ProblemError(400, 'ongeldig-formulier', 'Ongeldig formulier', { detail: 'Het formulier kwam niet goed aan. Probeer het opnieuw.' });

/** A parameter of a header (`name="foto"`), quoted or not. */
function parameter(kop: string, naam: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${naam}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(kop);
  return m ? (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1') : undefined;
}

/**
 * Reads a multipart/form-data body held in memory (the route's bodyLimit bounds it): at most
 * `maxDelen` parts; text fields must be UTF-8 (else the ADR 0020 400 naming the field). A file
 * input left empty (no file chosen: empty name and content) is no file.
 */
export function leesMultipart(body: Buffer, contentType: string, maxDelen: number): MultipartBody {
  const grens = parameter(contentType.replace(/^[^;]*/, ''), 'boundary');
  if (!grens || grens.length > 70) throw kapot();
  const scheiding = Buffer.from(`--${grens}`);
  const volgende = Buffer.from(`\r\n--${grens}`);
  let pos = body.indexOf(scheiding);
  if (pos === -1) throw kapot();
  pos += scheiding.length;
  const velden: Record<string, string> = {};
  const bestanden: MultipartBestand[] = [];
  const fout: string[] = [];
  for (let delen = 0; ; delen++) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a || delen >= maxDelen) throw kapot();
    const kopEind = body.indexOf(CRLF2, pos + 2);
    if (kopEind === -1) throw kapot();
    const koppen = body.subarray(pos + 2, kopEind).toString('latin1').split('\r\n');
    const inhoudEind = body.indexOf(volgende, kopEind + 4);
    if (inhoudEind === -1) throw kapot();
    const inhoud = body.subarray(kopEind + 4, inhoudEind);
    pos = inhoudEind + volgende.length;
    const kop = (naam: string) => koppen.find((k) => k.toLowerCase().startsWith(`${naam}:`))?.slice(naam.length + 1).trim();
    const dispositie = kop('content-disposition') ?? '';
    const ruweNaam = parameter(dispositie, 'name');
    if (!/^form-data/i.test(dispositie) || ruweNaam === undefined) throw kapot();
    let veld: string;
    try {
      veld = strictUtf8.decode(Buffer.from(ruweNaam, 'latin1'));
    } catch {
      fout.push('body');
      continue;
    }
    const bestandsnaam = parameter(dispositie, 'filename');
    if (bestandsnaam !== undefined) {
      if (bestandsnaam === '' && inhoud.length === 0) continue;
      let naam = '';
      try {
        naam = strictUtf8.decode(Buffer.from(bestandsnaam, 'latin1'));
      } catch {
        naam = 'bestand';
      }
      bestanden.push({ veld, bestandsnaam: naam, mediatype: kop('content-type') ?? 'application/octet-stream', inhoud: Buffer.from(inhoud) });
      continue;
    }
    try {
      velden[veld] = strictUtf8.decode(inhoud);
    } catch {
      fout.push(`body.${veld}`);
    }
  }
  if (fout.length > 0) throw ongeldigeTekens(fout);
  return { velden, bestanden };
}

/** A Fastify content-type parser for multipart/form-data with at most `maxDelen` parts (register it with parseAs 'buffer' and a bodyLimit). */
export const multipartParser =
  (maxDelen: number) =>
  (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void): void => {
    try {
      done(null, leesMultipart(body, request.headers['content-type'] ?? '', maxDelen));
    } catch (error) {
      done(error instanceof Error ? error : kapot());
    }
  };
