import { sql, type Kysely } from 'kysely';
import type { ContactverzoekGebeurtenisSoort, ContactverzoekStatus, DB } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';
import { plusDagen } from '../termijnen/kalender.ts';

export interface ContactverzoekPersoon {
  naam: string;
  telefoon: string | null;
  email: string | null;
}

export interface ContactverzoekDoor {
  type: 'gebruiker' | 'token' | 'cli' | 'systeem';
  id: string | null;
  naam: string | null;
}

export interface NieuwContactverzoek {
  id: string;
  onderwerp: string;
  vraag: string;
  toelichting: string;
  teamId: string | null;
  medewerkerId: string | null;
  klantcontactId: string | null;
  normWerkdagen: number;
  uiterlijkOp: string;
  aangemaaktOp: string;
  door: ContactverzoekDoor;
  persoon: ContactverzoekPersoon;
}

export interface ContactverzoekRegel {
  id: string;
  onderwerp: string;
  status: ContactverzoekStatus;
  team: { id: string; naam: string } | null;
  medewerker: { id: string; naam: string } | null;
  behandelaar: { id: string; naam: string } | null;
  uiterlijkOp: string;
  normWerkdagen: number;
  aangemaaktOp: string;
  afgehandeldOp: string | null;
  pogingen: number;
}

export interface ContactverzoekGebeurtenis {
  volgnummer: number;
  soort: ContactverzoekGebeurtenisSoort;
  gegevens: Record<string, unknown>;
  door: { id: string | null; naam: string } | null;
  op: string;
}

export interface ContactverzoekRecord extends ContactverzoekRegel {
  vraag: string;
  toelichting: string;
  klantcontactId: string | null;
  uitkomst: string | null;
  aangemaaktDoor: ContactverzoekDoor;
  persoon: ContactverzoekPersoon | null;
  geschiedenis: ContactverzoekGebeurtenis[];
  versie: number;
}

/** An open request as the watcher sees it. */
export interface OpenContactverzoek {
  id: string;
  onderwerp: string;
  teamId: string | null;
  medewerkerId: string | null;
  uiterlijkOp: string;
}

export interface Medewerker {
  id: string;
  naam: string;
  email: string;
}

export interface NieuweGebeurtenis {
  soort: ContactverzoekGebeurtenisSoort;
  gegevens: Record<string, unknown>;
  door: { id: string | null; naam: string | null };
  op: string;
}

/** The first instant of a calendar day in Amsterdam. */
const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;
const getal = (waarde: unknown): number => Number(waarde ?? 0);

const regels = (gemeente: string, d: Kysely<DB>) =>
  d
    .selectFrom('contactverzoek as c')
    .leftJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'c.gemeente').onRef('t.id', '=', 'c.team_id'))
    .leftJoin('gebruiker as m', 'm.id', 'c.medewerker_id')
    .leftJoin('gebruiker as b', 'b.id', 'c.behandelaar_id')
    .select((eb) => [
      'c.id',
      'c.onderwerp',
      'c.status',
      'c.team_id',
      't.naam as team_naam',
      'c.medewerker_id',
      'm.naam as medewerker_naam',
      'c.behandelaar_id',
      'b.naam as behandelaar_naam',
      'c.uiterlijk_op',
      'c.norm_werkdagen',
      'c.aangemaakt_op',
      'c.afgehandeld_op',
      eb
        .selectFrom('contactverzoek_gebeurtenis as e')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('e.gemeente', '=', 'c.gemeente')
        .whereRef('e.contactverzoek_id', '=', 'c.id')
        .where('e.soort', '=', 'poging')
        .as('pogingen'),
    ])
    .where('c.gemeente', '=', gemeente);

type Rij = Awaited<ReturnType<ReturnType<typeof regels>['executeTakeFirstOrThrow']>>;

const naarRegel = (r: Rij): ContactverzoekRegel => ({
  id: r.id,
  onderwerp: r.onderwerp,
  status: r.status,
  team: r.team_id ? { id: r.team_id, naam: r.team_naam ?? '' } : null,
  medewerker: r.medewerker_id ? { id: r.medewerker_id, naam: r.medewerker_naam ?? '' } : null,
  behandelaar: r.behandelaar_id ? { id: r.behandelaar_id, naam: r.behandelaar_naam ?? '' } : null,
  uiterlijkOp: r.uiterlijk_op,
  normWerkdagen: r.norm_werkdagen,
  aangemaaktOp: r.aangemaakt_op,
  afgehandeldOp: r.afgehandeld_op,
  pogingen: getal(r.pogingen),
});

/** Appends to a request's history (the next volgnummer). */
const gebeurtenis = async (
  d: Kysely<DB>,
  gemeente: string,
  id: string,
  g: NieuweGebeurtenis,
) => {
  await d
    .insertInto('contactverzoek_gebeurtenis')
    .values((eb) => ({
      gemeente,
      contactverzoek_id: id,
      volgnummer: eb
        .selectFrom('contactverzoek_gebeurtenis as e')
        .select(sql<number>`coalesce(max(e.volgnummer), 0) + 1`.as('n'))
        .where('e.gemeente', '=', gemeente)
        .where('e.contactverzoek_id', '=', id),
      soort: g.soort,
      gegevens: JSON.stringify(g.gegevens),
      door_gebruiker: g.door.id,
      door_naam: g.door.naam,
      op: g.op,
    }))
    .execute();
};

/** SQL for contactverzoeken (ADR 0048). Always per gemeente. */
export function contactverzoekenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {

  return {
    /** Runs `werk` as one transaction that the outbox's inserts join too. */
    samen: <T>(werk: () => Promise<T>): Promise<T> => inEenTransactie(db, werk),

    /** The norm (werkdagen) for an onderwerp, case-insensitive; undefined without one. */
    norm: async (gemeente: string, onderwerp: string): Promise<number | undefined> =>
      (
        await db
          .selectFrom('contactverzoek_norm')
          .select('werkdagen')
          .where('gemeente', '=', gemeente)
          .where(sql<string>`lower(onderwerp)`, '=', onderwerp.toLowerCase())
          .executeTakeFirst()
      )?.werkdagen,

    normen: (gemeente: string) =>
      db.selectFrom('contactverzoek_norm').select(['onderwerp', 'werkdagen']).where('gemeente', '=', gemeente).orderBy('onderwerp').execute(),

    /** Replaces the gemeente's norms by this list. */
    zetNormen: async (gemeente: string, normen: { onderwerp: string; werkdagen: number }[]): Promise<void> => {
      await inEenTransactie(db, async () => {
        await db.deleteFrom('contactverzoek_norm').where('gemeente', '=', gemeente).execute();
        if (normen.length > 0) await db.insertInto('contactverzoek_norm').values(normen.map((n) => ({ gemeente, ...n }))).execute();
      });
    },

    /** An active staff member with a role in the gemeente. */
    medewerkerBestaat: async (gemeente: string, id: string): Promise<boolean> =>
      (await db
        .selectFrom('gebruiker as g')
        .innerJoin('gebruiker_rol as r', 'r.gebruiker_id', 'g.id')
        .select('g.id')
        .where('r.gemeente', '=', gemeente)
        .where('g.id', '=', id)
        .where('g.actief', '=', true)
        .executeTakeFirst()) !== undefined,

    /** The teams of a staff member in the gemeente. */
    voegToe: async (gemeente: string, c: NieuwContactverzoek): Promise<void> => {
      await db
        .insertInto('contactverzoek')
        .values({
          gemeente,
          id: c.id,
          onderwerp: c.onderwerp,
          vraag: c.vraag,
          toelichting: c.toelichting,
          team_id: c.teamId,
          medewerker_id: c.medewerkerId,
          klantcontact_id: c.klantcontactId,
          norm_werkdagen: c.normWerkdagen,
          uiterlijk_op: c.uiterlijkOp,
          aangemaakt_op: c.aangemaaktOp,
          door_type: c.door.type,
          door_gebruiker: c.door.id,
          door_naam: c.door.naam,
        })
        .execute();
      await db.insertInto('contactverzoek_persoon').values({ gemeente, contactverzoek_id: c.id, ...c.persoon }).execute();
    },

    voegGebeurtenisToe: (gemeente: string, id: string, g: NieuweGebeurtenis) => gebeurtenis(db, gemeente, id, g),

    /**
     * Changes the status when the request still has the expected one (a guard against two staff
     * members at once); false when it changed meanwhile.
     */
    zetStatus: async (
      gemeente: string,
      id: string,
      van: readonly ContactverzoekStatus[],
      w: { status: ContactverzoekStatus; behandelaarId?: string | null; uitkomst?: string | null; afgehandeldOp?: string | null },
    ): Promise<boolean> => {
      const r = await db
        .updateTable('contactverzoek')
        .set((eb) => ({
          status: w.status,
          ...(w.behandelaarId !== undefined ? { behandelaar_id: w.behandelaarId } : {}),
          ...(w.uitkomst !== undefined ? { uitkomst: w.uitkomst } : {}),
          ...(w.afgehandeldOp !== undefined ? { afgehandeld_op: w.afgehandeldOp } : {}),
          versie: eb('versie', '+', 1),
        }))
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', 'in', [...van])
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    opId: async (gemeente: string, id: string): Promise<ContactverzoekRecord | undefined> => {
      const rij = await regels(gemeente, db)
        .select((eb) => [
          'c.vraag',
          'c.toelichting',
          'c.klantcontact_id',
          'c.uitkomst',
          'c.door_type',
          'c.door_gebruiker',
          'c.door_naam',
          'c.versie',
          eb
            .selectFrom('contactverzoek_persoon as p')
            .select(sql<ContactverzoekPersoon>`json_build_object('naam', p.naam, 'telefoon', p.telefoon, 'email', p.email)`.as('p'))
            .whereRef('p.gemeente', '=', 'c.gemeente')
            .whereRef('p.contactverzoek_id', '=', 'c.id')
            .as('persoon'),
          eb
            .selectFrom('contactverzoek_gebeurtenis as e')
            .select(
              sql<{ volgnummer: number; soort: ContactverzoekGebeurtenisSoort; gegevens: Record<string, unknown>; door_gebruiker: string | null; door_naam: string | null; op: string }[]>`
                coalesce(json_agg(json_build_object('volgnummer', e.volgnummer, 'soort', e.soort, 'gegevens', e.gegevens, 'door_gebruiker', e.door_gebruiker, 'door_naam', e.door_naam, 'op', e.op) order by e.volgnummer), '[]'::json)`.as('g'),
            )
            .whereRef('e.gemeente', '=', 'c.gemeente')
            .whereRef('e.contactverzoek_id', '=', 'c.id')
            .as('geschiedenis'),
        ])
        .where('c.id', '=', id)
        .executeTakeFirst();
      if (!rij) return undefined;
      return {
        ...naarRegel(rij),
        vraag: rij.vraag,
        toelichting: rij.toelichting,
        klantcontactId: rij.klantcontact_id,
        uitkomst: rij.uitkomst,
        aangemaaktDoor: { type: rij.door_type, id: rij.door_gebruiker, naam: rij.door_naam },
        persoon: rij.persoon ?? null,
        versie: rij.versie,
        geschiedenis: (rij.geschiedenis ?? []).map((e) => ({
          volgnummer: e.volgnummer,
          soort: e.soort,
          gegevens: e.gegevens,
          door: e.door_naam === null ? null : { id: e.door_gebruiker, naam: e.door_naam },
          op: new Date(e.op).toISOString(),
        })),
      };
    },

    /**
     * One page of a queue: open requests (open, in behandeling) to these teams or this staff
     * member, by deadline, oldest first; with `alle`, every open request of the gemeente.
     */
    wachtrij: async (
      gemeente: string,
      f: { teams: string[]; medewerker: string | null; alle: boolean; mij?: string | undefined; status?: ContactverzoekStatus | undefined; offset: number; limit: number },
    ): Promise<{ rijen: ContactverzoekRegel[]; totaal: number }> => {
      const filter = <Q extends ReturnType<typeof regels>>(q: Q): Q => {
        let r = q.where('c.afgehandeld_op', 'is', null) as Q;
        if (f.status !== undefined) r = r.where('c.status', '=', f.status) as Q;
        const mij = f.mij;
        if (mij !== undefined) r = r.where((eb) => eb.or([eb('c.medewerker_id', '=', mij), eb('c.behandelaar_id', '=', mij)])) as Q;
        else if (!f.alle) {
          r = r.where((eb) =>
            eb.or([
              ...(f.teams.length > 0 ? [eb('c.team_id', 'in', f.teams)] : []),
              ...(f.medewerker ? [eb('c.medewerker_id', '=', f.medewerker)] : []),
              eb.val(false),
            ]),
          ) as Q;
        }
        return r;
      };
      const rijen = await filter(regels(gemeente, lezen)).orderBy('c.uiterlijk_op').orderBy('c.aangemaakt_op').orderBy('c.id').offset(f.offset).limit(f.limit).execute();
      const telling = await filter(regels(gemeente, lezen))
        .clearSelect()
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      return { rijen: rijen.map(naarRegel), totaal: getal(telling.n) };
    },

    /** Open requests whose deadline is on or before `tot` (the watcher), by deadline. */
    openTot: (gemeente: string, tot: string, na: { uiterlijkOp: string; id: string } | undefined, limit: number): Promise<OpenContactverzoek[]> => {
      let q = db
        .selectFrom('contactverzoek')
        .select(['id', 'onderwerp', 'team_id as teamId', 'medewerker_id as medewerkerId', 'uiterlijk_op as uiterlijkOp'])
        .where('gemeente', '=', gemeente)
        .where('afgehandeld_op', 'is', null)
        .where('uiterlijk_op', '<=', tot);
      if (na) q = q.where((eb) => eb(eb.refTuple('uiterlijk_op', 'id'), '>', eb.tuple(na.uiterlijkOp, na.id)));
      return q.orderBy('uiterlijk_op').orderBy('id').limit(limit).execute();
    },

    /** Records a notice; false when it was recorded before. Run it in the transaction that queues its mails. */
    legMeldingVast: async (gemeente: string, id: string, soort: 'herinnering' | 'escalatie', ontvangers: string[], op: string): Promise<boolean> => {
      const rij = await db
        .insertInto('contactverzoek_melding')
        .values({ gemeente, contactverzoek_id: id, soort, ontvangers: JSON.stringify(ontvangers), verstuurd_op: op })
        .onConflict((oc) => oc.columns(['gemeente', 'contactverzoek_id', 'soort']).doNothing())
        .returning('contactverzoek_id')
        .executeTakeFirst();
      return rij !== undefined;
    },

    /** Whether the request is still open (read inside the watcher's transaction). */
    isOpen: async (gemeente: string, id: string): Promise<boolean> =>
      (await db.selectFrom('contactverzoek').select('id').where('gemeente', '=', gemeente).where('id', '=', id).where('afgehandeld_op', 'is', null).forUpdate().executeTakeFirst()) !==
      undefined,

    /** Active members of a team. */
    teamleden: (gemeente: string, teamId: string) =>
      db
        .selectFrom('team_lid as l')
        .innerJoin('gebruiker as g', 'g.id', 'l.gebruiker_id')
        .select(['g.id', 'g.naam', 'g.email'])
        .where('l.gemeente', '=', gemeente)
        .where('l.team_id', '=', teamId)
        .where('g.actief', '=', true)
        .orderBy('g.naam')
        .execute(),

    /** Active teamleiders of the teams a staff member is in. */
    teamleidersVan: (gemeente: string, gebruikerId: string) =>
      db
        .selectFrom('team_lid as mijn')
        .innerJoin('team_lid as l', (j) => j.onRef('l.gemeente', '=', 'mijn.gemeente').onRef('l.team_id', '=', 'mijn.team_id'))
        .innerJoin('gebruiker as g', 'g.id', 'l.gebruiker_id')
        .innerJoin('gebruiker_rol as r', (j) => j.onRef('r.gebruiker_id', '=', 'g.id').onRef('r.gemeente', '=', 'l.gemeente'))
        .select(['g.id', 'g.naam', 'g.email'])
        .distinct()
        .where('mijn.gemeente', '=', gemeente)
        .where('mijn.gebruiker_id', '=', gebruikerId)
        .where('r.rol', '=', 'teamleider')
        .where('g.actief', '=', true)
        .where('g.id', '!=', gebruikerId)
        .orderBy('g.naam')
        .execute(),

    medewerker: (id: string): Promise<Medewerker | undefined> => db.selectFrom('gebruiker').select(['id', 'naam', 'email']).where('id', '=', id).where('actief', '=', true).executeTakeFirst(),

    /**
     * Deletes the resident of every request handled before `voor` and appends `persoon-gewist`
     * to each one's history, in one statement. Returns how many.
     */
    wisPersonen: async (gemeente: string, voor: string, nu: string, bewaartermijn: string): Promise<number> => {
      const { rows } = await sql<{ n: number | string }>`
        with gewist as (
          delete from contactverzoek_persoon p
          using contactverzoek c
          where p.gemeente = ${gemeente} and c.gemeente = p.gemeente and c.id = p.contactverzoek_id and c.afgehandeld_op < ${voor}
          returning p.gemeente, p.contactverzoek_id
        ), geschiedenis as (
          insert into contactverzoek_gebeurtenis (gemeente, contactverzoek_id, volgnummer, soort, gegevens, op)
          select g.gemeente, g.contactverzoek_id,
            (select coalesce(max(e.volgnummer), 0) + 1 from contactverzoek_gebeurtenis e where e.gemeente = g.gemeente and e.contactverzoek_id = g.contactverzoek_id),
            'persoon-gewist', jsonb_build_object('bewaartermijn', ${bewaartermijn}::text), ${nu}
          from gewist g
          returning 1
        )
        select count(*) as n from geschiedenis`.execute(db);
      return getal(rows[0]?.n);
    },

    /**
     * Requests handled (afgerond or niet bereikt) in the period (Amsterdam days of
     * afgehandeld_op), and how many of them on or before their deadline day: the measure, a row
     * per team (null: requests to a named person without a team), optionally of one team only.
     */
    binnenTermijn: async (gemeente: string, van: string, tot: string, team?: string): Promise<{ team: string | null; teller: number; noemer: number }[]> => {
      const { rows } = await sql<{ team_id: string | null; teller: number | string; noemer: number | string }>`
        select c.team_id, count(*) filter (where (c.afgehandeld_op at time zone 'Europe/Amsterdam')::date <= c.uiterlijk_op) as teller, count(*) as noemer
        from contactverzoek c
        where c.gemeente = ${gemeente} and c.afgehandeld_op is not null
          and c.afgehandeld_op >= ${begin(van)} and c.afgehandeld_op < ${begin(plusDagen(tot, 1))}
          ${team === undefined ? sql`` : sql`and c.team_id = ${team}`}
        group by c.team_id`.execute(lezen);
      return rows.map((r) => ({ team: r.team_id, teller: getal(r.teller), noemer: getal(r.noemer) }));
    },
  };
}

export type ContactverzoekenRepository = ReturnType<typeof contactverzoekenRepository>;
