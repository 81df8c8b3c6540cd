import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface TeamRecord {
  id: string;
  naam: string;
  omschrijving: string;
  telefoon: string;
  email: string;
  leden: { id: string; naam: string }[];
  versie: number;
}

/** The fields of a team a beheerder changes. */
export type TeamWijziging = Partial<Pick<TeamRecord, 'naam' | 'omschrijving' | 'telefoon' | 'email'>>;

const normaal = (row: Omit<TeamRecord, 'leden'> & { leden: TeamRecord['leden'] | null }): TeamRecord => ({ ...row, leden: row.leden ?? [] });

/** SQL for the teams of a gemeente and their members. */
export function teamsRepository(db: Kysely<DB>) {
  /** The gemeente's teams; with `lid`, only those that user is a member of. */
  const teamsVan = (gemeente: string, lid?: string) =>
    db
      .selectFrom('team as t')
      .where('t.gemeente', '=', gemeente)
      .$if(lid !== undefined, (q) =>
        q.where(({ exists, selectFrom }) =>
          exists(selectFrom('team_lid as tl').select('tl.team_id').whereRef('tl.team_id', '=', 't.id').where('tl.gemeente', '=', gemeente).where('tl.gebruiker_id', '=', lid ?? '')),
        ),
      );
  const select = (gemeente: string, lid?: string) =>
    teamsVan(gemeente, lid)
      .select((eb) => [
        't.id',
        't.naam',
        't.omschrijving',
        't.telefoon',
        't.email',
        't.versie',
        eb
          .selectFrom('team_lid as l')
          .innerJoin('gebruiker as g', 'g.id', 'l.gebruiker_id')
          .select(sql<{ id: string; naam: string }[]>`coalesce(json_agg(json_build_object('id', g.id, 'naam', g.naam) order by g.naam), '[]'::json)`.as('leden'))
          .whereRef('l.team_id', '=', 't.id')
          .whereRef('l.gemeente', '=', 't.gemeente')
          .as('leden'),
      ]);

  return {
    pagina: async (gemeente: string, offset: number, limit: number, lid?: string) => {
      const [rows, count] = await Promise.all([
        select(gemeente, lid).orderBy('t.naam').offset(offset).limit(limit).execute(),
        teamsVan(gemeente, lid).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(normaal), total: Number(count.n) };
    },
    opId: async (gemeente: string, id: string): Promise<TeamRecord | undefined> => {
      const row = await select(gemeente).where('t.id', '=', id).executeTakeFirst();
      return row ? normaal(row) : undefined;
    },
    /** Whether the team exists in the gemeente (a light check for other modules that point at a team). */
    bestaat: async (gemeente: string, id: string): Promise<boolean> =>
      (await db.selectFrom('team').select('id').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst()) !== undefined,
    /** The ids of the teams a staff member is in, in the gemeente. */
    teamsVan: async (gemeente: string, gebruikerId: string): Promise<string[]> =>
      (await db.selectFrom('team_lid').select('team_id').where('gemeente', '=', gemeente).where('gebruiker_id', '=', gebruikerId).execute()).map((r) => r.team_id),
    naamBestaat: async (gemeente: string, naam: string, behalve?: string): Promise<boolean> => {
      let q = db.selectFrom('team').select('id').where('gemeente', '=', gemeente).where((eb) => eb(eb.fn('lower', ['naam']), '=', naam.toLowerCase()));
      if (behalve) q = q.where('id', '!=', behalve);
      return (await q.executeTakeFirst()) !== undefined;
    },
    maak: (gemeente: string, t: Omit<TeamRecord, 'leden' | 'versie'>) =>
      db.insertInto('team').values({ gemeente, ...t }).execute(),
    wijzig: async (gemeente: string, id: string, versie: number, wijziging: TeamWijziging, nu: string) => {
      const r = await db
        .updateTable('team')
        .set({ ...wijziging, versie: versie + 1, gewijzigd_op: nu })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('versie', '=', versie)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    /** Members must hold a role in the gemeente; returns the ids that do not. */
    onbekendeLeden: async (gemeente: string, ids: string[]): Promise<string[]> => {
      if (ids.length === 0) return [];
      const bekend = await db.selectFrom('gebruiker_rol').select('gebruiker_id').distinct().where('gemeente', '=', gemeente).where('gebruiker_id', 'in', ids).execute();
      const set = new Set(bekend.map((b) => b.gebruiker_id));
      return ids.filter((id) => !set.has(id));
    },
    zetLeden: (gemeente: string, id: string, versie: number, leden: string[], nu: string): Promise<boolean> =>
      db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('team')
          .set({ versie: versie + 1, gewijzigd_op: nu })
          .where('gemeente', '=', gemeente)
          .where('id', '=', id)
          .where('versie', '=', versie)
          .executeTakeFirst();
        if (r.numUpdatedRows === 0n) return false;
        await trx.deleteFrom('team_lid').where('gemeente', '=', gemeente).where('team_id', '=', id).execute();
        if (leden.length > 0) await trx.insertInto('team_lid').values(leden.map((g) => ({ gemeente, team_id: id, gebruiker_id: g }))).execute();
        return true;
      }),
  };
}

export type TeamsRepository = ReturnType<typeof teamsRepository>;
