import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { gebruikerId, registreerZaak, zaakActie, zaakDetail, type NieuweZaak } from '../../../test/zaken.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { vasteKlok } from '../../klok.ts';
import { createLoket, type Loket } from '../../server.ts';
import { cliContext } from '../audit/audit.service.ts';
import { TERMIJNBEWAKING_CONTROLEREN } from './termijnbewaking.service.ts';

// Per test one database, one clock and one SMTP receiver; Loket is stopped and started again on them.
let database: Database;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let loket: Loket;
const BEGIN = '2026-03-02T09:00:00Z';
const klok = vasteKlok(BEGIN);
let tim: Ingelogd;
let kcc: Ingelogd;
let melding: NieuweZaak;
let klacht: NieuweZaak;

async function start(env: Record<string, string> = {}, demo = false): Promise<void> {
  loket = await createLoket({
    config: loadConfig({
      PUBLIC_URL: 'http://127.0.0.1:3000',
      SMTP_URL: smtp.url,
      LOKET_RATE_LIMIT: '100000',
      LOKET_RATE_LIMIT_AANMELDEN: '100000',
      LOKET_TERMIJNBEWAKING_MINUTEN: '0',
      LOKET_OPRUIMEN_UREN: '0',
      LOKET_KPI_ROLLUP_MINUTEN: '0',
      LOKET_HERINNERING_MINUTEN: '0',
      ...env,
    }),
    database,
    klok,
    logger: false,
  });
  if (demo) await loket.services.demo.laad(cliContext());
  const alsTest = { ...loket, database, klok };
  tim = await logInAls(alsTest, 'teamleider@diemen.demo');
  kcc = await logInAls(alsTest, 'kcc@duoplus.demo');
}

async function herstart(env: Record<string, string> = {}): Promise<void> {
  await loket.close();
  await start(env);
}

/** Waits until the outbox has sent everything. */
async function outboxLeeg(): Promise<void> {
  const einde = Date.now() + 20_000;
  for (;;) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from bericht where status = 'wachtend'`.execute(database.db);
    if (rows[0]?.n === 0) return;
    if (Date.now() > einde) throw new Error('de outbox raakt niet leeg');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the outbox has sent everything, then gives the mails to one address with this subject. */
async function mails(aan: string, onderwerp: RegExp) {
  await outboxLeeg();
  return smtp.ontvangen.filter((m) => m.aan.includes(aan) && onderwerp.test(m.onderwerp));
}

/** Moves the clock; staff sessions do not survive days, so log in again. */
async function zet(tijd: string): Promise<void> {
  klok.zet(tijd);
  const alsTest = { ...loket, database, klok };
  tim = await logInAls(alsTest, 'teamleider@diemen.demo');
  kcc = await logInAls(alsTest, 'kcc@duoplus.demo');
}

/**
 * The watcher's rounds in the melding's life before `tijd` (its warning, the missed deadline, the
 * missed promise), for a test that starts later in that life. What they send is another test's subject.
 */
async function rondesVoor(tijd: string): Promise<void> {
  for (const ronde of ['2026-03-12T07:00:00Z', '2026-03-16T14:30:00Z', '2026-03-31T08:00:00Z']) {
    if (ronde >= tijd) break;
    await zet(ronde);
    await loket.services.termijnbewaking.controleer();
    await outboxLeeg();
  }
}

// Every test starts on Monday 2 March with a fresh database and the two zaken below.
beforeEach(async () => {
  klok.zet(BEGIN);
  smtp = await smtpOntvanger();
  database = await testDatabase();
  await start({}, true);
  const bo = await gebruikerId(database, 'behandelaar@diemen.demo');
  // Report about public space, 10 working days: received Monday 2 March → deadline Monday 16 March.
  melding = await registreerZaak(loket.app, kcc, {
    zaaktype: 'melding-openbare-ruimte',
    onderwerp: 'Lantaarnpaal kapot',
    kanaal: 'web',
    ontvangstdatum: '2026-03-02',
    behandelaar: bo,
    betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' },
  });
  // Complaint, six weeks: deadline Monday 13 April; nobody assigned, team Juridische zaken (teamleider Tim).
  klacht = await registreerZaak(loket.app, kcc, {
    zaaktype: 'klacht',
    onderwerp: 'Niet teruggebeld',
    kanaal: 'telefoon',
    ontvangstdatum: '2026-03-02',
    betrokkene: { naam: 'Sam Jansen', email: 'sam@example.nl', taal: 'en' },
  });
});
afterEach(async () => {
  await loket?.close();
  await database?.close();
  await smtp?.close();
});

describe('deadline watcher', () => {
  it('sends nothing while deadlines are far away', async () => {
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });
  });

  it('warns handler and teamleider two working days before the deadline, once, also across a restart', async () => {
    await zet('2026-03-12T07:00:00Z');
    // Two rounds at the same moment (two instances, or a retried job): one sends.
    const rondes = await Promise.all([loket.services.termijnbewaking.controleer(), loket.services.termijnbewaking.controleer()]);
    expect(rondes.map((r) => r.waarschuwingen).toSorted()).toEqual([0, 1]);
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });
    await herstart();
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });

    const onderwerp = new RegExp(`^Termijn loopt bijna af: zaak ${melding.identificatie} uiterlijk 16 maart 2026$`);
    const aanBo = await mails('behandelaar@diemen.demo', onderwerp);
    const aanTim = await mails('teamleider@diemen.demo', onderwerp);
    expect(aanBo).toHaveLength(1);
    expect(aanTim).toHaveLength(1);
    expect(aanBo[0]?.tekst).toContain('Behandelaar: Bo Behandelaar');
    // The resident hears nothing yet.
    expect(await mails('anna@example.nl', /langer/)).toHaveLength(0);
    const detail = await zaakDetail(loket.app, tim, melding);
    expect(detail.tijdlijn.at(-1)).toMatchObject({ soort: 'notitie', extern: false, door: null, gegevens: { bron: 'termijnbewaking' } });
    expect(detail.tijdlijn.at(-1).gegevens.tekst).toContain('behandelaar@diemen.demo, teamleider@diemen.demo');
  });

  it('on the deadline day waits until 15:00, then tells the resident the new date and why, and warns staff; once', async () => {
    await rondesVoor('2026-03-16T10:00:00Z');
    await zet('2026-03-16T10:00:00Z');
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });
    await zet('2026-03-16T14:30:00Z');
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 1 });
    await herstart();
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });

    const inwoner = await mails('anna@example.nl', /duurt langer/);
    expect(inwoner).toHaveLength(1);
    expect(inwoner[0]?.onderwerp).toBe(`Uw zaak ${melding.identificatie} duurt langer dan wij hebben gezegd`);
    expect(inwoner[0]?.tekst).toContain('Beste Anna de Vries,');
    expect(inwoner[0]?.tekst).toContain('Wij hebben gezegd dat u uiterlijk op 16 maart 2026 van ons zou horen');
    expect(inwoner[0]?.tekst).toContain('Waarom? Wij zijn nog niet klaar met uw zaak.');
    // Ten working days after the day it was missed.
    expect(inwoner[0]?.tekst).toContain('U hoort nu uiterlijk op 30 maart 2026 van ons.');
    expect(inwoner[0]?.tekst).toContain('Uw contactpersoon is Bo van team Openbare ruimte.');
    for (const aan of ['behandelaar@diemen.demo', 'teamleider@diemen.demo']) {
      const staf = await mails(aan, /^Termijn verlopen/);
      expect(staf, aan).toHaveLength(1);
      expect(staf[0]?.tekst).toContain('De inwoner heeft bericht gekregen: hij of zij hoort uiterlijk op 30 maart 2026 van ons.');
    }

    // The resident sees it on the tracking page: the new date and the message in the timeline.
    const pagina = await loket.app.inject({ method: 'GET', url: `/diemen/zaken/${melding.volgcode}` });
    expect(pagina.body).toMatch(/<dt[^>]*>U hoort van ons uiterlijk op<\/dt>\s*<dd[^>]*>30 maart 2026<\/dd>/);
    expect(pagina.body).toContain('Het lukt ons niet om dit op tijd af te ronden.');
    expect(pagina.body).toContain('<strong>Bericht van de gemeente:</strong>');
    const detail = await zaakDetail(loket.app, tim, melding);
    expect(detail.tijdlijn.filter((g: { gegevens: { bron?: string } }) => g.gegevens.bron === 'termijnbewaking').map((g: { soort: string; extern: boolean }) => [g.soort, g.extern])).toEqual([
      ['notitie', false],
      ['bericht', true],
      ['notitie', false],
    ]);
  }, 90_000);

  it('tells the resident again when the promised date passes too', async () => {
    await rondesVoor('2026-03-31T08:00:00Z');
    await zet('2026-03-31T08:00:00Z');
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 1 });
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });
    const inwoner = await mails('anna@example.nl', /duurt langer/);
    expect(inwoner).toHaveLength(2);
    expect(inwoner[1]?.tekst).toContain('Wij hebben gezegd dat u uiterlijk op 30 maart 2026 van ons zou horen');
    expect((await loket.services.termijnbewaking.meldingen('GM0384', melding.id)).map((m) => [m.soort, m.einddatum])).toEqual([
      ['waarschuwing', '2026-03-16'],
      ['te-laat', '2026-03-16'],
      ['te-laat', '2026-03-30'],
    ]);
  }, 90_000);

  it('warns about an extended deadline again (a new event), and never about a suspended or closed zaak', async () => {
    await rondesVoor('2026-04-08T07:00:00Z');
    // Klacht: six weeks, to Monday 13 April.
    expect((await zaakDetail(loket.app, tim, klacht)).uiterlijkeEinddatum).toBe('2026-04-13');
    await zet('2026-04-08T07:00:00Z');
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });
    // Thursday 9 April: Friday and Monday are the two working days left.
    await zet('2026-04-09T07:00:00Z');
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 1, teLaat: 0 });
    // Nobody is assigned: the teamleider of Juridische zaken is warned.
    expect(await mails('teamleider@diemen.demo', new RegExp(`^Termijn loopt bijna af: zaak ${klacht.identificatie} uiterlijk 13 april 2026$`))).toHaveLength(1);

    await zaakActie(loket.app, tim, klacht, 'verlengingen', { duur: 'P2W', reden: 'Wij willen eerst met u praten.' });
    // The zaken service tells the resident about the extension itself.
    expect(await mails('sam@example.nl', /more time/)).toHaveLength(1);
    // Eight weeks end on King's Day, Monday 27 April, so on Tuesday 28 April.
    expect((await zaakDetail(loket.app, tim, klacht)).uiterlijkeEinddatum).toBe('2026-04-28');
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });
    await zet('2026-04-23T07:00:00Z');
    // Meanwhile the date promised for the melding (15 April) passed as well: the third notice to Anna.
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 1, teLaat: 1 });
    expect(await mails('teamleider@diemen.demo', new RegExp(`^Termijn loopt bijna af: zaak ${klacht.identificatie} uiterlijk 28 april 2026$`))).toHaveLength(1);

    // The melding is suspended now: its clock stands still, nobody is told anything.
    await zaakActie(loket.app, tim, melding, 'opschortingen', { reden: 'Stuur ons een foto.' });
    await zet('2026-05-20T07:00:00Z');
    const vraag = await zaakDetail(loket.app, tim, klacht);
    await zaakActie(loket.app, tim, klacht, 'afsluiting', { resultaattype: vraag.zaaktypeVersie.resultaattypen[0].id });
    expect(await loket.services.termijnbewaking.controleer()).toEqual({ waarschuwingen: 0, teLaat: 0 });
    expect(await mails('anna@example.nl', /duurt langer/)).toHaveLength(3);
    expect(await mails('sam@example.nl', /longer/)).toHaveLength(0);
  }, 90_000);

  it('registers its pg-boss schedule and runs once at start when enabled', async () => {
    await herstart({ LOKET_TERMIJNBEWAKING_MINUTEN: '15' });
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`select name, cron, timezone from pgboss.schedule where name = ${TERMIJNBEWAKING_CONTROLEREN}`.execute(database.db);
    expect(rows).toEqual([{ name: TERMIJNBEWAKING_CONTROLEREN, cron: '*/15 * * * *', timezone: 'Europe/Amsterdam' }]);
    const einde = Date.now() + 20_000;
    for (;;) {
      const { rows: klaar } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = ${TERMIJNBEWAKING_CONTROLEREN} and state = 'completed'`.execute(database.db);
      if ((klaar[0]?.n ?? 0) >= 1) break;
      if (Date.now() > einde) throw new Error('de startronde van de termijnbewaking liep niet');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});
