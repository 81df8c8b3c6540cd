import { createHash, randomUUID } from 'node:crypto';
import { verouderd } from '../../http/etag.ts';
import { ProblemError } from '../../http/problem.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { messageIdVan, type Berichten } from '../berichten/berichten.service.ts';
import type { KlantcontactenService } from '../klantcontacten/klantcontacten.service.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { bestandsnaamUit, controleerDocument, type DOCUMENTSOORTEN } from '../zaken/zaken.documenten.ts';
import { zaakAfgesloten, zaakNietGevonden } from '../zaken/zaken.errors.ts';
import { VERWERKING_ZAKEN, type Systeem, type SysteemDocument, type Wie, type ZakenService } from '../zaken/zaken.service.ts';
import { leesBericht, type Bijlage, type GelezenBericht } from './mailintake.bericht.ts';
import { geenEmailbericht, gemeenteOnbekend, leegBericht, mailTeGroot } from './mailintake.errors.ts';
import type { BijlageRij, MailintakeRepository, MailRij } from './mailintake.repository.ts';
import type { MailVia, OntvangstdatumBron } from '../../db/schema.ts';

/** The zaaktype a received message becomes (the 5-werkdagen norm of the KCC; ADR 0046). */
export const INTAKE_ZAAKTYPE = 'e-mailvraag';
/** The largest message the intake takes by default, with its attachments (25 MiB, as most mail providers). */
export const MAX_MAIL_STANDAARD = 25 * 1024 * 1024;
/** The author of the intake's entries on the zaak and the klantcontact. */
const INTAKE_NAAM = 'E-mail';
/** A message may be dated a little ahead of Loket's clock (a sender's clock that runs fast), not more. */
const SPELING_MS = 60_000;
/** Longest zaak description and note: the whole text stays with the message. */
const MAX_TEKST = 10_000;

/** Attachments declared as "any bytes": their type comes from the file name, then the bytes must match it. */
const TYPE_VAN_EXTENSIE: Record<string, keyof typeof DOCUMENTSOORTEN> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
};

export interface Ontvangst {
  moment: Date;
  bron: OntvangstdatumBron;
}

/**
 * When a message was received (ADR 0046): live over SMTP, the moment Loket took it; otherwise
 * the topmost Received: header (the last server's stamp, the one nearest to the gemeente), else
 * the Date: header (the sender's clock), else the moment of the import. A time more than a minute
 * ahead of Loket's clock is not believed.
 */
export function ontvangstVan(bericht: Pick<GelezenBericht, 'received' | 'datum'>, via: MailVia, nu: Date, ontvangenOp?: Date): Ontvangst {
  if (via === 'smtp') return { moment: ontvangenOp ?? nu, bron: 'smtp' };
  const geloofwaardig = (t: Date | null): t is Date => t !== null && t.getTime() <= nu.getTime() + SPELING_MS;
  if (geloofwaardig(bericht.received)) return { moment: bericht.received, bron: 'received' };
  if (geloofwaardig(bericht.datum)) return { moment: bericht.datum, bron: 'date' };
  return { moment: nu, bron: 'import' };
}

/** A text cut to the limit, saying so. */
const ingekort = (tekst: string, max = MAX_TEKST): string => (tekst.length <= max ? tekst : `${tekst.slice(0, max - 80)}\n\n[…] De hele tekst staat bij de e-mail op de zaak.`);

/** An attachment checked as an upload is (zaken.documenten.ts): a document to add, or the reason it is refused. */
function controleerBijlage(b: Bijlage, i: number): { naam: string; document?: SysteemDocument; reden?: string } {
  let naam: string;
  try {
    naam = bestandsnaamUit(`attachment; filename*=UTF-8''${encodeURIComponent(b.bestandsnaam)}`);
  } catch {
    naam = `bijlage-${i + 1}`;
  }
  const opgegeven = b.opgegevenType.split(';')[0]?.trim().toLowerCase() ?? '';
  const extensie = /\.([a-z0-9]{1,5})$/i.exec(naam)?.[1]?.toLowerCase() ?? '';
  const type = opgegeven === 'application/octet-stream' ? (TYPE_VAN_EXTENSIE[extensie] ?? opgegeven) : opgegeven;
  try {
    const mediatype = controleerDocument(b.inhoud, type);
    // The name must not promise another type than the bytes are (a program named .pdf is refused above).
    return { naam, document: { id: randomUUID(), bestandsnaam: naam, mediatype, inhoud: b.inhoud, extern: false } };
  } catch (error) {
    if (error instanceof ProblemError) return { naam, reden: `${error.title}: ${error.detail ?? ''}`.trim() };
    throw error;
  }
}

/** The intake as the actor of the zaken and klantcontacten services. */
const systeem = (context: Context, naam: string | null = INTAKE_NAAM): Systeem => ({ soort: 'systeem', context, naam });

const bijlageUitkomst = (b: Pick<BijlageRij, 'bestandsnaam' | 'document_id' | 'geweigerd_reden'>) => ({ bestandsnaam: b.bestandsnaam, document: b.document_id, geweigerd: b.geweigerd_reden });

export interface MailintakeDeps {
  repository: MailintakeRepository;
  zaken: Pick<ZakenService, 'systeemGebeurtenis' | 'detail' | 'zichtbareZaak' | 'sluitAf'>;
  klantcontacten: Pick<KlantcontactenService, 'registreer'>;
  gemeenten: { opCode(code: string): Promise<unknown> };
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  /** MAIL_FROM: the domain of the Message-IDs of answers (berichten.service.ts). */
  mailFrom: string;
  /** The largest message taken, in bytes. */
  maxBytes: number;
}

export interface IntakeInvoer {
  gemeente: string;
  bron: Buffer;
  via: Exclude<MailVia, 'antwoord'>;
  /** Over SMTP: when Loket received it. */
  ontvangenOp?: Date;
}

/**
 * The e-mail intake (ADR 0046): a received message becomes a klantcontact (channel e-mail) and
 * a zaak of type e-mailvraag, or — a reply in a known thread — a new entry on that zaak, in one
 * transaction; its attachments are checked as uploads; a message is taken once per gemeente.
 * Staff answer from the zaak in the same thread, through the outbox.
 */
export function mailintakeService(deps: MailintakeDeps) {
  const { repository, zaken, klantcontacten, audit, klok } = deps;

  async function zaakUitkomst(context: Context, gemeente: string, zaakId: string) {
    const zaak = await zaken.detail(systeem(context), gemeente, zaakId, { loggen: false });
    return { id: zaak.id, identificatie: zaak.identificatie, ontvangstdatum: zaak.ontvangstdatum, uiterlijkeEinddatum: zaak.uiterlijkeEinddatum, afgesloten: zaak.afgeslotenOp !== null };
  }

  return {
    /** The gemeente whose intake has this address (or its domain), if any. */
    gemeenteVanAdres: (adres: string) => repository.gemeenteVanAdres(adres),

    /**
     * Erases who sent (and to whom Loket answered) every message older than the retention term
     * (one year after receipt, as the person of a klantcontact; ADR 0047), with one audit entry.
     * The text stays with the zaak as its dossier. Run by the housekeeping.
     */
    async ruimAfzendersOp(context: Context, gemeente: string): Promise<number> {
      const grens = new Date(klok.nu());
      grens.setUTCFullYear(grens.getUTCFullYear() - 1);
      const aantal = await repository.wisAfzenders(gemeente, grens.toISOString());
      if (aantal > 0) await audit.log(context, { gemeente, actie: 'mail-afzenders-wissen', details: { aantal, ontvangenVoor: grens.toISOString() } });
      return aantal;
    },

    /** The gemeente's intake addresses. */
    adressen: (gemeente: string) => repository.adressen(gemeente),

    /** Adds an intake address ('info@diemen.nl' or '@diemen.nl'); false when it is taken. */
    async voegAdresToe(context: Context, gemeente: string, adres: string): Promise<boolean> {
      if (!(await deps.gemeenten.opCode(gemeente))) throw gemeenteOnbekend();
      const toegevoegd = await repository.voegAdresToe(gemeente, adres.trim().toLowerCase(), klok.nu().toISOString());
      if (toegevoegd) await audit.log(context, { gemeente, actie: 'mail-intakeadres-toevoegen', details: { adres: adres.trim().toLowerCase() } });
      return toegevoegd;
    },

    /**
     * Takes in one message. Answers what became of it: a new zaak (`nieuw`), an entry on the zaak
     * of its thread (`draad`), or nothing because it was taken before (`dubbel`), with the zaak's
     * number and dates and the source of the ontvangstdatum.
     */
    async ontvang(context: Context, invoer: IntakeInvoer) {
      const { gemeente, bron, via } = invoer;
      if (bron.length > deps.maxBytes) throw mailTeGroot(deps.maxBytes);
      if (!(await deps.gemeenten.opCode(gemeente))) throw gemeenteOnbekend();
      // A message starts with header fields (`Name: value`); anything else is not a message.
      if (!/^[\x21-\x39\x3b-\x7e]+:/.test(bron.subarray(0, 1000).toString('latin1'))) throw leegBericht();
      const bericht = await leesBericht(bron);
      const nu = klok.nu();
      const ontvangst = ontvangstVan(bericht, via, nu, invoer.ontvangenOp);
      const ontvangstdatum = kalenderdag(ontvangst.moment);
      const mailId = randomUUID();
      const onderwerp = [...(bericht.onderwerp || '(geen onderwerp)')].slice(0, 200).join('');
      const bijlagen = bericht.bijlagen.map(controleerBijlage);

      const uitkomst = await repository.samen(async () => {
        const nieuw = await repository.claim(gemeente, {
          id: mailId,
          message_id: bericht.messageId,
          richting: 'in',
          in_reply_to: bericht.inReplyTo,
          references: bericht.references,
          van_naam: bericht.van.naam,
          van_adres: bericht.van.adres,
          onderwerp: bericht.onderwerp,
          tekst: bericht.tekst,
          html: bericht.html,
          grootte: bron.length,
          via,
          ontvangen_op: ontvangst.moment.toISOString(),
          ontvangstdatum,
          ontvangstdatum_bron: ontvangst.bron,
          geregistreerd_op: nu.toISOString(),
        });
        if (!nieuw) return null;
        const draad = await repository.zaakVanDraad(gemeente, [...(bericht.inReplyTo ? [bericht.inReplyTo] : []), ...bericht.references].filter((id) => id !== bericht.messageId));
        const persoon = bericht.van.adres ? { naam: bericht.van.naam ?? undefined, email: bericht.van.adres } : undefined;
        const contact = await klantcontacten.registreer(systeem(context), gemeente, {
          kanaal: 'e-mail',
          onderwerp,
          // The question itself is the mail (with the zaak): the contact keeps no personal data beyond its person.
          vraag: '',
          antwoord: '',
          uitkomst: 'zaak-aangemaakt',
          op: ontvangst.moment.toISOString(),
          persoon,
          zaken: draad ? [draad.id] : [],
          zaak: draad ? undefined : { zaaktype: INTAKE_ZAAKTYPE, omschrijving: ingekort(bericht.tekst), taal: 'nl' },
        }, { draad: { inReplyTo: bericht.messageId, references: [...new Set([...bericht.references, bericht.messageId])].slice(-20) } });
        const zaak = draad ?? (contact.zaak ? { id: contact.zaak.id, identificatie: contact.zaak.identificatie } : undefined);
        if (!zaak) throw new Error('e-mailintake: geen zaak uit het klantcontact');
        const documenten = bijlagen.flatMap((b) => (b.document ? [b.document] : []));
        const geweigerd = bijlagen.filter((b) => b.reden);
        const regels = [
          ...(draad ? [`E-mail van ${bericht.van.adres ?? 'onbekende afzender'} ontvangen op ${ontvangstdatum}: ${onderwerp}`, '', bericht.tekst] : []),
          ...(geweigerd.length > 0 ? ['', 'Niet als document opgenomen (de e-mail zelf is bewaard):', ...geweigerd.map((b) => `- ${b.naam}: ${b.reden ?? ''}`)] : []),
        ];
        if (regels.length > 0 || documenten.length > 0) {
          await zaken.systeemGebeurtenis(systeem(context), gemeente, zaak.id, 'zaak-e-mail', async () => ({
            gebeurtenissen: regels.length > 0 ? [{ soort: 'notitie', gegevens: { tekst: ingekort(regels.join('\n').trim()) }, extern: false }] : [],
            documenten,
            details: { messageId: bericht.messageId, documenten: documenten.length, geweigerd: geweigerd.length },
          }));
        }
        await repository.koppel(gemeente, mailId, { zaakId: zaak.id, identificatie: zaak.identificatie, klantcontactId: contact.id });
        await repository.voegBijlagenToe(
          gemeente,
          mailId,
          bericht.bijlagen.map((b, i) => {
            const c = bijlagen[i];
            return {
              volgnummer: i + 1,
              bestandsnaam: c?.naam ?? b.bestandsnaam,
              opgegeven_type: b.opgegevenType.slice(0, 200),
              grootte: b.inhoud.length,
              sha256: createHash('sha256').update(b.inhoud).digest('hex'),
              document_id: c?.document?.id ?? null,
              geweigerd_reden: c?.document ? null : (c?.reden ?? 'Niet gecontroleerd.'),
            };
          }),
        );
        await audit.log(context, {
          gemeente,
          actie: 'mail-ontvangen',
          objectType: 'zaak',
          objectId: zaak.id,
          details: { messageId: bericht.messageId, via, draad: draad !== undefined, ontvangstdatumBron: ontvangst.bron, bijlagen: bijlagen.length, geweigerd: geweigerd.length },
        });
        return { zaakId: zaak.id, klantcontact: contact.id, draad: draad !== undefined };
      });

      if (!uitkomst) {
        // Taken before: nothing added; the answer of the first time.
        const eerder = await repository.opMessageId(gemeente, bericht.messageId);
        if (!eerder?.zaak_id) throw new Error('e-mailintake: eerder bericht zonder zaak');
        return {
          nieuw: false,
          draad: false,
          dubbel: true,
          ...(await mailUitkomst(eerder)),
          klantcontact: eerder.klantcontact_id,
          zaak: await zaakUitkomst(context, gemeente, eerder.zaak_id),
        };
      }
      const opgeslagen = await repository.opMessageId(gemeente, bericht.messageId);
      if (!opgeslagen) throw new Error('e-mailintake: bericht niet gevonden na opslaan');
      return {
        nieuw: !uitkomst.draad,
        draad: uitkomst.draad,
        dubbel: false,
        ...(await mailUitkomst(opgeslagen)),
        klantcontact: uitkomst.klantcontact,
        zaak: await zaakUitkomst(context, gemeente, uitkomst.zaakId),
      };
    },

    /**
     * The e-mail thread of a zaak, oldest first: received messages (text, sanitised HTML,
     * attachments taken or refused) and the answers sent. 404 for a zaak the caller may not
     * see; reading it is logged in the processing log.
     */
    async draad(wie: Wie, gemeente: string, zaakId: string) {
      if (!(await zaken.zichtbareZaak(wie, gemeente, zaakId))) throw zaakNietGevonden();
      const rijen = await repository.vanZaak(gemeente, zaakId);
      if (rijen.length > 0) await audit.verwerking(wie.context, { gemeente, naam: 'zaak-e-mails-bekijken', ...VERWERKING_ZAKEN, betrokkeneIds: [zaakId] });
      const items = [];
      for (const r of rijen) {
        items.push({
          id: r.id,
          richting: r.richting,
          messageId: r.message_id,
          inReplyTo: r.in_reply_to,
          van: r.van_adres ? { naam: r.van_naam, adres: r.van_adres } : null,
          aan: r.aan,
          onderwerp: r.onderwerp,
          tekst: r.tekst,
          html: r.html,
          grootte: r.grootte,
          via: r.via,
          ontvangenOp: r.ontvangen_op,
          ontvangstdatum: r.ontvangstdatum,
          ontvangstdatumBron: r.ontvangstdatum_bron,
          bijlagen: (await repository.bijlagen(gemeente, r.id)).map(bijlageUitkomst),
        });
      }
      return { items };
    },

    /**
     * Staff answer the zaak's mail: the answer goes to the sender of the newest received message
     * through the outbox, in the same thread (In-Reply-To, References, "Re: …"), and is an
     * external `bericht` entry on the zaak; with `afsluiten` the zaak is closed with that result
     * through the zaken service, in the same transaction. `versie` is the zaak's (If-Match).
     */
    async beantwoord(wie: Wie, gemeente: string, zaakId: string, versie: number, invoer: { tekst: string; afsluiten?: { resultaattype: string; toelichting?: string | undefined } | undefined }) {
      if (!(await zaken.zichtbareZaak(wie, gemeente, zaakId))) throw zaakNietGevonden();
      const vorige = (await repository.vanZaak(gemeente, zaakId)).filter((r) => r.richting === 'in' && r.van_adres).at(-1);
      if (!vorige?.van_adres) throw geenEmailbericht();
      const aan = vorige.van_adres;
      const berichtId = randomUUID();
      const messageId = messageIdVan(berichtId, deps.mailFrom);
      const references = [...new Set([...vorige.references, vorige.message_id])].slice(-20);
      const onderwerp = [.../^re:/i.test(vorige.onderwerp) ? vorige.onderwerp : `Re: ${vorige.onderwerp || '(geen onderwerp)'}`].slice(0, 250).join('');
      const nu = klok.nu();
      const als: Systeem = { soort: 'systeem', context: wie.context, naam: wie.naam };
      await repository.samen(async () => {
        await zaken.systeemGebeurtenis(als, gemeente, zaakId, 'zaak-e-mail-antwoord', async (z) => {
          if (z.zaak.versie !== versie) throw verouderd();
          if (z.zaak.afgesloten_op !== null) throw zaakAfgesloten();
          await deps.berichten.verstuur({ id: berichtId, gemeente, aan, onderwerp, tekst: invoer.tekst, draad: { inReplyTo: vorige.message_id, references }, automatisch: false }, { transactie: z.transactie });
          await repository.claim(gemeente, {
            id: randomUUID(),
            message_id: messageId,
            richting: 'uit',
            zaak_id: zaakId,
            zaak_identificatie: z.zaak.identificatie,
            bericht_id: berichtId,
            in_reply_to: vorige.message_id,
            references,
            aan,
            onderwerp,
            tekst: invoer.tekst,
            grootte: Buffer.byteLength(invoer.tekst),
            via: 'antwoord',
            ontvangen_op: nu.toISOString(),
            ontvangstdatum: kalenderdag(nu),
            ontvangstdatum_bron: 'antwoord',
            geregistreerd_op: nu.toISOString(),
          });
          return { gebeurtenissen: [{ soort: 'bericht', gegevens: { tekst: invoer.tekst }, extern: true }], details: { messageId, inReplyTo: vorige.message_id } };
        });
        if (invoer.afsluiten) await zaken.sluitAf(wie, gemeente, zaakId, versie + 1, invoer.afsluiten);
      });
      await audit.verwerking(wie.context, { gemeente, naam: 'zaak-e-mail-antwoord', ...VERWERKING_ZAKEN, betrokkeneIds: [zaakId] });
      const zaak = await zaken.detail(wie, gemeente, zaakId, { loggen: false, zojuist: true });
      return { zaak, antwoord: { bericht: berichtId, messageId, aan, onderwerp, inReplyTo: vorige.message_id } };
    },
  };

  async function mailUitkomst(rij: MailRij) {
    return {
      mail: { id: rij.id, messageId: rij.message_id, ontvangenOp: rij.ontvangen_op, ontvangstdatum: rij.ontvangstdatum },
      ontvangstdatumBron: rij.ontvangstdatum_bron,
      bijlagen: (await repository.bijlagen(rij.gemeente, rij.id)).map(bijlageUitkomst),
    };
  }
}

export type MailintakeService = ReturnType<typeof mailintakeService>;
