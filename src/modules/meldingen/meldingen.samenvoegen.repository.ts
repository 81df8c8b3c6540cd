import type { Kysely } from 'kysely';
import type { DB, HeropenverzoekStatus } from '../../db/schema.ts';

/** A reopen request after the reporter's "nee" (ADR 0074). */
export interface Heropenverzoek {
  id: string;
  zaakId: string;
  aangevraagdOp: string;
  status: HeropenverzoekStatus;
  beslotenOp: string | null;
  beslotenNaam: string | null;
  reden: string;
}

const naarVerzoek = (r: { id: string; zaak_id: string; aangevraagd_op: string; status: HeropenverzoekStatus; besloten_op: string | null; besloten_naam: string | null; reden: string }): Heropenverzoek => ({
  id: r.id,
  zaakId: r.zaak_id,
  aangevraagdOp: new Date(r.aangevraagd_op).toISOString(),
  status: r.status,
  beslotenOp: r.besloten_op === null ? null : new Date(r.besloten_op).toISOString(),
  beslotenNaam: r.besloten_naam,
  reden: r.reden,
});

/**
 * SQL for merging duplicate meldingen and reopen requests (ADR 0074): the tables of migration
 * 0043, and read-only looks at a zaak's team (the zaken module writes zaken).
 */
export function meldingSamenvoegenRepository(db: Kysely<DB>) {
  const verzoekKolommen = ['id', 'zaak_id', 'aangevraagd_op', 'status', 'besloten_op', 'besloten_naam', 'reden'] as const;
  return {
    /** Records that `zaakId` was merged into `hoofdZaakId`; false when it already was (nothing changed). */
    async voegSamenvoegingToe(gemeente: string, s: { zaakId: string; hoofdZaakId: string; doorGebruiker: string | null; doorNaam: string | null; op: string }): Promise<boolean> {
      const r = await db
        .insertInto('melding_samenvoeging')
        .values({ gemeente, zaak_id: s.zaakId, hoofd_zaak_id: s.hoofdZaakId, door_gebruiker: s.doorGebruiker, door_naam: s.doorNaam, op: s.op })
        .onConflict((oc) => oc.columns(['gemeente', 'zaak_id']).doNothing())
        .returning('zaak_id')
        .executeTakeFirst();
      return r !== undefined;
    },
    /** For each of these meldingen that was merged: the main melding's zaak id and number. */
    async hoofdVan(gemeente: string, zaakIds: readonly string[]): Promise<Map<string, { zaakId: string; identificatie: string }>> {
      if (zaakIds.length === 0) return new Map();
      const rijen = await db
        .selectFrom('melding_samenvoeging as s')
        .innerJoin('melding as h', (j) => j.onRef('h.gemeente', '=', 's.gemeente').onRef('h.zaak_id', '=', 's.hoofd_zaak_id'))
        .select(['s.zaak_id', 's.hoofd_zaak_id', 'h.identificatie'])
        .where('s.gemeente', '=', gemeente)
        .where('s.zaak_id', 'in', zaakIds)
        .execute();
      return new Map(rijen.map((r) => [r.zaak_id, { zaakId: r.hoofd_zaak_id, identificatie: r.identificatie }]));
    },
    /** The meldingen merged into this main melding, oldest merge first. */
    samengevoegdIn: async (gemeente: string, hoofdZaakId: string) =>
      (
        await db
          .selectFrom('melding_samenvoeging as s')
          .innerJoin('melding as m', (j) => j.onRef('m.gemeente', '=', 's.gemeente').onRef('m.zaak_id', '=', 's.zaak_id'))
          .select(['s.zaak_id', 'm.identificatie', 's.door_naam', 's.op'])
          .where('s.gemeente', '=', gemeente)
          .where('s.hoofd_zaak_id', '=', hoofdZaakId)
          .orderBy('s.op')
          .orderBy('m.identificatie')
          .execute()
      ).map((r) => ({ zaakId: r.zaak_id, identificatie: r.identificatie, doorNaam: r.door_naam, op: new Date(r.op).toISOString() })),
    /** The team a zaak is with now (read-only). */
    async teamVanZaak(gemeente: string, zaakId: string): Promise<string | undefined> {
      const r = await db.selectFrom('zaak').select('team_id').where('gemeente', '=', gemeente).where('id', '=', zaakId).executeTakeFirst();
      return r?.team_id;
    },
    /** Whether the user is a member of the team. */
    async inTeam(gemeente: string, gebruiker: string, team: string): Promise<boolean> {
      const r = await db.selectFrom('team_lid').select('team_id').where('gemeente', '=', gemeente).where('gebruiker_id', '=', gebruiker).where('team_id', '=', team).executeTakeFirst();
      return r !== undefined;
    },
    /** The zaaktype code of zaken (read-only): to tell a zaak that is no melding from one that does not exist. */
    async zaaktypen(gemeente: string, zaakIds: readonly string[]): Promise<Map<string, string>> {
      if (zaakIds.length === 0) return new Map();
      const rijen = await db
        .selectFrom('zaak as z')
        .innerJoin('zaaktype as t', (j) => j.onRef('t.gemeente', '=', 'z.gemeente').onRef('t.id', '=', 'z.zaaktype_id'))
        .select(['z.id', 't.code'])
        .where('z.gemeente', '=', gemeente)
        .where('z.id', 'in', zaakIds)
        .execute();
      return new Map(rijen.map((r) => [r.id, r.code]));
    },

    /** A new open reopen request; false when the melding has an open one already (nothing changed). */
    async voegVerzoekToe(gemeente: string, v: { id: string; zaakId: string; op: string }): Promise<boolean> {
      const r = await db
        .insertInto('melding_heropenverzoek')
        .values({ gemeente, id: v.id, zaak_id: v.zaakId, aangevraagd_op: v.op })
        .onConflict((oc) => oc.columns(['gemeente', 'zaak_id']).where('status', '=', 'open').doNothing())
        .returning('id')
        .executeTakeFirst();
      return r !== undefined;
    },
    async verzoek(gemeente: string, id: string): Promise<Heropenverzoek | undefined> {
      const r = await db.selectFrom('melding_heropenverzoek').select(verzoekKolommen).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return r ? naarVerzoek(r) : undefined;
    },
    /** The reopen requests of these meldingen (all when none are given), newest first; optionally only those with a status. */
    async verzoeken(gemeente: string, opties: { zaakIds?: readonly string[]; status?: HeropenverzoekStatus } = {}): Promise<Heropenverzoek[]> {
      if (opties.zaakIds?.length === 0) return [];
      let q = db.selectFrom('melding_heropenverzoek').select(verzoekKolommen).where('gemeente', '=', gemeente);
      if (opties.zaakIds) q = q.where('zaak_id', 'in', opties.zaakIds);
      if (opties.status) q = q.where('status', '=', opties.status);
      return (await q.orderBy('aangevraagd_op', 'desc').orderBy('id').execute()).map(naarVerzoek);
    },
    /** Decides an open request; false when it was not open any more (nothing changed). */
    async besluit(gemeente: string, id: string, b: { status: 'geaccepteerd' | 'afgewezen'; op: string; door: string | null; naam: string | null; reden: string }): Promise<boolean> {
      const r = await db
        .updateTable('melding_heropenverzoek')
        .set({ status: b.status, besloten_op: b.op, besloten_door: b.door, besloten_naam: b.naam, reden: b.reden })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
  };
}

export type MeldingSamenvoegenRepository = ReturnType<typeof meldingSamenvoegenRepository>;
