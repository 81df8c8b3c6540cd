import type { Kysely } from 'kysely';
import type { DB, TermijnMeldingTable } from '../../db/schema.ts';

export type MeldingSoort = TermijnMeldingTable['soort'];

/** SQL of the deadline watcher: its own bookkeeping, and who to warn. Always per gemeente. */
export function termijnbewakingRepository(db: Kysely<DB>) {
  return {
    /**
     * Records a notice; false when this (zaak, soort, einddatum) was already recorded. Run it
     * in the transaction that queues the mails: the row and the mails commit together.
     */
    legVast: async (
      gemeente: string,
      m: { zaakId: string; soort: MeldingSoort; einddatum: string; nieuweDatum: string | null; ontvangers: string[]; op: string },
    ): Promise<boolean> => {
      const rij = await db
        .insertInto('termijn_melding')
        .values({
          gemeente,
          zaak_id: m.zaakId,
          soort: m.soort,
          einddatum: m.einddatum,
          nieuwe_datum: m.nieuweDatum,
          ontvangers: JSON.stringify(m.ontvangers),
          verstuurd_op: m.op,
        })
        .onConflict((oc) => oc.columns(['gemeente', 'zaak_id', 'soort', 'einddatum']).doNothing())
        .returning('zaak_id')
        .executeTakeFirst();
      return rij !== undefined;
    },

    /** The newest 'te-laat' notice for a zaak about a deadline on or after `vanaf` (the current one or a promised date after it). */
    laatsteTeLaat: (gemeente: string, zaakId: string, vanaf: string) =>
      db
        .selectFrom('termijn_melding')
        .select(['einddatum', 'nieuwe_datum as nieuweDatum'])
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .where('soort', '=', 'te-laat')
        .where('einddatum', '>=', vanaf)
        .orderBy('einddatum', 'desc')
        .limit(1)
        .executeTakeFirst(),

    meldingen: (gemeente: string, zaakId: string) =>
      db
        .selectFrom('termijn_melding')
        .select(['soort', 'einddatum', 'nieuwe_datum as nieuweDatum', 'ontvangers', 'verstuurd_op as verstuurdOp'])
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .orderBy('verstuurd_op')
        .execute(),

    /** Active staff members of the team who are teamleider in the gemeente. */
    teamleiders: (gemeente: string, teamId: string) =>
      db
        .selectFrom('team_lid as l')
        .innerJoin('gebruiker as g', 'g.id', 'l.gebruiker_id')
        .innerJoin('gebruiker_rol as r', (j) => j.onRef('r.gebruiker_id', '=', 'g.id').onRef('r.gemeente', '=', 'l.gemeente'))
        .select(['g.id', 'g.naam', 'g.email'])
        .where('l.gemeente', '=', gemeente)
        .where('l.team_id', '=', teamId)
        .where('r.rol', '=', 'teamleider')
        .where('g.actief', '=', true)
        .orderBy('g.naam')
        .execute(),

    /** Active beheerders of the gemeente: warned when a team has nobody to warn. */
    beheerders: (gemeente: string) =>
      db
        .selectFrom('gebruiker as g')
        .innerJoin('gebruiker_rol as r', 'r.gebruiker_id', 'g.id')
        .select(['g.id', 'g.naam', 'g.email'])
        .where('r.gemeente', '=', gemeente)
        .where('r.rol', '=', 'beheerder')
        .where('g.actief', '=', true)
        .orderBy('g.naam')
        .execute(),
  };
}

export type TermijnbewakingRepository = ReturnType<typeof termijnbewakingRepository>;
