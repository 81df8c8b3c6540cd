import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROLLEN } from '../src/db/schema.ts';
import type { RouteWithPolicy } from '../src/http/policy.ts';
import { hashWachtwoord } from '../src/modules/auth/wachtwoord.ts';
import { gebruikersRepository } from '../src/modules/gebruikers/gebruikers.repository.ts';
import { loadConfig } from '../src/config.ts';
import { createLoket } from '../src/server.ts';
import { testLoket, type TestLoket } from './app.ts';
import { testDatabase } from './database.ts';
import { laadDemo } from './demo.ts';
import { logIn, type Ingelogd } from './login.ts';

// Text Loket cannot process (NUL, a lone surrogate, bytes that are not UTF-8) sent to every
// route the server registers, in every path parameter, in the query and in the body, anonymous
// and logged in with every role: never a 5xx, always a 400 at the edge naming the field (ADR 0020).
let loket: TestLoket;
let sessie: Ingelogd;
/** Real ids per collection, so a request with good text would reach the database. */
const ids = new Map<string, string>();

const WACHTWOORD = 'ongeldige-tekst-test-wachtwoord';
const GEHEIM = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  const { db } = loket.database;
  const gebruikerId = randomUUID();
  await gebruikersRepository(db).maak({
    id: gebruikerId, naam: 'Alle rollen', email: 'alles@tekst.test', wachtwoordHash: await hashWachtwoord(WACHTWOORD), totpGeheim: GEHEIM, totpBevestigd: true, gemeente: 'GM0384', rollen: [...ROLLEN],
  });
  sessie = await logIn(loket.app, loket.klok, 'alles@tekst.test', WACHTWOORD, GEHEIM);
  // Another user than the one logged in: a change to it (were it to get through) keeps the session.
  const eerste = async (tabel: 'zaak' | 'team' | 'zaaktype' | 'pc_versie' | 'bericht' | 'gebruiker_rol') =>
    tabel === 'gebruiker_rol'
      ? (await db.selectFrom(tabel).select('gebruiker_id').where('gemeente', '=', 'GM0384').where('gebruiker_id', '!=', gebruikerId).executeTakeFirstOrThrow()).gebruiker_id
      : ((await db.selectFrom(tabel).select('id').where('gemeente', '=', 'GM0384').executeTakeFirst())?.id ?? randomUUID());
  for (const [segment, tabel] of [['zaken', 'zaak'], ['teams', 'team'], ['zaaktypen', 'zaaktype'], ['pc-versies', 'pc_versie'], ['berichten', 'bericht'], ['gebruikers', 'gebruiker_rol']] as const) {
    ids.set(segment, await eerste(tabel));
  }
}, 120_000);
afterAll(async () => loket?.close());

/** The bad texts as they travel in a URL (percent-encoded) and in JSON. */
const IN_URL = { nul: '%00', halfTeken: '%ED%A0%80', geenUtf8: '%FF' } as const;
const IN_TEKST = { nul: '\u0000', halfTeken: '\uD800' } as const;

/** A good value for a path parameter, by its name and the collection before it. */
function goedeParam(naam: string, voorgaand: string | undefined): string {
  if (naam === 'gemeente') return 'GM0384';
  if (naam === 'slug') return 'diemen';
  if (naam === 'datum') return '2026-12-25';
  if (naam === 'nr' || naam === 'programma') return '1';
  if (naam === '*') return 'index.html';
  return ids.get(voorgaand ?? '') ?? randomUUID();
}

/** The URL with each parameter good, or one of them (index `slecht`) replaced by bad text. */
function urlVoor(route: RouteWithPolicy, slecht?: { index: number; tekst: string }): string {
  const delen = route.url.split('/');
  let teller = -1;
  return delen
    .map((deel, i) => {
      if (!deel.startsWith(':') && deel !== '*') return deel;
      teller += 1;
      if (slecht?.index === teller) return slecht.tekst;
      return encodeURIComponent(goedeParam(deel === '*' ? '*' : deel.slice(1), delen[i - 1]));
    })
    .join('/');
}

const aantalParams = (route: RouteWithPolicy) => route.url.split('/').filter((d) => d.startsWith(':') || d === '*').length;

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
};

const KANDIDATEN = ['GM0384', 'diemen', '2026-12-25', '2026-12-25T09:00:00.000Z', '1.1', 'jaarstukken', 'nl', 'a', 'A1'];

/** A plausible value for a schema, with `slecht` in every free-text string (no format, pattern or enum). */
function waardeVoor(schema: JsonSchema, slecht: string, defs: Record<string, JsonSchema>): unknown {
  const waarde = (s: JsonSchema) => waardeVoor(s, slecht, defs);
  if (schema.$ref) return waarde(defs[schema.$ref.split('/').at(-1) ?? ''] ?? {});
  const keuze = schema.anyOf ?? schema.oneOf;
  if (keuze) return waarde(keuze.find((s) => s.type !== 'null') ?? keuze[0] ?? {});
  if (schema.allOf?.[0]) return waarde(schema.allOf[0]);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([naam, s]) => [naam, waarde(s)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => waarde(schema.items ?? {}));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'uuid') return ids.get('zaken');
      if (schema.format === 'email') return 'iemand@tekst.test';
      if (schema.format === 'date') return '2026-12-25';
      if (schema.format === 'date-time') return '2026-12-25T09:00:00.000Z';
      if (schema.pattern) return KANDIDATEN.find((k) => new RegExp(schema.pattern ?? '').test(k)) ?? 'a';
      const lengte = Math.min(Math.max(schema.minLength ?? 0, 12), schema.maxLength ?? 12);
      return `${slecht}${'x'.repeat(Math.max(0, lengte - slecht.length))}`;
    }
    default:
      return typeof schema.default === 'string' ? slecht : (schema.default ?? slecht);
  }
}

/** The body of a route from its (Zod) schema, or a small object when it has none. */
function bodyVoor(route: RouteWithPolicy, slecht: string): unknown {
  const schema = route.schema?.body;
  if (!(schema instanceof z.ZodType)) return { naam: slecht, tekst: slecht };
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return waardeVoor(json, slecht, json.$defs ?? {});
}

/** The free-text fields of a body that hold the bad text (their names in invalidParams). */
function veldenMet(waarde: unknown, slecht: string, pad = 'body'): string[] {
  if (waarde === slecht || (typeof waarde === 'string' && waarde.startsWith(slecht))) return [pad];
  if (typeof waarde !== 'object' || waarde === null) return [];
  return Object.entries(waarde).flatMap(([k, v]) => veldenMet(v, slecht, `${pad}.${k}`));
}

// Logging out goes last: were it to get through, it would end the session.
const uitloggen = (r: RouteWithPolicy) => r.method === 'DELETE' && r.url.startsWith('/api/v1/sessie');
const heeftBody = (route: RouteWithPolicy) => ['POST', 'PUT', 'PATCH'].includes(route.method);

interface Geval {
  route: RouteWithPolicy;
  wat: string;
  url: string;
  body?: { type: string; inhoud: string | Buffer };
  /** The invalidParams names the answer must hold; undefined: a body the route does not take (415) or cannot read (400). */
  velden: string[] | undefined;
}

function gevallen(route: RouteWithPolicy): Geval[] {
  const lijst: Geval[] = [];
  const goedeBody = heeftBody(route) ? { type: 'application/json', inhoud: JSON.stringify(bodyVoor(route, 'Gewone tekst')) } : undefined;
  for (const [soort, tekst] of Object.entries(IN_URL)) {
    for (let index = 0; index < aantalParams(route); index += 1) {
      lijst.push({ route, wat: `pad ${index} ${soort}`, url: urlVoor(route, { index, tekst: `a${tekst}b` }), body: goedeBody, velden: ['path'] });
    }
    lijst.push({ route, wat: `query ${soort}`, url: `${urlVoor(route)}?zoek=${tekst}`, body: goedeBody, velden: ['query.zoek'] });
    lijst.push({ route, wat: `query-sleutel ${soort}`, url: `${urlVoor(route)}?a${tekst}=1`, body: goedeBody, velden: ['query'] });
  }
  if (!heeftBody(route)) return lijst;
  for (const [soort, tekst] of Object.entries(IN_TEKST)) {
    const body = bodyVoor(route, tekst);
    const velden = veldenMet(body, tekst);
    if (velden.length > 0) lijst.push({ route, wat: `json ${soort}`, url: urlVoor(route), body: { type: 'application/json', inhoud: JSON.stringify(body) }, velden });
  }
  // A file is bytes, not text: a route that takes files checks them itself.
  if (route.inhoud === 'bestand') return lijst;
  const tekstVelden = route.inhoud === 'tekst' ? ['body'] : undefined;
  lijst.push({ route, wat: 'tekst nul', url: urlVoor(route), body: { type: 'text/plain; charset=utf-8', inhoud: 'Hoofdstuk\u0000' }, velden: tekstVelden });
  // A lone surrogate has no UTF-8 form; its would-be bytes (ED A0 80) are not UTF-8.
  lijst.push({ route, wat: 'tekst halfTeken', url: urlVoor(route), body: { type: 'text/plain; charset=utf-8', inhoud: Buffer.from([0x48, 0xed, 0xa0, 0x80]) }, velden: undefined });
  for (const [soort, tekst] of Object.entries(IN_URL)) {
    lijst.push({ route, wat: `formulier ${soort}`, url: urlVoor(route), body: { type: 'application/x-www-form-urlencoded', inhoud: `tekst=${tekst}&formulier=x` }, velden: undefined });
  }
  lijst.push({ route, wat: 'json geen utf-8', url: urlVoor(route), body: { type: 'application/json', inhoud: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]) }, velden: undefined });
  return lijst;
}

/** The fields an Open311 error names (its answers follow the Open311 specification, not problem+json; ADR 0041). */
function open311Velden(body: string): string[] {
  return /Tekens die wij niet kunnen verwerken in: ([^<"]*)\./.exec(body)?.[1]?.split(', ') ?? [];
}

async function stuur(geval: Geval, ingelogd: boolean) {
  return loket.app.inject({
    method: geval.route.method as 'GET',
    url: geval.url,
    headers: {
      ...(ingelogd ? sessie.headers : {}),
      'if-match': '"1"',
      ...(geval.body ? { 'content-type': geval.body.type } : {}),
    },
    ...(geval.body ? { payload: geval.body.inhoud } : {}),
  });
}

describe('tekst die Loket niet kan verwerken', () => {
  it('is refused at the edge with a 400 naming the field, on every route, anonymous and logged in', async () => {
    const routes = [...loket.routes.filter((r) => !uitloggen(r)), ...loket.routes.filter(uitloggen)];
    expect(routes.length).toBeGreaterThan(100);
    const voor = await tellingen();
    const fouten: string[] = [];
    let aantal = 0;
    for (const route of routes) {
      for (const geval of gevallen(route)) {
        for (const ingelogd of [false, true]) {
          aantal += 1;
          const res = await stuur(geval, ingelogd);
          const wie = ingelogd ? 'ingelogd' : 'anoniem';
          const waar = `${route.method} ${route.url} ${geval.wat} ${wie}`;
          if (res.statusCode >= 500) {
            fouten.push(`${waar}: ${res.statusCode}`);
            continue;
          }
          if (geval.velden === undefined) {
            if (![400, 415].includes(res.statusCode)) fouten.push(`${waar}: ${res.statusCode}, verwacht 400 of 415`);
            continue;
          }
          const open311 = route.url.startsWith('/open311/') && !String(res.headers['content-type']).startsWith('application/problem+json');
          const namen = res.statusCode !== 400 ? [] : open311 ? open311Velden(res.body) : (res.json().invalidParams ?? []).map((p: { name: string }) => p.name);
          if (res.statusCode !== 400 || !geval.velden.every((v) => namen.includes(v))) {
            fouten.push(`${waar}: ${res.statusCode} ${JSON.stringify(namen)}, verwacht 400 met ${JSON.stringify(geval.velden)}`);
          }
        }
      }
    }
    expect(fouten).toEqual([]);
    expect(aantal).toBeGreaterThan(2000);
    // Refused before any handler: nothing stored, nothing read into the logs.
    expect(await tellingen()).toEqual(voor);
  }, 240_000);

  it('shows a resident a page in plain Dutch or English, in the gemeente\'s theme', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const nl = await loket.app.inject({ method: 'GET', url: '/%00', headers: html });
    expect(nl.statusCode).toBe(400);
    expect(nl.headers['content-type']).toContain('text/html');
    expect(nl.body).toContain('Dit kunnen wij niet lezen');
    const en = await loket.app.inject({ method: 'GET', url: '/diemen/en/zaken/%ED%A0%80', headers: html });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('We cannot read this');
    expect(en.body).toContain('/static/thema/diemen.css');
    const formulier = await loket.app.inject({
      method: 'POST',
      url: '/diemen/zaken/ABCD-EFGH-JKLM',
      headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'tekst=Hallo%00daar&formulier=x',
    });
    expect(formulier.statusCode).toBe(400);
    expect(formulier.body).toContain('Dit kunnen wij niet lezen');
    // The API keeps problem+json, also for a browser.
    const api = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten?x=%00', headers: html });
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 400, type: 'urn:loket:problem:ongeldige-tekens', invalidParams: [{ name: 'query.x', code: 'ongeldig-teken' }] });
  });
});

describe('het logboek', () => {
  it('has no error line for refused text: a 400 is not an error', async () => {
    const regels: { level: number; msg: string }[] = [];
    const database = await testDatabase();
    const metLog = await createLoket({
      config: loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' }),
      database,
      logger: { level: 'info', stream: { write: (regel: string) => void regels.push(JSON.parse(regel)) } },
      werkers: false,
    });
    try {
      const antwoorden = await Promise.all([
        metLog.app.inject({ method: 'GET', url: '/%00' }),
        metLog.app.inject({ method: 'GET', url: '/health%00' }),
        metLog.app.inject({ method: 'GET', url: '/%ff', headers: { accept: 'text/html' } }),
        metLog.app.inject({ method: 'POST', url: '/api/v1/sessie', payload: { email: 'a\u0000@b.nl', wachtwoord: 'een wachtwoord' } }),
        metLog.app.inject({ method: 'GET', url: '/api/v1/gemeenten?zoek=%ED%A0%80' }),
      ]);
      expect(antwoorden.map((a) => a.statusCode)).toEqual([400, 400, 400, 400, 400]);
      expect(regels.length).toBeGreaterThan(0);
      expect(regels.filter((r) => r.level >= 40)).toEqual([]);
    } finally {
      await metLog.close();
      await database.close();
    }
  });
});

async function tellingen() {
  const { db } = loket.database;
  const tel = async (tabel: 'audit_log' | 'installatie_log' | 'verwerking_log' | 'team' | 'zaak' | 'zaak_gebeurtenis' | 'bericht' | 'gebruiker' | 'sessie') =>
    Number((await db.selectFrom(tabel).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return Object.fromEntries(await Promise.all((['audit_log', 'installatie_log', 'verwerking_log', 'team', 'zaak', 'zaak_gebeurtenis', 'bericht', 'gebruiker', 'sessie'] as const).map(async (t) => [t, await tel(t)])));
}
