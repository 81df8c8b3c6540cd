/**
 * The zaken measures of the KPI register on hand-made zaken with answers worked out by hand
 * (below). The zaken are made through the zaken service on a moving clock, never by SQL.
 *
 * Calendar: March 2026 starts on a Sunday; Monday 2 March. Diemen gets an extra closure day on
 * Friday 13 March. Summer time starts on Sunday 29 March (UTC+1 before, UTC+2 after). Easter
 * Monday is 6 April. "Now" is Tuesday 7 April 2026, 11:00 in Amsterdam.
 *
 * | zaak | zaaktype (norm) | kanaal | ontvangen | what happens | deadline |
 * |---|---|---|---|---|---|
 * | K2 | klacht (P6W) | post | 2 Feb | extended P2W on 18 Mar (after its deadline 16 Mar); closed 26 Mar | 16 Mar → 30 Mar |
 * | M1 | e-mailvraag (5wd) | web | 26 Feb | closed 28 Feb 23:30 UTC = Sunday 1 Mar 00:30 in Amsterdam | 5 Mar |
 * | E7 | e-mailvraag | e-mail | 27 Feb | closed 2 Mar | 6 Mar |
 * | E1 | e-mailvraag | e-mail | 2 Mar | closed 9 Mar 16:00 | 9 Mar |
 * | KM | klacht | e-mail | 2 Mar | closed 12 Mar | 13 Apr |
 * | S1 | melding-openbare-ruimte (10wd) | app | 2 Mar | suspended 4–6 Mar (2 werkdagen); closed 19 Mar | 17 → 19 Mar |
 * | S3 | melding-openbare-ruimte | app | 2 Mar | extended 5wd on 16 Mar; closed 25 Mar | 17 → 24 Mar |
 * | S4 | melding-openbare-ruimte | app | 2 Mar | open; the deadline watcher tells the resident on 17 Mar 15:30 | 17 Mar |
 * | E6 | e-mailvraag | telefoon | 3 Mar | closed 4 Mar | 10 Mar |
 * | E2 | e-mailvraag | e-mail | 9 Mar | closed 17 Mar (the closure day on 13 Mar does not count) | 17 Mar |
 * | E3 | e-mailvraag | e-mail | 10 Mar | closed 19 Mar | 18 Mar |
 * | S2 | melding-openbare-ruimte | app | 16 Mar | suspended 26 Mar 23:30 UTC = 27 Mar 00:30, still | 30 Mar, stands still |
 * | E5 | e-mailvraag | e-mail | 20 Mar | open; the watcher tells the resident on 30 Mar | 27 Mar |
 * | M2 | e-mailvraag | web | 30 Mar | closed 31 Mar 22:30 UTC = 1 Apr 00:30 in Amsterdam | 7 Apr |
 * | E4 | e-mailvraag | e-mail | 31 Mar | open | 8 Apr |
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';
import type { Wie } from './zaken.service.ts';
import { werkdagtelling } from './zaken.kpi.ts';

let loket: TestLoket;
let admin: Wie;
const G = 'GM0384';
const NU = '2026-04-07T09:00:00Z';
const zaken = () => loket.services.zaken;
const kpi = () => loket.services.kpi;

interface Z {
  id: string;
}

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-02-01T09:00:00Z' });
  await laadDemo(loket);
  admin = await demoWie(loket, 'beheerder@duoplus.demo');
  await loket.services.termijnen.voegToe(cliContext(), G, { datum: '2026-03-13', naam: 'Brugdag (test)' });

  const op = (tijd: string) => loket.klok.zet(tijd);
  const registreer = async (zaaktype: string, kanaal: string, ontvangstdatum: string, email?: string): Promise<Z> =>
    (
      await zaken().registreer(admin, G, {
        zaaktype,
        kanaal: kanaal as 'e-mail',
        ontvangstdatum,
        onderwerp: `${zaaktype} ${ontvangstdatum}`,
        ...(email ? { betrokkene: { naam: 'Inwoner', email, taal: 'nl' as const } } : {}),
      })
    ).zaak;
  const versie = async (z: Z) => (await zaken().detail(admin, G, z.id, { loggen: false })).versie;
  const sluit = async (z: Z) => {
    const d = await zaken().detail(admin, G, z.id, { loggen: false });
    await zaken().sluitAf(admin, G, z.id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  };
  const schortOp = async (z: Z) => zaken().schortOp(admin, G, z.id, await versie(z), { reden: 'Foto van de plek nodig' });
  const verleng = async (z: Z, duur: string) => zaken().verleng(admin, G, z.id, await versie(z), { duur, reden: 'Advies van een collega nodig' });

  op('2026-02-02T09:00:00Z');
  const k2 = await registreer('klacht', 'post', '2026-02-02');
  op('2026-02-26T09:00:00Z');
  const m1 = await registreer('e-mailvraag', 'web', '2026-02-26');
  op('2026-02-27T09:00:00Z');
  const e7 = await registreer('e-mailvraag', 'e-mail', '2026-02-27');
  op('2026-02-28T23:30:00Z');
  await sluit(m1);
  op('2026-03-02T09:00:00Z');
  const e1 = await registreer('e-mailvraag', 'e-mail', '2026-03-02');
  const km = await registreer('klacht', 'e-mail', '2026-03-02');
  const s1 = await registreer('melding-openbare-ruimte', 'app', '2026-03-02');
  const s3 = await registreer('melding-openbare-ruimte', 'app', '2026-03-02');
  await registreer('melding-openbare-ruimte', 'app', '2026-03-02', 's4@example.nl'); // S4
  await sluit(e7);
  op('2026-03-03T09:00:00Z');
  const e6 = await registreer('e-mailvraag', 'telefoon', '2026-03-03');
  op('2026-03-04T09:00:00Z');
  await sluit(e6);
  await schortOp(s1);
  op('2026-03-06T09:00:00Z');
  await zaken().beeindigOpschorting(admin, G, s1.id, await versie(s1), {});
  op('2026-03-09T15:00:00Z');
  await sluit(e1);
  const e2 = await registreer('e-mailvraag', 'e-mail', '2026-03-09');
  op('2026-03-10T09:00:00Z');
  const e3 = await registreer('e-mailvraag', 'e-mail', '2026-03-10');
  op('2026-03-12T09:00:00Z');
  await sluit(km);
  op('2026-03-16T09:00:00Z');
  await verleng(s3, '5wd');
  const s2 = await registreer('melding-openbare-ruimte', 'app', '2026-03-16');
  op('2026-03-17T09:00:00Z');
  await sluit(e2);
  op('2026-03-17T14:30:00Z');
  await loket.services.termijnbewaking.controleer();
  op('2026-03-18T09:00:00Z');
  await verleng(k2, 'P2W');
  op('2026-03-19T09:00:00Z');
  await sluit(e3);
  await sluit(s1);
  op('2026-03-20T09:00:00Z');
  await registreer('e-mailvraag', 'e-mail', '2026-03-20', 'e5@example.nl');
  op('2026-03-25T09:00:00Z');
  await sluit(s3);
  op('2026-03-26T09:00:00Z');
  await sluit(k2);
  op('2026-03-26T23:30:00Z');
  await schortOp(s2);
  op('2026-03-30T07:00:00Z');
  await loket.services.termijnbewaking.controleer();
  const m2 = await registreer('e-mailvraag', 'web', '2026-03-30');
  op('2026-03-31T08:00:00Z');
  await registreer('e-mailvraag', 'e-mail', '2026-03-31');
  op('2026-03-31T22:30:00Z');
  await sluit(m2);
}, 120_000);
afterAll(async () => loket.close());
beforeEach(() => loket.klok.zet(NU));

const maart = { periode: '2026-03', uitsplitsing: 'zaaktype' as const };
const perZaaktype = (w: Awaited<ReturnType<ReturnType<typeof kpi>['waarde']>>) =>
  Object.fromEntries((w.uitsplitsing ?? []).map((u) => [u.zaaktype ?? '', { waarde: u.waarde, teller: u.teller, noemer: u.noemer, inBehandeling: u.inBehandeling }]));

describe('werkdagtelling', () => {
  it('counts working days with the termijnen calendar: weekends, holidays and the given closure days skipped', () => {
    const k = werkdagtelling('2026-04-02', '2026-04-08', new Map([['2026-04-07', 'Brugdag']]));
    expect(k.dagen).toEqual(['2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07', '2026-04-08']);
    // Thu, Fri (Good Friday is a working day), Sat, Sun, Easter Monday, closure day, Wed.
    expect(k.werkdagenTot).toEqual([1, 2, 2, 2, 2, 2, 3]);
  });
});

describe('zaken-binnen-norm', () => {
  it('counts zaken closed in March (Amsterdam days) and those closed on or before their deadline, per zaaktype', async () => {
    const w = await kpi().waarde(G, 'zaken-binnen-norm', maart);
    // Closed in March: M1 (1 Mar 00:30), E7, E6, E1, KM, E2, E3 (late), S1 (in time thanks to its suspension), S3 (late), K2 (extended).
    // Not M2: closed 1 Apr 00:30 in Amsterdam, although 31 Mar in UTC.
    expect(w).toMatchObject({ status: 'bekend', waarde: 80, teller: 8, noemer: 10, eenheid: 'procent', periode: { van: '2026-03-01', tot: '2026-03-31' }, voorlopig: false });
    expect(w.definitie).toMatchObject({ code: 'zaken-binnen-norm', versie: 1 });
    expect(perZaaktype(w)).toEqual({
      'e-mailvraag': { waarde: 83.3, teller: 5, noemer: 6, inBehandeling: null },
      klacht: { waarde: 100, teller: 2, noemer: 2, inBehandeling: null },
      'melding-openbare-ruimte': { waarde: 50, teller: 1, noemer: 2, inBehandeling: null },
    });
  });

  it('puts a zaak closed just after midnight in Amsterdam in the next period', async () => {
    expect(await kpi().waarde(G, 'zaken-binnen-norm', { periode: '2026-04' })).toMatchObject({ teller: 1, noemer: 1, waarde: 100 });
    expect(await kpi().waarde(G, 'zaken-binnen-norm', { periode: '2026-02' })).toMatchObject({ status: 'niet-bekend', waarde: null, noemer: 0 });
    expect(await kpi().waarde(G, 'zaken-binnen-norm', { periodeVan: '2026-03-01', periodeTot: '2026-03-01' })).toMatchObject({ teller: 1, noemer: 1 });
  });

  it('filters on one zaaktype', async () => {
    expect(await kpi().waarde(G, 'zaken-binnen-norm', { periode: '2026-Q1', zaaktype: 'melding-openbare-ruimte' })).toMatchObject({ zaaktype: 'melding-openbare-ruimte', teller: 1, noemer: 2, waarde: 50 });
  });
});

describe('zaken-doorlooptijd', () => {
  // Werkdagen from the day after receipt to the closing day: M1 1, E7 1, E6 1, E1 5, E2 5 (13 Mar closed),
  // E3 6, KM 8, S1 12, S3 16, K2 37 (19 in February, 18 in March).
  it('gives the median and the 90th percentile as observed values, overall and per zaaktype', async () => {
    const mediaan = await kpi().waarde(G, 'zaken-doorlooptijd-mediaan', maart);
    expect(mediaan).toMatchObject({ status: 'bekend', waarde: 5, teller: null, noemer: 10, eenheid: 'werkdagen' });
    expect(perZaaktype(mediaan)).toEqual({
      'e-mailvraag': { waarde: 1, teller: null, noemer: 6, inBehandeling: null },
      klacht: { waarde: 8, teller: null, noemer: 2, inBehandeling: null },
      'melding-openbare-ruimte': { waarde: 12, teller: null, noemer: 2, inBehandeling: null },
    });
    const p90 = await kpi().waarde(G, 'zaken-doorlooptijd-p90', maart);
    expect(p90).toMatchObject({ waarde: 16, noemer: 10 });
    expect(perZaaktype(p90)).toMatchObject({ 'e-mailvraag': { waarde: 6 }, klacht: { waarde: 37 }, 'melding-openbare-ruimte': { waarde: 16 } });
  });

  it('is not known for a period without closed zaken', async () => {
    expect(await kpi().waarde(G, 'zaken-doorlooptijd-mediaan', { periode: '2026-W06' })).toMatchObject({ status: 'niet-bekend', waarde: null, noemer: 0 });
  });
});

describe('zaken-open-te-laat', () => {
  it('counts at the end of the period: a suspended zaak is not late, a zaak closed after midnight was still open', async () => {
    const w = await kpi().waarde(G, 'zaken-open-te-laat', maart);
    // Open at the end of 31 March: E4, E5 (late), S2 (suspended), S4 (late), M2 (closed 1 Apr 00:30).
    expect(w).toMatchObject({ peildatum: '2026-03-31', waarde: 2, teller: 2, noemer: 5, eenheid: 'aantal' });
    expect(perZaaktype(w)).toEqual({
      'e-mailvraag': { waarde: 1, teller: 1, noemer: 3, inBehandeling: null },
      'melding-openbare-ruimte': { waarde: 1, teller: 1, noemer: 2, inBehandeling: null },
    });
  });

  it('uses the deadline as it stood on the peildatum, not as it stands now', async () => {
    // 17 March: E3, S1 (suspension counted), S3 (extended on the 16th), S4 (its deadline day), S2 open and not late;
    // K2 late: its deadline was 16 March, the extension came on the 18th.
    expect(await kpi().waarde(G, 'zaken-open-te-laat', { periode: '2026-03-17' })).toMatchObject({ peildatum: '2026-03-17', waarde: 1, noemer: 6 });
    // 18 March: K2 was extended that day; S4 is late.
    expect(await kpi().waarde(G, 'zaken-open-te-laat', { periode: '2026-03-18' })).toMatchObject({ waarde: 1, noemer: 6 });
  });

  it('takes today as the peildatum while the period runs', async () => {
    // 7 April: E4 (deadline 8 Apr), E5 late, S2 suspended, S4 late.
    expect(await kpi().waarde(G, 'zaken-open-te-laat', { periode: '2026-04' })).toMatchObject({ peildatum: '2026-04-07', waarde: 2, noemer: 4, voorlopig: true });
  });
});

describe('zaken-opschortingen en zaken-verlengingen', () => {
  it('count the events in the period by their Amsterdam day', async () => {
    const opschortingen = await kpi().waarde(G, 'zaken-opschortingen', maart);
    expect(opschortingen).toMatchObject({ waarde: 2, noemer: 2 });
    expect(perZaaktype(opschortingen)).toEqual({ 'melding-openbare-ruimte': { waarde: 2, teller: null, noemer: 2, inBehandeling: null } });
    // S2's suspension at 23:30 UTC on the 26th is on the 27th in Amsterdam.
    expect(await kpi().waarde(G, 'zaken-opschortingen', { periode: '2026-03-26' })).toMatchObject({ waarde: 0 });
    expect(await kpi().waarde(G, 'zaken-opschortingen', { periode: '2026-03-27' })).toMatchObject({ waarde: 1 });
    const verlengingen = await kpi().waarde(G, 'zaken-verlengingen', maart);
    expect(verlengingen).toMatchObject({ waarde: 2 });
    expect(perZaaktype(verlengingen)).toMatchObject({ klacht: { waarde: 1 }, 'melding-openbare-ruimte': { waarde: 1 } });
  });
});

describe('email-binnen-5-werkdagen', () => {
  it('counts e-mails received in the period whose outcome is known, and says how many are pending', async () => {
    // E1 (9 Mar, in time), E2 (17 Mar, in time because 13 Mar is a closure day), E3 (late), E5 (open past 27 Mar),
    // KM (klacht by e-mail, 5th werkdag 9 Mar, closed 12 Mar); E4 pending until 8 Apr; E6 (telephone), M1/M2 (web) and E7 (February) do not count.
    const w = await kpi().waarde(G, 'email-binnen-5-werkdagen', maart);
    expect(w).toMatchObject({ status: 'bekend', waarde: 40, teller: 2, noemer: 5, inBehandeling: 1 });
    expect(perZaaktype(w)).toEqual({
      'e-mailvraag': { waarde: 50, teller: 2, noemer: 4, inBehandeling: 1 },
      klacht: { waarde: 0, teller: 0, noemer: 1, inBehandeling: 0 },
    });
  });

  it('is not known while every e-mail of the period is still within its five werkdagen', async () => {
    expect(await kpi().waarde(G, 'email-binnen-5-werkdagen', { periode: '2026-03-31' })).toMatchObject({
      status: 'niet-bekend',
      waarde: null,
      noemer: 0,
      inBehandeling: 1,
      reden: expect.stringContaining('1 e-mailvraag is nog in behandeling'),
    });
    // A day later than its fifth werkdag, the open e-mail counts as late.
    loket.klok.zet('2026-04-09T09:00:00Z');
    expect(await kpi().waarde(G, 'email-binnen-5-werkdagen', { periode: '2026-03-31' })).toMatchObject({ status: 'bekend', waarde: 0, teller: 0, noemer: 1, inBehandeling: 0 });
  });
});

describe('zaken-vertraging-vooraf-gemeld', () => {
  it('counts terms not kept in the period and those the resident heard about on or before the last day', async () => {
    // Extensions: S3 on 16 Mar (deadline 17 Mar: in time), K2 on 18 Mar (deadline 16 Mar: late).
    // Overrun: S3 (closed 25 Mar > 24 Mar), S4 (watcher on 17 Mar 15:30: in time), E3 (closed 19 Mar > 18 Mar),
    // E5 (watcher on 30 Mar about 27 Mar: late). S2 is suspended and does not count.
    const w = await kpi().waarde(G, 'zaken-vertraging-vooraf-gemeld', maart);
    expect(w).toMatchObject({ status: 'bekend', waarde: 33.3, teller: 2, noemer: 6 });
    expect(perZaaktype(w)).toEqual({
      'e-mailvraag': { waarde: 0, teller: 0, noemer: 2, inBehandeling: null },
      klacht: { waarde: 0, teller: 0, noemer: 1, inBehandeling: null },
      'melding-openbare-ruimte': { waarde: 66.7, teller: 2, noemer: 3, inBehandeling: null },
    });
  });
});

describe('gemeenten', () => {
  it('keeps each gemeente to its own zaken', async () => {
    expect(await kpi().waarde('GM0437', 'zaken-binnen-norm', maart)).toMatchObject({ gemeente: 'GM0437', status: 'niet-bekend', noemer: 0 });
    expect(await kpi().waarde('GM0437', 'zaken-open-te-laat', maart)).toMatchObject({ waarde: 0, noemer: 0 });
  });
});
