import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BerichtBijlage, BerichtTable, DB } from '../../db/schema.ts';
import { vasteInsert } from '../../db/vaste-query.ts';
import { schrijfMetVolgende } from '../../db/verzoek-transactie.ts';

export type BerichtRij = Omit<Selectable<BerichtTable>, 'bezig_tot'>;

export interface NieuweBerichtRij {
  gemeente: string;
  id: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  html: string | null;
  /** None when left out. */
  bijlagen?: BerichtBijlage[];
  status: 'wachtend' | 'niet-verzonden';
  aangemaaktOp: string;
  /** An answer in a thread: the Message-ID it answers and the thread's References. */
  inReplyTo?: string | null;
  references?: string[] | null;
  /** False for a message a person wrote (default true). */
  automatisch?: boolean;
}

const kolommen = [
  'gemeente',
  'id',
  'aan',
  'onderwerp',
  'tekst',
  'html',
  'bijlagen',
  'status',
  'pogingen',
  'laatste_fout',
  'aangemaakt_op',
  'verzonden_op',
  'in_reply_to',
  'references',
  'automatisch',
] as const;

export interface BerichtenRepository {
  /** Runs fn in a transaction: the given one, or a new one. */
  transactie<T>(fn: (repository: BerichtenRepository, transactie: Transaction<DB>) => Promise<T>, bestaande?: Transaction<DB>): Promise<T>;
  voegToe(bericht: NieuweBerichtRij): Promise<BerichtRij>;
  opId(gemeente: string, id: string): Promise<BerichtRij | undefined>;
  /** Newest first. */
  pagina(gemeente: string, offset: number, limit: number): Promise<{ rijen: BerichtRij[]; totaal: number }>;
  /**
   * Claims a waiting message for one send attempt, in one statement: only when it is still
   * 'wachtend' and no other attempt holds it. Counts the attempt. Undefined when not claimed.
   */
  claim(gemeente: string, id: string, nu: Date, bezigTot: Date): Promise<BerichtRij | undefined>;
  markeerVerzonden(gemeente: string, id: string, nu: Date): Promise<void>;
  /** Records a failed attempt and releases the claim; 'wachtend' lets a retry claim it again. */
  markeerFout(gemeente: string, id: string, fout: string, status: 'wachtend' | 'mislukt'): Promise<void>;
}

const berichtInsert = vasteInsert('bericht', ['gemeente', 'id', 'aan', 'onderwerp', 'tekst', 'html', 'bijlagen', 'status', 'aangemaakt_op', 'in_reply_to', 'references', 'automatisch']);

/** SQL for the outbox (table bericht). Every message is kept. */
export function berichtenRepository(db: Kysely<DB>): BerichtenRepository {
  return {
    transactie: (fn, bestaande) =>
      bestaande
        ? fn(berichtenRepository(bestaande), bestaande)
        : db.transaction().execute((transactie) => fn(berichtenRepository(transactie), transactie)),

    /** The stored message as it will read back; written with the transaction's next statement (ADR 0096), compiled once (ADR 0098). */
    voegToe: async (b) => {
      const rij: BerichtRij = {
        gemeente: b.gemeente,
        id: b.id,
        aan: b.aan,
        onderwerp: b.onderwerp,
        tekst: b.tekst,
        html: b.html,
        bijlagen: b.bijlagen ?? [],
        status: b.status,
        pogingen: 0,
        laatste_fout: null,
        aangemaakt_op: new Date(b.aangemaaktOp).toISOString(),
        verzonden_op: null,
        in_reply_to: b.inReplyTo ?? null,
        references: b.references ?? null,
        automatisch: b.automatisch ?? true,
      };
      const { pogingen: _p, laatste_fout: _f, verzonden_op: _v, ...kolomwaarden } = rij;
      await schrijfMetVolgende(berichtInsert(db, [{ ...kolomwaarden, bijlagen: JSON.stringify(rij.bijlagen) }]));
      return rij;
    },

    opId: (gemeente, id) =>
      db.selectFrom('bericht').select(kolommen).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst(),

    pagina: async (gemeente, offset, limit) => {
      const [rijen, telling] = await Promise.all([
        db
          .selectFrom('bericht')
          .select(kolommen)
          .where('gemeente', '=', gemeente)
          .orderBy('aangemaakt_op', 'desc')
          .orderBy('id', 'desc')
          .offset(offset)
          .limit(limit)
          .execute(),
        db
          .selectFrom('bericht')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('gemeente', '=', gemeente)
          .executeTakeFirstOrThrow(),
      ]);
      return { rijen, totaal: Number(telling.n) };
    },

    claim: (gemeente, id, nu, bezigTot) =>
      db
        .updateTable('bericht')
        .set((eb) => ({ bezig_tot: bezigTot, pogingen: eb('pogingen', '+', 1) }))
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'wachtend')
        .where((eb) => eb.or([eb('bezig_tot', 'is', null), eb('bezig_tot', '<=', nu.toISOString())]))
        .returning(kolommen)
        .executeTakeFirst(),

    markeerVerzonden: async (gemeente, id, nu) => {
      await db
        .updateTable('bericht')
        .set({ status: 'verzonden', verzonden_op: nu, laatste_fout: null, bezig_tot: null })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'wachtend')
        .execute();
    },

    markeerFout: async (gemeente, id, fout, status) => {
      await db
        .updateTable('bericht')
        .set({ status, laatste_fout: fout, bezig_tot: null })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'wachtend')
        .execute();
    },
  };
}
