import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import { systeemContext } from '../audit/audit.service.ts';

// Every test moves the clock by months and counts rows across the whole database: each gets its own.
let loket: TestLoket;
beforeEach(async () => {
  loket = await testLoket({ nu: '2026-01-10T09:00:00Z' });
  await laadDemo(loket);
});
afterEach(async () => loket.close());

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
