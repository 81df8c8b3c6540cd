import { sql, type Kysely } from 'kysely';
import type { DB, KlantcontactKanaal, KlantcontactTable, KlantcontactUitkomst } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';
import { plusDagen } from '../termijnen/kalender.ts';

export interface KlantcontactPersoon {
  naam: string;
  email: string | null;
  telefoon: string | null;
}

export interface KlantcontactZaak {
  id: string;
  identificatie: string;
  aangemaakt: boolean;
}

export interface KlantcontactDoor {
  type: KlantcontactTable['door_type'];
  id: string | null;
  naam: string | null;
}

export interface NieuwKlantcontact {
  id: string;
  kanaal: KlantcontactKanaal;
  onderwerp: string;
  vraag: string;
  antwoord: string;
  uitkomst: KlantcontactUitkomst;
  op: string;
  geregistreerdOp: string;
  door: KlantcontactDoor;
  persoon: KlantcontactPersoon | null;
}

export interface KlantcontactRegel {
  id: string;
  kanaal: KlantcontactKanaal;
  onderwerp: string;
  uitkomst: KlantcontactUitkomst;
  op: string;
  geregistreerdOp: string;
  geregistreerdDoor: KlantcontactDoor;
  metPersoon: boolean;
  zaken: KlantcontactZaak[];
}

export interface KlantcontactGebeurtenis {
  volgnummer: number;
  soort: 'geregistreerd' | 'persoon-gewist';
  gegevens: Record<string, unknown>;
  door: { id: string | null; naam: string } | null;
  op: string;
}

export interface KlantcontactRecord extends KlantcontactRegel {
  vraag: string;
  antwoord: string;
  persoon: KlantcontactPersoon | null;
  geschiedenis: KlantcontactGebeurtenis[];
}

export interface KlantcontactenFilterRepo {
  kanaal?: KlantcontactKanaal | undefined;
  uitkomst?: KlantcontactUitkomst | undefined;
  /** Calendar days in Europe/Amsterdam, both inclusive. */
  van?: string | undefined;
  tot?: string | undefined;
  /** Keyset: the last row of the previous page (newest first). */
  na?: { op: string; id: string } | undefined;
  limit: number;
}

/** The first instant of a calendar day in Amsterdam. */
const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;

/** Counts come back as text (bigint) from PostgreSQL. */
const getal = (waarde: unknown): number => Number(waarde ?? 0);

/** The columns of a contact in the list, with whether it has a person and its zaken. */
const regels = (gemeente: string, d: Kysely<DB>) =>
  d
    .selectFrom('klantcontact as k')
    .select((eb) => [
      'k.id',
      'k.kanaal',
      'k.onderwerp',
      'k.uitkomst',
      'k.op',
      'k.geregistreerd_op',
      'k.door_type',
      'k.door_gebruiker',
      'k.door_naam',
      eb.exists(eb.selectFrom('klantcontact_persoon as p').select('p.klantcontact_id').whereRef('p.gemeente', '=', 'k.gemeente').whereRef('p.klantcontact_id', '=', 'k.id')).as('met_persoon'),
      eb
        .selectFrom('klantcontact_zaak as z')
        .select(sql<KlantcontactZaak[]>`coalesce(json_agg(json_build_object('id', z.zaak_id, 'identificatie', z.zaak_identificatie, 'aangemaakt', z.aangemaakt) order by z.zaak_identificatie), '[]'::json)`.as('zaken'))
        .whereRef('z.gemeente', '=', 'k.gemeente')
        .whereRef('z.klantcontact_id', '=', 'k.id')
        .as('zaken'),
    ])
    .where('k.gemeente', '=', gemeente);

type Rij = Awaited<ReturnType<ReturnType<typeof regels>['executeTakeFirstOrThrow']>>;
const naarRegel = (r: Rij): KlantcontactRegel => ({
  id: r.id,
  kanaal: r.kanaal,
  onderwerp: r.onderwerp,
  uitkomst: r.uitkomst,
  op: r.op,
  geregistreerdOp: r.geregistreerd_op,
  geregistreerdDoor: { type: r.door_type, id: r.door_gebruiker, naam: r.door_naam },
  metPersoon: Boolean(r.met_persoon),
  zaken: r.zaken ?? [],
});

/**
 * SQL for klantcontacten (ADR 0033). Always per gemeente. The zaken a contact links to are
 * known by id and number only: this module never reads or writes the zaken module's tables.
 * `lezen` runs the list (the read replica inside `request.lees`, ADR 0028).
 */
export function klantcontactenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    /**
     * Runs `werk` as one transaction that the other services' queries join too (the zaken service
     * registering a zaak from the contact): everything commits together or nothing does.
     */
    samen: <T>(werk: () => Promise<T>): Promise<T> => inEenTransactie(db, werk),

    /** The contact, its person, its history's first entry; the links come with `koppel`. */
    voegToe: async (gemeente: string, k: NieuwKlantcontact): Promise<void> => {
      await db
        .insertInto('klantcontact')
        .values({
          gemeente,
          id: k.id,
          kanaal: k.kanaal,
          onderwerp: k.onderwerp,
          vraag: k.vraag,
          antwoord: k.antwoord,
          uitkomst: k.uitkomst,
          op: k.op,
          geregistreerd_op: k.geregistreerdOp,
          door_type: k.door.type,
          door_gebruiker: k.door.id,
          door_naam: k.door.naam,
        })
        .execute();
      if (k.persoon) {
        await db.insertInto('klantcontact_persoon').values({ gemeente, klantcontact_id: k.id, ...k.persoon }).execute();
      }
    },

    /** Links zaken (id and number) to a contact. */
    koppel: async (gemeente: string, klantcontactId: string, zaken: KlantcontactZaak[]): Promise<void> => {
      if (zaken.length === 0) return;
      await db
        .insertInto('klantcontact_zaak')
        .values(zaken.map((z) => ({ gemeente, klantcontact_id: klantcontactId, zaak_id: z.id, zaak_identificatie: z.identificatie, aangemaakt: z.aangemaakt })))
        .execute();
    },

    /** Appends to a contact's history (the next volgnummer). */
    voegGebeurtenisToe: async (gemeente: string, klantcontactId: string, g: Omit<KlantcontactGebeurtenis, 'volgnummer' | 'door'> & { door: { id: string | null; naam: string | null } }) => {
      await db
        .insertInto('klantcontact_gebeurtenis')
        .values((eb) => ({
          gemeente,
          klantcontact_id: klantcontactId,
          volgnummer: eb
            .selectFrom('klantcontact_gebeurtenis as e')
            .select(sql<number>`coalesce(max(e.volgnummer), 0) + 1`.as('n'))
            .where('e.gemeente', '=', gemeente)
            .where('e.klantcontact_id', '=', klantcontactId),
          soort: g.soort,
          gegevens: JSON.stringify(g.gegevens),
          door_gebruiker: g.door.id,
          door_naam: g.door.naam,
          op: g.op,
        }))
        .execute();
    },

    opId: async (gemeente: string, id: string): Promise<KlantcontactRecord | undefined> => {
      const rij = await regels(gemeente, db)
        .select((eb) => [
          'k.vraag',
          'k.antwoord',
          eb
            .selectFrom('klantcontact_persoon as p')
            .select(sql<KlantcontactPersoon>`json_build_object('naam', p.naam, 'email', p.email, 'telefoon', p.telefoon)`.as('p'))
            .whereRef('p.gemeente', '=', 'k.gemeente')
            .whereRef('p.klantcontact_id', '=', 'k.id')
            .as('persoon'),
          eb
            .selectFrom('klantcontact_gebeurtenis as e')
            .select(
              sql<{ volgnummer: number; soort: KlantcontactGebeurtenis['soort']; gegevens: Record<string, unknown>; door_gebruiker: string | null; door_naam: string | null; op: string }[]>`
                coalesce(json_agg(json_build_object('volgnummer', e.volgnummer, 'soort', e.soort, 'gegevens', e.gegevens, 'door_gebruiker', e.door_gebruiker, 'door_naam', e.door_naam, 'op', e.op) order by e.volgnummer), '[]'::json)`.as('g'),
            )
            .whereRef('e.gemeente', '=', 'k.gemeente')
            .whereRef('e.klantcontact_id', '=', 'k.id')
            .as('geschiedenis'),
        ])
        .where('k.id', '=', id)
        .executeTakeFirst();
      if (!rij) return undefined;
      return {
        ...naarRegel(rij),
        vraag: rij.vraag,
        antwoord: rij.antwoord,
        persoon: rij.persoon ?? null,
        geschiedenis: (rij.geschiedenis ?? []).map((e) => ({
          volgnummer: e.volgnummer,
          soort: e.soort,
          gegevens: e.gegevens,
          door: e.door_naam === null ? null : { id: e.door_gebruiker, naam: e.door_naam },
          // JSON gives PostgreSQL's text of a timestamptz: the same instant as a UTC ISO string.
          op: new Date(e.op).toISOString(),
        })),
      };
    },

    /** One page of the list, newest first (keyset on op, id). */
    lijst: async (gemeente: string, f: KlantcontactenFilterRepo): Promise<KlantcontactRegel[]> => {
      let q = regels(gemeente, lezen);
      if (f.kanaal !== undefined) q = q.where('k.kanaal', '=', f.kanaal);
      if (f.uitkomst !== undefined) q = q.where('k.uitkomst', '=', f.uitkomst);
      if (f.van !== undefined) q = q.where('k.op', '>=', begin(f.van));
      if (f.tot !== undefined) q = q.where('k.op', '<', begin(plusDagen(f.tot, 1)));
      if (f.na) {
        const na = f.na;
        q = q.where((eb) => eb(eb.refTuple('k.op', 'k.id'), '<', eb.tuple(na.op, na.id)));
      }
      const rijen = await q.orderBy('k.op', 'desc').orderBy('k.id', 'desc').limit(f.limit).execute();
      return rijen.map(naarRegel);
    },

    /** Every contact of the person with this e-mail address (any case), oldest first, at most `limit`: a resident's journey. */
    vanPersoon: async (gemeente: string, email: string, limit: number): Promise<KlantcontactRegel[]> => {
      const rijen = await regels(gemeente, lezen)
        .where('k.id', 'in', (eb) =>
          eb.selectFrom('klantcontact_persoon as p').select('p.klantcontact_id').where('p.gemeente', '=', gemeente).where(sql<string>`lower(p.email)`, '=', email.toLowerCase()),
        )
        .orderBy('k.op')
        .orderBy('k.id')
        .limit(limit)
        .execute();
      return rijen.map(naarRegel);
    },

    /**
     * Deletes the person of every contact that took place before `voor` and appends
     * `persoon-gewist` to each one's history, in one statement. Returns how many.
     */
    wisPersonen: async (gemeente: string, voor: string, nu: string, bewaartermijn: string): Promise<number> => {
      const { rows } = await sql<{ n: number | string }>`
        with gewist as (
          delete from klantcontact_persoon p
          using klantcontact k
          where p.gemeente = ${gemeente} and k.gemeente = p.gemeente and k.id = p.klantcontact_id and k.op < ${voor}
          returning p.gemeente, p.klantcontact_id
        ), geschiedenis as (
          insert into klantcontact_gebeurtenis (gemeente, klantcontact_id, volgnummer, soort, gegevens, op)
          select g.gemeente, g.klantcontact_id,
            (select coalesce(max(e.volgnummer), 0) + 1 from klantcontact_gebeurtenis e where e.gemeente = g.gemeente and e.klantcontact_id = g.klantcontact_id),
            'persoon-gewist', jsonb_build_object('bewaartermijn', ${bewaartermijn}::text), ${nu}
          from gewist g
          returning 1
        )
        select count(*) as n from geschiedenis`.execute(db);
      return getal(rows[0]?.n);
    },

    /**
     * The contacts of one channel that took place in the period (Amsterdam days), and how many
     * of them had this outcome: the KCC measures (klantcontacten.kpi.ts).
     */
    aandeelUitkomst: async (gemeente: string, kanaal: KlantcontactKanaal, uitkomst: KlantcontactUitkomst, van: string, tot: string): Promise<{ teller: number; noemer: number }> => {
      const { rows } = await sql<{ teller: number | string; noemer: number | string }>`
        select count(*) filter (where k.uitkomst = ${uitkomst}) as teller, count(*) as noemer
        from klantcontact k
        where k.gemeente = ${gemeente} and k.kanaal = ${kanaal}
          and k.op >= ${begin(van)} and k.op < ${begin(plusDagen(tot, 1))}`.execute(db);
      return { teller: getal(rows[0]?.teller), noemer: getal(rows[0]?.noemer) };
    },
  };
}

export type KlantcontactenRepository = ReturnType<typeof klantcontactenRepository>;
