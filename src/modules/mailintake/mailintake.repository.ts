import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, MailBerichtTable, MailBijlageTable } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';

export type MailRij = Selectable<MailBerichtTable>;
export type NieuweMail = Omit<Insertable<MailBerichtTable>, 'gemeente'>;
export type BijlageRij = Omit<Selectable<MailBijlageTable>, 'gemeente' | 'mail_id'>;

/**
 * SQL of the e-mail intake (ADR 0046): intake addresses, the messages of zaken's threads and
 * their attachments. Always per gemeente, except finding the gemeente of an address. The zaak
 * and the klantcontact are known by id (and the zaak number) only.
 */
export function mailintakeRepository(db: Kysely<DB>) {
  return {
    /** One transaction that the zaken and klantcontacten services' queries join (ADR 0033). */
    samen: <T>(werk: () => Promise<T>): Promise<T> => inEenTransactie(db, werk),

    /** The gemeente of an address: the address itself, else its domain (`@diemen.nl`). */
    gemeenteVanAdres: async (adres: string): Promise<string | undefined> => {
      const laag = adres.trim().toLowerCase();
      const domein = laag.slice(laag.lastIndexOf('@'));
      const rij = await db
        .selectFrom('mail_intake_adres')
        .select('gemeente')
        .where('adres', 'in', [laag, domein])
        .orderBy((eb) => eb.fn('length', ['adres']), 'desc')
        .executeTakeFirst();
      return rij?.gemeente;
    },

    adressen: async (gemeente: string): Promise<string[]> =>
      (await db.selectFrom('mail_intake_adres').select('adres').where('gemeente', '=', gemeente).orderBy('adres').execute()).map((r) => r.adres),

    /** Adds an address; false when it is there already (for this or another gemeente). */
    voegAdresToe: async (gemeente: string, adres: string, op: string): Promise<boolean> => {
      const rij = await db.insertInto('mail_intake_adres').values({ gemeente, adres, aangemaakt_op: op }).onConflict((oc) => oc.doNothing()).returning('adres').executeTakeFirst();
      return rij !== undefined;
    },

    /**
     * Stores a message unless its Message-ID is there already for this gemeente: true when it
     * was stored. A delivery of the same message on another node at the same moment waits for
     * this one's transaction and then finds it (the unique index), so it adds nothing.
     */
    claim: async (gemeente: string, mail: NieuweMail): Promise<boolean> => {
      const rij = await db
        .insertInto('mail_bericht')
        .values({ gemeente, ...mail })
        .onConflict((oc) => oc.columns(['gemeente', 'message_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return rij !== undefined;
    },

    opMessageId: (gemeente: string, messageId: string): Promise<MailRij | undefined> =>
      db.selectFrom('mail_bericht').selectAll().where('gemeente', '=', gemeente).where('message_id', '=', messageId).executeTakeFirst(),

    /** The zaak of the newest message of the thread among these Message-IDs, if any. */
    zaakVanDraad: async (gemeente: string, messageIds: string[]): Promise<{ id: string; identificatie: string } | undefined> => {
      if (messageIds.length === 0) return undefined;
      const rij = await db
        .selectFrom('mail_bericht')
        .select(['zaak_id', 'zaak_identificatie'])
        .where('gemeente', '=', gemeente)
        .where('message_id', 'in', messageIds)
        .where('zaak_id', 'is not', null)
        .orderBy('ontvangen_op', 'desc')
        .executeTakeFirst();
      return rij?.zaak_id && rij.zaak_identificatie ? { id: rij.zaak_id, identificatie: rij.zaak_identificatie } : undefined;
    },

    /** Links a stored message to its zaak and klantcontact (in the transaction that stored it). */
    koppel: async (gemeente: string, id: string, k: { zaakId: string; identificatie: string; klantcontactId: string | null }): Promise<void> => {
      await db
        .updateTable('mail_bericht')
        .set({ zaak_id: k.zaakId, zaak_identificatie: k.identificatie, klantcontact_id: k.klantcontactId })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .execute();
    },

    voegBijlagenToe: async (gemeente: string, mailId: string, bijlagen: BijlageRij[]): Promise<void> => {
      if (bijlagen.length === 0) return;
      await db
        .insertInto('mail_bijlage')
        .values(bijlagen.map((b) => ({ gemeente, mail_id: mailId, ...b })))
        .execute();
    },

    /** The attachments of a message, in order. */
    bijlagen: (gemeente: string, mailId: string): Promise<BijlageRij[]> =>
      db
        .selectFrom('mail_bijlage')
        .select(['volgnummer', 'bestandsnaam', 'opgegeven_type', 'grootte', 'sha256', 'document_id', 'geweigerd_reden'])
        .where('gemeente', '=', gemeente)
        .where('mail_id', '=', mailId)
        .orderBy('volgnummer')
        .execute(),

    /**
     * Erases the sender's name and address of every message received before `voor`, and the
     * addressee of every answer sent before it. Returns how many messages.
     */
    wisAfzenders: async (gemeente: string, voor: string): Promise<number> => {
      const uit = await db
        .updateTable('mail_bericht')
        .set({ van_naam: null, van_adres: null, aan: '' })
        .where('gemeente', '=', gemeente)
        .where('ontvangen_op', '<', voor)
        .where((eb) => eb.or([eb('van_adres', 'is not', null), eb('van_naam', 'is not', null), eb('aan', '<>', '')]))
        .executeTakeFirst();
      return Number(uit.numUpdatedRows);
    },

    /** The thread of a zaak, oldest first. */
    vanZaak: (gemeente: string, zaakId: string): Promise<MailRij[]> =>
      db.selectFrom('mail_bericht').selectAll().where('gemeente', '=', gemeente).where('zaak_id', '=', zaakId).orderBy('ontvangen_op').orderBy('geregistreerd_op').execute(),
  };
}

export type MailintakeRepository = ReturnType<typeof mailintakeRepository>;
