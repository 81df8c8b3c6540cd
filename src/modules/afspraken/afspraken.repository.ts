import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AfspraakGebeurtenisSoort, AfspraakStatus, AfspraakTable, DB } from '../../db/schema.ts';

export interface Locatie {
  id: string;
  naam: string;
  adres: string;
  /** Opening hours per ISO weekday (1 = Monday): windows of local time. */
  openingstijden: Map<number, { van: string; tot: string }[]>;
}

export interface Balie {
  id: string;
  locatieId: string;
  naam: string;
}

/** A location (balieId null) or one desk closed on the days van … tot, both included (ADR 0085). */
export interface Sluiting {
  locatieId: string;
  balieId: string | null;
  van: string;
  tot: string;
}

export interface Ambtenaar {
  id: string;
  naam: string;
  weekdagen: number[];
}

/** An appointment as it takes a desk (and an official) for a time. */
export interface Bezetting {
  balieId: string;
  ambtenaarId: string | null;
  start: number;
  eind: number;
}

export type AfspraakRij = Selectable<AfspraakTable>;

export interface NieuweAfspraak {
  gemeente: string;
  id: string;
  product: string;
  balieId: string;
  ambtenaarId: string | null;
  start: string;
  eind: string;
  naam: string;
  email: string;
  telefoon: string | null;
  taal: 'nl' | 'en';
  tokenHash: string;
  nu: string;
}

/** The database refused a second appointment on the same desk or official at the same time (ADR 0044). */
export type Bezet = 'balie' | 'ambtenaar';

/**
 * Which of the exclusion constraints an error is, or undefined for any other error. A deadlock
 * (40P01) counts as a taken desk: two inserts that conflict on an exclusion constraint each wait
 * for the other, and PostgreSQL aborts one of them while the other goes on (ADR 0044).
 */
export function bezetDoor(error: unknown): Bezet | undefined {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (e?.code === '40P01') return 'balie';
  if (e?.code !== '23P01') return undefined;
  return e.constraint === 'afspraak_ambtenaar_vrij' ? 'ambtenaar' : 'balie';
}

/**
 * Waits for the other bookings of this desk in this transaction's time: one at a time per desk,
 * so concurrent inserts on one desk meet the exclusion constraint in turn instead of deadlocking.
 * Released at commit or rollback.
 */
async function wachtOpBalie(d: Kysely<DB>, gemeente: string, balieId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`afspraak:${gemeente}:${balieId}`}, 0))`.execute(d);
}

/**
 * Reads "start-eind,start-eind,…" (milliseconds since the epoch, a minus sign before a number
 * before 1970) in one pass over the characters: splitting into strings and parsing each took
 * 10 % of a 4-week availability over 10,000 appointments.
 */
export function leesTijden(tekst: string, balieId: string, ambtenaarId: string | null, uit: Bezetting[]): void {
  let getal = 0;
  let teken = 1;
  let start = 0;
  let heeftCijfer = false;
  for (let i = 0; i <= tekst.length; i++) {
    const c = i < tekst.length ? tekst.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) {
      getal = getal * 10 + (c - 48);
      heeftCijfer = true;
    } else if (c === 45 && !heeftCijfer) teken = -1;
    else if (c === 45) {
      start = teken * getal;
      getal = 0;
      teken = 1;
      heeftCijfer = false;
    } else if (c === 44) {
      uit.push({ balieId, ambtenaarId, start, eind: teken * getal });
      getal = 0;
      teken = 1;
      heeftCijfer = false;
    } else throw new Error(`Onverwacht teken in bezettingen: ${tekst.slice(i, i + 10)}`);
  }
}

/** SQL for appointments: the set-up (locations, desks, hours, officials) and the appointments with their history. */
export function afsprakenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    ...afspraakQueries(db, lezen),
    /** Runs fn in one transaction (a savepoint inside a request's transaction, ADR 0030). */
    transactie: <T>(fn: (repository: AfspraakQueries, transactie: Transaction<DB>) => Promise<T>): Promise<T> =>
      db.transaction().execute((trx) => fn(afspraakQueries(trx, trx), trx)),
  };
}

function afspraakQueries(d: Kysely<DB>, l: Kysely<DB>) {
  return {
    /** The active desks that serve a product, with their locations, opening hours and the closures that end on or after `vanaf`. */
    async balies(gemeente: string, product: string, vanaf: string, bron: 'db' | 'lezen' = 'db'): Promise<{ balies: Balie[]; locaties: Map<string, Locatie>; sluitingen: Sluiting[] }> {
      const q = bron === 'db' ? d : l;
      const balies = await q
        .selectFrom('afspraak_balie_product as bp')
        .innerJoin('afspraak_balie as b', (j) => j.onRef('b.gemeente', '=', 'bp.gemeente').onRef('b.id', '=', 'bp.balie_id'))
        .select(['b.id', 'b.locatie_id', 'b.naam'])
        .where('bp.gemeente', '=', gemeente)
        .where('bp.product', '=', product)
        .where('b.actief', '=', true)
        .orderBy('b.naam')
        .execute();
      const locatieIds = [...new Set(balies.map((b) => b.locatie_id))];
      const locaties = new Map<string, Locatie>();
      const sluitingen: Sluiting[] = [];
      if (locatieIds.length > 0) {
        // Three reads at once (each on its own connection outside a transaction; one after the
        // other on a transaction's connection).
        const [gesloten, plaatsen, tijden] = await Promise.all([
          q.selectFrom('afspraak_sluiting').select(['locatie_id', 'balie_id', 'van', 'tot']).where('gemeente', '=', gemeente).where('locatie_id', 'in', locatieIds).where('tot', '>=', vanaf).execute(),
          q.selectFrom('afspraak_locatie').select(['id', 'naam', 'adres']).where('gemeente', '=', gemeente).where('id', 'in', locatieIds).execute(),
          q.selectFrom('afspraak_openingstijd').select(['locatie_id', 'weekdag', 'van', 'tot']).where('gemeente', '=', gemeente).where('locatie_id', 'in', locatieIds).orderBy('van').execute(),
        ]);
        for (const s of gesloten) sluitingen.push({ locatieId: s.locatie_id, balieId: s.balie_id, van: s.van, tot: s.tot });
        for (const r of plaatsen) locaties.set(r.id, { ...r, openingstijden: new Map() });
        for (const t of tijden) {
          const lijst = locaties.get(t.locatie_id)?.openingstijden;
          if (!lijst) continue;
          lijst.set(t.weekdag, [...(lijst.get(t.weekdag) ?? []), { van: t.van, tot: t.tot }]);
        }
      }
      return { balies: balies.map((b) => ({ id: b.id, locatieId: b.locatie_id, naam: b.naam })), locaties, sluitingen };
    },

    async ambtenaren(gemeente: string, bron: 'db' | 'lezen' = 'db'): Promise<Ambtenaar[]> {
      return (bron === 'db' ? d : l).selectFrom('afspraak_ambtenaar').select(['id', 'naam', 'weekdagen']).where('gemeente', '=', gemeente).where('actief', '=', true).orderBy('naam').execute();
    },

    /** Appointments (not cancelled) on these desks or with these officials that overlap [van, tot). */
    async bezettingen(gemeente: string, balies: string[], ambtenaren: string[], van: Date, tot: Date, bron: 'db' | 'lezen' = 'db'): Promise<Bezetting[]> {
      if (balies.length === 0 && ambtenaren.length === 0) return [];
      // One row per desk and official, its times as one text of milliseconds ("start-eind,…"):
      // parsing thousands of rows and timestamps was most of the cost of a 4-week availability.
      const rijen = await (bron === 'db' ? d : l)
        .selectFrom('afspraak')
        .select([
          'balie_id',
          'ambtenaar_id',
          // date_part gives a double; extract (numeric since PostgreSQL 14) took a third longer here.
          sql<string>`string_agg(((date_part('epoch', start) * 1000)::bigint)::text || '-' || ((date_part('epoch', eind) * 1000)::bigint)::text, ',')`.as('tijden'),
        ])
        .where('gemeente', '=', gemeente)
        .where('status', '<>', 'geannuleerd')
        .where('start', '<', tot.toISOString())
        .where('eind', '>', van.toISOString())
        .where((eb) => eb.or([...(balies.length ? [eb('balie_id', 'in', balies)] : []), ...(ambtenaren.length ? [eb('ambtenaar_id', 'in', ambtenaren)] : [])]))
        .groupBy(['balie_id', 'ambtenaar_id'])
        .execute();
      const uit: Bezetting[] = [];
      for (const r of rijen) leesTijden(r.tijden, r.balie_id, r.ambtenaar_id, uit);
      return uit;
    },

    /** Open appointments (planned, still to come) of an e-mail address. */
    async openVoorEmail(gemeente: string, email: string, nu: Date): Promise<number> {
      const r = await d
        .selectFrom('afspraak')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('gemeente', '=', gemeente)
        .where('status', '=', 'gepland')
        .where(sql<string>`lower(email)`, '=', email.toLowerCase())
        .where('start', '>', nu.toISOString())
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Inserts an appointment; throws the database's exclusion error when the desk or official is taken (see bezetDoor). */
    async voegToe(a: NieuweAfspraak): Promise<void> {
      await wachtOpBalie(d, a.gemeente, a.balieId);
      await d
        .insertInto('afspraak')
        .values({
          gemeente: a.gemeente,
          id: a.id,
          product: a.product,
          balie_id: a.balieId,
          ambtenaar_id: a.ambtenaarId,
          start: a.start,
          eind: a.eind,
          naam: a.naam,
          email: a.email,
          telefoon: a.telefoon,
          taal: a.taal,
          token_hash: a.tokenHash,
          aangemaakt_op: a.nu,
          gewijzigd_op: a.nu,
        })
        .execute();
    },

    /** Moves an appointment (another time, desk or official); throws the exclusion error when taken. */
    async verzet(gemeente: string, id: string, nieuw: { balieId: string; ambtenaarId: string | null; start: string; eind: string }, nu: string): Promise<boolean> {
      await wachtOpBalie(d, gemeente, nieuw.balieId);
      const r = await d
        .updateTable('afspraak')
        .set({ balie_id: nieuw.balieId, ambtenaar_id: nieuw.ambtenaarId, start: nieuw.start, eind: nieuw.eind, herinnerd_op: null, gewijzigd_op: nu })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'gepland')
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    async zetStatus(gemeente: string, id: string, van: AfspraakStatus[], naar: AfspraakStatus, nu: string): Promise<boolean> {
      const r = await d.updateTable('afspraak').set({ status: naar, gewijzigd_op: nu }).where('gemeente', '=', gemeente).where('id', '=', id).where('status', 'in', van).executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    opToken: (gemeente: string, tokenHash: string): Promise<AfspraakRij | undefined> =>
      d.selectFrom('afspraak').selectAll().where('gemeente', '=', gemeente).where('token_hash', '=', tokenHash).executeTakeFirst(),

    opId: (gemeente: string, id: string): Promise<AfspraakRij | undefined> =>
      d.selectFrom('afspraak').selectAll().where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst(),

    /** The gemeente's locations of the balie by name (public: where residents go). */
    locaties: (gemeente: string): Promise<{ id: string; naam: string; adres: string }[]> =>
      d.selectFrom('afspraak_locatie').select(['id', 'naam', 'adres']).where('gemeente', '=', gemeente).orderBy('naam').orderBy('id').execute(),

    async balieNaam(gemeente: string, balieId: string): Promise<{ balie: string; locatie: string; adres: string } | undefined> {
      return d
        .selectFrom('afspraak_balie as b')
        .innerJoin('afspraak_locatie as l', (j) => j.onRef('l.gemeente', '=', 'b.gemeente').onRef('l.id', '=', 'b.locatie_id'))
        .select(['b.naam as balie', 'l.naam as locatie', 'l.adres'])
        .where('b.gemeente', '=', gemeente)
        .where('b.id', '=', balieId)
        .executeTakeFirst();
    },

    async ambtenaarNaam(gemeente: string, id: string): Promise<string | undefined> {
      return (await d.selectFrom('afspraak_ambtenaar').select('naam').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst())?.naam;
    },

    /** Appends to an appointment's history. */
    async gebeurtenis(gemeente: string, afspraakId: string, soort: AfspraakGebeurtenisSoort, gegevens: Record<string, unknown>, op: string): Promise<void> {
      await d
        .insertInto('afspraak_gebeurtenis')
        .values((eb) => ({
          gemeente,
          afspraak_id: afspraakId,
          volgnummer: eb
            .selectFrom('afspraak_gebeurtenis')
            .select(sql<number>`coalesce(max(volgnummer), 0) + 1`.as('v'))
            .where('gemeente', '=', gemeente)
            .where('afspraak_id', '=', afspraakId),
          soort,
          gegevens: JSON.stringify(gegevens),
          op,
        }))
        .execute();
    },

    /** Planned appointments in [van, tot) not yet reminded, with an e-mail address. */
    teHerinneren: (van: Date, tot: Date): Promise<AfspraakRij[]> =>
      d
        .selectFrom('afspraak')
        .selectAll()
        .where('status', '=', 'gepland')
        .where('herinnerd_op', 'is', null)
        .where('email', 'is not', null)
        .where('start', '>=', van.toISOString())
        .where('start', '<', tot.toISOString())
        .orderBy('start')
        .limit(500)
        .execute(),

    /** Claims the reminder of one appointment (once, across nodes); false when it was sent already. */
    async markeerHerinnerd(gemeente: string, id: string, nu: string): Promise<boolean> {
      const r = await d.updateTable('afspraak').set({ herinnerd_op: nu }).where('gemeente', '=', gemeente).where('id', '=', id).where('herinnerd_op', 'is', null).executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    /** Erases the resident's data of appointments that ended before `voor`; returns their ids. */
    async wisPersoonsgegevens(gemeente: string, voor: Date, nu: string): Promise<string[]> {
      const rijen = await d
        .updateTable('afspraak')
        .set({ naam: null, email: null, telefoon: null, persoon_gewist_op: nu })
        .where('gemeente', '=', gemeente)
        .where('eind', '<', voor.toISOString())
        .where('persoon_gewist_op', 'is', null)
        .returning('id')
        .execute();
      return rijen.map((r) => r.id);
    },

    /** Today's appointments of a gemeente (the desk view), by start. */
    vanDag: (gemeente: string, van: Date, tot: Date): Promise<AfspraakRij[]> =>
      d.selectFrom('afspraak').selectAll().where('gemeente', '=', gemeente).where('start', '>=', van.toISOString()).where('start', '<', tot.toISOString()).where('status', '<>', 'geannuleerd').orderBy('start').orderBy('id').execute(),

    // The set-up of the demo data and the tests (beheerders use afspraken.inrichting.*).
    async maakLocatie(gemeente: string, l: { id: string; naam: string; adres: string; openingstijden: { weekdag: number; van: string; tot: string }[] }): Promise<void> {
      await d.insertInto('afspraak_locatie').values({ gemeente, id: l.id, naam: l.naam, adres: l.adres }).execute();
      if (l.openingstijden.length) await d.insertInto('afspraak_openingstijd').values(l.openingstijden.map((o) => ({ gemeente, locatie_id: l.id, ...o }))).execute();
    },
    async maakBalie(gemeente: string, b: { id: string; locatieId: string; naam: string; producten: string[] }): Promise<void> {
      await d.insertInto('afspraak_balie').values({ gemeente, id: b.id, locatie_id: b.locatieId, naam: b.naam }).execute();
      if (b.producten.length) await d.insertInto('afspraak_balie_product').values(b.producten.map((product) => ({ gemeente, balie_id: b.id, product }))).execute();
    },
    async maakAmbtenaar(gemeente: string, a: { id: string; naam: string; weekdagen: number[] }): Promise<void> {
      await d.insertInto('afspraak_ambtenaar').values({ gemeente, id: a.id, naam: a.naam, weekdagen: a.weekdagen }).execute();
    },
    async heeftLocaties(gemeente: string): Promise<boolean> {
      return (await d.selectFrom('afspraak_locatie').select('id').where('gemeente', '=', gemeente).limit(1).executeTakeFirst()) !== undefined;
    },
  };
}

type AfspraakQueries = ReturnType<typeof afspraakQueries>;
export type AfsprakenRepository = ReturnType<typeof afsprakenRepository>;
