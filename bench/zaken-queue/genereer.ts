// Set-based generation of a million zaken for the queue benchmark, straight in SQL (bench code,
// not app code): gemeenten, staff, teams and zaaktypen come from the app (demo data), the zaken,
// residents and timelines from `insert … select … from generate_series`. Deterministic (setseed).
import type { Client } from 'pg';

/** Zaaktype mix (share in %, by code). */
const GEWICHTEN: Record<string, number> = {
  'e-mailvraag': 24,
  'melding-openbare-ruimte': 30,
  klacht: 8,
  bezwaar: 6,
  'bezwaar-adviescommissie': 3,
  'aanvraag-beschikking': 8,
  parkeervergunning: 11,
  'wmo-melding': 10,
};

export interface Generatie {
  zaken: number;
  open: number;
  gebeurtenissen: number;
  betrokkenen: number;
  /** Seconds per step. */
  stappen: Record<string, number>;
  tabelgrootte: Record<string, string>;
}

/**
 * Fills the zaken tables. Foreign-key triggers are off while loading (session_replication_role =
 * replica: the rows are consistent by construction); the queue indexes are dropped first and made
 * again afterwards with the migration's own definitions (faster than keeping them up to date row
 * by row). Ends with VACUUM ANALYZE, as a database in steady state would be. `tijdlijnen: false`
 * leaves out the residents and the timelines (for benchmarks that read only the zaak rows: a tenth
 * of the disk at ten million zaken).
 */
export async function genereer(client: Client, aantal: number, openAandeel: number, log: (regel: string) => void, opties: { tijdlijnen?: boolean } = {}): Promise<Generatie> {
  const stappen: Record<string, number> = {};
  const stap = async (naam: string, sql: string) => {
    if (opties.tijdlijnen === false && (naam === 'betrokkenen' || naam === 'gebeurtenissen')) return;
    const t = performance.now();
    await client.query(sql);
    stappen[naam] = Math.round((performance.now() - t) / 100) / 10;
    log(`  ${naam}: ${stappen[naam]} s`);
  };
  const gewichten = Object.entries(GEWICHTEN)
    .map(([code, gewicht]) => `('${code}', ${gewicht})`)
    .join(', ');
  await client.query('select setseed(0.4242)');
  await client.query("set session_replication_role = replica; set synchronous_commit = off; set maintenance_work_mem = '256MB'; set work_mem = '64MB'");
  const indexen = (
    await client.query<{ indexname: string; indexdef: string }>(
      "select indexname, indexdef from pg_indexes where tablename = 'zaak' and indexname in ('zaak_open_team', 'zaak_open_behandelaar', 'zaak_open', 'zaak_gesloten')",
    )
  ).rows;
  for (const i of indexen) await client.query(`drop index ${i.indexname}`);

  await stap(
    'hulptabellen',
    `
    create temp table bz_gemeente as
      select code, row_number() over (order by code) - 1 as nr,
        (case code when 'GM0384' then 0.4 else 0.3 end) as aandeel
      from gemeente where code in ('GM0384', 'GM0437', 'GM0451');
    create temp table bz_grens as
      select code, nr, floor(${aantal} * coalesce(sum(aandeel) over (order by nr rows between unbounded preceding and 1 preceding), 0))::int as van,
        floor(${aantal} * sum(aandeel) over (order by nr))::int as tot
      from bz_gemeente;
    create temp table bz_gewicht as
      select code, (sum(gewicht) over (order by code) - gewicht)::int as van, sum(gewicht) over (order by code)::int as tot
      from (values ${gewichten}) as w(code, gewicht);
    create temp table bz_zaaktype as
      select zt.gemeente, zt.id, zt.code, zt.naam_nl, zt.vertrouwelijkheid, zt.standaard_team_id, w.van, w.tot,
        case zt.norm when '5wd' then 7 when '10wd' then 14 else substring(zt.norm from 'P([0-9]+)W')::int * 7 end as normdagen,
        (select max(volgnummer) from statustype st where st.gemeente = zt.gemeente and st.zaaktype_id = zt.id) as eind,
        (select naam from statustype st where st.gemeente = zt.gemeente and st.zaaktype_id = zt.id and st.volgnummer = 2) as status2,
        (select array_agg(r.id order by r.naam) from resultaattype r where r.gemeente = zt.gemeente and r.zaaktype_id = zt.id) as resultaten
      from zaaktype zt join bz_gewicht w on w.code = zt.code
      where zt.status = 'gepubliceerd';
    create temp table bz_team as
      select gemeente, array_agg(id order by naam) as teams from team group by gemeente;
    create temp table bz_behandelaar as
      select r.gemeente, array_agg(g.id order by g.id) as ids, array_agg(g.naam order by g.id) as namen
      from gebruiker g join gebruiker_rol r on r.gebruiker_id = g.id and r.rol = 'behandelaar' group by r.gemeente;
    `,
  );

  await stap(
    'zaken',
    `
    insert into zaak (gemeente, id, identificatie, zaaktype_id, onderwerp, omschrijving, kanaal, ontvangstdatum, registratie_op,
      vertrouwelijkheid, team_id, behandelaar_id, status_volgnummer, oorspronkelijke_einddatum, uiterlijke_einddatum, opgeschort,
      afgesloten_op, resultaattype_id, archiefactiedatum, volgcode_hash, taal, versie)
    select g.code, s.id, 'Z-' || extract(year from s.ontvangst)::int || '-' || lpad((s.n - g.van)::text, greatest(6, length((s.n - g.van)::text)), '0'), zt.id,
      (array['Losliggende stoeptegel', 'Kapotte lantaarnpaal', 'Volle container', 'Zwerfafval', 'Overhangende takken', 'Gat in het wegdek',
             'Vraag over afvalkalender', 'Klacht over bejegening', 'Bezwaar tegen parkeerboete', 'Aanvraag kapvergunning',
             'Parkeervergunning bewoners', 'Melding hulp bij het huishouden'])[1 + s.n % 12]
        || ' ' || (array['Ouddiemerlaan', 'Hartveldseweg', 'Amstelzijde', 'Rembrandtweg', 'Zijdelweg', 'Laan van Meerwijk', 'Kerkstraat', 'Wilhelminalaan'])[1 + (s.n / 12) % 8],
      '', (array['web', 'web', 'app', 'e-mail', 'telefoon', 'balie', 'post', 'sociale-media'])[1 + floor(s.rk * 8)::int],
      s.ontvangst, s.ontvangst + interval '8 hours' + s.rk * interval '9 hours',
      zt.vertrouwelijkheid,
      case when s.rt < 0.75 and zt.standaard_team_id is not null then zt.standaard_team_id else t.teams[1 + floor(s.rt2 * array_length(t.teams, 1))::int] end,
      case when s.rb < 0.3 then null else b.ids[1 + floor(s.rb2 * array_length(b.ids, 1))::int] end,
      case when s.open then (case when s.rs < 0.5 then 1 else 2 end) else zt.eind end,
      s.ontvangst + zt.normdagen, s.ontvangst + zt.normdagen + (case when s.rv < 0.05 then 14 else 0 end),
      s.open and s.rs > 0.95,
      case when s.open then null else s.ontvangst + floor(s.rc * zt.normdagen * 1.2)::int + interval '14 hours' end,
      case when s.open then null else zt.resultaten[1 + floor(s.rs * array_length(zt.resultaten, 1))::int] end,
      case when s.open then null else s.ontvangst + interval '5 years' end,
      md5(s.n::text || 'a') || md5(s.n::text || 'b'), case when s.rk > 0.97 then 'en' else 'nl' end,
      1 + (case when s.rb < 0.3 then 0 else 1 end) + (case when s.open and s.rs < 0.5 then 0 else 1 end) + (case when s.n % 10 < 3 then 1 else 0 end) + (case when s.open then 0 else 1 end)
    from (
      select n,
        -- Sequential ids (v4 layout): the primary key grows at its end, as time-ordered ids would.
        (lpad(to_hex(n), 8, '0') || '-' || substr(h, 1, 4) || '-4' || substr(h, 5, 3) || '-8' || substr(h, 8, 3) || '-' || substr(h, 11, 12))::uuid as id,
        o < ${openAandeel} as open,
        case when o < ${openAandeel} then current_date - floor(rd * 90)::int else current_date - 30 - floor(rd * 1800)::int end as ontvangst,
        rz, rt, rt2, rb, rb2, rk, rs, rv, rc
      from (select n, md5(n::text) as h, random() as o, random() as rd, random() as rz, random() as rt, random() as rt2, random() as rb, random() as rb2,
                   random() as rk, random() as rs, random() as rv, random() as rc
            from generate_series(1, ${aantal}) as n) r
    ) s
    join bz_grens g on s.n > g.van and s.n <= g.tot
    join bz_zaaktype zt on zt.gemeente = g.code and floor(s.rz * 100) >= zt.van and floor(s.rz * 100) < zt.tot
    join bz_team t on t.gemeente = g.code
    left join bz_behandelaar b on b.gemeente = g.code
    `,
  );

  await stap(
    'betrokkenen',
    `
    insert into betrokkene (gemeente, zaak_id, naam, email, telefoon, taal)
    select z.gemeente, z.id, v.voornaam || ' ' || a.achternaam,
      case when h % 10 < 3 then lower(v.voornaam) || '.' || (h % 100000) || '@example.org' end,
      case when h % 10 between 3 and 6 then '0600' || lpad((h % 1000000)::text, 6, '0') end, z.taal
    from (select gemeente, id, taal, abs(hashtext(id::text)) as h from zaak) z
    cross join lateral (select (array['Anouk', 'Bram', 'Chantal', 'Daan', 'Esra', 'Fenna', 'Gijs', 'Hanna', 'Mehmet', 'Noor', 'Rachida', 'Thijs'])[1 + z.h % 12] as voornaam) v
    cross join lateral (select (array['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Yilmaz', 'El Amrani', 'Kaya', 'van Dam'])[1 + (z.h / 12) % 10] as achternaam) a
    where z.h % 100 < 70
    `,
  );

  // The timeline the detail view reads: creation, assignment, a status, sometimes a note, the result.
  await stap(
    'gebeurtenissen',
    `
    insert into zaak_gebeurtenis (gemeente, zaak_id, volgnummer, soort, gegevens, extern, door_gebruiker, door_naam, door_inwoner, op)
    select z.gemeente, z.id, e.volgnummer, e.soort, e.gegevens, e.extern, e.door, e.door_naam, false, e.op
    from (
      select z.*, zt.code, zt.naam_nl, zt.status2, zt.eind, b.ids, b.namen,
        (z.behandelaar_id is not null)::int as t, (z.status_volgnummer >= 2)::int as s, (abs(hashtext(z.id::text)) % 10 < 3)::int as nt
      from zaak z join bz_zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id left join bz_behandelaar b on b.gemeente = z.gemeente
    ) z
    cross join lateral (
      select 1 as volgnummer, 'aangemaakt' as soort, true as extern, null::uuid as door, 'Kees van het KCC' as door_naam, z.registratie_op as op,
        jsonb_build_object('status', 1, 'team', z.team_id, 'behandelaar', null, 'kanaal', z.kanaal, 'zaaktype', z.code, 'zaaktypeVersie', 1) as gegevens
      union all
      select 2, 'toewijzing', false, z.behandelaar_id, 'Teamleider', z.registratie_op + interval '1 day',
        jsonb_build_object('team', z.team_id, 'behandelaar', z.behandelaar_id, 'behandelaarNaam', 'Behandelaar', 'vorigTeam', z.team_id, 'vorigeBehandelaar', null)
      where z.t = 1
      union all
      select 2 + z.t, 'status', true, z.behandelaar_id, 'Behandelaar', z.registratie_op + interval '2 days',
        jsonb_build_object('volgnummer', 2, 'naam', z.status2, 'tekst', jsonb_build_object('nl', 'In behandeling', 'en', 'In progress'), 'toelichting', '')
      where z.s = 1
      union all
      select 2 + z.t + z.s, 'notitie', false, z.behandelaar_id, 'Behandelaar', z.registratie_op + interval '3 days',
        jsonb_build_object('tekst', 'Contact gehad met de inwoner.')
      where z.nt = 1
      union all
      select 2 + z.t + z.s + z.nt, 'resultaat', true, z.behandelaar_id, 'Behandelaar', z.afgesloten_op,
        jsonb_build_object('resultaattype', z.resultaattype_id, 'naam', 'Afgehandeld', 'tekst', jsonb_build_object('nl', 'Afgehandeld', 'en', 'Completed'),
          'toelichting', '', 'status', z.eind, 'volgnummer', z.eind)
      where z.afgesloten_op is not null
    ) e
    `,
  );

  await stap('queue-indexen', indexen.map((i) => `${i.indexdef};`).join('\n'));
  await client.query('set session_replication_role = origin');
  const t = performance.now();
  for (const tabel of ['zaak', 'zaak_gebeurtenis', 'betrokkene']) await client.query(`vacuum (analyze) ${tabel}`);
  await client.query('analyze');
  stappen['vacuum-analyze'] = Math.round((performance.now() - t) / 100) / 10;
  log(`  vacuum-analyze: ${stappen['vacuum-analyze']} s`);

  const tel = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  const grootte = async (tabel: string) => (await client.query<{ g: string }>(`select pg_size_pretty(pg_total_relation_size('${tabel}')) as g`)).rows[0]?.g ?? '?';
  return {
    zaken: await tel('select count(*) as n from zaak'),
    open: await tel('select count(*) as n from zaak where afgesloten_op is null'),
    gebeurtenissen: await tel('select count(*) as n from zaak_gebeurtenis'),
    betrokkenen: await tel('select count(*) as n from betrokkene'),
    stappen,
    tabelgrootte: { zaak: await grootte('zaak'), zaak_gebeurtenis: await grootte('zaak_gebeurtenis'), betrokkene: await grootte('betrokkene') },
  };
}
