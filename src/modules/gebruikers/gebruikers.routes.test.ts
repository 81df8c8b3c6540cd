import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import { logIn, type Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let admin: Ingelogd;
const basis = '/api/v1/gemeenten/GM0451/gebruikers';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterAll(async () => loket.close());

async function postvak(): Promise<{ aan: string; onderwerp: string; status: string }[]> {
  const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/berichten?pageSize=100', headers: admin.headers });
  return res.json().items;
}

describe('medewerkers beheren', () => {
  it('creates a user with roles, answers with Location and ETag, and mails the new colleague', async () => {
    const res = await loket.app.inject({
      method: 'POST',
      url: basis,
      headers: admin.headers,
      payload: { naam: 'Wim Wijk', email: 'wim@uithoorn.demo', wachtwoord: 'wijkbeheer is mooi werk', rollen: ['behandelaar', 'teamleider'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`${basis}/${res.json().id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ naam: 'Wim Wijk', actief: true, mfaIngesteld: false, rollen: ['behandelaar', 'teamleider'] });
    expect(res.body).not.toContain('wijkbeheer');
    const mail = (await postvak()).find((b) => b.aan === 'wim@uithoorn.demo');
    expect(mail).toMatchObject({ onderwerp: 'Uw toegang tot Loket', status: 'niet-verzonden' });
  });

  it('refuses an address that already has an account in this gemeente, changing nothing', async () => {
    const nieuw = (email: string, naam: string) =>
      loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam, email, wachtwoord: 'nog een lange zin hier', rollen: ['behandelaar'] } });
    expect((await nieuw('dirk@uithoorn.demo', 'Dirk Dijk')).statusCode).toBe(201);
    const res = await nieuw('DIRK@uithoorn.demo', 'Dubbel');
    expect(res.statusCode).toBe(409);
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}?zoek=dirk`, headers: admin.headers });
    expect(lijst.json().total).toBe(1);
  });

  it('sets roles, resets the second factor (ending sessions) and tells the user', async () => {
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}?zoek=Rik`, headers: admin.headers });
    const rik = lijst.json().items[0];
    const sessie = await logInAls(loket, 'redacteur@uithoorn.demo');
    const rollen = await loket.app.inject({ method: 'PUT', url: `${basis}/${rik.id}/rollen`, headers: { ...admin.headers, 'if-match': `"${rik.versie}"` }, payload: { rollen: ['webredacteur', 'kcc-medewerker'] } });
    expect(rollen.statusCode).toBe(200);
    expect(rollen.json().rollen).toEqual(['kcc-medewerker', 'webredacteur']);
    const herstel = await loket.app.inject({ method: 'POST', url: `${basis}/${rik.id}/mfa-herstel`, headers: { ...admin.headers, 'if-match': rollen.headers.etag as string } });
    expect(herstel.statusCode).toBe(200);
    expect(herstel.json().mfaIngesteld).toBe(false);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: sessie.headers })).statusCode).toBe(401);
    expect((await postvak()).map((b) => b.onderwerp)).toContain('Uw tweede stap voor Loket is opnieuw ingesteld');
    const audit = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/audit-log?pageSize=100', headers: admin.headers });
    const acties = audit.json().items.filter((a: { object: { id: string } }) => a.object.id === rik.id).map((a: { actie: string }) => a.actie);
    expect(acties).toEqual(expect.arrayContaining(['medewerker-rollen', 'medewerker-mfa-herstel']));

    // No roles: Rik no longer works for Uithoorn (and leaves its teams); the account stays.
    const weg = await loket.app.inject({ method: 'PUT', url: `${basis}/${rik.id}/rollen`, headers: { ...admin.headers, 'if-match': herstel.headers.etag as string }, payload: { rollen: [] } });
    expect(weg.statusCode).toBe(204);
    expect((await loket.app.inject({ method: 'GET', url: `${basis}/${rik.id}`, headers: admin.headers })).statusCode).toBe(404);
    const teams = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/teams', headers: admin.headers });
    expect(JSON.stringify(teams.json())).not.toContain(rik.id);
  });

  it('lets only a beheerder of every gemeente of an account change the account itself', async () => {
    const olaf = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0437/gebruikers',
      headers: admin.headers,
      payload: { naam: 'Olaf Ouder-Amstel', email: 'olaf@ouder-amstel.demo', wachtwoord: 'alleen voor ouder-amstel', rollen: ['beheerder'] },
    });
    expect(olaf.statusCode).toBe(201);
    loket.klok.verder(30_000);
    const olafHeaders = (await logIn(loket.app, loket.klok, 'olaf@ouder-amstel.demo', 'alleen voor ouder-amstel')).headers;

    // Pim works for Diemen and Ouder-Amstel: Olaf may set Pim's roles in Ouder-Amstel, not disable the account.
    const pim = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/gebruikers?zoek=Pim', headers: olafHeaders })).json().items[0];
    const uit = await loket.app.inject({ method: 'PATCH', url: `/api/v1/gemeenten/GM0437/gebruikers/${pim.id}`, headers: { ...olafHeaders, 'if-match': `"${pim.versie}"` }, payload: { actief: false } });
    expect(uit.statusCode).toBe(403);
    const mfa = await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/GM0437/gebruikers/${pim.id}/mfa-herstel`, headers: { ...olafHeaders, 'if-match': `"${pim.versie}"` } });
    expect(mfa.statusCode).toBe(403);
    const rollen = await loket.app.inject({ method: 'PUT', url: `/api/v1/gemeenten/GM0437/gebruikers/${pim.id}/rollen`, headers: { ...olafHeaders, 'if-match': `"${pim.versie}"` }, payload: { rollen: ['externe-partner', 'behandelaar'] } });
    expect(rollen.statusCode).toBe(200);
    // The Duo+ beheerder, beheerder of both, may.
    const admin2 = await loket.app.inject({ method: 'PATCH', url: `/api/v1/gemeenten/GM0437/gebruikers/${pim.id}`, headers: { ...admin.headers, 'if-match': rollen.headers.etag as string }, payload: { actief: false } });
    expect(admin2.statusCode).toBe(200);
  });

  it('gives an account of another gemeente the roles here, answering as for a new account (ADR 0003)', async () => {
    // Olga is beheerder of Ouder-Amstel only.
    const wachtwoord = 'beheer alleen ouder-amstel';
    await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0437/gebruikers', headers: admin.headers, payload: { naam: 'Olga', email: 'olga@ouder-amstel.demo', wachtwoord, rollen: ['beheerder'] } });
    loket.klok.verder(30_000);
    const olga = (await logIn(loket.app, loket.klok, 'olga@ouder-amstel.demo', wachtwoord)).headers;
    const voegToe = (email: string, naam: string) =>
      loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0437/gebruikers', headers: olga, payload: { naam, email, wachtwoord: 'een tijdelijk wachtwoord hier', rollen: ['behandelaar'] } });

    // Bo works only for Diemen, where Olaf is not a beheerder; Nina has no account yet.
    const bo = await voegToe('behandelaar@diemen.demo', 'Bo Behandelaar');
    const nina = await voegToe('nina@ouder-amstel.demo', '\u202BNina\u202C Nieuw\u0007');
    for (const res of [bo, nina]) {
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/gemeenten/GM0437/gebruikers/${res.json().id}`);
      expect(res.json().rollen).toEqual(['behandelaar']);
      expect(res.json().teams).toEqual([]);
    }
    expect(Object.keys(bo.json()).toSorted()).toEqual(Object.keys(nina.json()).toSorted());
    expect(nina.json().naam).toBe('Nina Nieuw');
    // Nothing of Diemen shows: not its roles, not its teams.
    expect(bo.body).not.toMatch(/GM0384|teamleider|Openbare ruimte/);

    // The same mail and the same audit entry for both.
    const mails = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/berichten?pageSize=100', headers: olga })).json().items as { aan: string; onderwerp: string; tekst: string }[];
    const [aanBo, aanNina] = ['behandelaar@diemen.demo', 'nina@ouder-amstel.demo'].map((aan) => mails.find((m) => m.aan === aan));
    expect(aanBo).toMatchObject({ onderwerp: aanNina?.onderwerp, tekst: aanNina?.tekst });
    const audit = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/audit-log?pageSize=100', headers: olga })).json().items as { actie: string; object: { id: string }; details: unknown }[];
    const [logBo, logNina] = [bo, nina].map((res) => audit.find((a) => a.object.id === res.json().id));
    expect(logBo).toMatchObject({ actie: 'medewerker-aanmaken', details: logNina?.details });

    // Bo keeps the own password and now works for Ouder-Amstel too; a second time is a 409.
    const sessie = await logInAls(loket, 'behandelaar@diemen.demo');
    const gemeenten = (await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: sessie.headers })).json().gemeenten as { code: string; rollen: string[] }[];
    expect(gemeenten.map((g) => [g.code, g.rollen])).toEqual(expect.arrayContaining([['GM0384', ['behandelaar']], ['GM0437', ['behandelaar']]]));
    const nogEens = await voegToe('Behandelaar@Diemen.demo', 'Bo');
    expect(nogEens.statusCode).toBe(409);
    expect(nogEens.json().type).toBe('urn:loket:problem:email-bestaat');
  });
});
