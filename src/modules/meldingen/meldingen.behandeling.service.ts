/**
 * Meldingen openbare ruimte for staff and partners (issue 12, ADR 0056): the team's queue with
 * Signalen-style statuses, forwarding a melding to an external partner, and the partner's side —
 * a partner sees only the meldingen routed to it now (deny by default), reports a status and adds
 * an "after" photo. Every change to a melding's zaak goes through the zaken service
 * (`systeemGebeurtenis`: an entry in the zaak's timeline, the partner rows in the same
 * transaction); the routing history is append-only.
 */
import { randomUUID } from 'node:crypto';
import type { PartnerStatus } from '../../db/schema.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import { kalenderdag, plusDagen } from '../termijnen/kalender.ts';
import type { ZaakStand } from '../zaken/zaken.stand.repository.ts';
import type { Wie, ZakenService } from '../zaken/zaken.service.ts';
import {
  fotoOngeldig,
  geenPartner,
  meldingAfgesloten,
  meldingNietGevonden,
  partnerLedenOngeldig,
  partnerNaamBestaat,
  partnerOnbekend,
} from './meldingen.errors.ts';
import { verwerkFoto } from './meldingen.fotos.ts';
import { meldingPartnersRepository, type Partner, type Routering } from './meldingen.partners.repository.ts';
import type { Box, MeldingenRepository, MeldingRij } from './meldingen.repository.ts';
import { meldingSamenvoegenRepository, type Heropenverzoek } from './meldingen.samenvoegen.repository.ts';
import type { MeldingenService } from './meldingen.service.ts';

/** The statuses of a melding as staff see them (after Signalen), derived from its zaak and its routing. */
export const MELDING_STATUSSEN = ['gemeld', 'in-behandeling', 'ingepland', 'wacht-op-extern', 'afgehandeld', 'geannuleerd', 'heropend'] as const;
export type MeldingStatus = (typeof MELDING_STATUSSEN)[number];
/** Deadline bands of open meldingen: past the deadline, due today, due within 7 days, later. */
export const TERMIJNBANDEN = ['verlopen', 'vandaag', 'deze-week', 'later'] as const;
export type Termijnband = (typeof TERMIJNBANDEN)[number];
/** The statuses a partner reports. */
export const PARTNER_STATUSSEN = ['ingepland', 'in-behandeling', 'gereed', 'niet-mogelijk'] as const satisfies readonly PartnerStatus[];
/** At most this many meldingen are read for one queue view (newest first); narrow the filters for more. */
export const MAX_WERKVOORRAAD = 2000;
/** At most this many "after" photos per melding. */
export const MAX_NA_FOTOS = 3;

/** Results that close a melding without handling it (Signalen: geannuleerd). */
const GEANNULEERD = new Set(['geannuleerd', 'dubbel']);
const PARTNER_KLAAR = new Set<PartnerStatus>(['gereed', 'niet-mogelijk']);

/**
 * A melding's status from where its zaak stands and its routing to a partner; `heropend`: the
 * team accepted a reopen request (ADR 0074) and has not moved it on since.
 */
export function meldingStatus(stand: Pick<ZaakStand, 'afgeslotenOp' | 'statusNaam' | 'resultaatNaam'>, routering: Pick<Routering, 'status'> | undefined, heropend = false): MeldingStatus {
  if (stand.afgeslotenOp !== null) return GEANNULEERD.has((stand.resultaatNaam ?? '').toLowerCase()) ? 'geannuleerd' : 'afgehandeld';
  if (routering && !(routering.status !== null && PARTNER_KLAAR.has(routering.status))) return 'wacht-op-extern';
  const naam = stand.statusNaam.toLowerCase();
  if (naam === 'ingepland') return 'ingepland';
  if (naam === 'ontvangen' || naam === 'gemeld') return heropend ? 'heropend' : 'gemeld';
  return 'in-behandeling';
}

/** The deadline band of an open melding on `vandaag`; undefined once closed. */
export function termijnband(stand: Pick<ZaakStand, 'afgeslotenOp' | 'uiterlijkeEinddatum'>, vandaag: string): Termijnband | undefined {
  if (stand.afgeslotenOp !== null) return undefined;
  if (stand.uiterlijkeEinddatum < vandaag) return 'verlopen';
  if (stand.uiterlijkeEinddatum === vandaag) return 'vandaag';
  return stand.uiterlijkeEinddatum <= plusDagen(vandaag, 7) ? 'deze-week' : 'later';
}

export interface WerkvoorraadFilter {
  categorieen?: readonly string[] | undefined;
  statussen?: readonly MeldingStatus[] | undefined;
  termijn?: readonly Termijnband[] | undefined;
  box?: Box | undefined;
  partner?: string | undefined;
  /** Only meldingen with a reopen request in this state (ADR 0074). */
  heropenverzoek?: 'open' | undefined;
  offset: number;
  limit: number;
}

export interface BehandelingDeps {
  db: Kysely<DB>;
  repository: MeldingenRepository;
  meldingen: Pick<MeldingenService, 'tussen' | 'opZaak'>;
  zaken: Pick<ZakenService, 'systeemGebeurtenis' | 'detail'>;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  /** The public base URL of the staff app (links in mails to partners). */
  publicUrl: string;
}

type MetStand = MeldingRij & { stand: ZaakStand };

function regel(m: MetStand, routering: Routering | undefined, vandaag: string, verzoeken: readonly Heropenverzoek[] = []) {
  const laatste = verzoeken[0];
  return {
    zaakId: m.zaakId,
    identificatie: m.identificatie,
    categorie: { code: m.categorieCode, naam: m.categorieNaam, hoofdcategorie: m.hoofdcategorie },
    lat: m.lat,
    lon: m.lon,
    adres: m.adres,
    ontvangenOp: new Date(m.ontvangenOp).toISOString(),
    status: meldingStatus(m.stand, routering, verzoeken.some((v) => v.status === 'geaccepteerd')),
    statusTekst: m.stand.statusTekst,
    uiterlijkeEinddatum: m.stand.uiterlijkeEinddatum,
    termijn: termijnband(m.stand, vandaag) ?? null,
    afgeslotenOp: m.stand.afgeslotenOp === null ? null : new Date(m.stand.afgeslotenOp).toISOString(),
    partner: routering ? { id: routering.partnerId, naam: routering.partnerNaam, status: routering.status, doorgezetOp: routering.doorgezetOp } : null,
    heropenverzoek: laatste ? { id: laatste.id, status: laatste.status, aangevraagdOp: laatste.aangevraagdOp, reden: laatste.reden } : null,
  };
}


function partnerRegel(m: MetStand, routering: Routering | undefined, vandaag: string) {
  return {
    zaakId: m.zaakId,
    identificatie: m.identificatie,
    categorie: { code: m.categorieCode, naam: m.categorieNaam },
    lat: m.lat,
    lon: m.lon,
    adres: m.adres,
    ontvangenOp: new Date(m.ontvangenOp).toISOString(),
    doorgezetOp: routering?.doorgezetOp ?? null,
    partnerStatus: routering?.status ?? null,
    afgehandeld: m.stand.afgeslotenOp !== null,
    uiterlijkeEinddatum: m.stand.uiterlijkeEinddatum,
    termijn: termijnband(m.stand, vandaag) ?? null,
  };
}


const systeem = (context: Context, naam: string | null) => ({ soort: 'systeem' as const, context, naam });

export function meldingenBehandelingService(deps: BehandelingDeps) {
  const { db, zaken, klok, audit } = deps;
  const partners = meldingPartnersRepository(db);
  const samenvoegen = meldingSamenvoegenRepository(db);

  /** Whether this staff user acts for the partner the melding is routed to now; else a 404 (not 403: nothing is told). */
  async function routeringVoorPartner(wie: Wie, gemeente: string, zaakId: string): Promise<{ routering: Routering; partner: Partner }> {
    if (!wie.gebruiker || !wie.rollen.includes('externe-partner')) throw meldingNietGevonden();
    const mijn = await partners.partnersVan(gemeente, wie.gebruiker);
    const [routering] = await partners.routeringen(gemeente, { zaakIds: [zaakId], partners: mijn });
    const partner = routering ? await partners.partner(gemeente, routering.partnerId) : undefined;
    if (!routering || !partner) throw meldingNietGevonden();
    return { routering, partner };
  }


  return {
    partners: (gemeente: string) => partners.partners(gemeente),

    async maakPartner(context: Context, gemeente: string, invoer: { naam: string; email: string | null; leden: string[] }): Promise<Partner> {
      const leden = [...new Set(invoer.leden)];
      const metRol = await partners.gebruikersMetRol(gemeente, leden, 'externe-partner');
      const fouten = invoer.leden.flatMap((id, i) => (metRol.has(id) ? [] : [{ name: `leden.${i}`, code: 'geen-partnergebruiker', reason: 'Deze gebruiker heeft in deze gemeente niet de rol externe partner.' }]));
      if (fouten.length > 0) throw partnerLedenOngeldig(fouten);
      const id = randomUUID();
      if (!(await partners.maakPartner(gemeente, { id, naam: invoer.naam, email: invoer.email, leden }, klok.nu().toISOString()))) throw partnerNaamBestaat();
      await audit.log(context, { gemeente, actie: 'melding-partner-aanmaken', objectType: 'melding-partner', objectId: id, details: { naam: invoer.naam, leden: leden.length } });
      const partner = await partners.partner(gemeente, id);
      if (!partner) throw partnerOnbekend();
      return partner;
    },

    /**
     * The team's queue: meldingen with their status, deadline band and partner, filtered; open
     * ones first by deadline, then closed ones newest first. Reads at most MAX_WERKVOORRAAD.
     */
    async werkvoorraad(gemeente: string, filter: WerkvoorraadFilter) {
      const vandaag = kalenderdag(klok.nu());
      const categorieen = filter.categorieen && filter.categorieen.length > 0 ? await subcategorieen(gemeente, filter.categorieen) : undefined;
      if (categorieen?.length === 0) return { items: [], totaal: 0, afgekapt: false };
      const alleenOpen = (filter.statussen?.every((s) => s !== 'afgehandeld' && s !== 'geannuleerd') || (filter.termijn?.length ?? 0) > 0) && filter.heropenverzoek === undefined;
      const gelezen = await deps.meldingen.tussen(gemeente, {
        van: '1970-01-01T00:00:00Z',
        tot: new Date(klok.nu().getTime() + 1000).toISOString(),
        categorieen,
        box: filter.box,
        status: alleenOpen ? 'open' : undefined,
        limit: MAX_WERKVOORRAAD,
      });
      const routeringen = new Map((await partners.routeringen(gemeente, { zaakIds: gelezen.map((m) => m.zaakId) })).map((r) => [r.zaakId, r]));
      const verzoeken = Map.groupBy(await samenvoegen.verzoeken(gemeente, { zaakIds: gelezen.map((m) => m.zaakId) }), (v) => v.zaakId);
      const regels = gelezen
        .map((m) => regel(m, routeringen.get(m.zaakId), vandaag, verzoeken.get(m.zaakId)))
        .filter((r) => filter.heropenverzoek === undefined || r.heropenverzoek?.status === filter.heropenverzoek)
        .filter((r) => !filter.statussen?.length || filter.statussen.includes(r.status))
        .filter((r) => !filter.termijn?.length || (r.termijn !== null && filter.termijn.includes(r.termijn)))
        .filter((r) => filter.partner === undefined || r.partner?.id === filter.partner)
        .toSorted((a, b) => {
          if ((a.afgeslotenOp === null) !== (b.afgeslotenOp === null)) return a.afgeslotenOp === null ? -1 : 1;
          if (a.afgeslotenOp === null) return a.uiterlijkeEinddatum.localeCompare(b.uiterlijkeEinddatum) || a.identificatie.localeCompare(b.identificatie);
          return b.ontvangenOp.localeCompare(a.ontvangenOp);
        });
      return { items: regels.slice(filter.offset, filter.offset + filter.limit), totaal: regels.length, afgekapt: gelezen.length >= MAX_WERKVOORRAAD };
    },

    /** One melding for the team: the queue's line, its answers and its routing history. */
    async melding(gemeente: string, zaakId: string) {
      const m = await deps.meldingen.opZaak(gemeente, zaakId);
      if (!m) throw meldingNietGevonden();
      const [routering] = await partners.routeringen(gemeente, { zaakIds: [zaakId] });
      const verzoeken = await samenvoegen.verzoeken(gemeente, { zaakIds: [zaakId] });
      return { ...regel(m, routering, kalenderdag(klok.nu()), verzoeken), samengevoegdIn: (await samenvoegen.hoofdVan(gemeente, [zaakId])).get(zaakId) ?? null, samengevoegd: await samenvoegen.samengevoegdIn(gemeente, zaakId), antwoorden: await deps.repository.antwoorden(gemeente, zaakId), partnergeschiedenis: await partners.gebeurtenissen(gemeente, zaakId) };
    },

    /**
     * Forwards an open melding to a partner (the category's by default): an entry in the routing
     * history and in the zaak's timeline, and a mail to the partner's address, in one transaction.
     */
    async doorzetten(wie: Wie, gemeente: string, zaakId: string, invoer: { partner?: string | undefined; toelichting: string }) {
      const m = await deps.meldingen.opZaak(gemeente, zaakId);
      if (!m) throw meldingNietGevonden();
      if (m.stand.afgeslotenOp !== null) throw meldingAfgesloten();
      const partnerId = invoer.partner ?? (await deps.repository.partnerVanCategorie(gemeente, zaakId)) ?? undefined;
      if (partnerId === undefined) throw geenPartner();
      const partner = await partners.partner(gemeente, partnerId);
      if (!partner) throw partnerOnbekend();
      await zaken.systeemGebeurtenis(systeem(wie.context, wie.naam), gemeente, zaakId, 'melding-doorzetten', async (z) => {
        const op = klok.nu().toISOString();
        await meldingPartnersRepository(z.transactie).voegToe(gemeente, zaakId, { partnerId, soort: 'doorgezet', toelichting: invoer.toelichting, doorGebruiker: wie.gebruiker, doorNaam: wie.naam, op });
        if (partner.email) {
          await deps.berichten.verstuur(
            {
              gemeente,
              aan: partner.email,
              onderwerp: `Melding ${m.identificatie} doorgezet: ${m.categorieNaam.nl}`,
              tekst: [
                `Beste ${partner.naam},`,
                `De gemeente heeft melding ${m.identificatie} (${m.categorieNaam.nl}) aan u doorgezet.${m.adres ? ` Plek: ${m.adres}.` : ''}`,
                invoer.toelichting ? `Toelichting: ${invoer.toelichting}` : '',
                `U ziet de melding en geeft de status door in Loket: ${deps.publicUrl}/medewerkers/${gemeente}/partner-meldingen/${zaakId}`,
              ]
                .filter(Boolean)
                .join('\n\n'),
            },
            { transactie: z.transactie },
          );
        }
        const tekst = `Doorgezet naar ${partner.naam}.${invoer.toelichting ? ` ${invoer.toelichting}` : ''}`;
        return { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], details: { partner: partnerId } };
      });
      return this.melding(gemeente, zaakId);
    },

    /** The meldingen routed now to the partners this user acts for (nothing else, ever). */
    async partnerWerkvoorraad(wie: Wie, gemeente: string) {
      if (!wie.gebruiker) return { items: [] };
      const mijn = await partners.partnersVan(gemeente, wie.gebruiker);
      const routeringen = await partners.routeringen(gemeente, { partners: mijn });
      const perZaak = new Map(routeringen.map((r) => [r.zaakId, r]));
      const vandaag = kalenderdag(klok.nu());
      const gelezen: MetStand[] = [];
      for (const zaakId of perZaak.keys()) {
        const m = await deps.meldingen.opZaak(gemeente, zaakId);
        if (m) gelezen.push(m);
      }
      return { items: gelezen.map((m) => partnerRegel(m, perZaak.get(m.zaakId), vandaag)) };
    },

    /** One melding routed to this user's partner: what the work needs, never the reporter. */
    async partnerMelding(wie: Wie, gemeente: string, zaakId: string) {
      const { routering } = await routeringVoorPartner(wie, gemeente, zaakId);
      const m = await deps.meldingen.opZaak(gemeente, zaakId);
      if (!m) throw meldingNietGevonden();
      const zaak = await zaken.detail(systeem(wie.context, null), gemeente, zaakId, { loggen: false });
      const geschiedenis = (await partners.gebeurtenissen(gemeente, zaakId)).filter((g) => g.partnerId === routering.partnerId);
      return {
        ...partnerRegel(m, routering, kalenderdag(klok.nu())),
        omschrijving: zaak.omschrijving,
        antwoorden: await deps.repository.antwoorden(gemeente, zaakId),
        geschiedenis: geschiedenis.map((g) => ({ volgnummer: g.volgnummer, soort: g.soort, status: g.status, toelichting: g.toelichting, doorNaam: g.doorNaam, op: g.op })),
      };
    },

    /** The partner reports a status: in its routing history and as a note in the zaak's timeline. */
    async partnerStatus(wie: Wie, gemeente: string, zaakId: string, invoer: { status: PartnerStatus; toelichting: string }) {
      const { partner } = await routeringVoorPartner(wie, gemeente, zaakId);
      await zaken.systeemGebeurtenis(systeem(wie.context, `${partner.naam} (${wie.naam ?? 'partner'})`), gemeente, zaakId, 'melding-partnerstatus', async (z) => {
        await meldingPartnersRepository(z.transactie).voegToe(gemeente, zaakId, { partnerId: partner.id, soort: 'status', status: invoer.status, toelichting: invoer.toelichting, doorGebruiker: wie.gebruiker, doorNaam: wie.naam, op: klok.nu().toISOString() });
        const tekst = `Partner ${partner.naam}: ${PARTNER_STATUS_NAAM[invoer.status]}.${invoer.toelichting ? ` ${invoer.toelichting}` : ''}`;
        return { gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst }, extern: false }], details: { partner: partner.id, status: invoer.status } };
      });
      return this.partnerMelding(wie, gemeente, zaakId);
    },

    /**
     * The partner's "after" photo: checked by its bytes and re-encoded without metadata (the
     * resident photo's checks), stored as an internal document of the zaak, at most MAX_NA_FOTOS.
     */
    async partnerFoto(wie: Wie, gemeente: string, zaakId: string, bestand: Buffer) {
      const { partner } = await routeringVoorPartner(wie, gemeente, zaakId);
      const foto = await verwerkFoto(bestand);
      if (!foto.ok) throw fotoOngeldig(foto.code, foto.reden);
      const documentId = randomUUID();
      await zaken.systeemGebeurtenis(systeem(wie.context, `${partner.naam} (${wie.naam ?? 'partner'})`), gemeente, zaakId, 'melding-partnerfoto', async (z) => {
        const repo = meldingPartnersRepository(z.transactie);
        const al = (await repo.gebeurtenissen(gemeente, zaakId)).filter((g) => g.soort === 'foto').length;
        if (al >= MAX_NA_FOTOS) throw fotoOngeldig('te-veel', `Er zijn al ${MAX_NA_FOTOS} foto's bij deze melding.`);
        await repo.voegToe(gemeente, zaakId, { partnerId: partner.id, soort: 'foto', toelichting: '', documentId, doorGebruiker: wie.gebruiker, doorNaam: wie.naam, op: klok.nu().toISOString() });
        const bestandsnaam = `na-foto-${al + 1}.${foto.formaat === 'jpeg' ? 'jpg' : foto.formaat}`;
        return {
          gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst: `Partner ${partner.naam}: foto na afloop toegevoegd (${bestandsnaam}).` }, extern: false }],
          documenten: [{ id: documentId, bestandsnaam, mediatype: foto.mediatype, inhoud: foto.data, extern: false }],
          details: { partner: partner.id, document: documentId },
        };
      });
      return this.partnerMelding(wie, gemeente, zaakId);
    },
  };

  /** The sub category codes of these codes (a main category stands for its subs). */
  async function subcategorieen(gemeente: string, codes: readonly string[]): Promise<string[]> {
    const alle = await deps.repository.categorieen(gemeente, { alleVersies: false });
    return alle.filter((c) => c.hoofdcategorie !== null && (codes.includes(c.code) || codes.includes(c.hoofdcategorie))).map((c) => c.code);
  }
}

export const PARTNER_STATUS_NAAM: Readonly<Record<PartnerStatus, string>> = {
  ingepland: 'ingepland',
  'in-behandeling': 'in behandeling',
  gereed: 'gereed',
  'niet-mogelijk': 'niet mogelijk',
};

export type MeldingenBehandelingService = ReturnType<typeof meldingenBehandelingService>;
