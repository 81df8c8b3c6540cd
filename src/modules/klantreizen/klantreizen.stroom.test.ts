/**
 * The journeys of a product (ADR 0081) on hand-made zaken of the demo zaaktype parkeervergunning
 * (statuses 1 Ontvangen, 2 In behandeling, 3 Afgehandeld; norm 8 weeks), registered through the
 * zaken service and contacts through the klantcontacten service, never by SQL. Times in UTC; the
 * period asked is ISO week 2026-W10 (Monday 2 to Sunday 8 March, Amsterdam = UTC+1). "Now" is
 * Tuesday 10 March 09:00.
 *
 * | journey | what happens | path (hours since the previous step) |
 * |---|---|---|
 * | A (anna) | phone call Sun 1 Mar 10:00 (before the period, by e-mail address), registered Mon 2 Mar 09:00, status 2 at 12:00, message Tue 3 Mar 09:00, e-mail contact linked to the zaak 10:00, closed Wed 4 Mar 09:00, phone call Thu 5 Mar 09:00 | contact-voor → zaak-geregistreerd 23 → status-2 3 → bericht 21 → contact-tijdens 1 → afgesloten 23 → contact-na 24 |
 * | B (bert) | no contact at all, received 5 Jan (so past its deadline 2 Mar), registered Mon 2 Mar 09:00, status 2 at 15:00, suspended Tue 3 Mar 09:00 | zaak-geregistreerd → status-2 6 → opschorting 18; waits 168 h, not late (suspended) |
 * | C (carla) | desk visit Sun 8 Mar 20:00, received 5 Jan, registered Sun 8 Mar 22:30 (23:30 in Amsterdam: the last hour of the period) | contact-voor → zaak-geregistreerd 2.5; waits 34.5 h, late |
 * | D | registered Sun 8 Mar 23:30 (Mon 9 Mar 00:30 in Amsterdam) | outside the period |
 * | E | registered Fri 27 Feb | outside the period |
 * | F | vertrouwelijk, team Vergunningen (no members), registered Tue 3 Mar 09:00 | zaak-geregistreerd; waits 168 h; only for who sees confidential zaken |
 *
 * The teamleider (not in team Vergunningen) sees A, B, C: 3 journeys, 1 closed, 1 open late,
 * 2 with a contact before (telefoon, balie), 1 without any contact, lead time 48 h. Time before
 * zaak-geregistreerd: 23 and 2.5 → median 12.75 → 12.8; before status-2: 3 and 6 → 4.5. The
 * beheerder sees F too: waiting at zaak-geregistreerd C 34.5 and F 168 → median 101.25 → 101.3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import type { Wie } from '../zaken/zaken.service.ts';
import { bouwStroom, mediaanUren } from './klantreizen.stroom.ts';

let loket: TestLoket;
let beheerder: Wie;
let teamleider: Wie;
let kcc: Wie;
const G = 'GM0384';
const ids: Record<string, string> = {};
const W10 = { periode: '2026-W10' };

const versie = async (id: string) => (await loket.database.db.selectFrom('zaak').select('versie').where('id', '=', id).executeTakeFirstOrThrow()).versie;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-02-27T09:00:00Z' });
  await laadDemo(loket);
  beheerder = await demoWie(loket, 'beheerder@duoplus.demo');
  teamleider = await demoWie(loket, 'teamleider@diemen.demo');
  kcc = await demoWie(loket, 'kcc@duoplus.demo');
  const zaken = loket.services.zaken;
  const klok = loket.klok;
  const registreer = async (naam: string, op: string, extra: { email?: string; ontvangstdatum?: string; vertrouwelijkheid?: 'vertrouwelijk' } = {}) => {
    klok.zet(op);
    const nieuw = await zaken.registreer(beheerder, G, {
      zaaktype: 'parkeervergunning',
      onderwerp: `Parkeervergunning ${naam}`,
      omschrijving: '',
      kanaal: 'web',
      ontvangstdatum: extra.ontvangstdatum ?? op.slice(0, 10),
      ...(extra.vertrouwelijkheid ? { vertrouwelijkheid: extra.vertrouwelijkheid } : {}),
      betrokkene: { naam, ...(extra.email ? { email: extra.email } : {}), taal: 'nl' },
    });
    ids[naam] = nieuw.zaak.id;
    return nieuw.zaak.id;
  };
  const contact = async (op: string, kanaal: 'telefoon' | 'balie' | 'e-mail', email: string, zaken: string[] = []) => {
    klok.zet(op);
    await loket.services.klantcontacten.registreer(kcc, G, { kanaal, uitkomst: 'zelfstandig-afgehandeld', op, onderwerp: 'Parkeervergunning', vraag: '', antwoord: '', zaken, persoon: { naam: 'Inwoner', email } });
  };
  await registreer('E', '2026-02-27T09:00:00Z');
  await contact('2026-03-01T10:00:00Z', 'telefoon', 'anna@example.nl');
  const a = await registreer('A', '2026-03-02T09:00:00Z', { email: 'Anna@Example.nl' });
  const b = await registreer('B', '2026-03-02T09:00:00Z', { email: 'bert@example.nl', ontvangstdatum: '2026-01-05' });
  klok.zet('2026-03-02T12:00:00Z');
  await zaken.zetStatus(beheerder, G, a, await versie(a), { statustype: 2 });
  klok.zet('2026-03-02T15:00:00Z');
  await zaken.zetStatus(beheerder, G, b, await versie(b), { statustype: 2 });
  klok.zet('2026-03-03T09:00:00Z');
  await zaken.stuurBericht(beheerder, G, a, await versie(a), { tekst: 'We bekijken uw aanvraag.' });
  await zaken.schortOp(beheerder, G, b, await versie(b), { reden: 'Stuur een kopie van uw kentekenbewijs.' });
  await registreer('F', '2026-03-03T09:00:00Z', { vertrouwelijkheid: 'vertrouwelijk' });
  await contact('2026-03-03T10:00:00Z', 'e-mail', 'anna@example.nl', [a]);
  klok.zet('2026-03-04T09:00:00Z');
  const verleend = await loket.database.db
    .selectFrom('resultaattype as r')
    .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'r.gemeente').onRef('z.zaaktype_id', '=', 'r.zaaktype_id'))
    .select('r.id')
    .where('z.id', '=', a)
    .where('r.naam', '=', 'Verleend')
    .executeTakeFirstOrThrow();
  await zaken.sluitAf(beheerder, G, a, await versie(a), { resultaattype: verleend.id });
  await contact('2026-03-05T09:00:00Z', 'telefoon', 'anna@example.nl');
  await contact('2026-03-08T20:00:00Z', 'balie', 'carla@example.nl');
  await registreer('C', '2026-03-08T22:30:00Z', { email: 'carla@example.nl', ontvangstdatum: '2026-01-05' });
  await registreer('D', '2026-03-08T23:30:00Z', { email: 'carla@example.nl' });
  klok.zet('2026-03-10T09:00:00Z');
}, 120_000);
afterAll(async () => loket.close());

describe('the journeys of a product', () => {
  it('follow every journey of the period through its steps, with the median time between them, for what the teamleider may see', async () => {
    const stroom = await loket.services.klantreizen.vanProduct(teamleider, G, 'parkeervergunning', W10);
    expect(stroom).toMatchObject({ product: { code: 'parkeervergunning' }, zaaktype: { code: 'parkeervergunning' }, reden: null, periode: { van: '2026-03-02', tot: '2026-03-08' } });
    expect(stroom.samenvatting).toEqual({ reizen: 3, afgesloten: 1, open: 2, openTeLaat: 1, metContactVooraf: 2, zonderContact: 1, mediaanDoorlooptijdUren: 48 });
    expect(stroom.stappen.map((s) => [s.sleutel, s.naam, s.reizen, s.mediaanUrenVanafVorige, s.wachtend, s.mediaanWachtUren, s.teLaat])).toEqual([
      ['contact-voor', null, 2, null, 0, null, 0],
      ['zaak-geregistreerd', null, 3, 12.8, 1, 34.5, 1],
      ['status-2', 'In behandeling', 2, 4.5, 0, null, 0],
      ['bericht', null, 1, 21, 0, null, 0],
      ['contact-tijdens', null, 1, 1, 0, null, 0],
      ['opschorting', null, 1, 18, 1, 168, 0],
      ['afgesloten', null, 1, 23, 0, null, 0],
      ['contact-na', null, 1, 24, 0, null, 0],
    ]);
    expect(stroom.overgangen).toEqual([
      { van: 'contact-voor', naar: 'zaak-geregistreerd', reizen: 2, mediaanUren: 12.8 },
      { van: 'zaak-geregistreerd', naar: 'status-2', reizen: 2, mediaanUren: 4.5 },
      { van: 'afgesloten', naar: 'contact-na', reizen: 1, mediaanUren: 24 },
      { van: 'bericht', naar: 'contact-tijdens', reizen: 1, mediaanUren: 1 },
      { van: 'contact-tijdens', naar: 'afgesloten', reizen: 1, mediaanUren: 23 },
      { van: 'status-2', naar: 'bericht', reizen: 1, mediaanUren: 21 },
      { van: 'status-2', naar: 'opschorting', reizen: 1, mediaanUren: 18 },
    ]);
    expect(stroom.kanalenVooraf).toEqual([
      { kanaal: 'balie', reizen: 1 },
      { kanaal: 'telefoon', reizen: 1 },
    ]);
    expect(stroom.haperingen).toEqual([
      { sleutel: 'opschorting', wachtend: 1, mediaanWachtUren: 168, teLaat: 0 },
      { sleutel: 'zaak-geregistreerd', wachtend: 1, mediaanWachtUren: 34.5, teLaat: 1 },
    ]);
  });

  it('counts a confidential zaak only for who may see it', async () => {
    const stroom = await loket.services.klantreizen.vanZaaktype(beheerder, G, 'parkeervergunning', W10);
    expect(stroom.product).toBeNull();
    expect(stroom.samenvatting).toMatchObject({ reizen: 4, open: 3, zonderContact: 2 });
    expect(stroom.stappen.find((s) => s.sleutel === 'zaak-geregistreerd')).toMatchObject({ reizen: 4, mediaanUrenVanafVorige: 12.8, wachtend: 2, mediaanWachtUren: 101.3, teLaat: 1 });
  });

  it('logs the zaken whose e-mail address found contacts in the processing log', async () => {
    await loket.services.klantreizen.vanProduct(teamleider, G, 'parkeervergunning', W10);
    const log = await loket.database.db.selectFrom('verwerking_log').select('betrokkene_id').where('gemeente', '=', G).where('naam', '=', 'klantreizen-per-product').execute();
    const gelogd = new Set(log.map((r) => r.betrokkene_id));
    expect(gelogd.has(ids.A ?? '')).toBe(true);
    expect(gelogd.has(ids.C ?? '')).toBe(true);
    expect(gelogd.has(ids.B ?? '')).toBe(false);
  });

  it('has no journeys, with the reason, for a product without a zaaktype; unknown product and zaaktype are 404', async () => {
    const product = await loket.database.db.selectFrom('product').select('code').where('gemeente', '=', G).where('zaaktype', 'is', null).executeTakeFirstOrThrow();
    const leeg = await loket.services.klantreizen.vanProduct(teamleider, G, product.code, W10);
    expect(leeg).toMatchObject({ zaaktype: null, samenvatting: { reizen: 0 }, stappen: [], overgangen: [] });
    expect(leeg.reden).toContain('geen zaaktype');
    await expect(loket.services.klantreizen.vanProduct(teamleider, G, 'bestaat-niet', W10)).rejects.toMatchObject({ status: 404 });
    await expect(loket.services.klantreizen.vanZaaktype(teamleider, G, 'bestaat-niet', W10)).rejects.toMatchObject({ status: 404 });
  });

  it('lists the products and the zaaktypen no product names', async () => {
    const keuzes = await loket.services.klantreizen.keuzes(G);
    expect(keuzes.producten).toEqual(expect.arrayContaining([{ code: 'parkeervergunning', naam: expect.any(Object), zaaktype: 'parkeervergunning' }]));
    expect(keuzes.zaaktypen.map((z) => z.code)).toContain('e-mailvraag');
    expect(keuzes.zaaktypen.map((z) => z.code)).not.toContain('parkeervergunning');
  });
});

const zaak = (id: string, registratieOp: string, afgeslotenOp: string | null = null) => ({ id, registratieOp, afgeslotenOp, uiterlijkeEinddatum: '2026-12-31', opgeschort: false });

describe('bouwStroom', () => {
  it('puts an unhappy answer, a reopening and a klacht after the closing, and a contact after the first closing as contact-na', () => {
    const s = bouwStroom(
      {
        zaken: [zaak('z', '2026-01-01T00:00:00Z')],
        gebeurtenissen: [
          { zaakId: 'z', soort: 'resultaat', op: '2026-01-02T00:00:00Z', statusVolgnummer: 3, naam: 'Verleend' },
          { zaakId: 'z', soort: 'heropening', op: '2026-01-04T00:00:00Z', statusVolgnummer: null, naam: null },
        ],
        contacten: [{ zaakId: 'z', op: '2026-01-03T00:00:00Z', kanaal: 'telefoon', gekoppeld: true }],
        klachten: [{ zaakId: 'z', op: '2026-01-05T00:00:00Z' }],
        antwoorden: [{ zaakId: 'z', op: '2026-01-02T12:00:00Z', tevreden: false }],
      },
      '2026-01-06T00:00:00Z',
      '2026-01-06',
    );
    expect(s.stappen.map((x) => [x.sleutel, x.mediaanUrenVanafVorige])).toEqual([
      ['zaak-geregistreerd', null],
      ['afgesloten', 24],
      ['ontevreden', 12],
      ['contact-na', 12],
      ['heropend', 24],
      ['klacht', 24],
    ]);
    // Open again after the reopening (afgeslotenOp null): waiting at its last step.
    expect(s.haperingen).toEqual([{ sleutel: 'klacht', wachtend: 1, mediaanWachtUren: 24, teLaat: 0 }]);
  });

  it('takes the mean of the two middle values as the median of an even count', () => {
    expect(mediaanUren([])).toBeNull();
    expect(mediaanUren([3_600_000, 7_200_000])).toBe(1.5);
    expect(mediaanUren([3_600_000, 36_000_000, 7_200_000])).toBe(2);
  });
});
