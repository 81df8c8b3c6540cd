import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { postvak, registreerZaak, zaakDetail } from '../../../test/zaken.ts';
import { cliContext } from '../audit/audit.service.ts';
import type { Wie } from '../zaken/zaken.service.ts';
import { binnenHeropentermijn } from './meldingen.samenvoegen.service.ts';

// Merging duplicate meldingen and reopening after "nee" (ADR 0074). Diemen, Monday 2 March 2026.

const G = 'GM0384';
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let loket: TestLoket;
let behandelaar: Ingelogd;
let kcc: Ingelogd;
let partner: Ingelogd;
let team: Wie;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  partner = await logInAls(loket, 'partner@afvalpartner.demo');
  team = await demoWie(loket, 'behandelaar@diemen.demo');
}, 120_000);
afterAll(async () => {
  await loket?.close();
  await smtp?.close();
});

let volgnummer = 0;
async function meld(email: string, opties: { categorie?: string; plek?: { lat: number; lon: number }; gemeente?: string; adres?: string } = {}) {
  volgnummer += 1;
  const plek = opties.adres ? { adres: opties.adres } : (opties.plek ?? { lat: 52.3401, lon: 4.9602 });
  const m = await loket.services.meldingen.meld(cliContext(), 'Test', opties.gemeente ?? G, {
    categorie: opties.categorie ?? 'losse-stoeptegel',
    beschrijving: `Tegel los ${volgnummer}`,
    ...plek,
    antwoorden: {},
    kanaal: 'web',
    bron: 'formulier',
    melder: { naam: `Melder ${volgnummer}`, email, taal: 'nl' },
  });
  return { id: m.zaakId, identificatie: m.identificatie };
}

async function sluitAf(zaakId: string, resultaat = 'Opgelost') {
  const zaak = await loket.services.zaken.detail(team, G, zaakId, { loggen: false });
  const rt = zaak.zaaktypeVersie.resultaattypen.find((r: { naam: string }) => r.naam === resultaat);
  if (!rt) throw new Error(`geen resultaat ${resultaat}`);
  await loket.services.zaken.sluitAf(team, G, zaakId, zaak.versie, { resultaattype: rt.id });
}

async function zetStatus(zaakId: string, naam: string) {
  const zaak = await loket.services.zaken.detail(team, G, zaakId, { loggen: false });
  const st = zaak.zaaktypeVersie.statustypen.find((s: { naam: string }) => s.naam === naam);
  if (!st) throw new Error(`geen status ${naam}`);
  await loket.services.zaken.zetStatus(team, G, zaakId, zaak.versie, { statustype: st.volgnummer });
}

const get = (wie: Ingelogd, url: string) => loket.app.inject({ method: 'GET', url, headers: wie.headers });
const post = (wie: Ingelogd, url: string, payload: unknown) => loket.app.inject({ method: 'POST', url, headers: wie.headers, payload: payload as Record<string, unknown> });
const melding = async (zaakId: string) => (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}`)).json();
const samenvoegen = (wie: Ingelogd, hoofd: string, meldingen: string[], toelichting?: string) =>
  post(wie, `/api/v1/gemeenten/${G}/meldingen/${hoofd}/samenvoegingen`, { meldingen, ...(toelichting ? { toelichting } : {}) });
const nee = (zaakId: string, toelichting = 'De tegel ligt nog steeds los.') => loket.services.kto.beantwoordVoorZaak(G, zaakId, { score: '0', punt: 'uitkomst', toelichting });
const verzoeken = (zaakId: string) => loket.database.db.selectFrom('melding_heropenverzoek').selectAll().where('zaak_id', '=', zaakId).execute();

// In this order: the first test waits for real SMTP delivery; the last moves the clock past the sessions.
describe('merge and reopen', { shuffle: false }, () => {
describe('merging duplicate meldingen', () => {
  it('closes the duplicates with a text naming the main melding; every later status of the main melding reaches every reporter and follower by mail', async () => {
    const hoofd = await meld('hoofd@example.nl');
    const b = await meld('bea@example.nl');
    const c = await meld('cas@example.nl');
    expect(await loket.services.meldingen.volg(cliContext(), G, b.id, { email: 'volger@example.nl', taal: 'nl' })).toBeDefined();

    const res = await samenvoegen(behandelaar, hoofd.id, [b.id, c.id], 'Bedankt voor uw melding.');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ hoofd: { zaakId: hoofd.id, identificatie: hoofd.identificatie }, samengevoegd: [{ zaakId: b.id }, { zaakId: c.id }] });

    // The duplicates are closed through the zaken engine, with the result Dubbel and the text for the reporter.
    const dicht = await melding(b.id);
    expect(dicht).toMatchObject({ status: 'geannuleerd', samengevoegdIn: { zaakId: hoofd.id, identificatie: hoofd.identificatie } });
    const zaakB = await zaakDetail(loket.app, behandelaar, { id: b.id });
    expect(zaakB.afgeslotenOp).not.toBeNull();
    expect(JSON.stringify(zaakB.tijdlijn)).toContain(`Samengevoegd met melding ${hoofd.identificatie}.`);
    const afsluiting = await smtp.wachtOp('bea@example.nl', `Uw zaak ${b.identificatie} is afgehandeld`);
    expect(afsluiting.tekst).toContain(`Uw melding gaat over hetzelfde als melding ${hoofd.identificatie}.`);
    expect(afsluiting.tekst).toContain('Bedankt voor uw melding.');
    await smtp.wachtOp('volger@example.nl', `Uw zaak ${b.identificatie} is afgehandeld`);
    // No question after closing for a merged melding.
    expect(await loket.database.db.selectFrom('kto_vraag').select('zaak_id').where('zaak_id', 'in', [b.id, c.id]).execute()).toEqual([]);

    const main = await melding(hoofd.id);
    expect(main.samengevoegd.map((s: { identificatie: string }) => s.identificatie)).toEqual([b.identificatie, c.identificatie].toSorted());
    expect(JSON.stringify((await zaakDetail(loket.app, behandelaar, { id: hoofd.id })).tijdlijn)).toContain(`Samengevoegd in deze melding: ${b.identificatie}, ${c.identificatie}.`);

    // A later status of the main melding reaches its reporter, both merged reporters and the follower.
    await zetStatus(hoofd.id, 'Ingepland');
    for (const aan of ['hoofd@example.nl', 'bea@example.nl', 'cas@example.nl', 'volger@example.nl']) {
      const mail = await smtp.wachtOp(aan, `Nieuws over uw zaak ${hoofd.identificatie}`);
      expect(mail.tekst).toContain('Wij hebben het werk ingepland.');
    }
  });

  it('refuses into itself, twice the same, another gemeente’s melding, another zaaktype, a closed main melding or a closed duplicate: problem+json, nothing changed', async () => {
    const hoofd = await meld('r1@example.nl');
    const open = await meld('r2@example.nl');
    const elders = await meld('r3@example.nl', { gemeente: 'GM0437', adres: 'Dorpsstraat 1, Ouderkerk aan de Amstel' });
    const zaak = await registreerZaak(loket.app, kcc, { zaaktype: 'e-mailvraag', onderwerp: 'Vraag', kanaal: 'e-mail', ontvangstdatum: '2026-03-02' });

    const fout = await samenvoegen(behandelaar, hoofd.id, [open.id, hoofd.id, open.id, elders.id, zaak.id]);
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toContain('application/problem+json');
    expect(fout.json().invalidParams).toEqual([
      expect.objectContaining({ name: 'meldingen.1', code: 'zelfde-melding' }),
      expect.objectContaining({ name: 'meldingen.2', code: 'dubbel-gekozen' }),
      expect.objectContaining({ name: 'meldingen.3', code: 'onbekende-melding' }),
      expect.objectContaining({ name: 'meldingen.4', code: 'ander-zaaktype' }),
    ]);
    expect((await melding(open.id)).status).toBe('gemeld');
    expect((await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${hoofd.id}/samenvoegingen`, { meldingen: [] })).statusCode).toBe(400);

    const dicht = await meld('r4@example.nl');
    await sluitAf(dicht.id);
    const metDicht = await samenvoegen(behandelaar, hoofd.id, [open.id, dicht.id]);
    expect(metDicht.statusCode).toBe(409);
    expect(metDicht.json()).toMatchObject({ type: 'urn:loket:problem:melding-afgesloten' });
    expect(metDicht.json().detail).toContain(dicht.identificatie);
    const inDicht = await samenvoegen(behandelaar, dicht.id, [open.id]);
    expect(inDicht.statusCode).toBe(409);
    expect(inDicht.json()).toMatchObject({ type: 'urn:loket:problem:hoofdmelding-afgesloten' });

    // Nothing changed: the open one is open, nothing recorded, no follower added.
    expect(await melding(open.id)).toMatchObject({ status: 'gemeld', samengevoegdIn: null });
    expect(await loket.database.db.selectFrom('melding_samenvoeging').selectAll().where('zaak_id', '=', open.id).execute()).toEqual([]);
    expect(await loket.database.db.selectFrom('melding_volger').selectAll().where('zaak_id', 'in', [hoofd.id, dicht.id]).execute()).toEqual([]);

    // Only those who handle zaken, of the melding's team.
    expect((await samenvoegen(kcc, hoofd.id, [open.id])).statusCode).toBe(403);
    expect((await samenvoegen(partner, hoofd.id, [open.id])).statusCode).toBe(403);
    expect((await samenvoegen(behandelaar, '00000000-0000-4000-8000-000000000000', [open.id])).statusCode).toBe(404);
  });

  it('lists nearby open candidates of the same category, nearest first, without itself, closed ones or other categories', async () => {
    const hoofd = await meld('k1@example.nl', { plek: { lat: 52.3301, lon: 4.9702 } });
    const dichtbij = await meld('k2@example.nl', { plek: { lat: 52.3302, lon: 4.9702 } });
    const verder = await meld('k3@example.nl', { plek: { lat: 52.3304, lon: 4.9702 } });
    const ver = await meld('k4@example.nl', { plek: { lat: 52.3351, lon: 4.9702 } });
    const anders = await meld('k5@example.nl', { plek: { lat: 52.3301, lon: 4.9702 }, categorie: 'container-vol' }).catch(() => undefined);
    const gesloten = await meld('k6@example.nl', { plek: { lat: 52.3301, lon: 4.9703 } });
    await sluitAf(gesloten.id);
    const res = await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${hoofd.id}/samenvoeg-kandidaten`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { zaakId: string }) => i.zaakId);
    expect(ids.slice(0, 2)).toEqual([dichtbij.id, verder.id]);
    expect(ids).not.toContain(hoofd.id);
    expect(ids).not.toContain(ver.id);
    expect(ids).not.toContain(gesloten.id);
    if (anders) expect(ids).not.toContain(anders.id);
    expect(res.json().items[0]).toMatchObject({ afstandM: 11 });
    const wijd = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${hoofd.id}/samenvoeg-kandidaten?straal=1000`)).json().items.map((i: { zaakId: string }) => i.zaakId);
    expect(wijd).toContain(ver.id);
    expect((await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${hoofd.id}/samenvoeg-kandidaten?straal=0`)).statusCode).toBe(400);
  });

  it('Open311 GET requests/{id} of a merged melding: closed, and status_notes names the main melding', async () => {
    const hoofd = await meld('o1@example.nl');
    const b = await meld('o2@example.nl');
    expect((await samenvoegen(behandelaar, hoofd.id, [b.id])).statusCode).toBe(201);
    const [json] = (await loket.app.inject({ method: 'GET', url: `/open311/v2/requests/${b.identificatie}.json?jurisdiction_id=diemen.nl` })).json();
    expect(json).toMatchObject({ service_request_id: b.identificatie, status: 'closed' });
    expect(json.status_notes).toContain(`Samengevoegd met melding ${hoofd.identificatie}`);
    const xml = (await loket.app.inject({ method: 'GET', url: `/open311/v2/requests/${b.identificatie}.xml?jurisdiction_id=diemen.nl` })).body;
    expect(xml).toContain(`<status_notes>Samengevoegd met melding ${hoofd.identificatie}`);
    const [main] = (await loket.app.inject({ method: 'GET', url: `/open311/v2/requests/${hoofd.identificatie}.json?jurisdiction_id=diemen.nl` })).json();
    expect(main).toMatchObject({ status: 'open' });
  });
});

describe('reopen after "nee"', () => {
  it('"nee" within 14 days makes a request the team sees (filter and badge) and accepts: the zaak reopens with a new term per the category norm, the reporter is told', async () => {
    const m = await meld('nee1@example.nl');
    await sluitAf(m.id);
    expect((await postvak(loket.database, 'nee1@example.nl')).map((b) => b.onderwerp)).toContain(`Wat vond u van de afhandeling van zaak ${m.identificatie}?`);
    expect(await nee(m.id)).toEqual({ uitkomst: 'opgeslagen' });
    const [verzoek] = await verzoeken(m.id);
    expect(verzoek).toMatchObject({ status: 'open' });

    const lijst = (await get(behandelaar, `/api/v1/gemeenten/${G}/melding-heropenverzoeken?status=open`)).json().items;
    expect(lijst.map((v: { zaakId: string }) => v.zaakId)).toContain(m.id);
    const wachtrij = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?heropenverzoek=open&pageSize=100`)).json().items;
    expect(wachtrij.find((r: { zaakId: string }) => r.zaakId === m.id)).toMatchObject({ status: 'afgehandeld', heropenverzoek: { id: verzoek?.id, status: 'open' } });
    expect(wachtrij.every((r: { heropenverzoek: { status: string } | null }) => r.heropenverzoek?.status === 'open')).toBe(true);

    const res = await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${m.id}/heropenverzoeken/${verzoek?.id}/besluiten`, { besluit: 'accepteren' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'geaccepteerd', beslotenNaam: 'Bo Behandelaar' });
    // losse-stoeptegel: 10 werkdagen from the day of reopening, Monday 2 March, is Monday 16 March.
    expect(await melding(m.id)).toMatchObject({ status: 'heropend', afgeslotenOp: null, uiterlijkeEinddatum: '2026-03-16', heropenverzoek: { status: 'geaccepteerd' } });
    const zaak = await zaakDetail(loket.app, behandelaar, { id: m.id });
    expect(zaak.tijdlijn.at(-1)).toMatchObject({ soort: 'heropening', extern: true });
    // The outbox (the SMTP delivery of this path is proven in the first test).
    const mail = (await postvak(loket.database, 'nee1@example.nl')).find((b) => b.onderwerp === `Nieuws over uw zaak ${m.identificatie}`);
    expect(mail?.tekst).toContain('Wij hebben uw melding opnieuw in behandeling genomen.');
    // The team works on as usual: the next status, and a second decision is refused.
    await zetStatus(m.id, 'Ingepland');
    expect((await melding(m.id)).status).toBe('ingepland');
    const opnieuw = await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${m.id}/heropenverzoeken/${verzoek?.id}/besluiten`, { besluit: 'afwijzen', reden: 'x' });
    expect(opnieuw.statusCode).toBe(409);
  });

  it('declines with a reason the reporter gets by mail; without a reason: 400, nothing changed', async () => {
    const m = await meld('nee2@example.nl');
    await sluitAf(m.id);
    await nee(m.id);
    const [verzoek] = await verzoeken(m.id);
    const url = `/api/v1/gemeenten/${G}/meldingen/${m.id}/heropenverzoeken/${verzoek?.id}/besluiten`;
    const zonder = await post(behandelaar, url, { besluit: 'afwijzen' });
    expect(zonder.statusCode).toBe(400);
    expect(zonder.json().invalidParams).toEqual([expect.objectContaining({ name: 'reden' })]);
    expect((await verzoeken(m.id))[0]).toMatchObject({ status: 'open' });
    expect((await post(kcc, url, { besluit: 'afwijzen', reden: 'x' })).statusCode).toBe(403);

    const res = await post(behandelaar, url, { besluit: 'afwijzen', reden: 'De tegel is vastgezet; een foto staat bij de melding.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'afgewezen', reden: 'De tegel is vastgezet; een foto staat bij de melding.' });
    const mail = (await postvak(loket.database, 'nee2@example.nl')).find((b) => b.onderwerp === `Uw melding ${m.identificatie} gaat niet opnieuw open`);
    expect(mail?.tekst).toContain('De reden: De tegel is vastgezet; een foto staat bij de melding.');
    expect(await melding(m.id)).toMatchObject({ status: 'afgehandeld', heropenverzoek: { status: 'afgewezen' } });
  });

  it('"ja" makes no request', async () => {
    const m = await meld('ja1@example.nl');
    await sluitAf(m.id);
    expect(await loket.services.kto.beantwoordVoorZaak(G, m.id, { score: '1', punt: 'snelheid' })).toEqual({ uitkomst: 'opgeslagen' });
    expect(await verzoeken(m.id)).toEqual([]);
  });

  it('the 14 days are calendar days in Europe/Amsterdam: closed 3 March 00:30 (Amsterdam), "nee" on 17 March 23:59 makes a request, on 18 March 00:00 it is only recorded', async () => {
    const a = await meld('grens1@example.nl');
    const b = await meld('grens2@example.nl');
    // 2 March 23:30 UTC is 3 March 00:30 in Amsterdam (UTC+1).
    loket.klok.zet('2026-03-02T23:30:00Z');
    await sluitAf(a.id);
    await sluitAf(b.id);
    loket.klok.zet('2026-03-17T22:59:00Z');
    expect(await nee(a.id)).toEqual({ uitkomst: 'opgeslagen' });
    // 17 March 23:00 UTC is still 17 March in UTC, but 18 March 00:00 in Amsterdam: day 15.
    loket.klok.zet('2026-03-17T23:00:00Z');
    expect(await nee(b.id)).toEqual({ uitkomst: 'opgeslagen' });
    expect(await verzoeken(a.id)).toHaveLength(1);
    expect(await verzoeken(b.id)).toEqual([]);
    const antwoord = await loket.database.db.selectFrom('kto_antwoord').select(['tevreden']).where('zaak_id', '=', b.id).execute();
    expect(antwoord).toEqual([{ tevreden: false }]);
    expect(await postvak(loket.database, 'grens2@example.nl')).not.toContainEqual(expect.objectContaining({ onderwerp: expect.stringContaining('niet opnieuw open') }));
  });

  it('binnenHeropentermijn counts Amsterdam calendar days, also across the change to summer time', () => {
    expect(binnenHeropentermijn('2026-03-02T23:30:00Z', '2026-03-17T22:59:59Z')).toBe(true);
    expect(binnenHeropentermijn('2026-03-02T23:30:00Z', '2026-03-17T23:00:00Z')).toBe(false);
    // Closed Sunday 22 March 12:00 (UTC+1); day 14 is 5 April, which ends at 21:59:59 UTC (UTC+2).
    expect(binnenHeropentermijn('2026-03-22T11:00:00Z', '2026-04-05T21:59:59Z')).toBe(true);
    expect(binnenHeropentermijn('2026-03-22T11:00:00Z', '2026-04-05T22:00:00Z')).toBe(false);
  });
});
});
