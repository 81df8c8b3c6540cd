import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { auditService, systeemContext } from '../audit/audit.service.ts';
import { AANMELDACTIES } from './onderhoud.repository.ts';

// Every test moves the clock by months and counts rows across the whole database: each gets its own.
let loket: TestLoket;
beforeEach(async () => {
  loket = await testLoket({ nu: '2026-01-10T09:00:00Z' });
  await laadDemo(loket);
});
afterEach(async () => loket.close());

/** Login records (installatie_log, partition installatie_log_aanmelding) from `van` on, before `tot`. */
const aanmeldregels = async (van: string, tot: string) =>
  (await loket.database.db.selectFrom('installatie_log').select('id').where('actie', 'in', AANMELDACTIES).where('tijdstip', '>=', van).where('tijdstip', '<', tot).execute()).length;
const telAuditLog = async () => Number((await loket.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('bewaartermijnen', () => {
  it('destroys login data by whole months after six months and expired sessions, and nothing else', async () => {
    await logInAls(loket, 'behandelaar@diemen.demo');
    const januari = await aanmeldregels('2026-01-01', '2026-02-01');
    expect(januari).toBeGreaterThan(0);
    const auditVoor = await telAuditLog();
    const overigVoor = (await loket.database.db.selectFrom('installatie_log').select('id').where('actie', 'not in', AANMELDACTIES).execute()).length;

    // Four months later: a new login; January is kept (term not over), the session expired.
    loket.klok.zet('2026-05-10T09:00:00Z');
    await logInAls(loket, 'behandelaar@diemen.demo');
    let r = await loket.services.onderhoud.ruimOp(systeemContext());
    expect(r.aanmeldgegevens).toBe(0);
    expect(r.logmaanden.vernietigd).toEqual([]);
    // January's rows waited in the DEFAULT partition (made ahead of the database's clock, not the test's); now in their month.
    expect(r.logmaanden.gemaakt).toEqual(expect.arrayContaining(['installatie_log_aanmelding_2026_01', 'installatie_log_aanmelding_2026_05', 'installatie_log_aanmelding_2026_07']));
    expect(r.sessies).toBeGreaterThanOrEqual(1);
    expect(await aanmeldregels('2026-01-01', '2026-02-01')).toBe(januari);
    expect(await aanmeldregels('2026-05-01', '2026-06-01')).toBeGreaterThan(0);

    // Seven months after the first login: the whole of January is dropped, May stays.
    const mei = await aanmeldregels('2026-05-01', '2026-06-01');
    loket.klok.zet('2026-08-11T09:00:00Z');
    r = await loket.services.onderhoud.ruimOp(systeemContext());
    expect(r.aanmeldgegevens).toBe(januari);
    expect(r.logmaanden.vernietigd).toEqual(['installatie_log_aanmelding_2026_01']);
    expect(await aanmeldregels('2000-01-01', '2100-01-01')).toBe(mei);
    expect(await telAuditLog()).toBe(auditVoor);
    const overig = await loket.database.db.selectFrom('installatie_log').select(['actie', 'details']).where('actie', 'not in', AANMELDACTIES).orderBy('id').execute();
    expect(overig.length).toBe(overigVoor + 1);
    expect(overig.at(-1)).toEqual({ actie: 'bewaartermijn-vernietigen', details: { aanmeldgegevens: januari, maanden: ['installatie_log_aanmelding_2026_01'] } });
    expect((await loket.services.onderhoud.ruimOp(systeemContext())).aanmeldgegevens).toBe(0);
  });

  it('erases residents’ e-mail and telephone one year after their zaak closed, in every gemeente', async () => {
    loket.klok.zet('2026-08-11T09:00:00Z');
    const wie = async (gemeente: string) => ({
      context: systeemContext(),
      gebruiker: (await loket.services.gebruikers.opEmail(gemeente, 'beheerder@duoplus.demo')).id,
      naam: 'Beheerder',
      rollen: ['beheerder'] as const,
    });
    const contact = (id: string) => loket.database.db.selectFrom('betrokkene').select(['naam', 'email', 'telefoon']).where('zaak_id', '=', id).executeTakeFirstOrThrow();
    const gesloten: string[] = [];
    for (const gemeente of ['GM0384', 'GM0437']) {
      const beheerder = await wie(gemeente);
      const { zaak } = await loket.services.zaken.registreer(beheerder, gemeente, {
        zaaktype: 'e-mailvraag',
        onderwerp: 'Vraag',
        kanaal: 'e-mail',
        ontvangstdatum: '2026-08-11',
        behandelaar: 'ik',
        betrokkene: { naam: 'Kim', email: `kim-${gemeente}@example.nl`, telefoon: '0612345678', taal: 'nl' },
      });
      const resultaat = zaak.zaaktypeVersie.resultaattypen[0]?.id ?? '';
      await loket.services.zaken.sluitAf(beheerder, gemeente, zaak.id, zaak.versie, { resultaattype: resultaat });
      gesloten.push(zaak.id);
    }
    const open = await loket.services.zaken.registreer(await wie('GM0384'), 'GM0384', {
      zaaktype: 'e-mailvraag',
      onderwerp: 'Nog open',
      kanaal: 'e-mail',
      ontvangstdatum: '2026-08-11',
      betrokkene: { naam: 'Jan', email: 'jan@example.nl', taal: 'nl' },
    });
    loket.klok.zet('2027-08-01T09:00:00Z');
    expect((await loket.services.onderhoud.ruimOp(systeemContext())).contactgegevens).toBe(0);
    loket.klok.zet('2027-08-12T09:00:00Z');
    expect((await loket.services.onderhoud.ruimOp(systeemContext())).contactgegevens).toBe(2);
    for (const id of gesloten) expect(await contact(id)).toEqual({ naam: 'Kim', email: null, telefoon: null });
    expect((await contact(open.zaak.id)).email).toBe('jan@example.nl');
    const log = await loket.database.db.selectFrom('audit_log').select(['gemeente', 'details']).where('actie', '=', 'contactgegevens-inwoners-wissen').orderBy('gemeente').execute();
    expect(log.map((r) => r.gemeente)).toEqual(['GM0384', 'GM0437']);
    expect((await loket.services.onderhoud.ruimOp(systeemContext())).contactgegevens).toBe(0);
  });

  it('keeps the logs closed to ordinary deletes, truncate and every update', async () => {
    const { sql } = await import('kysely');
    // A row in each log (the triggers refuse per row), also a login record.
    await logInAls(loket, 'behandelaar@diemen.demo');
    const audit = auditService({ repository: auditRepository(loket.database.db), klok: loket.klok });
    await audit.log(systeemContext(), { gemeente: 'GM0384', actie: 'proef' });
    await audit.verwerking(systeemContext(), { gemeente: 'GM0384', naam: 'proef', verwerkingsactiviteit: 'loket:proef', grondslag: 'proef', betrokkeneType: 'inwoner', betrokkeneIds: ['b'] });
    for (const tabel of ['audit_log', 'installatie_log', 'verwerking_log'] as const) {
      expect(Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(tabel)}`.execute(loket.database.db)).rows[0]?.n)).toBeGreaterThan(0);
      await expect(sql`delete from ${sql.table(tabel)}`.execute(loket.database.db)).rejects.toThrow(/alleen-toevoegen/);
      await expect(sql`update ${sql.table(tabel)} set trace_id = 'x'`.execute(loket.database.db)).rejects.toThrow(/alleen-toevoegen/);
      await expect(sql`truncate ${sql.table(tabel)}`.execute(loket.database.db)).rejects.toThrow(/alleen-toevoegen/);
    }
    // The retention switch of migration 0003 opens nothing any more: login records go by whole months (ADR 0026).
    await expect(
      loket.database.db.transaction().execute(async (trx) => {
        await sql`select set_config('loket.vernietigen', 'aan', true)`.execute(trx);
        await trx.deleteFrom('installatie_log').where('actie', '=', 'aanmelden').execute();
      }),
    ).rejects.toThrow(/alleen-toevoegen/);
  });
});
