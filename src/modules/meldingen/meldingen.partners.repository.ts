/**
 * SQL of the partners of meldingen openbare ruimte (ADR 0056): the organisations, the users who
 * act for them, and the append-only history of each melding's routing to a partner. Only this
 * file writes these tables; it never reads or writes zaak tables.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, PartnerStatus } from '../../db/schema.ts';

export interface Partner {
  id: string;
  naam: string;
  email: string | null;
  leden: { id: string; naam: string; email: string }[];
}

export interface PartnerGebeurtenis {
  volgnummer: number;
  partnerId: string;
  partnerNaam: string;
  soort: 'doorgezet' | 'status' | 'foto';
  status: PartnerStatus | null;
  toelichting: string;
  documentId: string | null;
  doorNaam: string | null;
  op: string;
}

/** Where a melding stands with its partner: to whom it was routed last, when, and the partner's last status. */
export interface Routering {
  zaakId: string;
  partnerId: string;
  partnerNaam: string;
  doorgezetOp: string;
  status: PartnerStatus | null;
  statusOp: string | null;
}

const iso = (t: string | Date): string => new Date(t).toISOString();

export function meldingPartnersRepository(db: Kysely<DB> | Transaction<DB>) {
  return {
    async partners(gemeente: string): Promise<Partner[]> {
      const rijen = await db.selectFrom('melding_partner').select(['id', 'naam', 'email']).where('gemeente', '=', gemeente).orderBy('naam').execute();
      const leden = await db
        .selectFrom('melding_partner_lid as l')
        .innerJoin('gebruiker as g', 'g.id', 'l.gebruiker_id')
        .select(['l.partner_id', 'g.id', 'g.naam', 'g.email'])
        .where('l.gemeente', '=', gemeente)
        .orderBy('g.naam')
        .execute();
      return rijen.map((p) => ({ ...p, leden: leden.filter((l) => l.partner_id === p.id).map((l) => ({ id: l.id, naam: l.naam, email: l.email })) }));
    },

    async partner(gemeente: string, id: string): Promise<Partner | undefined> {
      return (await this.partners(gemeente)).find((p) => p.id === id);
    },

    /** Whether these users hold a role in the gemeente (only they can be a partner's members). */
    async gebruikersMetRol(gemeente: string, ids: readonly string[], rol: 'externe-partner'): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rijen = await db.selectFrom('gebruiker_rol').select('gebruiker_id').where('gemeente', '=', gemeente).where('rol', '=', rol).where('gebruiker_id', 'in', ids).execute();
      return new Set(rijen.map((r) => r.gebruiker_id));
    },

    /** False when the name is taken in this gemeente (nothing stored). */
    async maakPartner(gemeente: string, p: { id: string; naam: string; email: string | null; leden: readonly string[] }, nu: string): Promise<boolean> {
      const r = await db
        .insertInto('melding_partner')
        .values({ gemeente, id: p.id, naam: p.naam, email: p.email, aangemaakt_op: nu })
        .onConflict((oc) => oc.columns(['gemeente', 'naam']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) return false;
      if (p.leden.length > 0) await db.insertInto('melding_partner_lid').values(p.leden.map((gebruiker_id) => ({ gemeente, partner_id: p.id, gebruiker_id }))).execute();
      return true;
    },

    /** Changes a partner's name, address and members (the members replaced). False when the name is taken by another partner. */
    async wijzigPartner(gemeente: string, p: { id: string; naam: string; email: string | null; leden: readonly string[] }): Promise<boolean> {
      const bezet = await db.selectFrom('melding_partner').select('id').where('gemeente', '=', gemeente).where('naam', '=', p.naam).where('id', '<>', p.id).executeTakeFirst();
      if (bezet) return false;
      await db.updateTable('melding_partner').set({ naam: p.naam, email: p.email }).where('gemeente', '=', gemeente).where('id', '=', p.id).execute();
      await db.deleteFrom('melding_partner_lid').where('gemeente', '=', gemeente).where('partner_id', '=', p.id).execute();
      if (p.leden.length > 0) await db.insertInto('melding_partner_lid').values(p.leden.map((gebruiker_id) => ({ gemeente, partner_id: p.id, gebruiker_id }))).execute();
      return true;
    },

    /** The users with the role externe-partner in the gemeente (who can be a partner's members). */
    partnerGebruikers: (gemeente: string) =>
      db
        .selectFrom('gebruiker_rol as r')
        .innerJoin('gebruiker as g', 'g.id', 'r.gebruiker_id')
        .select(['g.id', 'g.naam', 'g.email'])
        .where('r.gemeente', '=', gemeente)
        .where('r.rol', '=', 'externe-partner')
        .orderBy('g.naam')
        .orderBy('g.id')
        .execute(),

    /** The partners this user acts for in the gemeente. */
    async partnersVan(gemeente: string, gebruikerId: string): Promise<string[]> {
      const rijen = await db.selectFrom('melding_partner_lid').select('partner_id').where('gemeente', '=', gemeente).where('gebruiker_id', '=', gebruikerId).execute();
      return rijen.map((r) => r.partner_id);
    },

    /** Appends to the melding's routing history (call inside the zaak's change: the zaak's lock orders the numbers). */
    async voegToe(
      gemeente: string,
      zaakId: string,
      g: { partnerId: string; soort: 'doorgezet' | 'status' | 'foto'; status?: PartnerStatus; toelichting: string; documentId?: string; doorGebruiker: string | null; doorNaam: string | null; op: string },
    ): Promise<void> {
      const laatste = await db
        .selectFrom('melding_partner_gebeurtenis')
        .select((eb) => eb.fn.max('volgnummer').as('max'))
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .executeTakeFirst();
      await db
        .insertInto('melding_partner_gebeurtenis')
        .values({
          gemeente,
          zaak_id: zaakId,
          volgnummer: Number(laatste?.max ?? 0) + 1,
          partner_id: g.partnerId,
          soort: g.soort,
          status: g.status ?? null,
          toelichting: g.toelichting,
          document_id: g.documentId ?? null,
          door_gebruiker: g.doorGebruiker,
          door_naam: g.doorNaam,
          op: g.op,
        })
        .execute();
    },

    async gebeurtenissen(gemeente: string, zaakId: string): Promise<PartnerGebeurtenis[]> {
      const rijen = await db
        .selectFrom('melding_partner_gebeurtenis as e')
        .innerJoin('melding_partner as p', (j) => j.onRef('p.gemeente', '=', 'e.gemeente').onRef('p.id', '=', 'e.partner_id'))
        .select(['e.volgnummer', 'e.partner_id', 'p.naam', 'e.soort', 'e.status', 'e.toelichting', 'e.document_id', 'e.door_naam', 'e.op'])
        .where('e.gemeente', '=', gemeente)
        .where('e.zaak_id', '=', zaakId)
        .orderBy('e.volgnummer')
        .execute();
      return rijen.map((r) => ({
        volgnummer: r.volgnummer,
        partnerId: r.partner_id,
        partnerNaam: r.naam,
        soort: r.soort,
        status: r.status,
        toelichting: r.toelichting,
        documentId: r.document_id,
        doorNaam: r.door_naam,
        op: iso(r.op),
      }));
    },

    /**
     * Partner turnaround: for each forwarding, the seconds until the partner first reported
     * `gereed` or `niet-mogelijk` for it (before any next forwarding), when that report lies in
     * [van, tot). Forwardings not reported done are left out.
     */
    async doorlooptijden(gemeente: string, van: string, tot: string): Promise<number[]> {
      const rijen = await db
        .selectFrom('melding_partner_gebeurtenis')
        .select(['zaak_id', 'soort', 'status', 'op'])
        .where('gemeente', '=', gemeente)
        .where('op', '<', tot)
        .where((eb) => eb.or([eb('soort', '=', 'doorgezet'), eb('status', 'in', ['gereed', 'niet-mogelijk'])]))
        .orderBy('zaak_id')
        .orderBy('volgnummer')
        .execute();
      const uit: number[] = [];
      let zaak: string | undefined;
      let doorgezet: number | undefined;
      for (const r of rijen) {
        if (r.zaak_id !== zaak) [zaak, doorgezet] = [r.zaak_id, undefined];
        const op = new Date(r.op).getTime();
        if (r.soort === 'doorgezet') doorgezet = op;
        else if (doorgezet !== undefined) {
          if (op >= new Date(van).getTime()) uit.push(Math.round((op - doorgezet) / 1000));
          doorgezet = undefined;
        }
      }
      return uit;
    },

    /**
     * Where these meldingen stand with a partner (meldingen never routed are left out); with
     * `partners`, only meldingen routed now to one of these partners (ids optional: all of them).
     */
    async routeringen(gemeente: string, filter: { zaakIds?: readonly string[]; partners?: readonly string[] }): Promise<Routering[]> {
      if (filter.zaakIds?.length === 0 || filter.partners?.length === 0) return [];
      let laatst = db
        .selectFrom('melding_partner_gebeurtenis as e')
        .select(['e.zaak_id', 'e.partner_id', 'e.op', sql<number>`row_number() over (partition by e.zaak_id order by e.volgnummer desc)`.as('rang')])
        .where('e.gemeente', '=', gemeente)
        .where('e.soort', '=', 'doorgezet');
      if (filter.zaakIds) laatst = laatst.where('e.zaak_id', 'in', filter.zaakIds);
      let q = db
        .selectFrom(laatst.as('d'))
        .innerJoin('melding_partner as p', (j) => j.on('p.gemeente', '=', gemeente).onRef('p.id', '=', 'd.partner_id'))
        .select((eb) => [
          'd.zaak_id',
          'd.partner_id',
          'p.naam',
          'd.op',
          eb
            .selectFrom('melding_partner_gebeurtenis as s')
            .select(sql<string>`s.status || ' ' || to_char(s.op at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('s'))
            .where('s.gemeente', '=', gemeente)
            .whereRef('s.zaak_id', '=', 'd.zaak_id')
            .where('s.soort', '=', 'status')
            .whereRef('s.op', '>=', 'd.op')
            .orderBy('s.volgnummer', 'desc')
            .limit(1)
            .as('laatste_status'),
        ])
        .where('d.rang', '=', 1);
      if (filter.partners) q = q.where('d.partner_id', 'in', filter.partners);
      const rijen = await q.orderBy('d.op', 'desc').execute();
      return rijen.map((r) => {
        const [status, op] = r.laatste_status ? r.laatste_status.split(' ') : [null, null];
        return { zaakId: r.zaak_id, partnerId: r.partner_id, partnerNaam: r.naam, doorgezetOp: iso(r.op), status: (status ?? null) as PartnerStatus | null, statusOp: op ?? null };
      });
    },
  };
}

export type MeldingPartnersRepository = ReturnType<typeof meldingPartnersRepository>;
