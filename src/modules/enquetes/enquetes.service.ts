/**
 * The inwonerspanel and its surveys (issue 15, ADR 0068). Residents sign up with consent and a
 * profile of weighting characteristics, confirm by mail (double opt-in) and can leave through the
 * link in every mail (their row is deleted). Beheerders keep the population margins. Surveys are
 * defined in the API, started, sent to panel members with a personal one-time link (only its hash
 * is kept), reminded once by a job, and answered without login: the answers are stored apart from
 * who gave them. The report weighs the panel's answers to the margins (`enquetes.rapport.ts`).
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { InvalidParam } from '../../http/problem.ts';
import { vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { leesMarges, SOM_TOLERANTIE } from './enquetes.bestanden.ts';
import { enqueteNietInConcept, enqueteOnbekend, enqueteStatusFout, margesOngeldig } from './enquetes.errors.ts';
import { maakRapport, rapportAlsCsv } from './enquetes.rapport.ts';
import { leesAanmelding, leesAntwoorden, type AanmeldFout, type AntwoordFout, type Velden } from './enquetes.regels.ts';
import { type EnqueteQueries, type EnqueteRij, type EnquetesRepository, type Panellid } from './enquetes.repository.ts';
import { CATEGORIEEN, KENMERKEN, type Definitie, type Kenmerknaam, type Marge, type Rapport } from './enquetes.schemas.ts';

/** A sign-up not confirmed within this many days is erased. */
export const BEVESTIG_DAGEN = 7;
const DAG_MS = 86_400_000;
/** A one-time token: 32 random bytes, base64url (43 characters). */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const nieuwToken = (): string => randomBytes(32).toString('base64url');

export interface PortaalGemeenteRef {
  code: string;
  slug: string;
  naam: string;
}

const voor = (taal: Taal) => (taal === 'en' ? 'en/' : '');
/** `/{slug}/inwonerspanel` and its pages. */
export const panelPad = (taal: Taal, slug: string, deel = ''): string => `/${slug}/${voor(taal)}inwonerspanel${deel ? `/${deel}` : ''}`;
/** The answer page of an invitation: `/{slug}/enquete/u/{token}`. */
export const uitnodigingPad = (taal: Taal, slug: string, token: string): string => `/${slug}/${voor(taal)}enquete/u/${token}`;
/** The open link of a survey: `/{slug}/enquete/{id}`. */
export const openPad = (taal: Taal, slug: string, id: string): string => `/${slug}/${voor(taal)}enquete/${id}`;

export type Aanmelduitkomst = { uitkomst: 'verstuurd' } | { uitkomst: 'fouten'; fouten: AanmeldFout[] };
export type Antwoorduitkomst = { uitkomst: 'opgeslagen' } | { uitkomst: 'al-beantwoord' } | { uitkomst: 'gesloten' } | { uitkomst: 'fouten'; fouten: AntwoordFout[] };

/** The margins checked: known characteristics and categories, no line twice, each characteristic summing to 1 (scaled within the tolerance). */
function controleerMarges(marges: readonly (Marge & { plek: string })[]): { marges: Marge[]; fouten: InvalidParam[] } {
  const fouten: InvalidParam[] = [];
  const gezien = new Set<string>();
  for (const m of marges) {
    const vast = m.kenmerk === 'wijk' ? undefined : (CATEGORIEEN[m.kenmerk] as readonly string[]);
    if (vast && !vast.includes(m.categorie)) fouten.push({ name: m.plek, code: 'onbekende-categorie', reason: `${m.kenmerk} kent alleen de categorieën ${vast.join(', ')}.` });
    const sleutel = `${m.kenmerk}\n${m.categorie}`;
    if (gezien.has(sleutel)) fouten.push({ name: m.plek, code: 'dubbel', reason: `${m.kenmerk} "${m.categorie}" staat er twee keer in.` });
    gezien.add(sleutel);
  }
  const uit: Marge[] = [];
  for (const kenmerk of KENMERKEN) {
    const eigen = marges.filter((m) => m.kenmerk === kenmerk);
    if (eigen.length === 0) continue;
    const som = eigen.reduce((s, m) => s + m.aandeel, 0);
    if (Math.abs(som - 1) > SOM_TOLERANTIE) {
      fouten.push({ name: (eigen.at(-1) as { plek: string }).plek, code: 'som-niet-1', reason: `De aandelen van ${kenmerk} tellen op tot ${Math.round(som * 10000) / 10000}, niet tot 1.` });
    }
    for (const m of eigen) uit.push({ kenmerk, categorie: m.categorie, aandeel: m.aandeel / som });
  }
  return { marges: uit, fouten };
}

/** The ids of the open questions of a survey. */
const openVragen = (d: Definitie): string[] => d.vragen.filter((v) => v.soort === 'open').map((v) => v.id);

export interface EnquetesDeps {
  repository: EnquetesRepository;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  publicUrl: string;
}

export function enquetesService(deps: EnquetesDeps) {
  const { repository, berichten, audit, klok, publicUrl } = deps;
  const nu = () => klok.nu().toISOString();

  /** A fresh leave link for a mail (every mail has one; each stays valid until the member leaves). */
  async function afmeldLink(repo: EnqueteQueries, g: PortaalGemeenteRef, lid: Pick<Panellid, 'id' | 'taal'>): Promise<string> {
    const token = nieuwToken();
    await repo.voegSleutelToe(g.code, sha256(token), lid.id, 'afmelden');
    return `${publicUrl}${panelPad(lid.taal, g.slug, `afmelden/${token}`)}`;
  }

  async function mail(repo: EnqueteQueries, trx: Transaction<DB>, g: PortaalGemeenteRef, lid: Pick<Panellid, 'id' | 'taal' | 'email'>, soort: string, waarden: Record<string, string | number>): Promise<void> {
    const t = vertaler(lid.taal, 'enquetes');
    const alle = { gemeente: g.naam, afmelden: await afmeldLink(repo, g, lid), ...waarden };
    const tekst = [t('mail.aanhef'), t(`mail.${soort}.tekst`, alle), t('mail.afmelden', alle), t('mail.groet', alle)].join('\n\n');
    await berichten.verstuur({ gemeente: g.code, aan: lid.email, onderwerp: t(`mail.${soort}.onderwerp`, alle), tekst }, { transactie: trx });
  }

  async function uitnodigingsmail(repo: EnqueteQueries, trx: Transaction<DB>, g: PortaalGemeenteRef, lid: Panellid, uitnodigingId: string, enquete: EnqueteRij, soort: 'uitnodiging' | 'herinnering'): Promise<void> {
    const token = nieuwToken();
    await repo.voegSleutelToe(g.code, sha256(token), lid.id, 'enquete', uitnodigingId);
    await mail(repo, trx, g, lid, soort, { titel: enquete.definitie.titel[lid.taal], link: `${publicUrl}${uitnodigingPad(lid.taal, g.slug, token)}` });
  }

  async function bestaandeEnquete(gemeente: string, id: string): Promise<EnqueteRij> {
    const e = await repository.enquete(gemeente, id);
    if (!e) throw enqueteOnbekend();
    return e;
  }

  async function metRespons(gemeente: string, e: EnqueteRij, slug: string) {
    return { ...e, openLinkPad: e.openLink && e.status === 'lopend' ? openPad('nl', slug, e.id) : null, respons: await repository.respons(gemeente, e.id) };
  }

  async function bewaarMarges(context: Context, gemeente: string, marges: Marge[], bron: string): Promise<Marge[]> {
    await repository.transactie((repo) => repo.zetMarges(gemeente, marges));
    await audit.log(context, { gemeente, actie: 'panel-marges', objectType: 'panel', objectId: gemeente, details: { bron, regels: marges.length } });
    return repository.marges(gemeente);
  }

  return {
    // ---- Panel (residents) ----

    /** The wijken a resident can choose: the categories of the gemeente's margins for `wijk`. */
    wijken: async (gemeente: string): Promise<string[]> => (await repository.marges(gemeente)).filter((m) => m.kenmerk === 'wijk').map((m) => m.categorie),

    /**
     * Sign-up: a new member (unconfirmed) and the confirm mail; an address already signed up but
     * not confirmed gets the confirm mail again, a member gets a mail that they are one. The
     * answer is the same in all three cases, so the page does not tell who is a member.
     */
    async meldAan(g: PortaalGemeenteRef, taal: Taal, velden: Velden): Promise<Aanmelduitkomst> {
      const gelezen = leesAanmelding(velden, await this.wijken(g.code));
      if ('fouten' in gelezen) return { uitkomst: 'fouten', fouten: gelezen.fouten };
      const a = gelezen.aanmelding;
      await repository.transactie(async (repo, trx) => {
        const bestaand = await repo.lidOpEmail(g.code, a.email);
        if (bestaand?.bevestigdOp) return mail(repo, trx, g, bestaand, 'alLid', {});
        const id = bestaand?.id ?? (await repo.voegLidToe(g.code, a, taal, nu()));
        const lid = bestaand ?? { id, taal, email: a.email };
        const token = nieuwToken();
        await repo.voegSleutelToe(g.code, sha256(token), id, 'bevestigen');
        await mail(repo, trx, g, lid, 'bevestigen', { link: `${publicUrl}${panelPad(lid.taal, g.slug, `bevestig/${token}`)}`, dagen: BEVESTIG_DAGEN });
      });
      return { uitkomst: 'verstuurd' };
    },

    /** The member of a confirm or leave token (undefined: unknown, used up or erased). */
    async lidVan(gemeente: string, token: string, doel: 'bevestigen' | 'afmelden'): Promise<Panellid | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const s = await repository.sleutel(gemeente, sha256(token), doel);
      return s ? repository.lid(gemeente, s.panellidId) : undefined;
    },

    /** Confirms the sign-up of a confirm token; false: unknown token. */
    async bevestig(gemeente: string, token: string): Promise<boolean> {
      const lid = await this.lidVan(gemeente, token, 'bevestigen');
      if (!lid) return false;
      await repository.bevestig(gemeente, lid.id, nu());
      return true;
    },

    /** Leaves the panel: the member, their profile and every link are erased. False: unknown token. */
    async meldAf(gemeente: string, token: string): Promise<boolean> {
      const lid = await this.lidVan(gemeente, token, 'afmelden');
      return lid ? repository.verwijderLid(gemeente, lid.id) : false;
    },

    /** Housekeeping (onderhoud): sign-ups not confirmed within BEVESTIG_DAGEN are erased. */
    verwijderVerlopen: (): Promise<number> => repository.ruimOnbevestigdeOp(new Date(klok.nu().getTime() - BEVESTIG_DAGEN * DAG_MS).toISOString()),

    // ---- Panel (staff) ----

    marges: (gemeente: string): Promise<Marge[]> => repository.marges(gemeente),

    async zetMarges(context: Context, gemeente: string, marges: readonly Marge[]): Promise<Marge[]> {
      const gecontroleerd = controleerMarges(marges.map((m, i) => ({ ...m, plek: `marges.${i}` })));
      if (gecontroleerd.fouten.length > 0) throw margesOngeldig(gecontroleerd.fouten);
      return bewaarMarges(context, gemeente, gecontroleerd.marges, 'api');
    },

    /** Margins from a CSV file `kenmerk,categorie,aandeel` (`,` or `;`, the format of `loket enquete weeg`). */
    async importeerMarges(context: Context, gemeente: string, csv: string): Promise<Marge[]> {
      const { kenmerken, fouten } = leesMarges({ naam: 'marges.csv', tekst: csv });
      const invalid: InvalidParam[] = fouten.map((f) => ({ name: `regel ${f.regel}`, code: 'ongeldige-regel', reason: f.reden }));
      const marges: (Marge & { plek: string })[] = [];
      for (const k of kenmerken) {
        if (!(KENMERKEN as readonly string[]).includes(k.naam)) {
          invalid.push({ name: `regel ${k.regels[0]}`, code: 'onbekend-kenmerk', reason: `Het kenmerk "${k.naam}" kent het panel niet; gebruik ${KENMERKEN.join(', ')}.` });
          continue;
        }
        k.categorieen.forEach((categorie, i) => marges.push({ kenmerk: k.naam as Kenmerknaam, categorie, aandeel: k.aandelen[i] as number, plek: `regel ${k.regels[i]}` }));
      }
      const gecontroleerd = controleerMarges(marges);
      invalid.push(...gecontroleerd.fouten);
      if (invalid.length > 0) throw margesOngeldig(invalid);
      return bewaarMarges(context, gemeente, gecontroleerd.marges, 'csv');
    },

    async panelStand(gemeente: string) {
      const [stand, marges] = await Promise.all([repository.panelStand(gemeente), repository.marges(gemeente)]);
      return {
        leden: stand.bevestigd,
        wachtOpBevestiging: stand.onbevestigd,
        perKenmerk: stand.perKenmerk.map((p) => ({
          ...p,
          aandeelPanel: stand.bevestigd > 0 ? p.leden / stand.bevestigd : 0,
          aandeelBevolking: marges.find((m) => m.kenmerk === p.kenmerk && m.categorie === p.categorie)?.aandeel ?? null,
        })),
      };
    },

    // ---- Surveys (staff) ----

    async maak(context: Context, g: PortaalGemeenteRef, invoer: { definitie: Definitie; openLink: boolean; herinneringNaDagen: number }) {
      const id = await repository.voegEnqueteToe(g.code, invoer, nu());
      await audit.log(context, { gemeente: g.code, actie: 'enquete-gemaakt', objectType: 'enquete', objectId: id, details: { vragen: invoer.definitie.vragen.length } });
      return metRespons(g.code, await bestaandeEnquete(g.code, id), g.slug);
    },

    async wijzig(context: Context, g: PortaalGemeenteRef, id: string, invoer: { definitie: Definitie; openLink: boolean; herinneringNaDagen: number }) {
      await bestaandeEnquete(g.code, id);
      if (!(await repository.wijzigEnquete(g.code, id, invoer))) throw enqueteNietInConcept();
      await audit.log(context, { gemeente: g.code, actie: 'enquete-gewijzigd', objectType: 'enquete', objectId: id, details: { vragen: invoer.definitie.vragen.length } });
      return metRespons(g.code, await bestaandeEnquete(g.code, id), g.slug);
    },

    haal: async (g: PortaalGemeenteRef, id: string) => metRespons(g.code, await bestaandeEnquete(g.code, id), g.slug),
    lijst: async (g: PortaalGemeenteRef) => Promise.all((await repository.enquetes(g.code)).map((e) => metRespons(g.code, e, g.slug))),

    /** concept → lopend (answers and invitations possible) → gesloten (no more answers). */
    async zetStatus(context: Context, g: PortaalGemeenteRef, id: string, naar: 'lopend' | 'gesloten') {
      await bestaandeEnquete(g.code, id);
      const van = naar === 'lopend' ? 'concept' : 'lopend';
      if (!(await repository.zetStatus(g.code, id, van, naar, nu()))) throw enqueteStatusFout(van === 'concept' ? 'nog in concept' : 'lopend');
      await audit.log(context, { gemeente: g.code, actie: naar === 'lopend' ? 'enquete-gestart' : 'enquete-gesloten', objectType: 'enquete', objectId: id });
      return metRespons(g.code, await bestaandeEnquete(g.code, id), g.slug);
    },

    /** Invites confirmed members who were not invited yet (all, or a random sample), each by mail with a personal link. */
    async nodigUit(context: Context, g: PortaalGemeenteRef, id: string, steekproef?: number): Promise<{ uitgenodigd: number }> {
      const enquete = await bestaandeEnquete(g.code, id);
      if (enquete.status !== 'lopend') throw enqueteStatusFout('lopend');
      const aantal = await repository.transactie(async (repo, trx) => {
        const leden = await repo.nietUitgenodigd(g.code, id, steekproef ?? 1_000_000);
        for (const lid of leden) await uitnodigingsmail(repo, trx, g, lid, await repo.voegUitnodigingToe(g.code, id, lid.id, nu()), enquete, 'uitnodiging');
        return leden.length;
      });
      await audit.log(context, { gemeente: g.code, actie: 'enquete-uitnodigingen', objectType: 'enquete', objectId: id, details: { uitgenodigd: aantal } });
      return { uitgenodigd: aantal };
    },

    /**
     * The reminder round (job): every unanswered invitation of a running survey older than its
     * reminder term gets one reminder with a new personal link (the first link keeps working).
     * Claimed and mailed in one transaction per batch: a doubled round reminds nobody twice.
     */
    async herinner(gemeenteLijst: () => Promise<PortaalGemeenteRef[]>): Promise<number> {
      const gemeenten = new Map((await gemeenteLijst()).map((g) => [g.code, g]));
      let totaal = 0;
      for (;;) {
        const aantal = await repository.transactie(async (repo, trx) => {
          const te = await repo.claimHerinneringen(nu(), 200);
          for (const h of te) {
            const g = gemeenten.get(h.gemeente);
            const enquete = await repo.enquete(h.gemeente, h.enqueteId);
            if (g && enquete) await uitnodigingsmail(repo, trx, g, h.lid, h.uitnodigingId, enquete, 'herinnering');
          }
          return te.length;
        });
        totaal += aantal;
        if (aantal < 200) return totaal;
      }
    },

    async rapport(g: PortaalGemeenteRef, id: string, opties: { uitsplitsing?: Kenmerknaam; maxGewicht?: number }): Promise<Rapport> {
      const enquete = await bestaandeEnquete(g.code, id);
      // Open questions are counted only as answered (their texts are not in the report: it never shows an individual).
      const [t, marges] = await Promise.all([repository.tellingen(g.code, id), repository.marges(g.code)]);
      return maakRapport({
        enquete: id,
        definitie: enquete.definitie,
        marges,
        panel: { profielen: t.profielen, antwoorden: t.panel },
        open: { respondenten: t.openRespondenten, antwoorden: t.open },
        ...opties,
      });
    },

    rapportAlsCsv,

    // ---- Surveys (residents) ----

    /** The survey and invitation of a personal link (undefined: unknown link, or the member left). */
    async uitnodiging(gemeente: string, token: string): Promise<{ enquete: EnqueteRij; beantwoord: boolean } | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const s = await repository.sleutel(gemeente, sha256(token), 'enquete');
      const u = s?.uitnodigingId ? await repository.uitnodiging(gemeente, s.uitnodigingId) : undefined;
      const enquete = u ? await repository.enquete(gemeente, u.enqueteId) : undefined;
      return u && enquete ? { enquete, beantwoord: u.beantwoord } : undefined;
    },

    /** Stores the answers of a personal link once, apart from who gave them; a second answer changes nothing. */
    async beantwoord(gemeente: string, token: string, velden: Velden): Promise<Antwoorduitkomst | undefined> {
      if (!TOKEN.test(token)) return undefined;
      return repository.transactie(async (repo) => {
        const s = await repo.sleutel(gemeente, sha256(token), 'enquete');
        const u = s?.uitnodigingId ? await repo.uitnodiging(gemeente, s.uitnodigingId) : undefined;
        const enquete = u ? await repo.enquete(gemeente, u.enqueteId) : undefined;
        const lid = s ? await repo.lid(gemeente, s.panellidId) : undefined;
        if (!u || !enquete || !lid) return undefined;
        if (u.beantwoord) return { uitkomst: 'al-beantwoord' } as const;
        if (enquete.status !== 'lopend') return { uitkomst: 'gesloten' } as const;
        const gelezen = leesAntwoorden(enquete.definitie, velden);
        if ('fouten' in gelezen) return { uitkomst: 'fouten', fouten: gelezen.fouten } as const;
        if (!(await repo.markeerBeantwoord(gemeente, u.id))) return { uitkomst: 'al-beantwoord' } as const;
        await repo.voegResponsToe(gemeente, enquete.id, 'panel', lid, gelezen.antwoorden, kalenderdag(klok.nu()), openVragen(enquete.definitie));
        return { uitkomst: 'opgeslagen' } as const;
      });
    },

    /** A survey open to anyone by link (undefined: no such survey, or not open by link). */
    async openEnquete(gemeente: string, id: string): Promise<EnqueteRij | undefined> {
      const e = await repository.enquete(gemeente, id);
      return e?.openLink && e.status !== 'concept' ? e : undefined;
    },

    /** Stores the answers given by open link (flagged `open`: no profile, not weighted). */
    async beantwoordOpen(gemeente: string, id: string, velden: Velden): Promise<Antwoorduitkomst | undefined> {
      const enquete = await this.openEnquete(gemeente, id);
      if (!enquete) return undefined;
      if (enquete.status !== 'lopend') return { uitkomst: 'gesloten' };
      const gelezen = leesAntwoorden(enquete.definitie, velden);
      if ('fouten' in gelezen) return { uitkomst: 'fouten', fouten: gelezen.fouten };
      await repository.transactie((repo) => repo.voegResponsToe(gemeente, id, 'open', null, gelezen.antwoorden, kalenderdag(klok.nu()), openVragen(enquete.definitie)));
      return { uitkomst: 'opgeslagen' };
    },
  };
}

export type EnquetesService = ReturnType<typeof enquetesService>;
