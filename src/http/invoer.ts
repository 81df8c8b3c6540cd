import { TextDecoder } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { heeftOngeldigTeken } from '../tekst.ts';
import { ProblemError } from './problem.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The problem code of text Loket refuses at the edge (ADR 0020); HTML pages show their own page for it. */
export const ONGELDIGE_TEKENS = 'ongeldige-tekens';

/** 400 for text with a character Loket cannot process, naming each field (`path`, `query.zoek`, `body.naam`). */
export function ongeldigeTekens(velden: string[]): ProblemError {
  return new ProblemError(400, ONGELDIGE_TEKENS, 'Ongeldige tekens', {
    detail: 'De tekst bevat een teken dat wij niet kunnen verwerken. Haal het weg en probeer het opnieuw.',
    invalidParams: velden.map((name) => ({
      name,
      code: 'ongeldig-teken',
      reason: 'Deze tekst bevat een teken dat niet mag, zoals een nul-teken, een half teken of bytes die geen UTF-8 zijn.',
    })),
  });
}

/** The bytes as text, or undefined when they are not valid UTF-8. */
function alsUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A percent-encoded part of a URL, decoded strictly: undefined when the bytes are not valid UTF-8. `plus`: a `+` is a space (the query). */
function decodeerStrikt(deel: string, plus: boolean): string | undefined {
  const bytes: Buffer[] = [];
  for (const [stuk, hex] of (plus ? deel.replaceAll('+', ' ') : deel).matchAll(/%([0-9a-fA-F]{2})|[^%]+|%/g)) {
    bytes.push(hex === undefined ? Buffer.from(stuk, 'utf8') : Buffer.of(Number.parseInt(hex, 16)));
  }
  return alsUtf8(Buffer.concat(bytes));
}

const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * A percent-encoded part of a form body read as latin1 (each character one byte; a `+` is a
 * space), decoded strictly in one pass over one buffer: form bodies are the hot case (every
 * melding), and most of their parts are plain ASCII.
 */
function decodeerFormulierDeel(deel: string): string | undefined {
  const bytes = Buffer.allocUnsafe(deel.length);
  let lengte = 0;
  let ascii = true;
  for (let i = 0; i < deel.length; i++) {
    let byte = deel.charCodeAt(i);
    if (byte === 0x2b) byte = 0x20;
    else if (byte === 0x25) {
      const hex = deel.slice(i + 1, i + 3);
      if (HEX.test(hex)) {
        byte = Number.parseInt(hex, 16);
        i += 2;
      }
    }
    if (byte > 0x7f) ascii = false;
    bytes[lengte++] = byte;
  }
  return ascii ? bytes.toString('latin1', 0, lengte) : alsUtf8(bytes.subarray(0, lengte));
}

/** A part of the URL, decoded, when it is valid UTF-8 without a refused character. */
function urlDeel(deel: string, plus: boolean): string | undefined {
  const tekst = decodeerStrikt(deel, plus);
  return tekst === undefined || heeftOngeldigTeken(tekst) ? undefined : tekst;
}

/** The `key=value` pairs of a query string or form body, still encoded (a key without `=` has no value). */
function paren(tekst: string): [string, string | undefined][] {
  return tekst.split('&').filter(Boolean).map((paar) => {
    const is = paar.indexOf('=');
    return is === -1 ? [paar, undefined] : [paar.slice(0, is), paar.slice(is + 1)];
  });
}

/** The parts of a raw URL (`/pad?a=b`) with refused text: `path`, `query` (a key) or `query.<key>`. */
function ongeldigeUrlDelen(url: string): string[] {
  // Most addresses are visible ASCII without percent-encoding: nothing to decode.
  if (/^[!-$&-~]*$/.test(url)) return [];
  const vraag = url.indexOf('?');
  const pad = vraag === -1 ? url : url.slice(0, vraag);
  const delen = urlDeel(pad, false) === undefined ? ['path'] : [];
  if (vraag === -1) return delen;
  for (const [ruweSleutel, ruweWaarde] of paren(url.slice(vraag + 1))) {
    const sleutel = urlDeel(ruweSleutel, true);
    if (sleutel === undefined) delen.push('query');
    else if (ruweWaarde !== undefined && urlDeel(ruweWaarde, true) === undefined) delen.push(`query.${sleutel}`);
  }
  return delen;
}

/** The fields of a parsed body (JSON, form or text) holding refused text, keys included; iterative, so deep nesting cannot overflow the stack. */
function ongeldigeVelden(body: unknown): string[] {
  const velden: string[] = [];
  const stapel: [string, unknown][] = [['body', body]];
  for (let item = stapel.pop(); item !== undefined; item = stapel.pop()) {
    const [naam, waarde] = item;
    if (typeof waarde === 'string') {
      if (heeftOngeldigTeken(waarde)) velden.push(naam);
    } else if (typeof waarde === 'object' && waarde !== null && !Buffer.isBuffer(waarde)) {
      for (const [sleutel, binnen] of Object.entries(waarde)) {
        if (heeftOngeldigTeken(sleutel)) velden.push(naam);
        else stapel.push([`${naam}.${sleutel}`, binnen]);
      }
    }
  }
  return velden.toSorted();
}

/**
 * Parser for HTML form bodies (application/x-www-form-urlencoded; only resident forms register
 * it), decoded strictly: bytes that are not UTF-8 are a 400 naming the field. A refused character
 * is found after parsing, like in any body, so the route still has the rest of the form.
 */
export function formulierParser(_request: unknown, body: Buffer, done: (error: Error | null, body?: unknown) => void): void {
  const velden: [string, string][] = [];
  const fout: string[] = [];
  for (const [ruweSleutel, ruweWaarde] of paren(body.toString('latin1'))) {
    const sleutel = decodeerFormulierDeel(ruweSleutel);
    const waarde = decodeerFormulierDeel(ruweWaarde ?? '');
    if (sleutel === undefined) fout.push('body');
    else if (waarde === undefined) fout.push(`body.${sleutel}`);
    else velden.push([sleutel, waarde]);
  }
  if (fout.length > 0) done(ongeldigeTekens(fout));
  else done(null, Object.fromEntries(velden));
}

/**
 * Refuses text Loket cannot process at the edge, for every route (also unknown addresses):
 * the raw URL before anything else, a body as soon as it is parsed (before the login check and
 * validation). Invalid UTF-8 in a body is refused by its parser (JSON, plain text,
 * `formulierParser`), in the path by the router (FST_ERR_BAD_URL).
 */
export function installInvoercontrole(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const delen = ongeldigeUrlDelen(request.url);
    if (delen.length > 0) throw ongeldigeTekens(delen);
  });
  app.addHook('preValidation', async (request) => {
    const velden = ongeldigeVelden(request.body);
    if (velden.length > 0) throw ongeldigeTekens(velden);
  });
}

/**
 * Sets up a scope of resident pages with a form and a secret in the URL or personal data in the
 * answer (ADR 0014): it reads HTML form bodies (the API stays JSON only), and every answer is never
 * cached, never sent on as a referrer and never indexed.
 */
export function geheimFormulierScope(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, formulierParser);
  scope.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Robots-Tag', 'noindex, nofollow');
    return payload;
  });
}
