/**
 * Where zaken stand, for other modules that show their zaken to outside parties (the Open311 API
 * of meldingen, ADR 0041): the current status with its resident text, whether and when it closed,
 * and the status changes in a time window. Read only: the zaken module stays the only writer of
 * zaken (ADR 0012), and other modules read zaken through these functions, not the zaak tables.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface ZaakStand {
  id: string;
  identificatie: string;
  /** The current status's resident text (the result's text once closed). */
  statusTekst: { nl: string; en: string };
  /** The current status's staff name, and the result's name once closed. */
  statusNaam: string;
  resultaatNaam: string | null;
  afgeslotenOp: string | null;
  registratieOp: string;
  /** The last status change or the closing; the registration when nothing changed. */
  bijgewerktOp: string;
  uiterlijkeEinddatum: string;
}

export interface Statuswijziging {
  zaakId: string;
  identificatie: string;
  volgnummer: number;
  /** `resultaat`: the zaak was closed with this event. */
  soort: 'status' | 'resultaat';
  /** The status's staff name, or the result's name when closed. */
  naam: string;
  tekst: { nl: string; en: string };
  op: string;
}

const tekst = (t: unknown): { nl: string; en: string } => {
  const o = (t ?? {}) as { nl?: unknown; en?: unknown };
  return { nl: typeof o.nl === 'string' ? o.nl : '', en: typeof o.en === 'string' ? o.en : '' };
};

/** `db` may be `Database.lezen`: these reads feed no write (the replica inside `request.lees`, ADR 0028). */
export function zakenStandRepository(db: Kysely<DB>) {
  return {
    /** The stand of these zaken of one gemeente (unknown ids are left out). */
    async stand(gemeente: string, ids: readonly string[]): Promise<ZaakStand[]> {
      if (ids.length === 0) return [];
      const rijen = await db
        .selectFrom('zaak as z')
        .innerJoin('statustype as s', (j) => j.onRef('s.gemeente', '=', 'z.gemeente').onRef('s.zaaktype_id', '=', 'z.zaaktype_id').onRef('s.volgnummer', '=', 'z.status_volgnummer'))
        .leftJoin('resultaattype as r', (j) => j.onRef('r.gemeente', '=', 'z.gemeente').onRef('r.zaaktype_id', '=', 'z.zaaktype_id').onRef('r.id', '=', 'z.resultaattype_id'))
        .select((eb) => [
          'z.id',
          'z.identificatie',
          'z.afgesloten_op',
          'z.registratie_op',
          'z.uiterlijke_einddatum',
          's.tekst_nl',
          's.tekst_en',
          's.naam as status_naam',
          'r.naam as resultaat_naam',
          'r.tekst_nl as resultaat_nl',
          'r.tekst_en as resultaat_en',
          eb
            .selectFrom('zaak_gebeurtenis as g')
            .select(sql<string>`max(g.op)`.as('op'))
            .whereRef('g.gemeente', '=', 'z.gemeente')
            .whereRef('g.zaak_id', '=', 'z.id')
            .where('g.soort', 'in', ['status', 'resultaat'])
            .as('gewijzigd_op'),
        ])
        .where('z.gemeente', '=', gemeente)
        .where('z.id', 'in', ids)
        .execute();
      return rijen.map((r) => ({
        id: r.id,
        identificatie: r.identificatie,
        statusTekst: r.afgesloten_op && r.resultaat_nl ? { nl: r.resultaat_nl, en: r.resultaat_en ?? '' } : { nl: r.tekst_nl, en: r.tekst_en },
        statusNaam: r.status_naam,
        resultaatNaam: r.resultaat_naam,
        afgeslotenOp: r.afgesloten_op,
        registratieOp: r.registratie_op,
        bijgewerktOp: r.afgesloten_op ?? (r.gewijzigd_op ? new Date(r.gewijzigd_op).toISOString() : r.registratie_op),
        uiterlijkeEinddatum: r.uiterlijke_einddatum,
      }));
    },

    /**
     * Status changes and closings of the zaken of one zaaktype (code) from `van` up to `tot`, in
     * order of time; at most `limit`.
     */
    async statuswijzigingen(gemeente: string, zaaktype: string, van: string, tot: string, limit: number): Promise<Statuswijziging[]> {
      const rijen = await db
        .selectFrom('zaak_gebeurtenis as g')
        .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'g.gemeente').onRef('z.id', '=', 'g.zaak_id'))
        .innerJoin('zaaktype as zt', (j) => j.onRef('zt.gemeente', '=', 'z.gemeente').onRef('zt.id', '=', 'z.zaaktype_id'))
        .select(['g.zaak_id', 'z.identificatie', 'g.volgnummer', 'g.soort', 'g.gegevens', 'g.op'])
        .where('g.gemeente', '=', gemeente)
        .where('g.soort', 'in', ['status', 'resultaat'])
        .where('g.op', '>=', van)
        .where('g.op', '<', tot)
        .where('zt.code', '=', zaaktype)
        .orderBy('g.op')
        .orderBy('g.zaak_id')
        .orderBy('g.volgnummer')
        .limit(limit)
        .execute();
      return rijen.map((r) => ({
        zaakId: r.zaak_id,
        identificatie: r.identificatie,
        volgnummer: r.volgnummer,
        soort: r.soort === 'resultaat' ? 'resultaat' : 'status',
        naam: typeof r.gegevens.naam === 'string' ? r.gegevens.naam : '',
        tekst: tekst(r.gegevens.tekst),
        op: r.op,
      }));
    },
  };
}

export type ZakenStandRepository = ReturnType<typeof zakenStandRepository>;
