import { CompiledQuery, sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, Kanaal, Rol, Vertrouwelijkheid, ZaakTable } from '../../db/schema.ts';
import type { Adres } from '../../http/contactvelden.ts';
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';
import { inEenTransactie, schrijfMetVolgende, zonderTransactie } from '../../db/verzoek-transactie.ts';
import { vasteInsert } from '../../db/vaste-query.ts';
import { voorbereid } from '../../db/voorbereid.ts';
import { rollenEnTeams } from '../gebruikers/gebruikers.repository.ts';
import type { Gebeurtenis, NieuweGebeurtenis, RelatieSoort } from './zaken.gebeurtenis.ts';

export type ZaakRij = Selectable<ZaakTable>;

/** How long a node keeps a team it read (a change drops it at once on every node). */
const TEAM_BEWAAR_MS = 60_000;

/** Levels of vertrouwelijkheid that only the zaak's team, its behandelaar and beheerders see (ADR 0013). */
export const BEPERKT_ZICHTBAAR: readonly Vertrouwelijkheid[] = ['vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'];

/** A list row of a work queue. */
export interface ZaakRegel {
  id: string;
  identificatie: string;
  zaaktypeId: string;
  zaaktypeCode: string;
  zaaktypeVersie: number;
  zaaktypeNaam: string;
  zaaktypeNaamEn: string;
  onderwerp: string;
  kanaal: Kanaal;
  ontvangstdatum: string;
  registratieOp: string;
  vertrouwelijkheid: Vertrouwelijkheid;
  teamId: string;
  teamNaam: string;
  behandelaarId: string | null;
  behandelaarNaam: string | null;
  statusVolgnummer: number;
  statusNaam: string;
  statusNaamEn: string;
  oorspronkelijkeEinddatum: string;
  uiterlijkeEinddatum: string;
  opgeschort: boolean;
  afgeslotenOp: string | null;
  /** The first reply of the resident that staff have not acted on yet (Projectie.nieuweReactieOp). */
  nieuweReactieOp: string | null;
  versie: number;
}

export interface Werkvoorraadfilter {
  team?: string | undefined;
  /** A user id, or null for zaken without a behandelaar. */
  behandelaar?: string | null | undefined;
  status?: number | undefined;
  zaaktype?: string | undefined;
  open: boolean;
  /** Deadline range, both ends inclusive. */
  vanaf?: string | undefined;
  tot?: string | undefined;
  zoek?: string | undefined;
  /** Only zaken with a reply of the resident that staff have not acted on yet. */
  nieuweReactie?: boolean | undefined;
  /** Only zaken whose term runs (not suspended): a deadline band holds no suspended zaak. */
  lopend?: boolean | undefined;
  /** Exactly this zaak number, open or closed (the open filter does not apply). */
  identificatie?: string | undefined;
  /** Only zaken whose resident has this e-mail address (case-insensitive), open or closed (the open filter does not apply). */
  email?: string | undefined;
  /**
   * Only zaken whose resident lives at this postcode and huisnummer (ADR 0083), open or closed
   * (the open filter does not apply); a null toevoeging: any toevoeging at that number.
   */
  adres?: Adres | undefined;
  /** Keyset: the last row of the previous page. */
  na?: { einddatum: string; id: string } | undefined;
  limit: number;
  /**
   * Set when the caller may not see every zaak: what they may see of the restricted ones — those
   * of `teams` (default: the teams `gebruiker` is a member of) and those `gebruiker` handles.
   */
  beperkt?: { gebruiker: string | null; teams?: string[] | undefined } | undefined;
}

export interface NieuweZaak {
  id: string;
  identificatie: string;
  zaaktypeId: string;
  onderwerp: string;
  omschrijving: string;
  kanaal: Kanaal;
  ontvangstdatum: string;
  registratieOp: string;
  vertrouwelijkheid: Vertrouwelijkheid;
  teamId: string;
  behandelaarId: string | null;
  statusVolgnummer: number;
  oorspronkelijkeEinddatum: string;
  uiterlijkeEinddatum: string;
  volgcodeHash: string;
  taal: 'nl' | 'en';
}

export interface ZaakStand {
  teamId: string;
  behandelaarId: string | null;
  statusVolgnummer: number;
  oorspronkelijkeEinddatum: string;
  uiterlijkeEinddatum: string;
  opgeschort: boolean;
  afgeslotenOp: string | null;
  resultaattypeId: string | null;
  archiefactiedatum: string | null;
  nieuweReactieOp: string | null;
}

export interface Betrokkene {
  naam: string;
  email: string | null;
  telefoon: string | null;
  taal: 'nl' | 'en';
}

/** The resident in the staff detail: also their address, when given (migration 0051, ADR 0083). */
export interface BetrokkeneMetAdres extends Betrokkene {
  adres: Adres | null;
}

/** The resident as stored: also whether they want a mail at each new status (migration 0039, ADR 0070). */
export interface GelezenBetrokkene extends BetrokkeneMetAdres {
  tussentijdseBerichten: boolean;
}

export interface DocumentMeta {
  id: string;
  bestandsnaam: string;
  mediatype: string;
  grootte: number;
  sha256: string;
  extern: boolean;
  aangemaaktOp: string;
}

/** Counts come back as strings from PostgreSQL's count(). */
function alsGetallen<T extends { teLaat: number; vandaag: number; dezeWeek: number; later: number; opgeschort: number }>(r: T): T {
  return { ...r, teLaat: Number(r.teLaat), vandaag: Number(r.vandaag), dezeWeek: Number(r.dezeWeek), later: Number(r.later), opgeschort: Number(r.opgeschort) };
}

/** What a work-queue row reads from the database; the zaaktype's names come from `ZaaktypeNamen`. */
type KaleRegel = Omit<ZaakRegel, 'zaaktypeCode' | 'zaaktypeVersie' | 'zaaktypeNaam' | 'zaaktypeNaamEn' | 'statusNaam' | 'statusNaamEn'>;

/** The names a list row shows of a zaaktype version and its statuses. */
interface ZaaktypeNamen {
  code: string;
  versie: number;
  naam: string;
  naamEn: string;
  /** Per step number: its name and its English name (empty: none given). */
  statussen: Map<number, { naam: string; naamEn: string }>;
}

/** Everything the staff detail of one zaak reads, in one statement. */
export interface ZaakDetailGegevens {
  rij: ZaakRij;
  regel: ZaakRegel;
  betrokkene: BetrokkeneMetAdres | undefined;
  gebeurtenissen: Gebeurtenis[];
  documenten: DocumentMeta[];
  relaties: { id: string; identificatie: string; onderwerp: string; soort: RelatieSoort }[];
  /** Whether the given staff user is a member of the zaak's team (for restricted zaken). */
  inTeam: boolean;
}

/** Instants inside json_agg come as PostgreSQL's ISO text; the driver's columns as UTC ISO (database.ts). */
const alsInstant = (waarde: string): string => new Date(waarde).toISOString();

/** A team as a zaak shows it and its receipt mail names it. */
export interface TeamRij {
  id: string;
  naam: string;
  telefoon: string | null;
  email: string | null;
}

/** The cache of teams kept per node: `team(gemeente, id)` reads through it (see zakenRepository). */
type TeamCache = ReturnType<typeof gedeeldeCache<TeamRij>>;

/**
 * SQL for zaken, their resident, history, relations and documents. Always per gemeente.
 * `namen` holds the names of published zaaktype versions (they never change; ADR 0016), shared
 * by every transaction of the repository, so list rows join only team and behandelaar.
 * `lezen` runs the reads of the work queue, the overview and the tracking page: the read replica
 * when the route reads through `request.lees` (ADR 0028), else the primary; in a transaction it
 * is the transaction. `teams`: the node's kept teams, for the queries outside a transaction.
 */
function zaakQueries(db: Kysely<DB>, namen: Map<string, ZaaktypeNamen>, lezen: Kysely<DB> = db, teams?: TeamCache, nummerbron?: Nummerbron) {
  const regels = (gemeente: string, d: Kysely<DB> = db) =>
    d
      .selectFrom('zaak as z')
      .innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'z.gemeente').onRef('t.id', '=', 'z.team_id'))
      .leftJoin('gebruiker as b', 'b.id', 'z.behandelaar_id')
      .select([
        'z.id',
        'z.identificatie',
        'z.zaaktype_id as zaaktypeId',
        'z.onderwerp',
        'z.kanaal',
        'z.ontvangstdatum',
        'z.registratie_op as registratieOp',
        'z.vertrouwelijkheid',
        'z.team_id as teamId',
        't.naam as teamNaam',
        'z.behandelaar_id as behandelaarId',
        'b.naam as behandelaarNaam',
        'z.status_volgnummer as statusVolgnummer',
        'z.oorspronkelijke_einddatum as oorspronkelijkeEinddatum',
        'z.uiterlijke_einddatum as uiterlijkeEinddatum',
        'z.opgeschort',
        'z.afgesloten_op as afgeslotenOp',
        'z.nieuwe_reactie_op as nieuweReactieOp',
        'z.versie',
      ])
      .where('z.gemeente', '=', gemeente);

  /** The names of these zaaktype versions: from memory, the unknown ones in one query (published ones are kept). */
  async function zaaktypeNamen(gemeente: string, ids: Iterable<string>): Promise<Map<string, ZaaktypeNamen>> {
    const uit = new Map<string, ZaaktypeNamen>();
    const onbekend: string[] = [];
    for (const id of new Set(ids)) {
      const bekend = namen.get(`${gemeente}:${id}`);
      if (bekend) uit.set(id, bekend);
      else onbekend.push(id);
    }
    if (onbekend.length === 0) return uit;
    const rijen = await db
      .selectFrom('zaaktype as zt')
      .innerJoin('statustype as st', (j) => j.onRef('st.gemeente', '=', 'zt.gemeente').onRef('st.zaaktype_id', '=', 'zt.id'))
      .select(['zt.id', 'zt.code', 'zt.versie', 'zt.naam_nl', 'zt.naam_en', 'zt.status', 'st.volgnummer', 'st.naam', 'st.naam_en as stap_naam_en'])
      .where('zt.gemeente', '=', gemeente)
      .where('zt.id', 'in', onbekend)
      .execute();
    for (const r of rijen) {
      let n = uit.get(r.id);
      if (!n) {
        n = { code: r.code, versie: r.versie, naam: r.naam_nl, naamEn: r.naam_en, statussen: new Map() };
        uit.set(r.id, n);
        if (r.status === 'gepubliceerd') namen.set(`${gemeente}:${r.id}`, n);
      }
      n.statussen.set(r.volgnummer, { naam: r.naam, naamEn: r.stap_naam_en });
    }
    return uit;
  }

  async function metNamen(gemeente: string, rijen: KaleRegel[]): Promise<ZaakRegel[]> {
    const per = await zaaktypeNamen(gemeente, rijen.map((r) => r.zaaktypeId));
    return rijen.map((r) => {
      const n = per.get(r.zaaktypeId);
      return {
        ...r,
        zaaktypeCode: n?.code ?? '',
        zaaktypeVersie: n?.versie ?? 0,
        zaaktypeNaam: n?.naam ?? '',
        zaaktypeNaamEn: n?.naamEn ?? '',
        statusNaam: n?.statussen.get(r.statusVolgnummer)?.naam ?? '',
        statusNaamEn: n?.statussen.get(r.statusVolgnummer)?.naamEn ?? '',
      };
    });
  }

  function werkvoorraadQuery(gemeente: string, f: Werkvoorraadfilter, d: Kysely<DB> = db) {
    let q =
      f.identificatie !== undefined || f.email !== undefined || f.adres !== undefined
        ? regels(gemeente, d)
        : regels(gemeente, d).where('z.afgesloten_op', f.open ? 'is' : 'is not', null);
    if (f.identificatie !== undefined) q = q.where('z.identificatie', '=', f.identificatie);
    if (f.email !== undefined) {
      const email = f.email.toLowerCase();
      // The index betrokkene_email (gemeente, lower(email)) finds them.
      q = q.where('z.id', 'in', (eb) =>
        eb.selectFrom('betrokkene as bt').select('bt.zaak_id').where('bt.gemeente', '=', gemeente).where(sql<string>`lower(bt.email)`, '=', email),
      );
    }
    if (f.adres !== undefined) {
      const { postcode, huisnummer, huisnummerToevoeging } = f.adres;
      // The index betrokkene_adres (gemeente, postcode, huisnummer, huisnummertoevoeging) finds them.
      q = q.where('z.id', 'in', (eb) =>
        eb
          .selectFrom('betrokkene as bt')
          .select('bt.zaak_id')
          .where('bt.gemeente', '=', gemeente)
          .where('bt.postcode', '=', postcode)
          .where('bt.huisnummer', '=', huisnummer)
          .$if(huisnummerToevoeging !== null, (w) => w.where('bt.huisnummertoevoeging', '=', huisnummerToevoeging)),
      );
    }
    if (f.team !== undefined) q = q.where('z.team_id', '=', f.team);
    if (f.behandelaar !== undefined) q = q.where('z.behandelaar_id', f.behandelaar === null ? 'is' : '=', f.behandelaar);
    if (f.status !== undefined) q = q.where('z.status_volgnummer', '=', f.status);
    if (f.zaaktype !== undefined) {
      const code = f.zaaktype;
      q = q.where('z.zaaktype_id', 'in', (eb) => eb.selectFrom('zaaktype as zt').select('zt.id').where('zt.gemeente', '=', gemeente).where('zt.code', '=', code));
    }
    if (f.vanaf !== undefined) q = q.where('z.uiterlijke_einddatum', '>=', f.vanaf);
    if (f.tot !== undefined) q = q.where('z.uiterlijke_einddatum', '<=', f.tot);
    if (f.nieuweReactie) q = q.where('z.nieuwe_reactie_op', 'is not', null);
    if (f.lopend) q = q.where('z.opgeschort', '=', false);
    if (f.zoek !== undefined) {
      const patroon = `%${f.zoek.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('z.identificatie', 'ilike', patroon), eb('z.onderwerp', 'ilike', patroon)]));
    }
    if (f.na) {
      const na = f.na;
      q = q.where((eb) => eb(eb.refTuple('z.uiterlijke_einddatum', 'z.id'), '>', eb.tuple(na.einddatum, na.id)));
    }
    if (f.beperkt) {
      const { gebruiker, teams } = f.beperkt;
      q = q.where((eb) =>
        eb.or([
          eb('z.vertrouwelijkheid', 'not in', BEPERKT_ZICHTBAAR),
          // The user's teams in the same statement (no round trip of their own) unless given.
          ...(teams !== undefined
            ? teams.length > 0
              ? [eb('z.team_id', 'in', teams)]
              : []
            : gebruiker
              ? [eb('z.team_id', 'in', eb.selectFrom('team_lid as l').select('l.team_id').where('l.gemeente', '=', gemeente).where('l.gebruiker_id', '=', gebruiker))]
              : []),
          ...(gebruiker ? [eb('z.behandelaar_id', '=', gebruiker)] : []),
        ]),
      );
    }
    return q.orderBy('z.uiterlijke_einddatum').orderBy('z.id').limit(f.limit);
  }

  return {
    /**
     * The next number of the year for this gemeente, from its own sequence (ADR 0042): `nextval`
     * takes no lock that lasts, so registrations in one gemeente never wait for each other. A
     * number taken by a transaction that rolls back is not given again (a gap, never a duplicate).
     * The year's sequence is made on demand by its first zaak (see `maakNummerreeks`). Registrations
     * that ask while another's number is on its way get theirs together, in one statement, with
     * a small reserve for the next under load (`Nummerbron`, ADR 0098 and 0099).
     */
    volgendNummer: async (gemeente: string, jaar: number): Promise<number> => {
      const reeks = nummerreeks(gemeente, jaar);
      // Numbers need no transaction: they go out before an owed BEGIN (ADR 0096); kept prepared (ADR 0097).
      const haal = async (aantal: number): Promise<number[] | null> => {
        const { rows } = await db.executeQuery<{ n: string | null }>(voorbereid(zonderTransactie(CompiledQuery.raw('select nextval(to_regclass($1)) as n from generate_series(1, $2::int)', [reeks, aantal]))));
        return rows.length === aantal && rows.every((r) => r.n !== null) ? rows.map((r) => Number(r.n)).toSorted((a, b) => a - b) : null;
      };
      // One number, making the year's sequence when it is not there yet.
      const alleen = async (): Promise<number> => {
        const n = (await haal(1)) ?? (await maakNummerreeks(db, gemeente, jaar).then(() => haal(1)));
        if (n?.[0] === undefined) throw new Error(`zaaknummerreeks ${reeks} ontbreekt`);
        return n[0];
      };
      return nummerbron ? nummerbron.neem(reeks, haal, alleen) : alleen();
    },

    /** Makes the number sequence of a gemeente and year when it is not there yet (idempotent). */
    maakNummerreeks: (gemeente: string, jaar: number): Promise<void> => maakNummerreeks(db, gemeente, jaar),

    /**
     * A new zaak with its resident and its first event (volgnummer 1), in one statement (ADR 0084):
     * the inserts are kept writes (ADR 0096), parts of one WITH, so the foreign keys of `betrokkene`
     * and `zaak_gebeurtenis` to the zaak are checked at the end of the statement, when the zaak is
     * there; each compiled once (ADR 0098). Only inside a transaction (the registration's). The
     * resident's contact data, the BSN key (ADR 0077) and the address (ADR 0083) go with the betrokkene.
     */
    voegToe: async (gemeente: string, z: NieuweZaak, betrokkene: Betrokkene | null, bsnSleutel: string | null, eerste: Gebeurtenis, adres: Adres | null = null): Promise<void> => {
      await schrijfMetVolgende(
        zaakInsert(db, [
          {
            gemeente,
            id: z.id,
            identificatie: z.identificatie,
            zaaktype_id: z.zaaktypeId,
            onderwerp: z.onderwerp,
            omschrijving: z.omschrijving,
            kanaal: z.kanaal,
            ontvangstdatum: z.ontvangstdatum,
            registratie_op: z.registratieOp,
            vertrouwelijkheid: z.vertrouwelijkheid,
            team_id: z.teamId,
            behandelaar_id: z.behandelaarId,
            status_volgnummer: z.statusVolgnummer,
            oorspronkelijke_einddatum: z.oorspronkelijkeEinddatum,
            uiterlijke_einddatum: z.uiterlijkeEinddatum,
            opgeschort: false,
            volgcode_hash: z.volgcodeHash,
            taal: z.taal,
          },
        ]),
      );
      if (betrokkene) {
        await schrijfMetVolgende(
          betrokkeneInsert(db, [
            {
              gemeente,
              zaak_id: z.id,
              naam: betrokkene.naam,
              email: betrokkene.email,
              telefoon: betrokkene.telefoon,
              taal: betrokkene.taal,
              bsn_sleutel: bsnSleutel,
              postcode: adres?.postcode ?? null,
              huisnummer: adres?.huisnummer ?? null,
              huisnummertoevoeging: adres?.huisnummerToevoeging ?? null,
            },
          ]),
        );
      }
      await schrijfMetVolgende(
        gebeurtenisInsert(db, [
          {
            gemeente,
            zaak_id: z.id,
            volgnummer: eerste.volgnummer,
            soort: eerste.soort,
            gegevens: JSON.stringify(eerste.gegevens),
            extern: eerste.extern,
            door_gebruiker: eerste.doorGebruiker,
            door_naam: eerste.doorNaam,
            door_inwoner: eerste.doorInwoner,
            op: eerste.op,
          },
        ]),
      );
    },

    /** The zaak row, locked for the rest of the transaction. */
    voorWijziging: (gemeente: string, id: string): Promise<ZaakRij | undefined> =>
      db.selectFrom('zaak').selectAll().where('gemeente', '=', gemeente).where('id', '=', id).forUpdate().executeTakeFirst(),

    opId: (gemeente: string, id: string): Promise<ZaakRij | undefined> =>
      db.selectFrom('zaak').selectAll().where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst(),

    /** Whether a zaak is linked to a logged-in resident's BSN key or verified e-mail address (ADR 0077); inside a change, on its transaction. */
    isVanInwoner: async (gemeente: string, zaakId: string, wie: { bsnSleutel: string | null; email: string | null }): Promise<boolean> => {
      if (!wie.bsnSleutel && !wie.email) return false;
      const r = await db
        .selectFrom('betrokkene as bt')
        .select('bt.zaak_id')
        .where('bt.gemeente', '=', gemeente)
        .where('bt.zaak_id', '=', zaakId)
        .where((w) =>
          w.or([...(wie.bsnSleutel ? [w('bt.bsn_sleutel', '=', wie.bsnSleutel)] : []), ...(wie.email ? [w(sql<string>`lower(bt.email)`, '=', wie.email.toLowerCase())] : [])]),
        )
        .executeTakeFirst();
      return r !== undefined;
    },

    /**
     * The zaken of a resident for "Mijn zaken" (ADR 0077): linked to their BSN key or registered
     * with their (verified) e-mail address, newest first, at most `max`. The partial index
     * betrokkene_bsn_sleutel and betrokkene_email (gemeente, lower(email)) find them.
     */
    vanInwoner: (gemeente: string, wie: { bsnSleutel: string | null; email: string | null }, max: number): Promise<ZaakRij[]> => {
      if (!wie.bsnSleutel && !wie.email) return Promise.resolve([]);
      return lezen
        .selectFrom('zaak')
        .selectAll()
        .where('gemeente', '=', gemeente)
        .where('id', 'in', (eb) => {
          let q = eb.selectFrom('betrokkene as bt').select('bt.zaak_id').where('bt.gemeente', '=', gemeente);
          q = q.where((w) =>
            w.or([
              ...(wie.bsnSleutel ? [w('bt.bsn_sleutel', '=', wie.bsnSleutel)] : []),
              ...(wie.email ? [w(sql<string>`lower(bt.email)`, '=', wie.email.toLowerCase())] : []),
            ]),
          );
          return q;
        })
        .orderBy('registratie_op', 'desc')
        .orderBy('id')
        .limit(max)
        .execute();
    },

    opVolgcodeHash: (gemeente: string, hash: string): Promise<ZaakRij | undefined> =>
      lezen.selectFrom('zaak').selectAll().where('gemeente', '=', gemeente).where('volgcode_hash', '=', hash).executeTakeFirst(),

    /**
     * The staff detail in one statement: the zaak row with team and behandelaar names, the
     * resident, the history, the documents and the relations (as JSON), and whether `gebruiker`
     * is in the zaak's team. Undefined when the zaak does not exist in this gemeente.
     */
    detail: async (gemeente: string, id: string, gebruiker: string | null): Promise<ZaakDetailGegevens | undefined> => {
      const r = await db
        .selectFrom('zaak as z')
        .innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'z.gemeente').onRef('t.id', '=', 'z.team_id'))
        .leftJoin('gebruiker as b', 'b.id', 'z.behandelaar_id')
        .selectAll('z')
        .select((eb) => [
          't.naam as team_naam',
          'b.naam as behandelaar_naam',
          eb
            .selectFrom('betrokkene as p')
            .select(
              sql<BetrokkeneMetAdres>`json_build_object('naam', p.naam, 'email', p.email, 'telefoon', p.telefoon, 'taal', p.taal, 'adres', case when p.postcode is null then null else json_build_object('postcode', p.postcode, 'huisnummer', p.huisnummer, 'huisnummerToevoeging', p.huisnummertoevoeging) end)`.as('p'),
            )
            .whereRef('p.gemeente', '=', 'z.gemeente')
            .whereRef('p.zaak_id', '=', 'z.id')
            .as('betrokkene'),
          eb
            .selectFrom('zaak_gebeurtenis as g')
            .select(
              sql<Gebeurtenis[]>`coalesce(json_agg(json_build_object('volgnummer', g.volgnummer, 'soort', g.soort, 'gegevens', g.gegevens, 'extern', g.extern, 'doorGebruiker', g.door_gebruiker, 'doorNaam', g.door_naam, 'doorInwoner', g.door_inwoner, 'op', g.op) order by g.volgnummer), '[]')`.as(
                'g',
              ),
            )
            .whereRef('g.gemeente', '=', 'z.gemeente')
            .whereRef('g.zaak_id', '=', 'z.id')
            .as('gebeurtenissen'),
          eb
            .selectFrom('zaak_document as d')
            .select(
              sql<DocumentMeta[]>`coalesce(json_agg(json_build_object('id', d.id, 'bestandsnaam', d.bestandsnaam, 'mediatype', d.mediatype, 'grootte', d.grootte, 'sha256', d.sha256, 'extern', d.extern, 'aangemaaktOp', d.aangemaakt_op) order by d.aangemaakt_op), '[]')`.as(
                'd',
              ),
            )
            .whereRef('d.gemeente', '=', 'z.gemeente')
            .whereRef('d.zaak_id', '=', 'z.id')
            .as('documenten'),
          eb
            .selectFrom('zaak_relatie as r')
            .innerJoin('zaak as a', (j) => j.onRef('a.gemeente', '=', 'r.gemeente').onRef('a.id', '=', 'r.andere_zaak_id'))
            .select(
              sql<ZaakDetailGegevens['relaties']>`coalesce(json_agg(json_build_object('id', a.id, 'identificatie', a.identificatie, 'onderwerp', a.onderwerp, 'soort', r.soort) order by r.aangemaakt_op), '[]')`.as('r'),
            )
            .whereRef('r.gemeente', '=', 'z.gemeente')
            .whereRef('r.zaak_id', '=', 'z.id')
            .as('relaties'),
          gebruiker === null
            ? sql<boolean>`false`.as('in_team')
            : eb
                .exists(eb.selectFrom('team_lid as l').select('l.team_id').whereRef('l.gemeente', '=', 'z.gemeente').whereRef('l.team_id', '=', 'z.team_id').where('l.gebruiker_id', '=', gebruiker))
                .as('in_team'),
        ])
        .where('z.gemeente', '=', gemeente)
        .where('z.id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      const { team_naam, behandelaar_naam, betrokkene, gebeurtenissen, documenten, relaties, in_team, ...rij } = r;
      const [regel] = await metNamen(gemeente, [
        {
          id: rij.id,
          identificatie: rij.identificatie,
          zaaktypeId: rij.zaaktype_id,
          onderwerp: rij.onderwerp,
          kanaal: rij.kanaal,
          ontvangstdatum: rij.ontvangstdatum,
          registratieOp: rij.registratie_op,
          vertrouwelijkheid: rij.vertrouwelijkheid,
          teamId: rij.team_id,
          teamNaam: team_naam,
          behandelaarId: rij.behandelaar_id,
          behandelaarNaam: behandelaar_naam,
          statusVolgnummer: rij.status_volgnummer,
          oorspronkelijkeEinddatum: rij.oorspronkelijke_einddatum,
          uiterlijkeEinddatum: rij.uiterlijke_einddatum,
          opgeschort: rij.opgeschort,
          afgeslotenOp: rij.afgesloten_op,
          nieuweReactieOp: rij.nieuwe_reactie_op,
          versie: rij.versie,
        },
      ]);
      if (!regel) return undefined;
      return {
        rij,
        regel,
        betrokkene: betrokkene ?? undefined,
        gebeurtenissen: (gebeurtenissen ?? []).map((g) => ({ ...g, op: alsInstant(g.op) })),
        documenten: (documenten ?? []).map((d) => ({ ...d, aangemaaktOp: alsInstant(d.aangemaaktOp) })),
        relaties: relaties ?? [],
        inTeam: Boolean(in_team),
      };
    },

    /** Appends one event with the next volgnummer; returns it. */
    voegGebeurtenisToe: async (gemeente: string, zaakId: string, g: NieuweGebeurtenis): Promise<Gebeurtenis> => {
      const rij = await db
        .insertInto('zaak_gebeurtenis')
        .values((eb) => ({
          gemeente,
          zaak_id: zaakId,
          volgnummer: eb
            .selectFrom('zaak_gebeurtenis')
            .select(sql<number>`coalesce(max(volgnummer), 0) + 1`.as('n'))
            .where('gemeente', '=', gemeente)
            .where('zaak_id', '=', zaakId),
          soort: g.soort,
          gegevens: JSON.stringify(g.gegevens),
          extern: g.extern,
          door_gebruiker: g.doorGebruiker,
          door_naam: g.doorNaam,
          door_inwoner: g.doorInwoner,
          op: g.op,
        }))
        .returning('volgnummer')
        .executeTakeFirstOrThrow();
      return { ...g, volgnummer: rij.volgnummer };
    },

    gebeurtenissen: async (gemeente: string, zaakId: string, alleenExtern = false): Promise<Gebeurtenis[]> => {
      const rijen = await lezen
        .selectFrom('zaak_gebeurtenis')
        .select(['volgnummer', 'soort', 'gegevens', 'extern', 'door_gebruiker', 'door_naam', 'door_inwoner', 'op'])
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .$if(alleenExtern, (q) => q.where('extern', '=', true))
        .orderBy('volgnummer')
        .execute();
      // Each kind's data as it was written (zaken.gebeurtenis.ts); the history is never changed.
      return rijen.map(
        (r) =>
          ({
            volgnummer: r.volgnummer,
            soort: r.soort,
            gegevens: r.gegevens,
            extern: r.extern,
            doorGebruiker: r.door_gebruiker,
            doorNaam: r.door_naam,
            doorInwoner: r.door_inwoner,
            op: r.op,
          }) as Gebeurtenis,
      );
    },

    /** Writes the projection and bumps the version, when the version still matches. */
    werkBij: async (gemeente: string, id: string, versie: number, stand: ZaakStand): Promise<boolean> => {
      const r = await db
        .updateTable('zaak')
        .set({
          team_id: stand.teamId,
          behandelaar_id: stand.behandelaarId,
          status_volgnummer: stand.statusVolgnummer,
          oorspronkelijke_einddatum: stand.oorspronkelijkeEinddatum,
          uiterlijke_einddatum: stand.uiterlijkeEinddatum,
          opgeschort: stand.opgeschort,
          afgesloten_op: stand.afgeslotenOp,
          resultaattype_id: stand.resultaattypeId,
          archiefactiedatum: stand.archiefactiedatum,
          nieuwe_reactie_op: stand.nieuweReactieOp,
          versie: versie + 1,
        })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('versie', '=', versie)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    betrokkene: async (gemeente: string, zaakId: string): Promise<GelezenBetrokkene | undefined> => {
      const r = await db
        .selectFrom('betrokkene')
        .select(['naam', 'email', 'telefoon', 'taal', 'tussentijdse_berichten as tussentijdseBerichten', 'postcode', 'huisnummer', 'huisnummertoevoeging'])
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .executeTakeFirst();
      if (!r) return undefined;
      const { postcode, huisnummer, huisnummertoevoeging, ...rest } = r;
      return { ...rest, adres: postcode !== null && huisnummer !== null ? { postcode, huisnummer, huisnummerToevoeging: huisnummertoevoeging } : null };
    },

    zetTussentijdseBerichten: (gemeente: string, zaakId: string, aan: boolean) =>
      db.updateTable('betrokkene').set({ tussentijdse_berichten: aan }).where('gemeente', '=', gemeente).where('zaak_id', '=', zaakId).execute(),

    /** One page of a work queue, ordered by deadline then id (keyset; ADR 0012). */
    werkvoorraad: async (gemeente: string, f: Werkvoorraadfilter): Promise<ZaakRegel[]> => metNamen(gemeente, await werkvoorraadQuery(gemeente, f, lezen).execute()),

    /** The work queue query itself (for the query-plan test). */
    werkvoorraadQuery: (gemeente: string, f: Werkvoorraadfilter) => werkvoorraadQuery(gemeente, f),



    /**
     * Open zaken per team and per behandelaar, counted per deadline band (`dezeWeek` up to `grens`,
     * ADR 0012); suspended zaken are in no band but counted apart (their term stands still).
     */
    overzicht: async (gemeente: string, vandaag: string, grens: string) => {
      const banden = () => [
          sql<number>`count(*) filter (where not z.opgeschort and z.uiterlijke_einddatum < ${vandaag}::date)`.as('teLaat'),
          sql<number>`count(*) filter (where not z.opgeschort and z.uiterlijke_einddatum = ${vandaag}::date)`.as('vandaag'),
          sql<number>`count(*) filter (where not z.opgeschort and z.uiterlijke_einddatum > ${vandaag}::date and z.uiterlijke_einddatum <= ${grens}::date)`.as('dezeWeek'),
          sql<number>`count(*) filter (where not z.opgeschort and z.uiterlijke_einddatum > ${grens}::date)`.as('later'),
          sql<number>`count(*) filter (where z.opgeschort)`.as('opgeschort'),
      ];
      const [teams, behandelaars] = await Promise.all([
        lezen
          .selectFrom('team as t')
          .leftJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 't.gemeente').onRef('z.team_id', '=', 't.id').on('z.afgesloten_op', 'is', null))
          .select(['t.id', 't.naam', ...banden()])
          .where('t.gemeente', '=', gemeente)
          .groupBy(['t.id', 't.naam'])
          .orderBy('t.naam')
          .execute(),
        lezen
          .selectFrom('zaak as z')
          .leftJoin('gebruiker as g', 'g.id', 'z.behandelaar_id')
          .select(['z.behandelaar_id as id', 'g.naam', ...banden()])
          .where('z.gemeente', '=', gemeente)
          .where('z.afgesloten_op', 'is', null)
          .groupBy(['z.behandelaar_id', 'g.naam'])
          .orderBy('g.naam')
          .execute(),
      ]);
      return { teams: teams.map(alsGetallen), behandelaars: behandelaars.map(alsGetallen) };
    },

    /** Open zaken, not suspended, whose deadline is on or before `tot` (the deadline watcher). */
    openZakenMetTermijnTot: async (gemeente: string, tot: string, limit: number, na?: { einddatum: string; id: string }): Promise<ZaakRegel[]> =>
      metNamen(
        gemeente,
        await regels(gemeente)
        .where('z.afgesloten_op', 'is', null)
        .where('z.opgeschort', '=', false)
        .where('z.uiterlijke_einddatum', '<=', tot)
        .$if(na !== undefined, (q) => q.where((eb) => eb(eb.refTuple('z.uiterlijke_einddatum', 'z.id'), '>', eb.tuple(na?.einddatum ?? '', na?.id ?? ''))))
        .orderBy('z.uiterlijke_einddatum')
        .orderBy('z.id')
        .limit(limit)
        .execute(),
      ),

    /**
     * Erases the resident's e-mail, telephone, BSN key (ADR 0077) and address (ADR 0083) of zaken
     * closed before `voor` (retention, ADR 0013); returns how many.
     */
    wisContactgegevens: async (gemeente: string, voor: string): Promise<number> => {
      const r = await db
        .updateTable('betrokkene as b')
        .set({ email: null, telefoon: null, bsn_sleutel: null, postcode: null, huisnummer: null, huisnummertoevoeging: null })
        .from('zaak as z')
        .whereRef('z.gemeente', '=', 'b.gemeente')
        .whereRef('z.id', '=', 'b.zaak_id')
        .where('b.gemeente', '=', gemeente)
        .where('z.afgesloten_op', '<', voor)
        .where((eb) => eb.or([eb('b.email', 'is not', null), eb('b.telefoon', 'is not', null), eb('b.bsn_sleutel', 'is not', null), eb('b.postcode', 'is not', null)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /** A staff member who holds one of these roles in the gemeente. */
    medewerker: (gemeente: string, id: string, rollen: readonly Rol[]) =>
      db
        .selectFrom('gebruiker as g')
        .select(['g.id', 'g.naam', 'g.email'])
        .where('g.id', '=', id)
        .where('g.actief', '=', true)
        .where(({ exists, selectFrom }) =>
          exists(selectFrom('gebruiker_rol as r').select('r.rol').whereRef('r.gebruiker_id', '=', 'g.id').where('r.gemeente', '=', gemeente).where('r.rol', 'in', rollen)),
        )
        .executeTakeFirst(),

    /**
     * Active staff with a role in the gemeente (any, or one of `rollen`), optionally only the
     * members of one team; with their roles and teams in this gemeente, by name.
     */
    medewerkers: async (gemeente: string, f: { rollen?: readonly Rol[] | undefined; team?: string | undefined; offset: number; limit: number }) => {
      const basis = db
        .selectFrom('gebruiker as g')
        .where('g.actief', '=', true)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('gebruiker_rol as r')
              .select('r.rol')
              .whereRef('r.gebruiker_id', '=', 'g.id')
              .where('r.gemeente', '=', gemeente)
              .$if(f.rollen !== undefined, (q) => q.where('r.rol', 'in', f.rollen ?? [])),
          ),
        )
        .$if(f.team !== undefined, (q) =>
          q.where(({ exists, selectFrom }) =>
            exists(selectFrom('team_lid as l').select('l.team_id').whereRef('l.gebruiker_id', '=', 'g.id').where('l.gemeente', '=', gemeente).where('l.team_id', '=', f.team ?? '')),
          ),
        );
      const [rijen, telling] = await Promise.all([
        basis
          .select((eb) => [
            'g.id',
            'g.naam',
            ...rollenEnTeams(eb, gemeente),
          ])
          .orderBy('g.naam')
          .orderBy('g.id')
          .offset(f.offset)
          .limit(f.limit)
          .execute(),
        basis.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rijen: rijen.map((r) => ({ id: r.id, naam: r.naam, rollen: r.rollen ?? [], teams: r.teams ?? [] })), total: Number(telling.n) };
    },

    /** A new tracking code replaces the old one (the old link stops working). */
    zetVolgcodeHash: async (gemeente: string, id: string, hash: string): Promise<void> => {
      await db.updateTable('zaak').set({ volgcode_hash: hash }).where('gemeente', '=', gemeente).where('id', '=', id).execute();
    },

    team: (gemeente: string, id: string): Promise<TeamRij | undefined> => {
      const lees = () => lezen.selectFrom('team').select(['id', 'naam', 'telefoon', 'email']).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return teams ? teams.haal(`${gemeente}/${id}`, lees) : lees();
    },

    teamsVan: async (gemeente: string, gebruiker: string): Promise<string[]> =>
      (await db.selectFrom('team_lid').select('team_id').where('gemeente', '=', gemeente).where('gebruiker_id', '=', gebruiker).execute()).map((r) => r.team_id),

    relaties: (gemeente: string, zaakId: string) =>
      db
        .selectFrom('zaak_relatie as r')
        .innerJoin('zaak as a', (j) => j.onRef('a.gemeente', '=', 'r.gemeente').onRef('a.id', '=', 'r.andere_zaak_id'))
        .select(['a.id', 'a.identificatie', 'a.onderwerp', 'r.soort'])
        .where('r.gemeente', '=', gemeente)
        .where('r.zaak_id', '=', zaakId)
        .orderBy('r.aangemaakt_op')
        .execute(),

    voegRelatieToe: async (gemeente: string, zaakId: string, andere: string, soort: RelatieSoort, op: string) => {
      await db.insertInto('zaak_relatie').values({ gemeente, zaak_id: zaakId, andere_zaak_id: andere, soort, aangemaakt_op: op }).execute();
    },

    documenten: (gemeente: string, zaakId: string): Promise<DocumentMeta[]> =>
      lezen
        .selectFrom('zaak_document')
        .select(['id', 'bestandsnaam', 'mediatype', 'grootte', 'sha256', 'extern', 'aangemaakt_op as aangemaaktOp'])
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .orderBy('aangemaakt_op')
        .execute(),

    voegDocumentToe: async (gemeente: string, zaakId: string, d: DocumentMeta & { inhoud: Buffer; doorGebruiker: string | null }) => {
      await db
        .insertInto('zaak_document')
        .values({
          gemeente,
          zaak_id: zaakId,
          id: d.id,
          bestandsnaam: d.bestandsnaam,
          mediatype: d.mediatype,
          grootte: d.grootte,
          sha256: d.sha256,
          inhoud: d.inhoud,
          extern: d.extern,
          aangemaakt_op: d.aangemaaktOp,
          door_gebruiker: d.doorGebruiker,
        })
        .execute();
    },

    document: (gemeente: string, zaakId: string, id: string) =>
      lezen
        .selectFrom('zaak_document')
        .select(['id', 'bestandsnaam', 'mediatype', 'grootte', 'inhoud', 'extern'])
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .where('id', '=', id)
        .executeTakeFirst(),
  };
}

export type ZaakQueries = ReturnType<typeof zaakQueries>;

/**
 * The name of the sequence that numbers a gemeente's zaken of one year (ADR 0042, migration 0023):
 * `zaaknummer_gm0363_2026`. The gemeente code is `GM` and four digits, so the name needs no quotes.
 */
export function nummerreeks(gemeente: string, jaar: number): string {
  if (!/^GM[0-9]{4}$/.test(gemeente) || !Number.isInteger(jaar) || jaar < 1000 || jaar > 9999) throw new Error(`geen zaaknummerreeks voor ${gemeente} ${jaar}`);
  return `zaaknummer_${gemeente.toLowerCase()}_${jaar}`;
}

/**
 * Makes the sequence, starting after the highest number of that year already given (none, unless
 * it was dropped), in a savepoint when inside a transaction: when another transaction makes the
 * same sequence at the same moment, this one waits for it once, gets "already there" and goes on
 * with the other's sequence. Outside a transaction it opens one of its own.
 */
async function maakNummerreeks(db: Kysely<DB>, gemeente: string, jaar: number): Promise<void> {
  const reeks = nummerreeks(gemeente, jaar);
  const hoogste = await db
    .selectFrom('zaak')
    .select((eb) => eb.fn.max('identificatie').as('max'))
    .where('gemeente', '=', gemeente)
    .where('identificatie', '>=', `Z-${jaar}-000000`)
    .where('identificatie', '<=', `Z-${jaar}-999999`)
    .executeTakeFirst();
  const start = hoogste?.max ? Number(hoogste.max.slice(7)) + 1 : 1;
  if (!db.isTransaction) return db.transaction().execute((trx) => maakNummerreeks(trx, gemeente, jaar));
  const maak = sql.raw(`create sequence if not exists ${reeks} as bigint minvalue 1 start with ${start} cache 1`);
  await sql`savepoint zaaknummerreeks`.execute(db);
  try {
    await maak.execute(db);
    await sql`release savepoint zaaknummerreeks`.execute(db);
  } catch (error) {
    await sql`rollback to savepoint zaaknummerreeks`.execute(db);
    await sql`release savepoint zaaknummerreeks`.execute(db);
    // 23505: the other transaction made it first (the catalog's unique index); 42P07: the same, seen later.
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P07') throw error;
  }
}

type Beurt = { nummer: number } | { leider: true } | { zelf: true } | { fout: unknown };
interface Wachtrij {
  wachtend: ((beurt: Beurt) => void)[];
}

/**
 * Zaak numbers for registrations that ask at the same time (ADR 0098, ADR 0099). While one
 * registration's number is on its way, the others that ask for the same sequence wait; when it
 * arrives, the first of them takes numbers for all of them in one statement (`haal`), its own first
 * (the lowest), on its own connection. Under concurrent load (someone was waiting) that statement
 * also takes a small reserve, sized by the demand just seen (`RESERVE_PER_WACHTENDE` per
 * registration, at most `RESERVE_MAX`), which the next registrations of this node take without a
 * statement; a reserve not used within `RESERVE_MS` is dropped. So a node that registers one zaak
 * at a time never holds a number back, and under load most registrations send no statement for
 * their number. A dropped reserve, a stopped node or a rolled-back registration leaves a gap;
 * never a duplicate; numbers of two nodes under load can be out of time order by at most one
 * reserve's age (ADR 0099). When the sequence is not there (the first zaak of a year), each takes
 * its own (`alleen`, which makes it): one that made it in its own transaction, not yet committed,
 * must never wait for another that cannot see it.
 */
export class Nummerbron {
  static readonly RESERVE_PER_WACHTENDE = 4;
  static readonly RESERVE_MAX = 32;
  static readonly RESERVE_MS = 1000;
  readonly #rijen = new Map<string, Wachtrij>();
  readonly #reserves = new Map<string, { nummers: number[]; tot: number }>();
  readonly #nu: () => number;

  /** `nu`: a monotonic clock in ms, for the reserve's age (not the domain's time). */
  constructor(nu: () => number = () => performance.now()) {
    this.#nu = nu;
  }

  async neem(reeks: string, haal: (aantal: number) => Promise<number[] | null>, alleen: () => Promise<number>): Promise<number> {
    const uitReserve = this.#uitReserve(reeks);
    if (uitReserve !== undefined) return uitReserve;
    let rij = this.#rijen.get(reeks);
    if (rij) {
      const wachtrij = rij;
      const beurt = await new Promise<Beurt>((klaar) => wachtrij.wachtend.push(klaar));
      if ('nummer' in beurt) return beurt.nummer;
      if ('fout' in beurt) throw beurt.fout;
      if ('zelf' in beurt) return alleen();
      // The turn was handed to this caller: it takes numbers for itself and those waiting now.
    } else this.#rijen.set(reeks, (rij = { wachtend: [] }));
    const samen = rij.wachtend.splice(0);
    const reserve = samen.length === 0 ? 0 : Math.min(Nummerbron.RESERVE_MAX, Nummerbron.RESERVE_PER_WACHTENDE * (samen.length + 1));
    let nummers: number[] | null;
    try {
      nummers = await haal(samen.length + 1 + reserve);
    } catch (fout) {
      for (const wacht of samen) wacht({ fout });
      this.#geefDoor(reeks, rij);
      throw fout;
    }
    if (nummers === null) {
      // Also those who came while it was asked: the sequence may be someone's, not yet committed.
      for (const wacht of [...samen, ...rij.wachtend.splice(0)]) wacht({ zelf: true });
      this.#rijen.delete(reeks);
      return alleen();
    }
    for (const [i, wacht] of samen.entries()) wacht({ nummer: nummers[i + 1] as number });
    if (nummers.length > samen.length + 1) this.#reserves.set(reeks, { nummers: nummers.slice(samen.length + 1), tot: this.#nu() + Nummerbron.RESERVE_MS });
    // Those who came while the numbers were on their way, from the reserve as far as it goes.
    while (rij.wachtend.length > 0) {
      const nummer = this.#uitReserve(reeks);
      if (nummer === undefined) break;
      rij.wachtend.shift()?.({ nummer });
    }
    this.#geefDoor(reeks, rij);
    return nummers[0] as number;
  }

  /** The lowest number of the sequence's reserve, unless it is empty or too old (then dropped). */
  #uitReserve(reeks: string): number | undefined {
    const reserve = this.#reserves.get(reeks);
    if (!reserve) return undefined;
    if (reserve.tot < this.#nu()) {
      this.#reserves.delete(reeks);
      return undefined;
    }
    const nummer = reserve.nummers.shift();
    if (reserve.nummers.length === 0) this.#reserves.delete(reeks);
    return nummer;
  }

  /** The turn to the first who came while the numbers were on their way, or the sequence is free again. */
  #geefDoor(reeks: string, rij: Wachtrij): void {
    const volgende = rij.wachtend.shift();
    if (volgende) volgende({ leider: true });
    else this.#rijen.delete(reeks);
  }
}

// The inserts of a registration, compiled once (ADR 0098).
const zaakInsert = vasteInsert('zaak', [
  'gemeente', 'id', 'identificatie', 'zaaktype_id', 'onderwerp', 'omschrijving', 'kanaal', 'ontvangstdatum', 'registratie_op', 'vertrouwelijkheid',
  'team_id', 'behandelaar_id', 'status_volgnummer', 'oorspronkelijke_einddatum', 'uiterlijke_einddatum', 'opgeschort', 'volgcode_hash', 'taal',
]);
const betrokkeneInsert = vasteInsert('betrokkene', ['gemeente', 'zaak_id', 'naam', 'email', 'telefoon', 'taal', 'bsn_sleutel', 'postcode', 'huisnummer', 'huisnummertoevoeging']);
const gebeurtenisInsert = vasteInsert('zaak_gebeurtenis', ['gemeente', 'zaak_id', 'volgnummer', 'soort', 'gegevens', 'extern', 'door_gebruiker', 'door_naam', 'door_inwoner', 'op']);

/**
 * `lezen`: Database.lezen, for the reads that may go to the read replica (ADR 0028). With
 * `signalen`, teams are kept per node (every registration reads the zaak's team for its receipt)
 * and dropped on every node when any team changes (`loket_stamgegevens`, migration 0063); not
 * inside a transaction, which may read a team it made itself and then roll back.
 */
export function zakenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db, signalen?: Signalen) {
  const namen = new Map<string, ZaaktypeNamen>();
  const teams = signalen ? gedeeldeCache<TeamRij>({ signalen, kanaal: KANAAL.stamgegevens, ms: TEAM_BEWAAR_MS, max: 10_000, raakt: (tabel) => tabel === 'team' }) : undefined;
  const nummerbron = new Nummerbron();
  return {
    ...zaakQueries(db, namen, lezen, teams, nummerbron),
    /** Runs fn in one transaction, with the queries bound to it. */
    transactie: <T>(fn: (repository: ZaakQueries, transactie: Transaction<DB>) => Promise<T>): Promise<T> =>
      db.transaction().execute((trx) => fn(zaakQueries(trx, namen, trx, undefined, nummerbron), trx)),
    /**
     * Runs fn in the work's one transaction (`inEenTransactie`, ADR 0030): the caller's when one is
     * open (as a savepoint), else a new one; every query through `db` made within it joins it (the
     * audit log, another module's rows), so there is one BEGIN and one COMMIT.
     */
    inEenTransactie: <T>(fn: (repository: ZaakQueries, transactie: Transaction<DB>) => Promise<T>): Promise<T> => inEenTransactie(db, (trx) => fn(zaakQueries(trx, namen, trx, undefined, nummerbron), trx)),
  };
}

export type ZakenRepository = ReturnType<typeof zakenRepository>;
