import { sql, type Kysely } from 'kysely';
import type { DB, Rol } from '../../db/schema.ts';
import { KANAAL, sein } from '../../db/signalen.ts';

/** SQL for logins: accounts' secrets, failed attempts, sessions and API tokens. */
export function authRepository(db: Kysely<DB>) {
  const gebruikerKolommen = [
    'id',
    'email',
    'naam',
    'wachtwoord_hash',
    'totp_geheim',
    'totp_bevestigd',
    'totp_laatste_stap',
    'actief',
    'mislukte_pogingen',
    'geblokkeerd_tot',
  ] as const;
  return {
    gebruikerOpEmail: (email: string) =>
      db
        .selectFrom('gebruiker')
        .select(gebruikerKolommen)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .executeTakeFirst(),
    gebruikerOpId: (id: string) => db.selectFrom('gebruiker').select(gebruikerKolommen).where('id', '=', id).executeTakeFirst(),
    registreerMislukking: (id: string, pogingen: number, geblokkeerdTot: string | null) =>
      db.updateTable('gebruiker').set({ mislukte_pogingen: pogingen, geblokkeerd_tot: geblokkeerdTot }).where('id', '=', id).execute(),
    zetTotpGeheim: (id: string, geheim: string) =>
      db.updateTable('gebruiker').set({ totp_geheim: geheim, totp_bevestigd: false }).where('id', '=', id).execute(),
    /** Marks a TOTP time step as used; false when it (or a later one) was used already (replay). */
    gebruikTotpStap: async (id: string, stap: number): Promise<boolean> => {
      const r = await db
        .updateTable('gebruiker')
        .set({ totp_laatste_stap: stap, totp_bevestigd: true, mislukte_pogingen: 0, geblokkeerd_tot: null })
        .where('id', '=', id)
        .where('totp_laatste_stap', '<', stap)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    maakSessie: (s: { idHash: string; gebruikerId: string; mfaVoltooid: boolean; csrfToken: string; nu: string; verlooptOp: string }) =>
      db
        .insertInto('sessie')
        .values({
          id_hash: s.idHash,
          gebruiker_id: s.gebruikerId,
          mfa_voltooid: s.mfaVoltooid,
          csrf_token: s.csrfToken,
          aangemaakt_op: s.nu,
          laatst_actief_op: s.nu,
          verloopt_op: s.verlooptOp,
        })
        .execute(),
    /** The session with its user and the user's roles per gemeente, in one query (it runs on every request). */
    sessieOpHash: (idHash: string) =>
      db
        .selectFrom('sessie')
        .innerJoin('gebruiker', 'gebruiker.id', 'sessie.gebruiker_id')
        .select((eb) => [
          eb
            .selectFrom('gebruiker_rol as r')
            .select(sql<{ gemeente: string; rol: Rol }[]>`coalesce(json_agg(json_build_object('gemeente', r.gemeente, 'rol', r.rol) order by r.gemeente, r.rol), '[]'::json)`.as('rollen'))
            .whereRef('r.gebruiker_id', '=', 'sessie.gebruiker_id')
            .as('rollen'),
          'sessie.id_hash',
          'sessie.gebruiker_id',
          'sessie.mfa_voltooid',
          'sessie.csrf_token',
          'sessie.laatst_actief_op',
          'sessie.verloopt_op',
          'gebruiker.naam',
          'gebruiker.email',
          'gebruiker.actief',
        ])
        .where('sessie.id_hash', '=', idHash)
        .executeTakeFirst(),
    raakSessieAan: (idHash: string, nu: string) =>
      db.updateTable('sessie').set({ laatst_actief_op: nu }).where('id_hash', '=', idHash).execute(),
    /** Ends a session; every node hears it at commit (ADR 0023). */
    verwijderSessie: (idHash: string) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessie').where('id_hash', '=', idHash).execute();
        await sein(trx, KANAAL.sessie, `sessie:${idHash}`);
      }),
    /** Ends every session of a user; every node hears it at commit (ADR 0023). */
    verwijderSessiesVan: (gebruikerId: string) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessie').where('gebruiker_id', '=', gebruikerId).execute();
        await sein(trx, KANAAL.sessie, `gebruiker:${gebruikerId}`);
      }),
    tokenOpHash: (hash: string) =>
      db
        .selectFrom('api_token')
        .select(['id', 'gemeente', 'naam', 'rollen', 'verloopt_op', 'ingetrokken_op'])
        .where('token_hash', '=', hash)
        .executeTakeFirst(),
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;
