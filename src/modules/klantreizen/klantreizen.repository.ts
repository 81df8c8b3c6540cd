import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, KlantcontactKanaal } from '../../db/schema.ts';
import { plusDagen } from '../termijnen/kalender.ts';
import { BEPERKT_ZICHTBAAR } from '../zaken/zaken.repository.ts';

/*
 * Read-only SQL for the aggregated customer journeys (ADR 0081): the zaken of one zaaktype
 * registered in a period, their events, the klantcontacten about them, the answers to the
 * question after closing, and the measure
 * klantcontacten-herhaalcontact. A reporting query over the zaken and klantcontacten tables, as
 * zaken.kpi.repository.ts reads zaken; it never writes. Always per gemeente.
 */

/** The start of a calendar day in Amsterdam, as a timestamptz. */
const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;
/** Counts come back as text (bigint) from PostgreSQL. */
const getal = (waarde: unknown): number => Number(waarde ?? 0);

/** A contact of the same person without a link to any zaak counts in a journey from this many days before the registration until this many days after the closing. */
export const CONTACT_VENSTER_DAGEN = 14;

export interface ReisZaak {
  id: string;
  registratieOp: string;
  afgeslotenOp: string | null;
  uiterlijkeEinddatum: string;
  opgeschort: boolean;
}

export interface ReisGebeurtenis {
  zaakId: string;
  soort: 'status' | 'bericht' | 'reactie' | 'opschorting' | 'resultaat' | 'heropening';
  op: string;
  /** A status: its number and name in the zaaktype. */
  statusVolgnummer: number | null;
  naam: string | null;
}

export interface ReisContact {
  zaakId: string;
  op: string;
  kanaal: KlantcontactKanaal;
  /** Linked to the zaak by the KCC (klantcontact_zaak), or found by the person's e-mail address. */
  gekoppeld: boolean;
}

export interface ReisKlacht {
  zaakId: string;
  op: string;
}

/** The resident's answer to the question after closing (ADR 0052). */
export interface ReisAntwoord {
  zaakId: string;
  op: string;
  tevreden: boolean;
}

export interface ReisSelectie {
  gemeente: string;
  zaaktype: string;
  van: string;
  tot: string;
  /** Null: every zaak; else only zaken that are not restricted (ADR 0013), of the user's teams, or where the user is behandelaar. */
  beperkt: { gebruiker: string | null } | null;
}

export interface HerhaalTelling {
  groep: null | { kanaal: string } | { onderwerp: string };
  teller: number;
  noemer: number;
}

export function klantreizenRepository(db: Kysely<DB>) {
  /** The ids of the zaken of the selection: the zaaktype (every version), registered in the period, visible to the user. */
  const zaken = (s: ReisSelectie) => {
    let q = db
      .selectFrom('zaak as z')
      .innerJoin('zaaktype as zt', (j) => j.onRef('zt.gemeente', '=', 'z.gemeente').onRef('zt.id', '=', 'z.zaaktype_id'))
      .where('z.gemeente', '=', s.gemeente)
      .where('zt.code', '=', s.zaaktype)
      .where('z.registratie_op', '>=', begin(s.van))
      .where('z.registratie_op', '<', begin(plusDagen(s.tot, 1)));
    if (s.beperkt) {
      const { gebruiker } = s.beperkt;
      q = q.where((eb) => {
        const mag: Expression<SqlBool>[] = [eb('z.vertrouwelijkheid', 'not in', BEPERKT_ZICHTBAAR)];
        if (gebruiker) {
          mag.push(eb('z.team_id', 'in', eb.selectFrom('team_lid as l').select('l.team_id').where('l.gemeente', '=', s.gemeente).where('l.gebruiker_id', '=', gebruiker)));
          mag.push(eb('z.behandelaar_id', '=', gebruiker));
        }
        return eb.or(mag);
      });
    }
    return q;
  };

  return {
    /** The products of the catalogue and the zaaktypen (newest version) a journey can be asked for. */
    async keuzes(gemeente: string) {
      const producten = await db.selectFrom('product').select(['code', 'naam_nl', 'naam_en', 'zaaktype']).where('gemeente', '=', gemeente).orderBy('naam_nl').execute();
      const zaaktypen = await db
        .selectFrom('zaaktype')
        .distinctOn('code')
        .select(['code', 'naam_nl', 'naam_en'])
        .where('gemeente', '=', gemeente)
        .orderBy('code')
        .orderBy('versie', 'desc')
        .execute();
      return { producten, zaaktypen };
    },

    /** One product of the catalogue, or undefined. */
    product: (gemeente: string, code: string) => db.selectFrom('product').select(['code', 'naam_nl', 'naam_en', 'zaaktype']).where('gemeente', '=', gemeente).where('code', '=', code).executeTakeFirst(),

    /** The newest version of a zaaktype, or undefined. */
    zaaktype: (gemeente: string, code: string) =>
      db.selectFrom('zaaktype').select(['code', 'naam_nl', 'naam_en']).where('gemeente', '=', gemeente).where('code', '=', code).orderBy('versie', 'desc').limit(1).executeTakeFirst(),

    /** The zaken of the selection with everything that makes their journeys. */
    async reizen(s: ReisSelectie, nu: string): Promise<{ zaken: ReisZaak[]; gebeurtenissen: ReisGebeurtenis[]; contacten: ReisContact[]; klachten: ReisKlacht[]; antwoorden: ReisAntwoord[] }> {
      const { gemeente } = s;
      const rijen = await zaken(s).select(['z.id', 'z.registratie_op', 'z.afgesloten_op', 'z.uiterlijke_einddatum', 'z.opgeschort']).orderBy('z.registratie_op').execute();
      if (rijen.length === 0) return { zaken: [], gebeurtenissen: [], contacten: [], klachten: [], antwoorden: [] };
      // The ids as one array parameter, not the selection again as a subquery: without statistics
      // (PGlite) the planner re-ran that subquery per row and one product took minutes.
      const ids = sql<string>`any(${rijen.map((r) => r.id)}::uuid[])`;
      const gebeurtenissen = await db
        .selectFrom('zaak_gebeurtenis as g')
        .select(['g.zaak_id', 'g.soort', 'g.op', sql<string | null>`g.gegevens->>'naam'`.as('naam'), sql<number | null>`(g.gegevens->>'volgnummer')::int`.as('status_volgnummer')])
        .where('g.gemeente', '=', gemeente)
        .where('g.zaak_id', '=', ids)
        .where((eb) => eb.or([eb('g.soort', 'in', ['status', 'reactie', 'opschorting', 'resultaat', 'heropening']), eb.and([eb('g.soort', '=', 'bericht'), eb('g.extern', '=', true)])]))
        .orderBy('g.zaak_id')
        .orderBy('g.volgnummer')
        .execute();
      const gekoppeld = await db
        .selectFrom('klantcontact_zaak as kz')
        .innerJoin('klantcontact as k', (j) => j.onRef('k.gemeente', '=', 'kz.gemeente').onRef('k.id', '=', 'kz.klantcontact_id'))
        .select(['kz.zaak_id', 'k.op', 'k.kanaal'])
        .where('kz.gemeente', '=', gemeente)
        .where('kz.zaak_id', '=', ids)
        .execute();
      // Contacts of the same person (the zaak's betrokkene by e-mail address) linked to no zaak, around the zaak.
      const perEmail = await db
        .selectFrom('zaak as z')
        .innerJoin('betrokkene as b', (j) => j.onRef('b.gemeente', '=', 'z.gemeente').onRef('b.zaak_id', '=', 'z.id'))
        .innerJoin('klantcontact_persoon as p', (j) => j.onRef('p.gemeente', '=', 'b.gemeente').on(sql<SqlBool>`lower(p.email) = lower(b.email)`))
        .innerJoin('klantcontact as k', (j) => j.onRef('k.gemeente', '=', 'p.gemeente').onRef('k.id', '=', 'p.klantcontact_id'))
        .select(['z.id as zaak_id', 'k.op', 'k.kanaal'])
        .where('z.gemeente', '=', gemeente)
        .where('z.id', '=', ids)
        .where('b.email', 'is not', null)
        .where('p.email', 'is not', null)
        .where(sql<SqlBool>`k.op >= z.registratie_op - make_interval(days => ${CONTACT_VENSTER_DAGEN})`)
        .where(sql<SqlBool>`k.op <= coalesce(z.afgesloten_op, ${nu}::timestamptz) + make_interval(days => ${CONTACT_VENSTER_DAGEN})`)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('klantcontact_zaak as kz').select(sql`1`.as('x')).whereRef('kz.gemeente', '=', 'k.gemeente').whereRef('kz.klantcontact_id', '=', 'k.id'))))
        .execute();
      // A klacht (a zaak of its own, ADR 0060) related to the zaak.
      const klachten = await db
        .selectFrom('zaak_relatie as r')
        .innerJoin('klacht as kl', (j) => j.onRef('kl.gemeente', '=', 'r.gemeente').onRef('kl.zaak_id', '=', 'r.andere_zaak_id'))
        .innerJoin('zaak as kz', (j) => j.onRef('kz.gemeente', '=', 'kl.gemeente').onRef('kz.id', '=', 'kl.zaak_id'))
        .select(['r.zaak_id', 'kz.registratie_op'])
        .where('r.gemeente', '=', gemeente)
        .where('r.zaak_id', '=', ids)
        .execute();
      const antwoorden = await db.selectFrom('kto_antwoord').select(['zaak_id', 'beantwoord_op', 'tevreden']).where('gemeente', '=', gemeente).where('zaak_id', '=', ids).execute();
      return {
        zaken: rijen.map((r) => ({ id: r.id, registratieOp: r.registratie_op, afgeslotenOp: r.afgesloten_op, uiterlijkeEinddatum: r.uiterlijke_einddatum, opgeschort: r.opgeschort })),
        gebeurtenissen: gebeurtenissen.map((g) => ({ zaakId: g.zaak_id, soort: g.soort as ReisGebeurtenis['soort'], op: g.op, statusVolgnummer: g.status_volgnummer, naam: g.naam })),
        contacten: [...gekoppeld.map((c) => ({ zaakId: c.zaak_id, op: c.op, kanaal: c.kanaal, gekoppeld: true })), ...perEmail.map((c) => ({ zaakId: c.zaak_id, op: c.op, kanaal: c.kanaal, gekoppeld: false }))],
        klachten: klachten.map((k) => ({ zaakId: k.zaak_id, op: k.registratie_op })),
        antwoorden: antwoorden.map((a) => ({ zaakId: a.zaak_id, op: a.beantwoord_op, tevreden: a.tevreden })),
      };
    },

    /**
     * The measure klantcontacten-herhaalcontact (ADR 0081): of the contacts in the period with a
     * known person (e-mail address or telephone number), those that follow an earlier contact of
     * the same person within 7 days (inclusive) about the same onderwerp (case and spaces
     * ignored) or the same zaak. The earlier contact may lie before the period. For the whole
     * period, per kanaal and per onderwerp.
     */
    async herhaalcontacten(gemeente: string, van: string, tot: string, dagen: number, kanaal?: string): Promise<HerhaalTelling[]> {
      if (!Number.isInteger(dagen) || dagen < 1) throw new Error('dagen is een geheel aantal, 1 of meer');
      // Earlier contacts of the same partition within the window: a window frame, not a self-join (n log n).
      const eerder = (partitie: string) => sql.raw(`count(*) over (partition by ${partitie} order by op range between interval '${dagen} days' preceding and interval '1 microsecond' preceding)`);
      const { rows } = await sql<{ kanaal: string | null; onderwerp: string | null; teller: unknown; noemer: unknown }>`
        with c as (
          select k.id, k.op, k.kanaal, k.onderwerp, lower(regexp_replace(btrim(k.onderwerp), '\s+', ' ', 'g')) as sleutel,
                 lower(p.email) as email, p.telefoon
          from klantcontact k
          join klantcontact_persoon p on p.gemeente = k.gemeente and p.klantcontact_id = k.id
          where k.gemeente = ${gemeente}
            and (p.email is not null or p.telefoon is not null)
            and k.op >= ${begin(van)} - make_interval(days => ${dagen}) and k.op < ${begin(plusDagen(tot, 1))}
        ), onderwerp as (
          select c.*,
                 case when email is not null then ${eerder('email, sleutel')} else 0 end as per_email,
                 case when telefoon is not null then ${eerder('telefoon, sleutel')} else 0 end as per_telefoon
          from c
        ), zaak as (
          select c.id,
                 case when c.email is not null then ${eerder('kz.zaak_id, c.email')} else 0 end as per_email,
                 case when c.telefoon is not null then ${eerder('kz.zaak_id, c.telefoon')} else 0 end as per_telefoon
          from c join klantcontact_zaak kz on kz.gemeente = ${gemeente} and kz.klantcontact_id = c.id
        ), m as (
          select o.kanaal, o.sleutel, o.onderwerp,
                 o.per_email > 0 or o.per_telefoon > 0
                   or exists (select 1 from zaak z where z.id = o.id and (z.per_email > 0 or z.per_telefoon > 0)) as herhaal
          from onderwerp o where o.op >= ${begin(van)} ${kanaal === undefined ? sql`` : sql`and o.kanaal = ${kanaal}`}
        )
        select case when grouping(m.kanaal) = 0 then m.kanaal end as kanaal,
               case when grouping(m.sleutel) = 0 then min(m.onderwerp) end as onderwerp,
               count(*) filter (where m.herhaal) as teller, count(*) as noemer
        from m
        group by grouping sets ((), (m.kanaal), (m.sleutel))
        order by noemer desc`.execute(db);
      return rows.map((r) => ({
        groep: r.kanaal !== null ? { kanaal: r.kanaal } : r.onderwerp !== null ? { onderwerp: r.onderwerp } : null,
        teller: getal(r.teller),
        noemer: getal(r.noemer),
      }));
    },
  };
}

export type KlantreizenRepository = ReturnType<typeof klantreizenRepository>;
