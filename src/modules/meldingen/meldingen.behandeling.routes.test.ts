import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { zaakActie, zaakDetail } from '../../../test/zaken.ts';
import { cliContext } from '../audit/audit.service.ts';

// The staff and partner side of meldingen openbare ruimte (ADR 0056): the team's queue, forwarding
// to a partner, and the partner who sees only what was routed to it. Monday 2 March 2026.

const G = 'GM0384';
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let loket: TestLoket;
let beheerder: Ingelogd;
let behandelaar: Ingelogd;
let partner: Ingelogd;
let kcc: Ingelogd;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
  partner = await logInAls(loket, 'partner@afvalpartner.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
});
afterAll(async () => {
  await loket?.close();
  await smtp?.close();
});

async function meld(categorie: string, plek: { lat: number; lon: number } = { lat: 52.335, lon: 4.99 }, antwoorden: Record<string, string> = {}) {
  const m = await loket.services.meldingen.meld(cliContext(), 'Test', G, { categorie, beschrijving: `Test ${categorie}`, ...plek, antwoorden, kanaal: 'web', bron: 'formulier', melder: { naam: 'Sam Jansen', email: 'sam@example.nl', taal: 'nl' } });
  return m.zaakId;
}

const get = (wie: Ingelogd, url: string) => loket.app.inject({ method: 'GET', url, headers: wie.headers });
const post = (wie: Ingelogd, url: string, payload: unknown) => loket.app.inject({ method: 'POST', url, headers: wie.headers, payload: payload as Record<string, unknown> });
const rij = <T extends { zaakId: string }>(items: T[], zaakId: string): T | undefined => items.find((i) => i.zaakId === zaakId);

// In this order: the first test waits for real SMTP delivery, before the later tests fill the outbox.
describe('meldingen for staff and partners', { shuffle: false }, () => {
  it('forwards to the category’s partner: mail to the partner, status "wacht op extern", an entry in the zaak’s timeline', async () => {
    const zaakId = await meld('container-vol', undefined, { soort_afval: 'papier' });
    const res = await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}/doorzendingen`, { toelichting: 'Graag vandaag legen.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'wacht-op-extern', partner: { naam: 'Afvalpartner Amstelland', status: null }, partnergeschiedenis: [{ soort: 'doorgezet', toelichting: 'Graag vandaag legen.', doorNaam: 'Bo Behandelaar' }] });
    const mail = await smtp.wachtOp('meldingen@afvalpartner.demo', `Melding ${res.json().identificatie} doorgezet: Container is vol`);
    expect(mail.tekst, mail.tekst).toContain(`/medewerkers/${G}/partner-meldingen/${zaakId}`);
    expect(mail.tekst).not.toContain('sam@example.nl');
    const zaak = await zaakDetail(loket.app, behandelaar, { id: zaakId });
    expect(JSON.stringify(zaak)).toContain('Doorgezet naar Afvalpartner Amstelland. Graag vandaag legen.');
    const wacht = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?status=wacht-op-extern&pageSize=100`)).json().items;
    expect(rij(wacht, zaakId)).toBeDefined();
  });


  describe('the team’s melding queue', () => {
    it('lists meldingen with status, deadline band and place; filters by main category, status, box and deadline', async () => {
      const container = await meld('container-vol', { lat: 52.335, lon: 4.99 }, { soort_afval: 'glas' });
      const tegel = await meld('losse-stoeptegel', { lat: 52.345, lon: 4.96 });
      const alle = await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?pageSize=100`);
      expect(alle.statusCode, alle.body).toBe(200);
      const c = rij<{ zaakId: string; statusTekst: { nl: string } }>(alle.json().items, container);
      expect(c).toMatchObject({ status: 'gemeld', categorie: { code: 'container-vol', hoofdcategorie: 'afval' }, lat: 52.335, lon: 4.99, termijn: 'deze-week', partner: null });
      expect(c?.statusTekst.nl).not.toBe('');

      const afval = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?categorie=afval&pageSize=100`)).json().items;
      expect(rij(afval, container)).toBeDefined();
      expect(rij(afval, tegel)).toBeUndefined();
      const box = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?bbox=4.95,52.34,4.97,52.35&pageSize=100`)).json().items;
      expect(rij(box, tegel)).toBeDefined();
      expect(rij(box, container)).toBeUndefined();
      const later = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?termijn=later&pageSize=100`)).json().items;
      // losse-stoeptegel: 10 werkdagen (16 March), container-vol: 2 werkdagen (4 March).
      expect(rij(later, tegel)).toBeDefined();
      expect(rij(later, container)).toBeUndefined();
      const afgehandeld = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?status=afgehandeld,geannuleerd&pageSize=100`)).json().items;
      expect(rij(afgehandeld, container)).toBeUndefined();
      expect(afgehandeld.every((m: { afgeslotenOp: string | null }) => m.afgeslotenOp !== null)).toBe(true);
    });

    it('refuses bad filters with every problem at once (400 problem+json), never a 5xx', async () => {
      const res = await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?status=open,kapot&bbox=1,2,3&termijn=gisteren&pageSize=0&categorie=A%20B`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const namen = res.json().invalidParams.map((p: { name: string }) => p.name).toSorted();
      expect(namen).toEqual(['query.bbox', 'query.categorie', 'query.pageSize', 'query.status', 'query.termijn']);
      expect((await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen?bbox=0,0,5,5`)).statusCode).toBe(400);
      expect((await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/niet-een-id`)).statusCode).toBe(400);
      expect((await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    });
  });

  describe('the KCC registers a melding on a caller’s behalf', () => {
    it('by telephone through the same checks: 201 with the melding; every problem at once; partners may not', async () => {
      const res = await post(kcc, `/api/v1/gemeenten/${G}/meldingen`, {
        categorie: 'container-vol',
        beschrijving: 'Beller meldt een volle glasbak.',
        adres: 'Wilhelminaplein 1, Diemen',
        antwoorden: { soort_afval: 'glas' },
        kanaal: 'telefoon',
        melder: { naam: 'Piet Beller', telefoon: '020 1234567' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'gemeld', categorie: { code: 'container-vol' }, adres: 'Wilhelminaplein 1, Diemen', antwoorden: { soort_afval: 'glas' } });
      const zaak = await zaakDetail(loket.app, behandelaar, { id: res.json().zaakId });
      expect(zaak).toMatchObject({ kanaal: 'telefoon', onderwerp: 'Container is vol' });
      const fout = await post(kcc, `/api/v1/gemeenten/${G}/meldingen`, { categorie: 'bestaat-niet', beschrijving: 'x', kanaal: 'telefoon', antwoorden: {} });
      expect(fout.statusCode).toBe(400);
      expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['categorie', 'locatie']);
      const kanaal = await post(kcc, `/api/v1/gemeenten/${G}/meldingen`, { categorie: 'container-vol', beschrijving: 'x', kanaal: 'web' });
      expect(kanaal.statusCode).toBe(400);
      expect((await post(partner, `/api/v1/gemeenten/${G}/meldingen`, { categorie: 'container-vol', beschrijving: 'x', kanaal: 'telefoon' })).statusCode).toBe(403);
    });
  });

  describe('forwarding to a partner, and the partner’s side', () => {
    it('without a partner of the category and none given: 400; an unknown partner: 400; only handlers forward (KCC 403)', async () => {
      const zaakId = await meld('losse-stoeptegel');
      const geen = await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}/doorzendingen`, {});
      expect(geen.statusCode).toBe(400);
      expect(geen.json().invalidParams[0]).toMatchObject({ name: 'partner', code: 'geen-partner' });
      const onbekend = await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}/doorzendingen`, { partner: '00000000-0000-4000-8000-000000000000' });
      expect(onbekend.statusCode).toBe(400);
      expect((await post(kcc, `/api/v1/gemeenten/${G}/meldingen/${zaakId}/doorzendingen`, {})).statusCode).toBe(403);
      expect((await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}`)).json().partnergeschiedenis).toEqual([]);
    });

    it('a partner sees only what is routed to its organisation now: not other meldingen, not another partner’s, not the team’s queue', async () => {
      const lamp = await post(beheerder, `/api/v1/gemeenten/${G}/melding-partners`, { naam: 'Lichtpartner', email: 'licht@example.org' });
      expect(lamp.statusCode, lamp.body).toBe(201);
      const mijn = await meld('container-vol', undefined, { soort_afval: 'rest' });
      const ander = await meld('losse-stoeptegel');
      const nooit = await meld('losse-stoeptegel');
      expect((await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${mijn}/doorzendingen`, {})).statusCode).toBe(201);
      expect((await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${ander}/doorzendingen`, { partner: lamp.json().id })).statusCode).toBe(201);

      const lijst = await get(partner, `/api/v1/gemeenten/${G}/partner-meldingen`);
      expect(lijst.statusCode).toBe(200);
      const ids = lijst.json().items.map((i: { zaakId: string }) => i.zaakId);
      expect(ids).toContain(mijn);
      expect(ids).not.toContain(ander);
      expect(ids).not.toContain(nooit);
      const detail = await get(partner, `/api/v1/gemeenten/${G}/partner-meldingen/${mijn}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ omschrijving: 'Test container-vol', antwoorden: { soort_afval: 'rest' } });
      expect(detail.body).not.toContain('Sam Jansen');
      expect(detail.body).not.toContain('sam@example.nl');
      for (const id of [ander, nooit]) {
        expect((await get(partner, `/api/v1/gemeenten/${G}/partner-meldingen/${id}`)).statusCode).toBe(404);
        expect((await post(partner, `/api/v1/gemeenten/${G}/partner-meldingen/${id}/statussen`, { status: 'gereed' })).statusCode).toBe(404);
      }
      // Not the team's queue, zaken or a melding's team view.
      expect((await get(partner, `/api/v1/gemeenten/${G}/meldingen`)).statusCode).toBe(403);
      expect((await get(partner, `/api/v1/gemeenten/${G}/meldingen/${mijn}`)).statusCode).toBe(403);
      expect((await get(partner, `/api/v1/gemeenten/${G}/zaken/${mijn}`)).statusCode).toBe(403);
      // Staff do not use the partner's side.
      expect((await get(behandelaar, `/api/v1/gemeenten/${G}/partner-meldingen`)).statusCode).toBe(403);
      // Routed on to another partner: the first one no longer sees it.
      expect((await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${mijn}/doorzendingen`, { partner: lamp.json().id })).statusCode).toBe(201);
      expect((await get(partner, `/api/v1/gemeenten/${G}/partner-meldingen/${mijn}`)).statusCode).toBe(404);
    });

    it('the partner reports a status and adds an "after" photo without metadata; the team sees all of it; bad photos are refused', async () => {
      const zaakId = await meld('container-vol', undefined, { soort_afval: 'plastic' });
      await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}/doorzendingen`, {});
      const url = `/api/v1/gemeenten/${G}/partner-meldingen/${zaakId}`;
      const fout = await post(partner, `${url}/statussen`, { status: 'klaar', toelichting: 'x'.repeat(2001) });
      expect(fout.statusCode).toBe(400);
      expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['status', 'toelichting']);

      const ingepland = await post(partner, `${url}/statussen`, { status: 'ingepland', toelichting: 'Morgen vroeg.' });
      expect(ingepland.statusCode, ingepland.body).toBe(201);
      expect(ingepland.json().partnerStatus).toBe('ingepland');
      expect((await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}`)).json().status).toBe('wacht-op-extern');

      const metExif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
        .jpeg()
        .withExif({ IFD0: { Copyright: 'geheim' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 20/1 0/1' } })
        .toBuffer();
      expect(metExif.includes(Buffer.from('geheim'))).toBe(true);
      const foto = await loket.app.inject({ method: 'POST', url: `${url}/fotos`, headers: { ...partner.headers, 'content-type': 'image/jpeg' }, payload: metExif });
      expect(foto.statusCode, foto.body).toBe(201);
      const nep = await loket.app.inject({ method: 'POST', url: `${url}/fotos`, headers: { ...partner.headers, 'content-type': 'image/png' }, payload: Buffer.from('PK\u0003\u0004 dit is een zip') });
      expect(nep.statusCode).toBe(400);
      expect(nep.json().invalidParams[0]).toMatchObject({ name: 'foto', code: 'onbekend-formaat' });

      const gereed = await post(partner, `${url}/statussen`, { status: 'gereed', toelichting: 'Geleegd.' });
      expect(gereed.json().geschiedenis.map((g: { soort: string; status: string | null }) => g.status ?? g.soort)).toEqual(['doorgezet', 'ingepland', 'foto', 'gereed']);

      const team = (await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}`)).json();
      expect(team.status).toBe('gemeld');
      expect(team.partner).toMatchObject({ naam: 'Afvalpartner Amstelland', status: 'gereed' });
      const zaak = await zaakDetail(loket.app, behandelaar, { id: zaakId });
      const document = zaak.documenten[0];
      expect(document).toMatchObject({ bestandsnaam: 'na-foto-1.jpg', mediatype: 'image/jpeg' });
      const opgeslagen = await get(behandelaar, `/api/v1/gemeenten/${G}/zaken/${zaakId}/documenten/${document.id}`);
      expect(opgeslagen.rawPayload.includes(Buffer.from('geheim'))).toBe(false);
      expect((await sharp(opgeslagen.rawPayload).metadata()).exif).toBeUndefined();
      expect(JSON.stringify(zaak)).toContain('Partner Afvalpartner Amstelland: gereed. Geleegd.');

      // Closed by the team: the partner still sees it, marked afgehandeld, and the team's queue says afgehandeld.
      await zaakActie(loket.app, behandelaar, { id: zaakId }, 'afsluiting', { resultaattype: zaak.zaaktypeVersie.resultaattypen[0].id });
      expect((await get(partner, url)).json().afgehandeld).toBe(true);
      expect((await get(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}`)).json().status).toBe('afgehandeld');
      expect((await post(behandelaar, `/api/v1/gemeenten/${G}/meldingen/${zaakId}/doorzendingen`, {})).statusCode).toBe(409);
    });

    it('beheerders make partners: members must hold the role externe-partner; a name once', async () => {
      const pim = (await get(beheerder, `/api/v1/gemeenten/${G}/melding-partners`)).json().items.find((p: { naam: string }) => p.naam === 'Afvalpartner Amstelland');
      expect(pim.leden.map((l: { email: string }) => l.email)).toEqual(['partner@afvalpartner.demo']);
      const bo = (await loket.services.gebruikers.opEmail(G, 'behandelaar@diemen.demo')).id;
      const fout = await post(beheerder, `/api/v1/gemeenten/${G}/melding-partners`, { naam: 'Groenpartner', leden: [bo] });
      expect(fout.statusCode).toBe(400);
      expect(fout.json().invalidParams[0]).toMatchObject({ name: 'leden.0', code: 'geen-partnergebruiker' });
      expect((await post(beheerder, `/api/v1/gemeenten/${G}/melding-partners`, { naam: 'Afvalpartner Amstelland' })).statusCode).toBe(409);
      expect((await post(behandelaar, `/api/v1/gemeenten/${G}/melding-partners`, { naam: 'X' })).statusCode).toBe(403);
    });
  });
});
