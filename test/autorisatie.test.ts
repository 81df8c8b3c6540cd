import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLEN, type Rol } from '../src/db/schema.ts';
import Fastify from 'fastify';
import { installPolicies, type RouteWithPolicy } from '../src/http/policy.ts';
import { gebruikersRepository } from '../src/modules/gebruikers/gebruikers.repository.ts';
import { hashWachtwoord } from '../src/modules/auth/wachtwoord.ts';
import { testLoket, type TestLoket } from './app.ts';
import { laadDemo, logInAls } from './demo.ts';
import { logIn, type Ingelogd } from './login.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { jaarstukken2023 } from '../src/modules/planning-control/fixtures/hoofdstuk.fixture.ts';
import { beleid, heeftRecht } from '../src/http/rechten.ts';
import { leesRechtenSnapshot, RECHTEN_BIJWERKEN, RECHTEN_SNAPSHOT, type Toegang } from './rechten.ts';

// Deny by default, checked from one matrix: every route × every role (and no login at all).
let loket: TestLoket;
const snapshot = leesRechtenSnapshot();
const sessies = new Map<Rol, Ingelogd>();
const WACHTWOORD = 'matrix-test-wachtwoord-lang';
const GEHEIM = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  const repo = gebruikersRepository(loket.database.db);
  const hash = await hashWachtwoord(WACHTWOORD);
  for (const rol of ROLLEN) {
    const email = `${rol}@matrix.test`;
    await repo.maak({ id: randomUUID(), naam: `Matrix ${rol}`, email, wachtwoordHash: hash, totpGeheim: GEHEIM, totpBevestigd: true, gemeente: 'GM0384', rollen: [rol] });
    sessies.set(rol, await nieuweSessie(rol));
  }
});
afterAll(async () => loket.close());

async function nieuweSessie(rol: Rol): Promise<Ingelogd> {
  loket.klok.verder(30_000);
  return logIn(loket.app, loket.klok, `${rol}@matrix.test`, WACHTWOORD, GEHEIM);
}

function urlVoor(route: RouteWithPolicy, gemeente: string, id: string): string {
  return route.url.replace(':gemeente', gemeente).replace(/:[a-zA-Z]+/g, id).replace('*', 'x');
}

/**
 * What a role should get from a route, by the committed snapshot and RECHTEN, never by the route's
 * own declaration: a route declared public (or with the wrong right) by mistake fails here.
 */
function verwacht(toegang: Toegang, rol: Rol | 'anoniem'): 'toegestaan' | 401 | 403 {
  if (toegang === 'publiek') return 'toegestaan';
  if (rol === 'anoniem') return 401;
  if (toegang === 'aanmelden' || toegang === 'ingelogd') return 'toegestaan';
  return heeftRecht([rol], toegang) ? 'toegestaan' : 403;
}

/** A route's entry in the snapshot; a route missing from it is an error of its own. */
function snapshotVan(route: RouteWithPolicy, fouten: string[]): Toegang | undefined {
  const toegang = snapshot.get(`${route.method} ${route.url}`);
  if (!toegang) fouten.push(`${route.method} ${route.url} staat niet in test/${RECHTEN_SNAPSHOT}; voeg haar toe met ${RECHTEN_BIJWERKEN}`);
  return toegang;
}

describe('toegangsbeleid', () => {
  it('refuses to register a route without a policy', async () => {
    const app = Fastify({ logger: false });
    installPolicies(app, async () => undefined);
    expect(() => app.get('/zonder-beleid', async () => 'x')).toThrow(/toegangsbeleid/);
    expect(() => app.get('/api/v1/x', { config: { policy: beleid('beheer') } }, async () => 'x')).toThrow(/:gemeente/);
    await app.close();
    expect(loket.routes.length).toBeGreaterThan(15);
  });

  it('answers every route × role as the matrix says', async () => {
    const fouten: string[] = [];
    for (const route of loket.routes) {
      const toegang = snapshotVan(route, fouten);
      if (!toegang) continue;
      for (const rol of ['anoniem', ...ROLLEN] as const) {
        // Logging out ends the session, so those routes get a fresh one.
        const uitloggen = route.method === 'DELETE' && route.url.startsWith('/api/v1/sessie');
        const sessie = rol === 'anoniem' ? undefined : uitloggen ? await nieuweSessie(rol) : sessies.get(rol);
        const res = await loket.app.inject({
          method: route.method as 'GET',
          url: urlVoor(route, 'GM0384', randomUUID()),
          headers: { ...sessie?.headers, 'if-match': '"1"' },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        if (uitloggen && rol !== 'anoniem') sessies.set(rol, await nieuweSessie(rol));
        const verwachting = verwacht(toegang, rol);
        const ok = verwachting === 'toegestaan' ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode !== 500 : res.statusCode === verwachting;
        if (!ok) fouten.push(`${route.method} ${route.url} als ${rol}: ${res.statusCode}, verwacht ${verwachting}`);
      }
    }
    expect(fouten).toEqual([]);
  }, 180_000);

  it('refuses a role-bound route for a gemeente the user does not work for', async () => {
    const fouten: string[] = [];
    const beheerder = sessies.get('beheerder') as Ingelogd;
    const metRecht = loket.routes.filter((route) => {
      const toegang = snapshotVan(route, fouten);
      return toegang !== undefined && toegang !== 'publiek' && toegang !== 'aanmelden' && toegang !== 'ingelogd';
    });
    expect(metRecht.length).toBeGreaterThan(50);
    for (const route of metRecht) {
      const res = await loket.app.inject({ method: route.method as 'GET', url: urlVoor(route, 'GM0451', randomUUID()), headers: beheerder.headers });
      if (res.statusCode !== 403) fouten.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(fouten).toEqual([]);
  });
});

/** A valid body for each changing :id route, so the probe reaches the lookup (404) and not validation (400). */
function geldigeInhoud(url: string, zaaktype: Record<string, unknown>): Record<string, unknown> {
  const zaakActies: Record<string, Record<string, unknown>> = {
    toewijzing: { behandelaar: 'ik' },
    statussen: { statustype: 2 },
    notities: { tekst: 'Overgenomen' },
    berichten: { tekst: 'Overgenomen' },
    antwoorden: { tekst: 'Overgenomen' },
    opschortingen: { reden: 'Overgenomen' },
    einde: {},
    verlengingen: { duur: 'P1W', reden: 'Overgenomen' },
    termijnen: { norm: 'P6W', reden: 'Overgenomen' },
    afsluiting: { resultaattype: randomUUID() },
    relaties: { zaak: randomUUID() },
    omzettingen: { zaaktype: 'klacht', reden: 'Overgenomen' },
    'bezwaar-omzettingen': { besluit: 'Probe', bekendmaking: '2026-01-05', reden: 'Overgenomen' },
    volgcode: {},
    volgbrief: {},
    versies: {},
    publicatie: {},
    indicatoren: { code: '9', naam: 'Probe', soort: 'effect', verplicht: false, waarden: [] },
    financien: { naam: 'Probe', bedragen: [] },
    afhandeling: { afhandeling: 'geen-actie' },
    oppakken: {},
    pogingen: { bereikt: false },
    afhandelen: { status: 'afgerond', uitkomst: 'Overgenomen' },
    stappen: { soort: 'contact', datum: '2026-11-23', verslag: 'Overgenomen' },
    'berekende-waarden': { kolom: 'Realisatie 2023' },
  };
  const laatste = url.split('/').at(-1) ?? '';
  if (url.endsWith('/bezwaar/stappen')) return { soort: 'hoorverslag', verslag: 'Overgenomen' };
  if (url.endsWith('/kennis-meldingen/:id/afhandelen')) return { antwoord: 'Overgenomen' };
  if (url.endsWith('/kennisartikelen/:id/meldingen')) return { soort: 'klopt-niet', toelichting: 'Overgenomen' };
  if (url.endsWith('/kennisartikelen/:id')) return { soort: 'vraag-antwoord', onderwerp: 'Probe', titel: 'Probe', inhoud: 'Probe', team: randomUUID(), herzienOp: '2027-01-01' };
  if (url.endsWith('/rollen')) return { rollen: ['behandelaar'] };
  if (url.endsWith('/leden')) return { gebruikers: [] };
  if (url.endsWith('/zaaktypen/:id')) return zaaktype;
  if (url.endsWith('/balie-afspraken/:id')) return { status: 'ingecheckt' };
  if (url.endsWith('/afspraak-locaties/:id')) return { naam: 'Probe', adres: 'Probe 1', openingstijden: [] };
  if (url.endsWith('/afspraak-locaties/:id/balies') || url.endsWith('/balies/:balie')) return { naam: 'Probe', producten: [] };
  if (url.endsWith('/afspraak-locaties/:id/sluitingen')) return { van: '2030-01-01', tot: '2030-01-01', reden: 'Probe' };
  if (url.endsWith('/enquetes/:id')) return { definitie: enqueteVoorbeeld };
  if (url.endsWith('/formulieren/:id')) return { code: 'probe', zaaktype: randomUUID(), definitie: formulierVoorbeeld };
  if (url.endsWith('/enquetes/:id/status')) return { status: 'lopend' };
  if (url.endsWith('/enquetes/:id/uitnodigingen')) return {};
  if (url.endsWith('/klacht-maatregelen/:id')) return { status: 'uitgevoerd' };
  return zaakActies[laatste] ?? { naam: 'Overgenomen' };
}

const formulierVoorbeeld = {
  titel: { nl: 'Probe', en: 'Probe' },
  inleiding: { nl: 'Probe', en: 'Probe' },
  stappen: [{ id: 'stap', titel: { nl: 'Probe', en: 'Probe' }, velden: [{ id: 'email', soort: 'email', label: { nl: 'E-mail', en: 'Email' } }] }],
  contact: { email: 'email' },
};

const enqueteVoorbeeld = { titel: { nl: 'Probe', en: 'Probe' }, vragen: [{ id: 'cijfer', soort: 'rapportcijfer', tekst: { nl: 'Cijfer?', en: 'Mark?' } }] };

const zaaktypeVoorbeeld = {
  code: 'probe',
  naam: { nl: 'Probe', en: 'Probe' },
  norm: 'P6W',
  statustypen: [
    { naam: 'Ontvangen', tekst: { nl: 'Ontvangen', en: 'Received' } },
    { naam: 'Afgehandeld', tekst: { nl: 'Afgehandeld', en: 'Done' } },
  ],
  resultaattypen: [{ naam: 'Klaar', archiefnominatie: 'vernietigen', bewaartermijn: 'P1Y', selectielijstklasse: '6.3' }],
};

describe('scheiding tussen gemeenten', () => {
  it("answers 404 for every route given another gemeente's ids, and changes nothing", async () => {
    const admin = await logInAls(loket, 'beheerder@duoplus.demo');
    // Objects of Diemen (GM0384) …
    const ids: string[] = [];
    const gebruikers = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/gebruikers?pageSize=100', headers: admin.headers });
    const ookInOuderAmstel = new Set(
      (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/gebruikers?pageSize=100', headers: admin.headers })).json().items.map((g: { id: string }) => g.id),
    );
    const teams = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?pageSize=100', headers: admin.headers });
    const token = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/api-tokens',
      headers: admin.headers,
      payload: { naam: 'Probe', rollen: ['behandelaar'], geldigTot: '2027-01-01T00:00:00Z' },
    });
    // … and zaaktypen and a zaak.
    const zaaktypen = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaaktypen?alleVersies=true&pageSize=100', headers: admin.headers });
    const zaak = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/zaken',
      headers: admin.headers,
      payload: { zaaktype: 'klacht', onderwerp: 'Probe', kanaal: 'telefoon', ontvangstdatum: '2026-11-23' },
    });
    expect(zaak.statusCode).toBe(201);
    const klantcontact = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/klantcontacten',
      headers: admin.headers,
      payload: { kanaal: 'telefoon', onderwerp: 'Probe', uitkomst: 'zelfstandig-afgehandeld', persoon: { naam: 'Probe' } },
    });
    expect(klantcontact.statusCode).toBe(201);
    const contactverzoek = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/contactverzoeken',
      headers: admin.headers,
      payload: { team: teams.json().items[0].id, onderwerp: 'Probe', vraag: 'Probe', persoon: { telefoon: '0612345678' } },
    });
    expect(contactverzoek.statusCode).toBe(201);
    const artikel = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/kennisartikelen',
      headers: admin.headers,
      payload: { soort: 'vraag-antwoord', onderwerp: 'Probe', titel: 'Probe', inhoud: 'Probe', team: teams.json().items[0].id, herzienOp: '2027-01-01' },
    });
    expect(artikel.statusCode).toBe(201);
    const kennisMelding = await loket.app.inject({
      method: 'POST',
      url: `/api/v1/gemeenten/GM0384/kennisartikelen/${artikel.json().id}/meldingen`,
      headers: admin.headers,
      payload: { soort: 'onduidelijk', toelichting: 'Probe' },
    });
    expect(kennisMelding.statusCode).toBe(201);
    const enquete = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/enquetes', headers: admin.headers, payload: { definitie: enqueteVoorbeeld } });
    expect(enquete.statusCode).toBe(201);
    ids.push(
      ...zaaktypen.json().items.map((z: { id: string }) => z.id),
      enquete.json().id,
      zaak.json().id,
      klantcontact.json().id,
      contactverzoek.json().id,
      artikel.json().id,
      kennisMelding.json().id,
    );
    ids.push(
      ...gebruikers.json().items.map((g: { id: string }) => g.id).filter((id: string) => !ookInOuderAmstel.has(id)),
      ...teams.json().items.map((t: { id: string }) => t.id),
      token.json().id,
      (await loket.services.pc.importeer(cliContext(), 'GM0384', [jaarstukken2023()])).id,
    );
    expect(ids.length).toBeGreaterThan(5);
    const voor = await loket.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('resultaat', '=', 'gelukt').where('gemeente', '=', 'GM0437').executeTakeFirstOrThrow();

    // … asked for through Ouder-Amstel (GM0437), where the same beheerder works too.
    const fouten: string[] = [];
    for (const route of loket.routes.filter((r) => r.url.includes(':gemeente/') && r.url.includes(':id'))) {
      for (const id of ids) {
        const res = await loket.app.inject({
          method: route.method as 'GET',
          url: urlVoor(route, 'GM0437', id),
          headers: { ...admin.headers, 'if-match': '"1"' },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: geldigeInhoud(route.url, zaaktypeVoorbeeld) }),
        });
        if (res.statusCode !== 404) fouten.push(`${route.method} ${route.url} met ${id}: ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    // Closure days are found by date: one of Diemen's, asked for through Ouder-Amstel.
    const sluitingsdag = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/sluitingsdagen', headers: admin.headers, payload: { datum: '2030-06-14', naam: 'Probe' } });
    expect(sluitingsdag.statusCode).toBe(201);
    const opDatum = loket.routes.filter((r) => r.url.includes(':gemeente/') && r.url.includes(':datum'));
    expect(opDatum.length).toBeGreaterThanOrEqual(2);
    for (const route of opDatum) {
      const res = await loket.app.inject({ method: route.method as 'GET', url: urlVoor(route, 'GM0437', '2030-06-14'), headers: admin.headers });
      if (res.statusCode !== 404) fouten.push(`${route.method} ${route.url} met 2030-06-14: ${res.statusCode} ${res.body.slice(0, 80)}`);
    }
    expect(fouten).toEqual([]);
    const na = await loket.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('resultaat', '=', 'gelukt').where('gemeente', '=', 'GM0437').executeTakeFirstOrThrow();
    expect(Number(na.n)).toBe(Number(voor.n));
  }, 180_000);

  it('lets an API token act only in its own gemeente and roles', async () => {
    const admin = await logInAls(loket, 'beheerder@duoplus.demo');
    const res = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/api-tokens',
      headers: admin.headers,
      payload: { naam: 'Koppeling', rollen: ['beheerder'], geldigTot: '2027-01-01T00:00:00Z' },
    });
    expect(res.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${res.json().token}` };
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams', headers: bearer })).statusCode).toBe(200);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/teams', headers: bearer })).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: bearer })).statusCode).toBe(403);
    // A token needs no CSRF token (it is not a cookie).
    expect((await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers: bearer, payload: { naam: 'Via token' } })).statusCode).toBe(201);
    // Revoked and expired tokens stop working.
    expect((await loket.app.inject({ method: 'DELETE', url: `/api/v1/gemeenten/GM0384/api-tokens/${res.json().id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams', headers: bearer })).statusCode).toBe(401);
  });
});
