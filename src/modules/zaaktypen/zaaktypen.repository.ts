import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, Vertrouwelijkheid, ZaaktypeTable } from '../../db/schema.ts';
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';

export interface StatustypeRecord {
  volgnummer: number;
  naam: string;
  /** The English name for staff (empty: none given). */
  naamEn: string;
  tekst: { nl: string; en: string };
  informeren: boolean;
  eindstatus: boolean;
}

export interface ResultaattypeRecord {
  id: string;
  naam: string;
  tekst: { nl: string; en: string };
  archiefnominatie: 'blijvend_bewaren' | 'vernietigen';
  bewaartermijn: string | null;
  selectielijstklasse: string;
}

export interface ZaaktypeRecord {
  id: string;
  code: string;
  versie: number;
  status: 'concept' | 'gepubliceerd';
  naam: { nl: string; en: string };
  omschrijving: { nl: string; en: string };
  rechtsgrond: string;
  norm: string;
  opschortingToegestaan: boolean;
  verlengingToegestaan: boolean;
  maxVerlenging: string | null;
  termijnStart: 'ontvangst' | 'gebeurtenis';
  normKeuze: string[];
  standaardTeam: string | null;
  vertrouwelijkheid: Vertrouwelijkheid;
  geldigVanaf: string | null;
  gepubliceerdOp: string | null;
  revisie: number;
  statustypen: StatustypeRecord[];
  resultaattypen: ResultaattypeRecord[];
}

/** What is stored for one version (without its id, gemeente and status). */
export interface ZaaktypeGegevens {
  code: string;
  naam: { nl: string; en: string };
  omschrijving: { nl: string; en: string };
  rechtsgrond: string;
  norm: string;
  opschortingToegestaan: boolean;
  maxVerlenging: string | null;
  /** Absent: 'ontvangst'. */
  termijnStart?: 'ontvangst' | 'gebeurtenis';
  /** Absent: none. */
  normKeuze?: string[];
  standaardTeam: string | null;
  vertrouwelijkheid: Vertrouwelijkheid;
  geldigVanaf: string | null;
  statustypen: { naam: string; naamEn: string; tekst: { nl: string; en: string }; informeren: boolean }[];
  resultaattypen: (Omit<ResultaattypeRecord, 'id'> & { id: string })[];
}

/** A zaaktype row as read: the table's columns (less gemeente and the change times) with its types. */
type Rij = Omit<Selectable<ZaaktypeTable>, 'gemeente' | 'aangemaakt_op' | 'gewijzigd_op'> & {
  statustypen: Omit<StatustypeRecord, 'eindstatus'>[] | null;
  resultaattypen: ResultaattypeRecord[] | null;
};

function naarRecord(r: Rij): ZaaktypeRecord {
  const statustypen = (r.statustypen ?? []).toSorted((a, b) => a.volgnummer - b.volgnummer);
  const laatste = statustypen.at(-1)?.volgnummer;
  return {
    id: r.id,
    code: r.code,
    versie: r.versie,
    status: r.status,
    naam: { nl: r.naam_nl, en: r.naam_en },
    omschrijving: { nl: r.omschrijving_nl, en: r.omschrijving_en },
    rechtsgrond: r.rechtsgrond,
    norm: r.norm,
    opschortingToegestaan: r.opschorting_toegestaan,
    verlengingToegestaan: r.verlenging_toegestaan,
    maxVerlenging: r.max_verlenging,
    termijnStart: r.termijn_start,
    normKeuze: r.norm_keuze,
    standaardTeam: r.standaard_team_id,
    vertrouwelijkheid: r.vertrouwelijkheid,
    geldigVanaf: r.geldig_vanaf,
    gepubliceerdOp: r.gepubliceerd_op,
    revisie: r.revisie,
    statustypen: statustypen.map((s) => ({ ...s, eindstatus: s.volgnummer === laatste })),
    resultaattypen: (r.resultaattypen ?? []).toSorted((a, b) => a.naam.localeCompare(b.naam, 'nl')),
  };
}

async function schrijfOnderdelen(trx: Kysely<DB>, gemeente: string, id: string, g: ZaaktypeGegevens) {
  await trx
    .insertInto('statustype')
    .values(g.statustypen.map((s, i) => ({ gemeente, zaaktype_id: id, volgnummer: i + 1, naam: s.naam, naam_en: s.naamEn, tekst_nl: s.tekst.nl, tekst_en: s.tekst.en, informeren: s.informeren })))
    .execute();
  await trx
    .insertInto('resultaattype')
    .values(
      g.resultaattypen.map((r) => ({
        gemeente,
        zaaktype_id: id,
        id: r.id,
        naam: r.naam,
        tekst_nl: r.tekst.nl,
        tekst_en: r.tekst.en,
        archiefnominatie: r.archiefnominatie,
        bewaartermijn: r.bewaartermijn,
        selectielijstklasse: r.selectielijstklasse,
      })),
    )
    .execute();
}

const kolommen = (g: ZaaktypeGegevens) => ({
  code: g.code,
  naam_nl: g.naam.nl,
  naam_en: g.naam.en,
  omschrijving_nl: g.omschrijving.nl,
  omschrijving_en: g.omschrijving.en,
  rechtsgrond: g.rechtsgrond,
  norm: g.norm,
  opschorting_toegestaan: g.opschortingToegestaan,
  verlenging_toegestaan: g.maxVerlenging !== null,
  max_verlenging: g.maxVerlenging,
  termijn_start: g.termijnStart ?? 'ontvangst',
  norm_keuze: g.normKeuze ?? [],
  standaard_team_id: g.standaardTeam,
  vertrouwelijkheid: g.vertrouwelijkheid,
  geldig_vanaf: g.geldigVanaf,
});

/** What the public servicenormen page shows of a zaaktype: its names and how its term works. */
export interface ZaaktypeTermijn {
  code: string;
  naam: { nl: string; en: string };
  rechtsgrond: string;
  norm: string;
  opschortingToegestaan: boolean;
  maxVerlenging: string | null;
}

/** How long a node keeps the version in force of a zaaktype (a signal drops it at once; this is a safety net). */
const BEWAAR_MS = 60_000;

/**
 * SQL for the zaaktype catalogue (zaaktype, statustype, resultaattype). Always per gemeente.
 * `lezen` (Database.lezen) runs the read of the public servicenormen page: the read replica
 * when the route reads inside `request.lees` (ADR 0028). With `signalen`, the version in force
 * of a code on a day is kept per node (every registration reads it, ADR 0084): the statement
 * trigger of migration 0052 empties it on every node at the commit of any change to `zaaktype`,
 * and `publiceer` on this node at once.
 */
export function zaaktypenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db, signalen?: Signalen) {
  const geldend = signalen ? gedeeldeCache<ZaaktypeRecord>({ signalen, kanaal: KANAAL.stamgegevens, ms: BEWAAR_MS, max: 10_000, raakt: (tabel) => tabel === 'zaaktype' }) : undefined;
  const select = (gemeente: string) =>
    db
      .selectFrom('zaaktype as z')
      .select((eb) => [
        'z.id',
        'z.code',
        'z.versie',
        'z.status',
        'z.naam_nl',
        'z.naam_en',
        'z.omschrijving_nl',
        'z.omschrijving_en',
        'z.rechtsgrond',
        'z.norm',
        'z.opschorting_toegestaan',
        'z.verlenging_toegestaan',
        'z.max_verlenging',
        'z.termijn_start',
        'z.norm_keuze',
        'z.standaard_team_id',
        'z.vertrouwelijkheid',
        'z.geldig_vanaf',
        'z.gepubliceerd_op',
        'z.revisie',
        eb
          .selectFrom('statustype as s')
          .select(
            sql<Omit<StatustypeRecord, 'eindstatus'>[]>`json_agg(json_build_object('volgnummer', s.volgnummer, 'naam', s.naam, 'naamEn', s.naam_en, 'tekst', json_build_object('nl', s.tekst_nl, 'en', s.tekst_en), 'informeren', s.informeren))`.as(
              'statustypen',
            ),
          )
          .whereRef('s.gemeente', '=', 'z.gemeente')
          .whereRef('s.zaaktype_id', '=', 'z.id')
          .as('statustypen'),
        eb
          .selectFrom('resultaattype as r')
          .select(
            sql<ResultaattypeRecord[]>`json_agg(json_build_object('id', r.id, 'naam', r.naam, 'tekst', json_build_object('nl', r.tekst_nl, 'en', r.tekst_en), 'archiefnominatie', r.archiefnominatie, 'bewaartermijn', r.bewaartermijn, 'selectielijstklasse', r.selectielijstklasse))`.as(
              'resultaattypen',
            ),
          )
          .whereRef('r.gemeente', '=', 'z.gemeente')
          .whereRef('r.zaaktype_id', '=', 'z.id')
          .as('resultaattypen'),
      ])
      .where('z.gemeente', '=', gemeente);

  return {
    /** Every version, or per code only the highest (optionally of one status); by code, then version. */
    pagina: async (gemeente: string, opties: { alleVersies: boolean; status?: 'concept' | 'gepubliceerd' | undefined }, offset: number, limit: number) => {
      let basis = db.selectFrom('zaaktype as z').select(['z.id']).where('z.gemeente', '=', gemeente);
      if (opties.status) basis = basis.where('z.status', '=', opties.status);
      if (!opties.alleVersies) {
        basis = basis.where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('zaaktype as n')
                .select('n.id')
                .whereRef('n.gemeente', '=', 'z.gemeente')
                .whereRef('n.code', '=', 'z.code')
                .whereRef('n.versie', '>', 'z.versie')
                .$if(opties.status !== undefined, (q) => q.where('n.status', '=', opties.status ?? 'gepubliceerd')),
            ),
          ),
        );
      }
      const [rows, count] = await Promise.all([
        select(gemeente)
          .where('z.id', 'in', basis)
          .orderBy('z.code')
          .orderBy('z.versie')
          .offset(offset)
          .limit(limit)
          .execute(),
        db.selectFrom(basis.as('b')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(naarRecord), total: Number(count.n) };
    },
    opId: async (gemeente: string, id: string): Promise<ZaaktypeRecord | undefined> => {
      const rij = await select(gemeente).where('z.id', '=', id).executeTakeFirst();
      return rij ? naarRecord(rij) : undefined;
    },
    /** The published version of a code that applies on `datum` (the highest valid from then). */
    geldendeVersie: async (gemeente: string, code: string, datum: string): Promise<ZaaktypeRecord | undefined> => {
      const lees = async () => {
        const rij = await select(gemeente)
          .where('z.code', '=', code)
          .where('z.status', '=', 'gepubliceerd')
          .where((eb) => eb.or([eb('z.geldig_vanaf', 'is', null), eb('z.geldig_vanaf', '<=', datum)]))
          .orderBy('z.versie', 'desc')
          .limit(1)
          .executeTakeFirst();
        return rij ? naarRecord(rij) : undefined;
      };
      return geldend ? geldend.haal(`${gemeente}:${code}:${datum}`, lees) : lees();
    },
    /** Per code the published version in force on `datum` (the highest valid from then), by Dutch name. */
    termijnenOp: async (gemeente: string, datum: string): Promise<ZaaktypeTermijn[]> => {
      const rijen = await lezen
        .selectFrom('zaaktype')
        .select(['code', 'naam_nl', 'naam_en', 'rechtsgrond', 'norm', 'opschorting_toegestaan', 'max_verlenging'])
        .distinctOn('code')
        .where('gemeente', '=', gemeente)
        .where('status', '=', 'gepubliceerd')
        .where((eb) => eb.or([eb('geldig_vanaf', 'is', null), eb('geldig_vanaf', '<=', datum)]))
        .orderBy('code')
        .orderBy('versie', 'desc')
        .execute();
      return rijen
        .map((r) => ({ code: r.code, naam: { nl: r.naam_nl, en: r.naam_en }, rechtsgrond: r.rechtsgrond, norm: r.norm, opschortingToegestaan: r.opschorting_toegestaan, maxVerlenging: r.max_verlenging }))
        .toSorted((a, b) => a.naam.nl.localeCompare(b.naam.nl, 'nl'));
    },
    hoogsteVersie: async (gemeente: string, code: string): Promise<{ id: string; versie: number; status: string } | undefined> =>
      db.selectFrom('zaaktype').select(['id', 'versie', 'status']).where('gemeente', '=', gemeente).where('code', '=', code).orderBy('versie', 'desc').limit(1).executeTakeFirst(),
    teamBestaat: async (gemeente: string, id: string): Promise<boolean> =>
      (await db.selectFrom('team').select('id').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst()) !== undefined,
    maak: (gemeente: string, id: string, versie: number, g: ZaaktypeGegevens, nu: string) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('zaaktype').values({ gemeente, id, versie, ...kolommen(g), aangemaakt_op: nu, gewijzigd_op: nu }).execute();
        await schrijfOnderdelen(trx, gemeente, id, g);
      }),
    /** Replaces a concept (fields, statustypen, resultaattypen) when its revisie still matches. */
    vervangConcept: (gemeente: string, id: string, revisie: number, g: ZaaktypeGegevens, nu: string): Promise<boolean> =>
      db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('zaaktype')
          .set({ ...kolommen(g), revisie: revisie + 1, gewijzigd_op: nu })
          .where('gemeente', '=', gemeente)
          .where('id', '=', id)
          .where('status', '=', 'concept')
          .where('revisie', '=', revisie)
          .executeTakeFirst();
        if (r.numUpdatedRows === 0n) return false;
        await trx.deleteFrom('statustype').where('gemeente', '=', gemeente).where('zaaktype_id', '=', id).execute();
        await trx.deleteFrom('resultaattype').where('gemeente', '=', gemeente).where('zaaktype_id', '=', id).execute();
        await schrijfOnderdelen(trx, gemeente, id, g);
        return true;
      }),
    publiceer: async (gemeente: string, id: string, revisie: number, nu: string, geldigVanaf: string): Promise<boolean> => {
      // This node's kept versions before and after the change (the others by the trigger).
      geldend?.vergeet(() => true);
      const r = await db
        .updateTable('zaaktype')
        .set((eb) => ({ status: 'gepubliceerd', gepubliceerd_op: nu, gewijzigd_op: nu, revisie: revisie + 1, geldig_vanaf: eb.fn.coalesce('geldig_vanaf', sql<string>`${geldigVanaf}::date`) }))
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'concept')
        .where('revisie', '=', revisie)
        .executeTakeFirst();
      geldend?.vergeet(() => true);
      return r.numUpdatedRows > 0n;
    },
  };
}

export type ZaaktypenRepository = ReturnType<typeof zaaktypenRepository>;
