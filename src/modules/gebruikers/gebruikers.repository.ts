import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DB, Rol } from '../../db/schema.ts';
import { KANAAL, sein } from '../../db/signalen.ts';

/** The account's name, active flag or roles changed: every node forgets the sessions it keeps of it (ADR 0023). */
const sessiesGewijzigd = (trx: Transaction<DB>, id: string) => sein(trx, KANAAL.sessie, `gebruiker:${id}`);

export interface GebruikerRecord {
  id: string;
  naam: string;
  email: string;
  actief: boolean;
  mfaIngesteld: boolean;
  rollen: Rol[];
  teams: { id: string; naam: string }[];
  versie: number;
}

const normaal = (row: Omit<GebruikerRecord, 'rollen' | 'teams'> & { rollen: Rol[] | null; teams: { id: string; naam: string }[] | null }): GebruikerRecord => ({
  ...row,
  rollen: row.rollen ?? [],
  teams: row.teams ?? [],
});

/** The roles and teams in the gemeente of staff member `g` (a select from `gebruiker as g`), as two columns. */
export function rollenEnTeams(eb: ExpressionBuilder<DB & { g: DB['gebruiker'] }, 'g'>, gemeente: string) {
  return [
    eb
      .selectFrom('gebruiker_rol as r')
      .select(sql<Rol[]>`coalesce(array_agg(r.rol order by r.rol), '{}')`.as('rollen'))
      .whereRef('r.gebruiker_id', '=', 'g.id')
      .where('r.gemeente', '=', gemeente)
      .as('rollen'),
    eb
      .selectFrom('team_lid as l')
      .innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'l.gemeente').onRef('t.id', '=', 'l.team_id'))
      .select(sql<{ id: string; naam: string }[]>`coalesce(json_agg(json_build_object('id', t.id, 'naam', t.naam) order by t.naam), '[]'::json)`.as('teams'))
      .whereRef('l.gebruiker_id', '=', 'g.id')
      .where('l.gemeente', '=', gemeente)
      .as('teams'),
  ] as const;
}

/** SQL for staff accounts as seen from one gemeente (a user belongs to it by holding a role there). */
export function gebruikersRepository(db: Kysely<DB>) {
  function select(gemeente: string) {
    return db
      .selectFrom('gebruiker as g')
      .select((eb) => [
        'g.id',
        'g.naam',
        'g.email',
        'g.actief',
        'g.totp_bevestigd as mfaIngesteld',
        'g.versie',
        ...rollenEnTeams(eb, gemeente),
      ])
      .where((eb) =>
        eb.exists(eb.selectFrom('gebruiker_rol as x').select('x.rol').whereRef('x.gebruiker_id', '=', 'g.id').where('x.gemeente', '=', gemeente)),
      );
  }

  return {
    pagina: async (gemeente: string, offset: number, limit: number, zoek?: string) => {
      let q = select(gemeente);
      if (zoek) {
        const patroon = `%${zoek.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([eb('g.naam', 'ilike', patroon), eb('g.email', 'ilike', patroon)]));
      }
      const [rows, count] = await Promise.all([
        q.orderBy('g.naam').orderBy('g.id').offset(offset).limit(limit).execute(),
        db
          .selectFrom(q.as('q'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(normaal), total: Number(count.n) };
    },
    opId: async (gemeente: string, id: string): Promise<GebruikerRecord | undefined> => {
      const row = await select(gemeente).where('g.id', '=', id).executeTakeFirst();
      return row ? normaal(row) : undefined;
    },
    /** Creates the account with its roles; `ookInTransactie` runs in the same transaction (e.g. queueing the welcome mail). */
    maak: (
      g: { id: string; naam: string; email: string; wachtwoordHash: string; totpGeheim?: string; totpBevestigd?: boolean; gemeente: string; rollen: Rol[] },
      ookInTransactie?: (trx: Transaction<DB>) => Promise<unknown>,
    ) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('gebruiker')
          .values({
            id: g.id,
            naam: g.naam,
            email: g.email,
            wachtwoord_hash: g.wachtwoordHash,
            totp_geheim: g.totpGeheim ?? null,
            totp_bevestigd: g.totpBevestigd ?? false,
          })
          .execute();
        await trx.insertInto('gebruiker_rol').values(g.rollen.map((rol) => ({ gemeente: g.gemeente, gebruiker_id: g.id, rol }))).execute();
        await ookInTransactie?.(trx);
      }),
    /** Updates name and/or active flag when the version still matches; false when stale. */
    wijzig: (id: string, versie: number, wijziging: { naam?: string; actief?: boolean }, nu: string): Promise<boolean> =>
      db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('gebruiker')
          .set({ ...wijziging, versie: versie + 1, gewijzigd_op: nu })
          .where('id', '=', id)
          .where('versie', '=', versie)
          .executeTakeFirst();
        if (r.numUpdatedRows === 0n) return false;
        await sessiesGewijzigd(trx, id);
        return true;
      }),
    zetRollen: (gemeente: string, id: string, versie: number, rollen: Rol[], nu: string): Promise<boolean> =>
      db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('gebruiker')
          .set({ versie: versie + 1, gewijzigd_op: nu })
          .where('id', '=', id)
          .where('versie', '=', versie)
          .executeTakeFirst();
        if (r.numUpdatedRows === 0n) return false;
        await trx.deleteFrom('gebruiker_rol').where('gemeente', '=', gemeente).where('gebruiker_id', '=', id).execute();
        if (rollen.length > 0) await trx.insertInto('gebruiker_rol').values(rollen.map((rol) => ({ gemeente, gebruiker_id: id, rol }))).execute();
        // Leaving a gemeente also means leaving its teams.
        else await trx.deleteFrom('team_lid').where('gemeente', '=', gemeente).where('gebruiker_id', '=', id).execute();
        await sessiesGewijzigd(trx, id);
        return true;
      }),
    /** Adds roles in a gemeente for an existing account (a Duo+ colleague starts working for another gemeente); `ookInTransactie` as in `maak`. */
    voegRollenToe: (gemeente: string, id: string, rollen: Rol[], ookInTransactie?: (trx: Transaction<DB>) => Promise<unknown>) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('gebruiker_rol')
          .values(rollen.map((rol) => ({ gemeente, gebruiker_id: id, rol })))
          .onConflict((oc) => oc.doNothing())
          .execute();
        await sessiesGewijzigd(trx, id);
        await ookInTransactie?.(trx);
      }),
    herstelMfa: async (id: string, versie: number, nu: string): Promise<boolean> => {
      const r = await db
        .updateTable('gebruiker')
        .set({ totp_geheim: null, totp_bevestigd: false, totp_laatste_stap: 0, versie: versie + 1, gewijzigd_op: nu })
        .where('id', '=', id)
        .where('versie', '=', versie)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    /** Every gemeente the account holds a role in. */
    gemeentenVan: async (id: string): Promise<string[]> =>
      (await db.selectFrom('gebruiker_rol').select('gemeente').distinct().where('gebruiker_id', '=', id).orderBy('gemeente').execute()).map((r) => r.gemeente),
    idOpEmail: async (email: string): Promise<string | undefined> =>
      (await db.selectFrom('gebruiker').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst())?.id,
  };
}

export type GebruikersRepository = ReturnType<typeof gebruikersRepository>;
