import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inhoudHash } from './thema.ts';

const require = createRequire(import.meta.url);

function pakketMap(pakket: string, vanuit = require): string {
  return dirname(vanuit.resolve(`${pakket}/package.json`));
}

const tokensMap = pakketMap('@utrecht/design-tokens');
// The Noto Sans font the Utrecht tokens name, from the tokens' own dependency.
const fontMap = pakketMap('@fontsource-variable/noto-sans', createRequire(join(tokensMap, 'package.json')));

interface Bestand {
  inhoud: Buffer;
  type: string;
  hash: string;
}

const CSS = 'text/css; charset=utf-8';

function bestand(pad: string, type: string): Bestand {
  const inhoud = readFileSync(pad);
  return { inhoud, type, hash: inhoudHash(inhoud) };
}

const lettertype = bestand(join(fontMap, 'files/noto-sans-latin-wght-normal.woff2'), 'font/woff2');

/** @font-face for the Latin range of Noto Sans, self-hosted (the CSP allows fonts from 'self' only). */
const LETTERTYPE_CSS = `@font-face {
  font-family: 'Noto Sans Variable';
  font-style: normal;
  font-display: swap;
  font-weight: 100 900;
  src: url(/static/fonts/noto-sans-latin.woff2?v=${lettertype.hash}) format('woff2-variations');
  unicode-range: U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD;
}
`;

/** The files under /static, read once at start-up. */
const BESTANDEN = {
  '/static/fonts/noto-sans-latin.woff2': lettertype,
  '/static/fonts.css': { inhoud: Buffer.from(LETTERTYPE_CSS), type: CSS, hash: inhoudHash(LETTERTYPE_CSS) },
  '/static/tokens.css': bestand(join(tokensMap, 'dist/index.css'), CSS),
  '/static/utrecht/index.css': bestand(join(pakketMap('@utrecht/component-library-css'), 'dist/index.css'), CSS),
  '/static/portaal.css': bestand(fileURLToPath(new URL('./portaal.css', import.meta.url)), CSS),
} satisfies Record<string, Bestand>;

/** The URL of a static file with its content hash, so browsers may keep it for a year. */
export function statischeUrl(pad: keyof typeof BESTANDEN): string {
  return `${pad}?v=${BESTANDEN[pad].hash}`;
}

/** The stylesheets every resident page loads, in order. */
export const STYLESHEETS = (['/static/fonts.css', '/static/tokens.css', '/static/utrecht/index.css', '/static/portaal.css'] as const).map(statischeUrl);

/**
 * Sends generated or static content with caching: a URL with the current content hash (`?v=`)
 * may be kept for a year; any other URL is revalidated with its ETag.
 */
export function stuurMetCache(request: FastifyRequest, reply: FastifyReply, inhoud: string | Buffer, type: string, hash: string): FastifyReply {
  const etag = `"${hash}"`;
  const versie = (request.query as Record<string, unknown> | undefined)?.v;
  reply
    .type(type)
    .header('ETag', etag)
    .header('Cache-Control', versie === hash ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(inhoud);
}

/** GET routes for the static files (NL Design System CSS and tokens, font, portal CSS). */
export function statischeRoutes(app: FastifyInstance): void {
  for (const [pad, { inhoud, type, hash }] of Object.entries(BESTANDEN)) {
    app.get(pad, { config: { policy: { toegang: 'publiek' } } }, async (request, reply) => stuurMetCache(request, reply, inhoud, type, hash));
  }
}
