import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let kcc: Ingelogd;
let bo: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/zaken';

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
});
afterAll(async () => loket.close());

const nieuweKlacht = {
  zaaktype: 'klacht',
  onderwerp: 'Onvriendelijk behandeld aan de balie',
  omschrijving: 'Ik werd niet geholpen bij het ophalen van mijn paspoort.',
  kanaal: 'balie',
  ontvangstdatum: '2026-03-02',
  betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' },
};

describe('zaken registreren en lezen', () => {
  it('registers a zaak under the current zaaktype version, derives the deadline, mails the receipt and shows the code once', async () => {
    const res = await loket.app.inject({ method: 'POST', url: basis, headers: kcc.headers, payload: nieuweKlacht });
    expect(res.statusCode, res.body).toBe(201);
    const zaak = res.json();
    expect(res.headers.location).toBe(`${basis}/${zaak.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(zaak.identificatie).toBe('Z-2026-000001');
    expect(zaak.zaaktype).toMatchObject({ code: 'klacht', versie: 1 });
    expect(zaak.team.naam).toBe('Juridische zaken');
    // Awb 9:11: six weeks from the day of receipt.
    expect(zaak.uiterlijkeEinddatum).toBe('2026-04-13');
    expect(zaak.status).toMatchObject({ volgnummer: 1, naam: 'Ontvangen' });
    expect(zaak.volgcode).toMatch(/^[a-z2-7]{32}$/);
    expect(zaak.volglink).toBe(`http://127.0.0.1:3000/diemen/zaken/${zaak.volgcode}`);
    const detail = await loket.app.inject({ method: 'GET', url: `${basis}/${zaak.id}`, headers: kcc.headers });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(zaak.volgcode);
    expect(detail.json().tijdlijn).toHaveLength(1);
    const postvak = await loket.database.db.selectFrom('bericht').selectAll().where('aan', '=', 'anna@example.nl').execute();
    expect(postvak).toHaveLength(1);
    expect(postvak[0]?.onderwerp).toBe('Wij hebben uw klacht ontvangen (Z-2026-000001)');
    expect(postvak[0]?.tekst).toContain(zaak.volglink);
    expect(postvak[0]?.tekst).toContain('13 april 2026');
  });

  it('lists the team queue by deadline', async () => {
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}?pageSize=5`, headers: bo.headers });
    expect(lijst.statusCode, lijst.body).toBe(200);
    expect(lijst.json().items.length).toBeGreaterThan(0);
  });
});
