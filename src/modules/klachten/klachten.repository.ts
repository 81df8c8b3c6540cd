/**
 * SQL of klachten (ADR 0060): the state of a klacht beside its zaak, its steps (append-only), its
 * verbetermaatregelen and the settings per gemeente. Only this file writes these tables; it never
 * writes zaak tables (the zaken service does, in the transaction these writes join).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, KlachtCategorie, KlachtStapSoort, KlachtUitkomst, MaatregelStatus } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface KlachtRij {
  zaakId: string;
  identificatie: string;
  ontvangen: string;
  categorie: KlachtCategorie;
  teamId: string;
  teamNaam: string;
  beklaagde: string | null;
  gedragingDatum: string | null;
  commissie: boolean;
  verdagingWeken: number;
  uitstelWeken: number;
  informeelContactUiterlijk: string;
  nietBehandelenUiterlijk: string;
  afhandeltermijnEinde: string;
  eersteContact: string | null;
  horen: 'gepland' | 'gehoord' | 'overgeslagen' | null;
  hoorzittingOp: string | null;
  uitkomst: KlachtUitkomst | null;
  afgehandeldOp: string | null;
  binnenTermijn: boolean | null;
}

export interface KlachtStap {
  volgnummer: number;
  soort: KlachtStapSoort;
  gegevens: Record<string, unknown>;
  doorNaam: string | null;
  op: string;
}

export interface Maatregel {
  id: string;
  zaakId: string;
  identificatie: string;
  omschrijving: string;
  teamId: string;
  teamNaam: string;
  uiterlijk: string;
  status: MaatregelStatus;
  gewijzigdOp: string;
}

export interface KlachtInstelling {
  informeelWerkdagen: number;
  ombudsman: { naam: string; website: string };
}

/** Without a row of its own a gemeente uses these: contact within 2 werkdagen, the Nationale ombudsman. */
export const STANDAARD_INSTELLING: KlachtInstelling = { informeelWerkdagen: 2, ombudsman: { naam: 'Nationale ombudsman', website: 'https://www.nationaleombudsman.nl' } };

/** One klacht of the register: what 9:12a asks to count, nothing that names a person. */
export interface RegisterRij {
  categorie: KlachtCategorie;
  teamNaam: string;
  uitkomst: KlachtUitkomst | null;
  binnenTermijn: boolean | null;
  maatregelen: number;
}

const kolommen = [
  'k.zaak_id as zaakId',
  'k.identificatie',
  'k.ontvangen',
  'k.categorie',
  'k.team_id as teamId',
  't.naam as teamNaam',
  'k.beklaagde',
  'k.gedraging_datum as gedragingDatum',
  'k.commissie',
  'k.verdaging_weken as verdagingWeken',
  'k.uitstel_weken as uitstelWeken',
  'k.informeel_contact_uiterlijk as informeelContactUiterlijk',
  'k.niet_behandelen_uiterlijk as nietBehandelenUiterlijk',
  'k.afhandeltermijn_einde as afhandeltermijnEinde',
  'k.eerste_contact as eersteContact',
  'k.horen',
  'k.hoorzitting_op as hoorzittingOp',
  'k.uitkomst',
  'k.afgehandeld_op as afgehandeldOp',
  'k.binnen_termijn as binnenTermijn',
] as const;

const klachten = (d: Db, gemeente: string) => d.selectFrom('klacht as k').innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'k.gemeente').onRef('t.id', '=', 'k.team_id')).where('k.gemeente', '=', gemeente);

function maatregelen(d: Db, gemeente: string) {
  return d
    .selectFrom('klacht_maatregel as m')
    .innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'm.gemeente').onRef('t.id', '=', 'm.team_id'))
    .innerJoin('klacht as k', (j) => j.onRef('k.gemeente', '=', 'm.gemeente').onRef('k.zaak_id', '=', 'm.zaak_id'))
    .select(['m.id', 'm.zaak_id as zaakId', 'k.identificatie', 'm.omschrijving', 'm.team_id as teamId', 't.naam as teamNaam', 'm.uiterlijk', 'm.status', 'm.gewijzigd_op as gewijzigdOp'])
    .where('m.gemeente', '=', gemeente);
}

/** A klacht completed in a period with what the measures count of it (klachten.kpi.ts). */
export interface AfgehandeldeKlacht {
  zaakId: string;
  zaaktype: string;
  datum: string;
  binnenTermijn: boolean;
  informeel: boolean;
  beoordeeld: boolean;
  gegrond: boolean;
}

/** The klachten completed from `van` up to and including `tot`, one row each: what `afgehandeld` counts and the drill-down lists. */
const afgehandeldIn = (gemeente: string, van: string, tot: string) => sql`
  select k.zaak_id as "zaakId", zt.code as zaaktype, to_char(k.afgehandeld_op, 'YYYY-MM-DD') as datum,
    coalesce(k.binnen_termijn, false) as "binnenTermijn",
    coalesce(k.uitkomst = 'informeel-opgelost', false) as informeel,
    coalesce(k.uitkomst in ('gegrond', 'deels-gegrond', 'ongegrond'), false) as beoordeeld,
    coalesce(k.uitkomst in ('gegrond', 'deels-gegrond'), false) as gegrond
  from klacht k
  join zaak z on z.gemeente = k.gemeente and z.id = k.zaak_id
  join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
  where k.gemeente = ${gemeente} and k.afgehandeld_op >= ${van}::date and k.afgehandeld_op <= ${tot}::date`;

export function klachtenRepository(db: Kysely<DB>) {

  return {
    async instelling(gemeente: string, d: Db = db): Promise<KlachtInstelling> {
      const rij = await d.selectFrom('klacht_instelling').selectAll().where('gemeente', '=', gemeente).executeTakeFirst();
      return rij ? { informeelWerkdagen: rij.informeel_werkdagen, ombudsman: { naam: rij.ombudsman_naam, website: rij.ombudsman_website } } : STANDAARD_INSTELLING;
    },
    async zetInstelling(gemeente: string, i: KlachtInstelling): Promise<void> {
      const waarden = { informeel_werkdagen: i.informeelWerkdagen, ombudsman_naam: i.ombudsman.naam, ombudsman_website: i.ombudsman.website };
      await db
        .insertInto('klacht_instelling')
        .values({ gemeente, ...waarden })
        .onConflict((oc) => oc.column('gemeente').doUpdateSet(waarden))
        .execute();
    },

    async teamNaam(gemeente: string, id: string): Promise<string | undefined> {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
      return (await db.selectFrom('team').select('naam').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst())?.naam;
    },

    /** The gemeente's teams by name (the resident form's choice of department). */
    async teams(gemeente: string): Promise<{ id: string; naam: string }[]> {
      return db.selectFrom('team').select(['id', 'naam']).where('gemeente', '=', gemeente).orderBy('naam').execute();
    },

    async voegToe(
      d: Db,
      gemeente: string,
      k: Pick<KlachtRij, 'zaakId' | 'identificatie' | 'ontvangen' | 'categorie' | 'teamId' | 'beklaagde' | 'gedragingDatum' | 'commissie' | 'informeelContactUiterlijk' | 'nietBehandelenUiterlijk' | 'afhandeltermijnEinde'>,
    ): Promise<void> {
      await d
        .insertInto('klacht')
        .values({
          gemeente,
          zaak_id: k.zaakId,
          identificatie: k.identificatie,
          ontvangen: k.ontvangen,
          categorie: k.categorie,
          team_id: k.teamId,
          beklaagde: k.beklaagde,
          gedraging_datum: k.gedragingDatum,
          commissie: k.commissie,
          informeel_contact_uiterlijk: k.informeelContactUiterlijk,
          niet_behandelen_uiterlijk: k.nietBehandelenUiterlijk,
          afhandeltermijn_einde: k.afhandeltermijnEinde,
        })
        .execute();
    },

    async klacht(gemeente: string, zaakId: string, d: Db = db): Promise<KlachtRij | undefined> {
      return klachten(d, gemeente).select(kolommen).where('k.zaak_id', '=', zaakId).executeTakeFirst();
    },

    /** Changes the state of a klacht; called only inside the zaak change that records the step. */
    async werkBij(
      d: Db,
      gemeente: string,
      zaakId: string,
      w: Partial<{
        eersteContact: string;
        horen: 'gepland' | 'gehoord' | 'overgeslagen';
        hoorzittingOp: string | null;
        verdagingWeken: number;
        uitstelWeken: number;
        afhandeltermijnEinde: string;
        uitkomst: KlachtUitkomst;
        afgehandeldOp: string;
        binnenTermijn: boolean;
      }>,
    ): Promise<void> {
      await d
        .updateTable('klacht')
        .set({
          ...(w.eersteContact !== undefined ? { eerste_contact: w.eersteContact } : {}),
          ...(w.horen !== undefined ? { horen: w.horen } : {}),
          ...(w.hoorzittingOp !== undefined ? { hoorzitting_op: w.hoorzittingOp } : {}),
          ...(w.verdagingWeken !== undefined ? { verdaging_weken: w.verdagingWeken } : {}),
          ...(w.uitstelWeken !== undefined ? { uitstel_weken: w.uitstelWeken } : {}),
          ...(w.afhandeltermijnEinde !== undefined ? { afhandeltermijn_einde: w.afhandeltermijnEinde } : {}),
          ...(w.uitkomst !== undefined ? { uitkomst: w.uitkomst } : {}),
          ...(w.afgehandeldOp !== undefined ? { afgehandeld_op: w.afgehandeldOp } : {}),
          ...(w.binnenTermijn !== undefined ? { binnen_termijn: w.binnenTermijn } : {}),
        })
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .execute();
    },

    async voegStapToe(d: Db, gemeente: string, zaakId: string, stap: { soort: KlachtStapSoort; gegevens: Record<string, unknown>; doorGebruiker: string | null; doorNaam: string | null; op: string }): Promise<number> {
      const laatste = await d.selectFrom('klacht_stap').select((eb) => eb.fn.max('volgnummer').as('n')).where('gemeente', '=', gemeente).where('zaak_id', '=', zaakId).executeTakeFirst();
      const volgnummer = (laatste?.n ?? 0) + 1;
      await d
        .insertInto('klacht_stap')
        .values({ gemeente, zaak_id: zaakId, volgnummer, soort: stap.soort, gegevens: JSON.stringify(stap.gegevens), door_gebruiker: stap.doorGebruiker, door_naam: stap.doorNaam, op: stap.op })
        .execute();
      return volgnummer;
    },

    async stappen(gemeente: string, zaakId: string): Promise<KlachtStap[]> {
      return db
        .selectFrom('klacht_stap')
        .select(['volgnummer', 'soort', 'gegevens', 'door_naam as doorNaam', 'op'])
        .where('gemeente', '=', gemeente)
        .where('zaak_id', '=', zaakId)
        .orderBy('volgnummer')
        .execute();
    },

    /** Open klachten, the earliest end of term first (the klachtcoördinator's queue). */
    async open(gemeente: string, limit: number): Promise<KlachtRij[]> {
      return klachten(db, gemeente).select(kolommen).where('k.uitkomst', 'is', null).orderBy('k.afhandeltermijn_einde').orderBy('k.zaak_id').limit(limit).execute();
    },

    async voegMaatregelToe(d: Db, gemeente: string, m: { id: string; zaakId: string; omschrijving: string; teamId: string; uiterlijk: string; op: string }): Promise<void> {
      await d
        .insertInto('klacht_maatregel')
        .values({ gemeente, id: m.id, zaak_id: m.zaakId, omschrijving: m.omschrijving, team_id: m.teamId, uiterlijk: m.uiterlijk, status: 'open', aangemaakt_op: m.op, gewijzigd_op: m.op })
        .execute();
    },

    async maatregel(gemeente: string, id: string, d: Db = db): Promise<Maatregel | undefined> {
      return maatregelen(d, gemeente).where('m.id', '=', id).executeTakeFirst();
    },

    async zetMaatregelStatus(d: Db, gemeente: string, id: string, status: MaatregelStatus, op: string): Promise<void> {
      await d.updateTable('klacht_maatregel').set({ status, gewijzigd_op: op }).where('gemeente', '=', gemeente).where('id', '=', id).execute();
    },

    /** Measures by status (and owner team), the earliest due date first. */
    async maatregelen(gemeente: string, filter: { status?: MaatregelStatus | undefined; team?: string | undefined; zaak?: string | undefined }): Promise<Maatregel[]> {
      let q = maatregelen(db, gemeente);
      if (filter.status) q = q.where('m.status', '=', filter.status);
      if (filter.team) q = q.where('m.team_id', '=', filter.team);
      if (filter.zaak) q = q.where('m.zaak_id', '=', filter.zaak);
      return q.orderBy('m.uiterlijk').orderBy('m.id').limit(500).execute();
    },

    /** Klachten completed from `van` up to and including `tot` (calendar days), counted for the KPI register: the rows of `afgehandeldRijen`, counted. */
    async afgehandeld(gemeente: string, van: string, tot: string): Promise<{ afgehandeld: number; binnenTermijn: number; informeel: number; beoordeeld: number; gegrond: number }> {
      const { rows } = await sql<{ afgehandeld: number; binnenTermijn: number; informeel: number; beoordeeld: number; gegrond: number }>`
        select count(*)::int as afgehandeld,
          (count(*) filter (where r."binnenTermijn"))::int as "binnenTermijn",
          (count(*) filter (where r.informeel))::int as informeel,
          (count(*) filter (where r.beoordeeld))::int as beoordeeld,
          (count(*) filter (where r.gegrond))::int as gegrond
        from (${afgehandeldIn(gemeente, van, tot)}) r`.execute(db);
      return rows[0] ?? { afgehandeld: 0, binnenTermijn: 0, informeel: 0, beoordeeld: 0, gegrond: 0 };
    },

    /** The same klachten one row each, with their zaak (the drill-down of the KPI register, ADR 0082). */
    async afgehandeldRijen(gemeente: string, van: string, tot: string): Promise<AfgehandeldeKlacht[]> {
      return (await sql<AfgehandeldeKlacht>`select * from (${afgehandeldIn(gemeente, van, tot)}) r`.execute(db)).rows;
    },

    /** Every klacht received in the year, with what the register counts (no names, no texts). */
    async register(gemeente: string, jaar: number): Promise<RegisterRij[]> {
      return db
        .selectFrom('klacht as k')
        .innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'k.gemeente').onRef('t.id', '=', 'k.team_id'))
        .select([
          'k.categorie',
          't.naam as teamNaam',
          'k.uitkomst',
          'k.binnen_termijn as binnenTermijn',
          (eb) =>
            eb
              .selectFrom('klacht_maatregel as m')
              .select(sql<number>`count(*)::int`.as('n'))
              .whereRef('m.gemeente', '=', 'k.gemeente')
              .whereRef('m.zaak_id', '=', 'k.zaak_id')
              .where('m.status', '!=', 'vervallen')
              .as('maatregelen'),
        ])
        .where('k.gemeente', '=', gemeente)
        .where('k.ontvangen', '>=', `${jaar}-01-01`)
        .where('k.ontvangen', '<=', `${jaar}-12-31`)
        .execute()
        .then((rijen) => rijen.map((r) => ({ ...r, maatregelen: r.maatregelen ?? 0 })));
    },
  };
}

export type KlachtenRepository = ReturnType<typeof klachtenRepository>;
