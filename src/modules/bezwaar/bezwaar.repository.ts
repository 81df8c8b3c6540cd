/**
 * SQL of the bezwaar procedure (ADR 0063): the registered besluit (written once) and the
 * append-only steps. Writes run in the transaction of the zaak change that records them (the
 * zaken service hands it over); zaak tables are never touched here.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { BezwaarBesluit, BezwaarStap, StapInhoud } from './bezwaar.stand.ts';

export interface BezwaarRij extends BezwaarBesluit {
  zaakId: string;
}

export function bezwaarRepository(db: Kysely<DB>) {
  const besluiten = (gemeente: string) =>
    db
      .selectFrom('bezwaar')
      .select([
        'zaak_id as zaakId',
        'besluit',
        'bekendmaking',
        'besluit_team_id as besluitTeamId',
        'besluit_zaak_id as besluitZaakId',
        'ontvangen',
        'verzonden',
        'commissie',
      ])
      .where('gemeente', '=', gemeente);

  async function stappenVan(gemeente: string, zaakIds: readonly string[]): Promise<Map<string, BezwaarStap[]>> {
    const per = new Map<string, BezwaarStap[]>();
    if (zaakIds.length === 0) return per;
    const rijen = await db
      .selectFrom('bezwaar_stap')
      .select(['zaak_id', 'volgnummer', 'soort', 'gegevens', 'op', 'door_naam'])
      .where('gemeente', '=', gemeente)
      .where('zaak_id', 'in', zaakIds)
      .orderBy('zaak_id')
      .orderBy('volgnummer')
      .execute();
    for (const r of rijen) {
      const lijst = per.get(r.zaak_id) ?? [];
      lijst.push({ soort: r.soort, gegevens: r.gegevens, volgnummer: r.volgnummer, op: r.op, doorNaam: r.door_naam } as BezwaarStap);
      per.set(r.zaak_id, lijst);
    }
    return per;
  }

  return {
    voegToe: async (gemeente: string, rij: BezwaarRij, op: string): Promise<void> => {
      await db
        .insertInto('bezwaar')
        .values({
          gemeente,
          zaak_id: rij.zaakId,
          besluit: rij.besluit,
          bekendmaking: rij.bekendmaking,
          besluit_team_id: rij.besluitTeamId,
          besluit_zaak_id: rij.besluitZaakId,
          ontvangen: rij.ontvangen,
          verzonden: rij.verzonden,
          commissie: rij.commissie,
          aangemaakt_op: op,
        })
        .execute();
    },

    voegStapToe: async (gemeente: string, zaakId: string, stap: StapInhoud, door: { op: string; gebruiker: string | null; naam: string | null }): Promise<void> => {
      await db
        .insertInto('bezwaar_stap')
        .values((eb) => ({
          gemeente,
          zaak_id: zaakId,
          volgnummer: eb
            .selectFrom('bezwaar_stap')
            .select(sql<number>`coalesce(max(volgnummer), 0) + 1`.as('n'))
            .where('gemeente', '=', gemeente)
            .where('zaak_id', '=', zaakId),
          soort: stap.soort,
          gegevens: JSON.stringify(stap.gegevens),
          op: door.op,
          door_gebruiker: door.gebruiker,
          door_naam: door.naam,
        }))
        .execute();
    },

    /** One bezwaar with its steps in order; undefined when the zaak is no bezwaar. */
    /** The number of a bezwaar from the web form with this besluit, bekendmaking, day of receipt and grounds (a double submit). */
    zelfdeVanWeb: async (gemeente: string, v: { besluit: string; bekendmaking: string; ontvangen: string; omschrijving: string }): Promise<string | undefined> => {
      const rij = await db
        .selectFrom('bezwaar as b')
        .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'b.gemeente').onRef('z.id', '=', 'b.zaak_id'))
        .select('z.identificatie')
        .where('b.gemeente', '=', gemeente)
        .where('b.besluit', '=', v.besluit)
        .where('b.bekendmaking', '=', v.bekendmaking)
        .where('b.ontvangen', '=', v.ontvangen)
        .where('z.kanaal', '=', 'web')
        .where('z.omschrijving', '=', v.omschrijving)
        .orderBy('z.identificatie')
        .executeTakeFirst();
      return rij?.identificatie;
    },
    /** How many bezwaren of the procedure a gemeente has (the demo loads its own once). */
    aantal: async (gemeente: string): Promise<number> =>
      Number((await db.selectFrom('bezwaar').select((eb) => eb.fn.countAll<string>().as('n')).where('gemeente', '=', gemeente).executeTakeFirstOrThrow()).n),

    /** Whether the zaak is a bezwaar registered through the procedure (it has its besluit row). */
    isBezwaar: async (gemeente: string, zaakId: string): Promise<boolean> =>
      (await db.selectFrom('bezwaar').select('zaak_id').where('gemeente', '=', gemeente).where('zaak_id', '=', zaakId).executeTakeFirst()) !== undefined,

    opZaak: async (gemeente: string, zaakId: string): Promise<{ besluit: BezwaarRij; stappen: BezwaarStap[] } | undefined> => {
      const besluit = await besluiten(gemeente).where('zaak_id', '=', zaakId).executeTakeFirst();
      if (!besluit) return undefined;
      return { besluit, stappen: (await stappenVan(gemeente, [zaakId])).get(zaakId) ?? [] };
    },

    /** Several bezwaren with their steps (for the queue). */
    vanZaken: async (gemeente: string, zaakIds: readonly string[]): Promise<Map<string, { besluit: BezwaarRij; stappen: BezwaarStap[] }>> => {
      const uit = new Map<string, { besluit: BezwaarRij; stappen: BezwaarStap[] }>();
      if (zaakIds.length === 0) return uit;
      const [rijen, stappen] = await Promise.all([besluiten(gemeente).where('zaak_id', 'in', zaakIds).execute(), stappenVan(gemeente, zaakIds)]);
      for (const besluit of rijen) uit.set(besluit.zaakId, { besluit, stappen: stappen.get(besluit.zaakId) ?? [] });
      return uit;
    },

    /** Bezwaren with a step of this kind (for the measures; the steps are folded in the KPI module). */
    metStap: async (gemeente: string, soort: 'beslissing' | 'ingebrekestelling'): Promise<{ besluit: BezwaarRij; stappen: BezwaarStap[] }[]> => {
      const ids = await db.selectFrom('bezwaar_stap').select('zaak_id').distinct().where('gemeente', '=', gemeente).where('soort', '=', soort).execute();
      const uit = [];
      const zaakIds = ids.map((r) => r.zaak_id);
      if (zaakIds.length === 0) return [];
      const [rijen, stappen] = await Promise.all([besluiten(gemeente).where('zaak_id', 'in', zaakIds).execute(), stappenVan(gemeente, zaakIds)]);
      for (const besluit of rijen) uit.push({ besluit, stappen: stappen.get(besluit.zaakId) ?? [] });
      return uit;
    },

    /** The hearings planned from `van` up to and including `tot` (the latest planning of each bezwaar). */
    hoorzittingen: async (gemeente: string, van: string, tot: string) => {
      const rijen = await db
        .selectFrom('bezwaar_stap as s')
        .select(['s.zaak_id as zaakId', 's.gegevens', 's.volgnummer'])
        .where('s.gemeente', '=', gemeente)
        .where('s.soort', '=', 'hoorzitting')
        .where(sql<boolean>`s.gegevens->>'datum' between ${van} and ${tot}`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('bezwaar_stap as later')
                .select('later.volgnummer')
                .whereRef('later.gemeente', '=', 's.gemeente')
                .whereRef('later.zaak_id', '=', 's.zaak_id')
                .whereRef('later.volgnummer', '>', 's.volgnummer')
                .where('later.soort', 'in', ['hoorzitting', 'beslissing']),
            ),
          ),
        )
        .execute();
      return rijen.map((r) => ({ zaakId: r.zaakId, ...(r.gegevens as { datum: string; tijd: string; locatie: string; commissie: string }) }));
    },
  };
}

export type BezwaarRepository = ReturnType<typeof bezwaarRepository>;
