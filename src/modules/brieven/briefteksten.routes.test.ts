import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { leesPdf } from '../../../test/pdf.ts';

let loket: TestLoket;
let beheerder: Ingelogd;
let tim: Ingelogd;
const api = '/api/v1/gemeenten/GM0384';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  tim = await logInAls(loket, 'teamleider@diemen.demo');
});
afterAll(async () => {
  await loket.close();
});

const zet = (groep: string, taal: string, payload: Record<string, unknown>, sessie: Ingelogd = beheerder, gemeente = 'GM0384') =>
  loket.app.inject({ method: 'PUT', url: `/api/v1/gemeenten/${gemeente}/briefteksten/${groep}/${taal}`, headers: sessie.headers, payload });
const normaal = (tekst: string) => tekst.replace(/\s+/g, ' ');

/** A klacht registered by Tim, and the text of its receipt letter (the first PDF kept with the zaak). */
async function ontvangstbrief(taal: 'nl' | 'en'): Promise<string> {
  const team = await loket.database.db.selectFrom('team').select('id').where('gemeente', '=', 'GM0384').where('naam', '=', 'Vergunningen').executeTakeFirstOrThrow();
  const res = await loket.app.inject({
    method: 'POST',
    url: `${api}/klachten`,
    headers: tim.headers,
    payload: { onderwerp: 'Lang gewacht', omschrijving: 'Niemand belde terug.', kanaal: 'post', ontvangstdatum: '2026-03-02', categorie: 'bereikbaarheid', team: team.id, klager: { naam: 'Jan Jansen', taal } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const klacht = await loket.app.inject({ method: 'GET', url: `${api}/klachten/${res.json().id}`, headers: tim.headers });
  const brief = klacht.json().brieven[0];
  const pdf = await loket.app.inject({ method: 'GET', url: `${api}/zaken/${res.json().id}/documenten/${brief.id}`, headers: tim.headers });
  expect(pdf.statusCode).toBe(200);
  return normaal(leesPdf(pdf.rawPayload).tekst);
}

describe('briefteksten', () => {
  // One test: the tests of a file run in random order, and this one starts from nothing set.
  it("lists every group and language with the default (nothing set); then the gemeente's wording goes into the klacht and bezwaar letters", async () => {
    const res = await loket.app.inject({ method: 'GET', url: `${api}/briefteksten`, headers: beheerder.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual(
      ['algemeen', 'klachten', 'bezwaar'].flatMap((groep) => ['nl', 'en'].map((taal) => ({ groep, taal, inleiding: null, contact: null, ondertekening: null, gewijzigdOp: null }))),
    );
    const tekst = await ontvangstbrief('nl');
    expect(tekst).toContain('Met vriendelijke groet, Gemeente Diemen');

    // Then the gemeente's wording goes into the klacht letters: the klachten group first, the general group for what it leaves empty, per language.
    const algemeen = await zet('algemeen', 'nl', { inleiding: 'Dank voor uw bericht aan de gemeente.', contact: 'Vragen? Bel 14 020.', ondertekening: null });
    expect(algemeen.statusCode, algemeen.body).toBe(200);
    const klachten = await zet('klachten', 'nl', { inleiding: '  Wij vinden het belangrijk dat u tevreden bent.  ', contact: '', ondertekening: 'A. Jansen, klachtcoördinator' });
    expect(klachten.statusCode, klachten.body).toBe(200);
    expect(klachten.json()).toEqual({ groep: 'klachten', taal: 'nl', inleiding: 'Wij vinden het belangrijk dat u tevreden bent.', contact: null, ondertekening: 'A. Jansen, klachtcoördinator', gewijzigdOp: expect.stringMatching(/^2026-03-02T/) });
    const lijst = await loket.app.inject({ method: 'GET', url: `${api}/briefteksten`, headers: beheerder.headers });
    expect(lijst.json().items).toContainEqual(klachten.json());

    const nl = await ontvangstbrief('nl');
    expect(nl).toContain('Beste Jan Jansen, Wij vinden het belangrijk dat u tevreden bent.');
    expect(nl).not.toContain('Dank voor uw bericht');
    expect(nl).toContain('Vragen? Bel 14 020.');
    expect(nl).toContain('Met vriendelijke groet, A. Jansen, klachtcoördinator Gemeente Diemen');
    // English letters have their own wording: none set, so the default.
    const en = await ontvangstbrief('en');
    expect(en).not.toContain('Wij vinden');
    expect(en).not.toContain('klachtcoördinator');
    expect(en).toContain('Kind regards, Municipality of Diemen');

    // The bezwaar letters take the bezwaar group first, then the general one.
    expect((await zet('bezwaar', 'nl', { inleiding: null, contact: null, ondertekening: 'Secretariaat bezwaarcommissie' })).statusCode).toBe(200);
    const bezwaar = await loket.app.inject({
      method: 'POST',
      url: `${api}/bezwaren`,
      headers: tim.headers,
      payload: { besluit: 'Weigering dakkapel', bekendmaking: '2026-02-02', ontvangen: '2026-02-20', onderwerp: 'Bezwaar dakkapel', kanaal: 'post', betrokkene: { naam: 'Sara Jansen', taal: 'nl' } },
    });
    expect(bezwaar.statusCode, bezwaar.body).toBe(201);
    const document = (bezwaar.json().documenten as { id: string; bestandsnaam: string }[]).find((d) => d.bestandsnaam.startsWith('ontvangstbevestiging-'));
    const pdf = await loket.app.inject({ method: 'GET', url: `${api}/zaken/${bezwaar.json().id}/documenten/${document?.id}`, headers: tim.headers });
    expect(pdf.statusCode).toBe(200);
    const bezwaarbrief = normaal(leesPdf(pdf.rawPayload).tekst);
    expect(bezwaarbrief).toContain('Dank voor uw bericht aan de gemeente.');
    expect(bezwaarbrief).toContain('Vragen? Bel 14 020.');
    expect(bezwaarbrief).toContain('Met vriendelijke groet, Secretariaat bezwaarcommissie Gemeente Diemen');
    expect(bezwaarbrief).not.toContain('klachtcoördinator');

    const audit = await loket.database.db.selectFrom('audit_log').select('details').where('actie', '=', 'brieftekst-wijzigen').execute();
    expect(audit.map((a) => a.details)).toEqual([
      { groep: 'algemeen', taal: 'nl' },
      { groep: 'klachten', taal: 'nl' },
      { groep: 'bezwaar', taal: 'nl' },
    ]);
  });

  it('refuses bad input with every reason at once, an unknown group or language, a role without the right and another gemeente, and changes nothing', async () => {
    const voor = await loket.app.inject({ method: 'GET', url: `${api}/briefteksten`, headers: beheerder.headers });
    const fout = await zet('klachten', 'nl', { inleiding: 'x'.repeat(1001), contact: 'regel\neen', ondertekening: 'y'.repeat(201) });
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toContain('application/problem+json');
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['contact', 'inleiding', 'ondertekening']);
    expect((await zet('klachten', 'nl', { inleiding: null, contact: null, ondertekening: null, extra: 1 })).statusCode).toBe(400);
    expect((await zet('klachten', 'nl', {})).statusCode).toBe(400);
    const groep = await zet('bezwaren', 'fr', { inleiding: null, contact: null, ondertekening: null });
    expect(groep.statusCode).toBe(400);
    expect(groep.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['params.groep', 'params.taal']);
    expect((await zet('klachten', 'nl', { inleiding: 'Hallo', contact: null, ondertekening: null }, tim)).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'GET', url: `${api}/briefteksten`, headers: tim.headers })).statusCode).toBe(403);
    // The beheerder of DuoPlus is not a beheerder of Amsterdam.
    expect([403, 404]).toContain((await zet('klachten', 'nl', { inleiding: 'Hallo', contact: null, ondertekening: null }, beheerder, 'GM0363')).statusCode);
    const na = await loket.app.inject({ method: 'GET', url: `${api}/briefteksten`, headers: beheerder.headers });
    expect(na.json()).toEqual(voor.json());
  });
});
