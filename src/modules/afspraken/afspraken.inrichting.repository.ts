import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface Openingstijd {
  weekdag: number;
  /** Local time, HH:MM. */
  van: string;
  tot: string;
}

export interface LocatieRij {
  id: string;
  naam: string;
  adres: string;
  openingstijden: Openingstijd[];
}

export interface BalieRij {
  id: string;
  locatieId: string;
  naam: string;
  actief: boolean;
  producten: string[];
}

export interface SluitingRij {
  id: string;
  locatieId: string;
  balieId: string | null;
  van: string;
  tot: string;
  reden: string;
}

/** A planned appointment still to come, as a change of the set-up may strand it. */
export interface GeplandeAfspraak {
  id: string;
  balieId: string;
  product: string;
  start: string;
  eind: string;
}

/** HH:MM of a database time (HH:MM:SS). */
const uurMinuut = (tijd: string): string => tijd.slice(0, 5);

/** SQL of the balie's set-up as beheerders keep it (ADR 0085): locations, their hours, desks, closures. */
export function afsprakenInrichtingRepository(db: Kysely<DB>) {
  return {
    ...inrichtingQueries(db),
    /** Runs fn in one transaction (a savepoint inside a request's transaction, ADR 0030). */
    transactie: <T>(fn: (repository: InrichtingQueries) => Promise<T>): Promise<T> => db.transaction().execute((trx) => fn(inrichtingQueries(trx))),
  };
}

function inrichtingQueries(d: Kysely<DB>) {
  async function openingstijden(gemeente: string, locatieIds: string[]): Promise<Map<string, Openingstijd[]>> {
    const uit = new Map<string, Openingstijd[]>();
    if (locatieIds.length === 0) return uit;
    const rijen = await d
      .selectFrom('afspraak_openingstijd')
      .select(['locatie_id', 'weekdag', 'van', 'tot'])
      .where('gemeente', '=', gemeente)
      .where('locatie_id', 'in', locatieIds)
      .orderBy('weekdag')
      .orderBy('van')
      .execute();
    for (const r of rijen) uit.set(r.locatie_id, [...(uit.get(r.locatie_id) ?? []), { weekdag: r.weekdag, van: uurMinuut(r.van), tot: uurMinuut(r.tot) }]);
    return uit;
  }

  async function schrijfOpeningstijden(gemeente: string, locatieId: string, tijden: readonly Openingstijd[]): Promise<void> {
    await d.deleteFrom('afspraak_openingstijd').where('gemeente', '=', gemeente).where('locatie_id', '=', locatieId).execute();
    if (tijden.length) await d.insertInto('afspraak_openingstijd').values(tijden.map((t) => ({ gemeente, locatie_id: locatieId, ...t }))).execute();
  }

  async function schrijfProducten(gemeente: string, balieId: string, producten: readonly string[]): Promise<void> {
    await d.deleteFrom('afspraak_balie_product').where('gemeente', '=', gemeente).where('balie_id', '=', balieId).execute();
    if (producten.length) await d.insertInto('afspraak_balie_product').values(producten.map((product) => ({ gemeente, balie_id: balieId, product }))).execute();
  }

  return {
    async locaties(gemeente: string): Promise<LocatieRij[]> {
      const rijen = await d.selectFrom('afspraak_locatie').select(['id', 'naam', 'adres']).where('gemeente', '=', gemeente).orderBy('naam').orderBy('id').execute();
      const tijden = await openingstijden(gemeente, rijen.map((r) => r.id));
      return rijen.map((r) => ({ ...r, openingstijden: tijden.get(r.id) ?? [] }));
    },

    async locatie(gemeente: string, id: string): Promise<LocatieRij | undefined> {
      const rij = await d.selectFrom('afspraak_locatie').select(['id', 'naam', 'adres']).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return rij && { ...rij, openingstijden: (await openingstijden(gemeente, [id])).get(id) ?? [] };
    },

    async maakLocatie(gemeente: string, l: LocatieRij): Promise<void> {
      await d.insertInto('afspraak_locatie').values({ gemeente, id: l.id, naam: l.naam, adres: l.adres }).execute();
      await schrijfOpeningstijden(gemeente, l.id, l.openingstijden);
    },

    async wijzigLocatie(gemeente: string, l: LocatieRij): Promise<void> {
      await d.updateTable('afspraak_locatie').set({ naam: l.naam, adres: l.adres }).where('gemeente', '=', gemeente).where('id', '=', l.id).execute();
      await schrijfOpeningstijden(gemeente, l.id, l.openingstijden);
    },

    /** The desks of a location, or all of the gemeente's desks, each with the products it serves. */
    async balies(gemeente: string, locatieId?: string): Promise<BalieRij[]> {
      let q = d.selectFrom('afspraak_balie').select(['id', 'locatie_id', 'naam', 'actief']).where('gemeente', '=', gemeente);
      if (locatieId !== undefined) q = q.where('locatie_id', '=', locatieId);
      const rijen = await q.orderBy('naam').orderBy('id').execute();
      const producten = new Map<string, string[]>();
      if (rijen.length) {
        const bp = await d
          .selectFrom('afspraak_balie_product')
          .select(['balie_id', 'product'])
          .where('gemeente', '=', gemeente)
          .where('balie_id', 'in', rijen.map((r) => r.id))
          .orderBy('product')
          .execute();
        for (const r of bp) producten.set(r.balie_id, [...(producten.get(r.balie_id) ?? []), r.product]);
      }
      return rijen.map((r) => ({ id: r.id, locatieId: r.locatie_id, naam: r.naam, actief: r.actief, producten: producten.get(r.id) ?? [] }));
    },

    async maakBalie(gemeente: string, b: BalieRij): Promise<void> {
      await d.insertInto('afspraak_balie').values({ gemeente, id: b.id, locatie_id: b.locatieId, naam: b.naam, actief: b.actief }).execute();
      await schrijfProducten(gemeente, b.id, b.producten);
    },

    async wijzigBalie(gemeente: string, b: BalieRij): Promise<void> {
      await d.updateTable('afspraak_balie').set({ naam: b.naam, actief: b.actief }).where('gemeente', '=', gemeente).where('id', '=', b.id).execute();
      await schrijfProducten(gemeente, b.id, b.producten);
    },

    async sluitingen(gemeente: string, locatieId: string): Promise<SluitingRij[]> {
      const rijen = await d
        .selectFrom('afspraak_sluiting')
        .select(['id', 'locatie_id', 'balie_id', 'van', 'tot', 'reden'])
        .where('gemeente', '=', gemeente)
        .where('locatie_id', '=', locatieId)
        .orderBy('van')
        .orderBy('id')
        .execute();
      return rijen.map((r) => ({ id: r.id, locatieId: r.locatie_id, balieId: r.balie_id, van: r.van, tot: r.tot, reden: r.reden }));
    },

    async maakSluiting(gemeente: string, s: SluitingRij, nu: string): Promise<void> {
      await d.insertInto('afspraak_sluiting').values({ gemeente, id: s.id, locatie_id: s.locatieId, balie_id: s.balieId, van: s.van, tot: s.tot, reden: s.reden, aangemaakt_op: nu }).execute();
    },

    async verwijderSluiting(gemeente: string, locatieId: string, id: string): Promise<boolean> {
      const r = await d.deleteFrom('afspraak_sluiting').where('gemeente', '=', gemeente).where('locatie_id', '=', locatieId).where('id', '=', id).executeTakeFirst();
      return r.numDeletedRows > 0n;
    },

    /** Planned appointments on these desks that start after `na` (and before `voor`), by start. */
    async gepland(gemeente: string, balies: readonly string[], na: Date, voor?: Date): Promise<GeplandeAfspraak[]> {
      if (balies.length === 0) return [];
      let q = d
        .selectFrom('afspraak')
        .select(['id', 'balie_id', 'product', 'start', 'eind'])
        .where('gemeente', '=', gemeente)
        .where('status', '=', 'gepland')
        .where('balie_id', 'in', [...balies])
        .where('start', '>', na.toISOString());
      if (voor) q = q.where('start', '<', voor.toISOString());
      const rijen = await q.orderBy('start').execute();
      return rijen.map((r) => ({ id: r.id, balieId: r.balie_id, product: r.product, start: new Date(r.start).toISOString(), eind: new Date(r.eind).toISOString() }));
    },
  };
}

type InrichtingQueries = ReturnType<typeof inrichtingQueries>;
export type AfsprakenInrichtingRepository = ReturnType<typeof afsprakenInrichtingRepository>;
