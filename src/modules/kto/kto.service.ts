/**
 * The question after closing (KTO, issue 15, ADR 0052). The zaken service calls `naAfsluiten`
 * inside the transaction that closes a zaak: when the zaaktype has the question on, the sample
 * draws this zaak and the resident's e-mail address got no question in the last 30 days, a
 * question row with a hashed one-time token is stored and the mail with the personal link is
 * queued in the outbox, all committed with the closing or not at all. The resident answers
 * without login at `/{slug}/kto/{token}`; an answer is written once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sha256 } from '../auth/auth.service.ts';
import type { Kysely } from 'kysely';
import type { DB, KtoVorm } from '../../db/schema.ts';
import { vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { NaAfsluiten } from '../zaken/zaken.service.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { notFound } from '../../http/problem.ts';
import { leesAntwoord, STANDAARD_OPZET, vraagtekst, type KtoFout } from './kto.regels.ts';
import { ktoRepository, type KtoInstelling, type KtoVraag, type NieuwAntwoord } from './kto.repository.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';

/** At most one question per resident e-mail address in this many days. */
export const KTO_RUSTDAGEN = 30;
/** The text of an answer is erased this many days after it was given (the score stays). */
export const KTO_TEKST_BEWAARDAGEN = 365;
const DAG_MS = 86_400_000;

export interface KtoDeps {
  db: Kysely<DB>;
  klok: Klok;
  /** The public base URL of the resident pages. */
  publicUrl: string;
  audit: AuditService;
  /** Whether the gemeente has a zaaktype with this code (any version). */
  zaaktypeBestaat: (gemeente: string, code: string) => Promise<boolean>;
  /** A number in [0, 1) for the sample (Math.random by default). */
  kans?: () => number;
  /**
   * Called after an answer is stored, in the same transaction (a melding's reopen request after
   * "nee", ADR 0074): what the answer leads to is committed with it or not at all.
   */
  naAntwoord?: (vraag: KtoVraag, antwoord: NieuwAntwoord, op: string) => Promise<unknown>;
}

/** The e-mail address as a hash per gemeente (case and spaces do not matter): the address itself is not kept. */
export const ktoEmailHash = (gemeente: string, email: string): string => createHash('sha256').update(`${gemeente}\n${email.trim().toLowerCase()}`).digest('hex');
/** A one-time token: 32 random bytes, base64url (43 characters). */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** `/{slug}/kto/{token}` and `/{slug}/en/kto/{token}`. */
export function ktoPad(taal: Taal, slug: string, token: string): string {
  return `/${slug}/${taal === 'en' ? 'en/' : ''}kto/${token}`;
}

/** A setting as the demo data and the tests give it: what they leave out is the standard (ADR 0086). */
export type KtoInstellingInvoer = Pick<KtoInstelling, 'zaaktype' | 'actief' | 'vorm' | 'steekproef'> & Partial<Pick<KtoInstelling, 'vraag' | 'keuzes' | 'toelichtingVragen'>>;

const metStandaard = (i: KtoInstellingInvoer): KtoInstelling => ({ ...STANDAARD_OPZET, ...i });

export type Beantwoording = { uitkomst: 'opgeslagen' } | { uitkomst: 'al-beantwoord' } | { uitkomst: 'fouten'; fouten: KtoFout[] };

export function ktoService(deps: KtoDeps) {
  const { db, klok, publicUrl } = deps;
  const kans = deps.kans ?? Math.random;
  const repository = ktoRepository(db);

  const naAfsluiten: NaAfsluiten = async (zaak, { transactie, berichten }) => {
    const email = zaak.inwoner?.email?.trim();
    if (!zaak.inwoner || !email) return;
    const repo = ktoRepository(transactie);
    const gemeente = zaak.gemeente.code;
    const instelling = await repo.instelling(gemeente, zaak.zaaktype);
    if (!instelling?.actief || !(kans() * 100 < instelling.steekproef)) return;
    const emailHash = ktoEmailHash(gemeente, email);
    await repo.vergrendelEmail(gemeente, emailHash);
    const sinds = new Date(new Date(zaak.op).getTime() - KTO_RUSTDAGEN * DAG_MS).toISOString();
    if (await repo.recentGevraagd(gemeente, emailHash, sinds)) return;
    const token = randomBytes(32).toString('base64url');
    const taal = zaak.inwoner.taal;
    const nieuw = await repo.voegVraagToe({
      gemeente,
      zaakId: zaak.zaakId,
      zaaktype: zaak.zaaktype,
      identificatie: zaak.identificatie,
      vorm: instelling.vorm,
      taal,
      emailHash,
      tokenHash: sha256(token),
      op: zaak.op,
      team: zaak.team,
      kanaal: zaak.kanaal,
    });
    if (!nieuw) return;
    const t = vertaler(taal, 'kto');
    const waarden = {
      identificatie: zaak.identificatie,
      onderwerp: zaak.onderwerp,
      vraag: vraagtekst(t, taal, instelling.vorm, instelling),
      link: `${publicUrl}${ktoPad(taal, zaak.gemeente.slug, token)}`,
      gemeente: zaak.gemeente.naam,
      dagen: KTO_RUSTDAGEN,
    };
    const aanhef = zaak.inwoner.naam ? t('mail.aanhef', { naam: zaak.inwoner.naam }) : t('mail.aanhefZonderNaam');
    await berichten.verstuur({ gemeente, aan: email, onderwerp: t('mail.onderwerp', waarden), tekst: [aanhef, t(`mail.tekst`, waarden), t('mail.groet', waarden)].join('\n\n') }, { transactie });
  };

  async function beantwoordVraag(vraag: KtoVraag, velden: Record<string, string | string[] | undefined>): Promise<Beantwoording> {
    if (vraag.beantwoordOp) return { uitkomst: 'al-beantwoord' };
    const gelezen = leesAntwoord(vraag.vorm, vraag.opzet, velden);
    if ('fouten' in gelezen) return { uitkomst: 'fouten', fouten: gelezen.fouten };
    const op = klok.nu().toISOString();
    const opgeslagen = await inEenTransactie(db, async () => {
      const nieuw = await repository.voegAntwoordToe(vraag.gemeente, vraag.zaakId, gelezen.antwoord, op);
      if (nieuw) await deps.naAntwoord?.(vraag, gelezen.antwoord, op);
      return nieuw;
    });
    return opgeslagen ? { uitkomst: 'opgeslagen' } : { uitkomst: 'al-beantwoord' };
  }

  return {
    naAfsluiten,

    /** Housekeeping (onderhoud): e-mail hashes after 30 days, answer texts after a year. */
    verwijderVerlopen: (): Promise<number> => {
      const nu = klok.nu().getTime();
      return repository.ruimOp(new Date(nu - KTO_RUSTDAGEN * DAG_MS).toISOString(), new Date(nu - KTO_TEKST_BEWAARDAGEN * DAG_MS).toISOString());
    },

    instellingen: (gemeente: string): Promise<KtoInstelling[]> => repository.instellingen(gemeente),
    zetInstelling: (gemeente: string, instelling: KtoInstellingInvoer): Promise<void> => repository.zetInstelling(gemeente, metStandaard(instelling)),

    /**
     * Sets the question of a zaaktype (beheerders, API): whether, how and how often it is asked,
     * its text, choice list and optional text; the zaaktype must exist. Logged in the audit log.
     */
    async wijzigInstelling(context: Context, gemeente: string, invoer: KtoInstellingInvoer): Promise<KtoInstelling> {
      const instelling = metStandaard(invoer);
      if (!(await deps.zaaktypeBestaat(gemeente, instelling.zaaktype))) throw notFound('Dit zaaktype bestaat niet in deze gemeente.');
      await repository.zetInstelling(gemeente, instelling);
      await deps.audit.log(context, { gemeente, actie: 'kto-instelling', objectType: 'zaaktype', objectId: instelling.zaaktype, details: { ...instelling } });
      return instelling;
    },

    /** The question of a token (undefined: no such token in this gemeente). */
    async vraag(gemeente: string, token: string): Promise<KtoVraag | undefined> {
      if (!TOKEN.test(token)) return undefined;
      return repository.vraagOpToken(gemeente, sha256(token));
    },

    /** Stores the answer once; a second answer changes nothing. Undefined: no such token. */
    async beantwoord(gemeente: string, token: string, velden: Record<string, string | string[] | undefined>): Promise<Beantwoording | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const vraag = await repository.vraagOpToken(gemeente, sha256(token));
      return vraag ? beantwoordVraag(vraag, velden) : undefined;
    },

    /** The question of a zaak (for its tracking page, where the tracking code proves who asks). */
    vraagVanZaak: (gemeente: string, zaakId: string): Promise<KtoVraag | undefined> => repository.vraagVanZaak(gemeente, zaakId),

    /** Answers the question of a zaak from its tracking page; undefined: the zaak got no question. */
    async beantwoordVoorZaak(gemeente: string, zaakId: string, velden: Record<string, string | string[] | undefined>): Promise<Beantwoording | undefined> {
      const vraag = await repository.vraagVanZaak(gemeente, zaakId);
      return vraag ? beantwoordVraag(vraag, velden) : undefined;
    },
  };
}

export type KtoService = ReturnType<typeof ktoService>;
export type { KtoVorm };
