import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface InwonerSessie {
  gemeente: string;
  soort: 'oidc' | 'email';
  bsnSleutel: string | null;
  bsnVersleuteld: string | null;
  naam: string;
  email: string | null;
  verlooptOp: string;
}

/** All SQL of resident login and "Mijn zaken" links (ADR 0077): logins under way, sessions, one-time links. */
export function inwonersRepository(db: Kysely<DB>) {
  return {
    bewaarInlog: (r: { gemeente: string; stateHash: string; nonce: string; codeVerifier: string; taal: 'nl' | 'en'; verlooptOp: string }) =>
      db.insertInto('inwoner_inlog').values({ gemeente: r.gemeente, state_hash: r.stateHash, nonce: r.nonce, code_verifier: r.codeVerifier, taal: r.taal, verloopt_op: r.verlooptOp }).execute(),

    /** Takes a login under way (deletes it: a state works once); undefined when unknown or expired. */
    async neemInlog(gemeente: string, stateHash: string, nu: string) {
      const r = await db
        .deleteFrom('inwoner_inlog')
        .where('gemeente', '=', gemeente)
        .where('state_hash', '=', stateHash)
        .returning(['nonce', 'code_verifier', 'taal', 'verloopt_op'])
        .executeTakeFirst();
      return r && r.verloopt_op > nu ? { nonce: r.nonce, codeVerifier: r.code_verifier, taal: r.taal } : undefined;
    },

    bewaarSessie: (idHash: string, s: InwonerSessie) =>
      db
        .insertInto('inwoner_sessie')
        .values({ gemeente: s.gemeente, id_hash: idHash, soort: s.soort, bsn_sleutel: s.bsnSleutel, bsn_versleuteld: s.bsnVersleuteld, naam: s.naam, email: s.email, verloopt_op: s.verlooptOp })
        .execute(),

    async sessie(gemeente: string, idHash: string, nu: string): Promise<InwonerSessie | undefined> {
      const r = await db.selectFrom('inwoner_sessie').selectAll().where('gemeente', '=', gemeente).where('id_hash', '=', idHash).executeTakeFirst();
      if (!r || r.verloopt_op <= nu) return undefined;
      return { gemeente: r.gemeente, soort: r.soort, bsnSleutel: r.bsn_sleutel, bsnVersleuteld: r.bsn_versleuteld, naam: r.naam, email: r.email, verlooptOp: r.verloopt_op };
    },

    verwijderSessie: (gemeente: string, idHash: string) => db.deleteFrom('inwoner_sessie').where('gemeente', '=', gemeente).where('id_hash', '=', idHash).execute(),

    /** Links asked for this address since `sinds` (the limit per address). */
    async linksSinds(gemeente: string, email: string, sinds: string): Promise<number> {
      const r = await db
        .selectFrom('inwoner_link')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('gemeente', '=', gemeente)
        .where(sql<string>`lower(email)`, '=', email.toLowerCase())
        .where('aangemaakt_op', '>=', sinds)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    bewaarLink: (r: { gemeente: string; tokenHash: string; email: string; aangemaaktOp: string; verlooptOp: string }) =>
      db.insertInto('inwoner_link').values({ gemeente: r.gemeente, token_hash: r.tokenHash, email: r.email, aangemaakt_op: r.aangemaaktOp, verloopt_op: r.verlooptOp }).execute(),

    /** Whether a link can still be used (for the page before the button); the reason when not. */
    async link(gemeente: string, tokenHash: string) {
      return db.selectFrom('inwoner_link').select(['email', 'verloopt_op', 'gebruikt_op']).where('gemeente', '=', gemeente).where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    /** Uses a link once: marks it used when it was unused and not expired, and answers its address. */
    async gebruikLink(gemeente: string, tokenHash: string, nu: string): Promise<string | undefined> {
      const r = await db
        .updateTable('inwoner_link')
        .set({ gebruikt_op: nu })
        .where('gemeente', '=', gemeente)
        .where('token_hash', '=', tokenHash)
        .where('gebruikt_op', 'is', null)
        .where('verloopt_op', '>', nu)
        .returning('email')
        .executeTakeFirst();
      return r?.email;
    },

    /** Housekeeping: logins and sessions past their time, links a day after they expired. */
    async verwijderVerlopen(nu: string, linkGrens: string): Promise<number> {
      const a = await db.deleteFrom('inwoner_inlog').where('verloopt_op', '<=', nu).executeTakeFirst();
      const b = await db.deleteFrom('inwoner_sessie').where('verloopt_op', '<=', nu).executeTakeFirst();
      const c = await db.deleteFrom('inwoner_link').where('verloopt_op', '<=', linkGrens).executeTakeFirst();
      return Number(a.numDeletedRows) + Number(b.numDeletedRows) + Number(c.numDeletedRows);
    },
  };
}

export type InwonersRepository = ReturnType<typeof inwonersRepository>;
