import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import { systeemContext } from '../audit/audit.service.ts';

let loket: TestLoket;
beforeAll(async () => {
  loket = await testLoket({ nu: '2026-01-10T09:00:00Z' });
  await laadDemo(loket);
});
afterAll(async () => loket.close());

const aanmeldregels = async () =>
  (await loket.database.db.selectFrom('audit_log').select(['tijdstip', 'actie']).where('actie', '=', 'aanmelden').execute()).length;

describe('bewaartermijnen', () => {
  it('destroys login data after six months and expired sessions, and nothing else', async () => {
    await logInAls(loket, 'behandelaar@diemen.demo');
    const oud = await aanmeldregels();
    expect(oud).toBeGreaterThan(0);
    const anderVoor = (await loket.database.db.selectFrom('audit_log').select('id').where('actie', '!=', 'aanmelden').execute()).length;

    // Four months later: a new login; the old one is kept (term not over), the session expired.
    loket.klok.zet('2026-05-10T09:00:00Z');
    await logInAls(loket, 'behandelaar@diemen.demo');
    let r = await loket.services.onderhoud.ruimOp(systeemContext());
    expect(r.aanmeldgegevens).toBe(0);
    expect(r.sessies).toBeGreaterThanOrEqual(1);
    expect(await aanmeldregels()).toBe(oud + 1);

    // Seven months after the first login: only the first is destroyed.
    loket.klok.zet('2026-08-11T09:00:00Z');
    r = await loket.services.onderhoud.ruimOp(systeemContext());
    expect(r.aanmeldgegevens).toBe(oud);
    expect(await aanmeldregels()).toBe(1);
    const anderNa = (await loket.database.db.selectFrom('audit_log').select('id').where('actie', 'not in', ['aanmelden', 'bewaartermijn-vernietigen']).execute()).length;
    expect(anderNa).toBe(anderVoor);
  });

  it('keeps the logs closed to ordinary deletes, truncate and every update', async () => {
    const { sql } = await import('kysely');
    await expect(loket.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/alleen-toevoegen/);
    await expect(loket.database.db.updateTable('audit_log').set({ actie: 'x' }).execute()).rejects.toThrow(/alleen-toevoegen/);
    await expect(sql`truncate audit_log`.execute(loket.database.db)).rejects.toThrow(/alleen-toevoegen/);
    await expect(sql`truncate verwerking_log`.execute(loket.database.db)).rejects.toThrow(/alleen-toevoegen/);
    // Even with the retention switch on, only old login records may go.
    await expect(
      loket.database.db.transaction().execute(async (trx) => {
        await sql`select set_config('loket.vernietigen', 'aan', true)`.execute(trx);
        await trx.deleteFrom('audit_log').where('actie', '!=', 'aanmelden').execute();
      }),
    ).rejects.toThrow(/alleen-toevoegen/);
  });
});
