import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { zakenRepository, type Werkvoorraadfilter } from './zaken.repository.ts';

// The work queue must stay an index range scan on the partial index of open zaken, whatever the
// size (ADR 0012): no sort of all open zaken of a team, no count.
let loket: TestLoket;
let team: string;
let behandelaar: string;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  const db = loket.database.db;
  const zaaktype = await db.selectFrom('zaaktype').select('id').where('gemeente', '=', 'GM0384').where('code', '=', 'e-mailvraag').executeTakeFirstOrThrow();
  const teams = await db.selectFrom('team').select('id').where('gemeente', '=', 'GM0384').orderBy('naam').execute();
  team = teams[0]?.id ?? '';
  behandelaar = (await loket.services.gebruikers.opEmail('GM0384', 'behandelaar@diemen.demo')).id;
  await sql`
    insert into zaak (gemeente, id, identificatie, zaaktype_id, onderwerp, kanaal, ontvangstdatum, registratie_op, vertrouwelijkheid,
                      team_id, behandelaar_id, status_volgnummer, oorspronkelijke_einddatum, uiterlijke_einddatum, volgcode_hash, afgesloten_op)
    select 'GM0384', gen_random_uuid(), 'Z-2025-' || lpad(i::text, 6, '0'), ${zaaktype.id}::uuid, 'Melding ' || i, 'web',
           date '2025-01-01' + (i % 400), now(), 'zaakvertrouwelijk',
           (${sql.raw(`array[${teams.map((t) => `'${t.id}'::uuid`).join(',')}]`)})[1 + i % ${teams.length}],
           case when i % 7 = 0 then ${behandelaar}::uuid end, 1,
           date '2025-01-08' + (i % 400), date '2025-01-08' + (i % 400), md5(i::text),
           case when i % 3 = 0 then null else now() end
    from generate_series(1, 60000) i`.execute(db);
  // A resident with an address on every third zaak, at one of 8000 postcodes × 20 numbers (ADR 0083): a caller's address matches a handful.
  await sql`
    insert into betrokkene (gemeente, zaak_id, naam, postcode, huisnummer)
    select gemeente, id, 'Inwoner', (1000 + n % 8000)::text || 'AB', 1 + n % 20
    from (select gemeente, id, substr(identificatie, 8)::int as n from zaak where gemeente = 'GM0384' and identificatie like 'Z-2025-%') z
    where n % 3 = 0`.execute(db);
  await sql`analyze zaak`.execute(db);
  await sql`analyze betrokkene`.execute(db);
}, 240_000);
afterAll(async () => loket.close());

async function plan(filter: Partial<Werkvoorraadfilter>): Promise<string> {
  const query = zakenRepository(loket.database.db).werkvoorraadQuery('GM0384', { open: true, limit: 21, ...filter }).compile();
  const res = await loket.database.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
  return res.rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('query plan of the work queue', () => {
  it('reads a team queue page from the partial index in deadline order, without sorting', async () => {
    const teamPlan = await plan({ team });
    expect(teamPlan).toMatch(/Index Scan using zaak_open_team on zaak/);
    expect(teamPlan).not.toMatch(/Sort/);
    const volgende = await plan({ team, na: { einddatum: '2025-06-01', id: '00000000-0000-4000-8000-000000000000' }, vanaf: '2025-05-01' });
    expect(volgende).toMatch(/Index Scan using zaak_open_team on zaak/);
    expect(volgende).not.toMatch(/Sort/);
    // A behandelaar's queue checks their teams for restricted zaken inside the same statement.
    const beperkt = await plan({ team, beperkt: { gebruiker: behandelaar } });
    expect(beperkt).toMatch(/Index Scan using zaak_open_team on zaak/);
    expect(beperkt).toMatch(/team_lid/);
    expect(beperkt).not.toMatch(/Sort/);
  });

  it('uses the behandelaar index for "mine" and the gemeente index without filters', async () => {
    const mijn = await plan({ behandelaar });
    expect(mijn).toMatch(/Index Scan using zaak_open_behandelaar on zaak/);
    expect(mijn).not.toMatch(/Sort/);
    const alles = await plan({});
    expect(alles).toMatch(/Index Scan using zaak_open on zaak/);
    expect(alles).not.toMatch(/Sort/);
  });

  it('finds a caller’s zaken by address through the index betrokkene_adres, with or without a toevoeging', async () => {
    expect(await plan({ adres: { postcode: '1234AB', huisnummer: 5, huisnummerToevoeging: null } })).toMatch(/Scan (using|on) betrokkene_adres/);
    expect(await plan({ adres: { postcode: '1234AB', huisnummer: 5, huisnummerToevoeging: 'A' } })).toMatch(/Scan (using|on) betrokkene_adres/);
  });
});
