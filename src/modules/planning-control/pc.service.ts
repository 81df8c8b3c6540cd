import { randomUUID } from 'node:crypto';
import { verouderd } from '../../http/etag.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { aanvullingVan, afwijkingen, metNieuweControles, metOordelen, metOudeAanvullingen, opgeschoond, slugVan, vergelijk } from './pc.analyse.ts';
import type { PcFinancienRegel, PcHoofdstuk, PcIndicator } from './pc.hoofdstuk.ts';
import {
  documentOnbekend,
  gemeenteOnbekend,
  isVastgesteldFout,
  onderdeelOnbekend,
  ongeldig,
  programmaOnbekend,
  statusovergangOngeldig,
  versieOnbekend,
  versieVastgesteld,
  zodProbleem,
} from './pc.errors.ts';
import type { PcProgrammaRecord, PcRepository, PcVersieRecord } from './pc.repository.ts';
import {
  hoofdstukSchema,
  oudeAanvullingenSchema,
  type FinancienRegelWijziging,
  type IndicatorWijziging,
  type NieuweFinancienRegel,
  type NieuweIndicator,
  type PcDocumentsoort,
  type PcStatus,
  type ProgrammaWijziging,
} from './pc.schemas.ts';

/** One chapter as the register holds it: the printed content with the register's additions inside (ADR 0017). */
export interface PcProgramma {
  versie: PcVersieRecord;
  slug: string;
  naam: string;
  hoofdstuk: PcHoofdstuk;
  etag: number;
}

export interface ImportOpties {
  soort?: PcDocumentsoort | undefined;
  naam?: string | undefined;
  /** Store straight as this status (documents the council already adopted, e.g. the demo); the date may be unknown. */
  status?: PcStatus;
  vastgesteldOp?: string | null;
}

/** The document soort a chapter belongs to. */
export function documentsoortVan(h: PcHoofdstuk): PcDocumentsoort {
  return h.soort === 'begroting' ? 'programmabegroting' : 'jaarstukken';
}

const OVERGANGEN: Record<PcStatus, readonly PcStatus[]> = {
  concept: ['aangeboden', 'vastgesteld'],
  aangeboden: ['concept', 'vastgesteld'],
  vastgesteld: [],
};

/** A stored chapter, checked; additions stored beside it the old way are folded in (ADR 0017). */
function uitRecord(versie: PcVersieRecord, r: PcProgrammaRecord): PcProgramma {
  const hoofdstuk = metOordelen(metOudeAanvullingen(hoofdstukSchema.parse(r.hoofdstuk), oudeAanvullingenSchema.parse(r.aanvullingen)));
  return { versie, slug: r.slug, naam: r.naam, hoofdstuk, etag: r.etag };
}

/** The main finance table, or 404 when the chapter has none. */
function financienVan(p: PcProgramma): NonNullable<PcHoofdstuk['financien']> {
  if (!p.hoofdstuk.financien) throw onderdeelOnbekend('financiële tabel');
  return p.hoofdstuk.financien;
}

/** Moves item i of a list to place `naar` (0-based, clamped). */
function verplaats<T>(lijst: readonly T[], i: number, naar: number): T[] {
  const rest = lijst.filter((_, k) => k !== i);
  const item = lijst[i] as T;
  const plek = Math.max(0, Math.min(naar, rest.length));
  return [...rest.slice(0, plek), item, ...rest.slice(plek)];
}

/** Inserts an item at a 1-based place (default: last). */
function voegIn<T>(lijst: readonly T[], item: T, positie: number | undefined): T[] {
  const plek = positie === undefined ? lijst.length : Math.min(positie - 1, lijst.length);
  return [...lijst.slice(0, plek), item, ...lijst.slice(plek)];
}

/** Maps the database's refusal (trigger) to the same 409 the service gives. */
async function bewaakt<T>(werk: () => Promise<T>): Promise<T> {
  try {
    return await werk();
  } catch (error) {
    if (isVastgesteldFout(error)) throw versieVastgesteld();
    throw error;
  }
}

/** The position (1-based) in a list, or 404. */
function positie(nr: string, lengte: number, wat: string): number {
  const n = /^[1-9][0-9]{0,3}$/.test(nr) ? Number(nr) : 0;
  if (n < 1 || n > lengte) throw onderdeelOnbekend(wat);
  return n - 1;
}

/**
 * The planning & control register (ADR 0009): documents, versions, chapters; editing while a
 * version is not vastgesteld; comparison of versions and deviations from the budget.
 */
export function pcService(deps: { repository: PcRepository; gemeenten: GemeentenRepository; audit: AuditService; klok: Klok }) {
  const { repository, gemeenten, audit, klok } = deps;

  async function versie(gemeente: string, id: string): Promise<PcVersieRecord> {
    const v = await repository.versie(gemeente, id);
    if (!v) throw versieOnbekend();
    return v;
  }

  async function programma(gemeente: string, versieId: string, slug: string): Promise<PcProgramma> {
    const v = await versie(gemeente, versieId);
    const r = await repository.programma(gemeente, versieId, slug);
    if (!r) throw programmaOnbekend();
    return uitRecord(v, r);
  }

  async function bewerkbaar(gemeente: string, versieId: string, slug: string, etag: number): Promise<PcProgramma> {
    const p = await programma(gemeente, versieId, slug);
    if (p.versie.status === 'vastgesteld') throw versieVastgesteld();
    if (p.etag !== etag) throw verouderd();
    return p;
  }

  async function bewaarProgramma(context: Context, gemeente: string, p: PcProgramma, hoofdstuk: PcHoofdstuk, actie: string, details: Record<string, unknown>): Promise<PcProgramma> {
    const gecontroleerd = hoofdstukSchema.safeParse(opgeschoond(hoofdstuk));
    if (!gecontroleerd.success) throw zodProbleem(gecontroleerd.error);
    const nu = klok.nu().toISOString();
    const gelukt = await bewaakt(() => repository.wijzigProgramma(gemeente, p.versie.id, p.slug, p.etag, { naam: gecontroleerd.data.programma, hoofdstuk: gecontroleerd.data, aanvullingen: {} }, nu));
    if (!gelukt) {
      const nieuw = await repository.versie(gemeente, p.versie.id);
      if (nieuw?.status === 'vastgesteld') throw versieVastgesteld();
      throw verouderd();
    }
    await audit.log(context, { gemeente, actie, objectType: 'pc-programma', objectId: `${p.versie.id}/${p.slug}`, details });
    return programma(gemeente, p.versie.id, p.slug);
  }

  /** The chapter to change at a 1-based place of one of its lists: 404 for a place that is not there, 409/412 first when it cannot change. */
  async function bewerkbaarOp(gemeente: string, versieId: string, slug: string, nr: string, etag: number, lijst: (h: PcHoofdstuk) => readonly unknown[], wat: string): Promise<{ p: PcProgramma; i: number }> {
    const p = await programma(gemeente, versieId, slug);
    const i = positie(nr, lijst(p.hoofdstuk).length, wat);
    return { p: await bewerkbaar(gemeente, versieId, slug, etag), i };
  }

  return {
    documenten: (gemeente: string, filter: { soort?: PcDocumentsoort | undefined; jaar?: number | undefined }) => repository.documenten(gemeente, filter),

    async versie(gemeente: string, id: string) {
      const v = await versie(gemeente, id);
      return { ...v, programmas: await repository.programmaLijst(gemeente, id) };
    },

    programma,

    /**
     * Stores chapters as a new version of their document (made when new), copying the other
     * chapters of the latest version; all or nothing. Returns the new version.
     */
    async importeer(context: Context, gemeente: string, invoer: readonly unknown[], opties: ImportOpties = {}): Promise<PcVersieRecord> {
      if (!(await gemeenten.opCode(gemeente))) throw gemeenteOnbekend(gemeente);
      if (invoer.length === 0) throw ongeldig('hoofdstukken', 'Er is geen hoofdstuk om op te slaan.');
      const hoofdstukken: PcHoofdstuk[] = invoer.map((h, i) => {
        const r = hoofdstukSchema.safeParse(h);
        if (!r.success) throw zodProbleem(r.error, invoer.length > 1 ? String(i) : '');
        return r.data;
      });
      const [eerste] = hoofdstukken as [PcHoofdstuk, ...PcHoofdstuk[]];
      const soort = opties.soort ?? documentsoortVan(eerste);
      for (const [i, h] of hoofdstukken.entries()) {
        const pad = hoofdstukken.length > 1 ? `${i}.` : '';
        if (h.gemeente !== gemeente) throw ongeldig(`${pad}gemeente`, `Dit hoofdstuk is van ${h.gemeente}, niet van ${gemeente}.`);
        if (h.jaar !== eerste.jaar || documentsoortVan(h) !== documentsoortVan(eerste)) throw ongeldig(`${pad}jaar`, 'Alle hoofdstukken van één import horen bij hetzelfde document en jaar.');
        if ((soort === 'jaarstukken') !== (h.soort === 'jaarstukken')) throw ongeldig(`${pad}soort`, `Een hoofdstuk van soort ${h.soort} hoort niet in ${soort}.`);
      }
      const slugs = hoofdstukken.map((h) => slugVan(h.programma));
      const dubbel = slugs.find((s, i) => slugs.indexOf(s) !== i);
      if (dubbel) throw ongeldig('programma', `Programma ${dubbel} staat twee keer in deze import.`);
      if (opties.vastgesteldOp && (opties.status !== 'vastgesteld' || opties.vastgesteldOp > kalenderdag(klok.nu()))) {
        throw ongeldig('vastgesteldOp', 'De datum van het raadsbesluit hoort bij een vastgestelde versie en ligt niet in de toekomst.');
      }
      const id = randomUUID();
      const naam = opties.naam ?? (hoofdstukken.length === 1 ? `Import ${eerste.programma}` : 'Import');
      await repository.nieuweVersieMet(
        gemeente,
        { id: randomUUID(), soort, jaar: eerste.jaar },
        { id, naam, nu: klok.nu().toISOString(), ...(opties.status ? { status: opties.status, vastgesteldOp: opties.vastgesteldOp ?? null } : {}) },
        hoofdstukken.map((h, i) => ({ slug: slugs[i] as string, naam: h.programma, hoofdstuk: opgeschoond(h), aanvullingen: {} })),
      );
      await audit.log(context, { gemeente, actie: 'pc-importeren', objectType: 'pc-versie', objectId: id, details: { soort, jaar: eerste.jaar, programmas: slugs } });
      return versie(gemeente, id);
    },

    /** A new concept version copied from this one: how a vastgesteld document changes. */
    async nieuweVersie(context: Context, gemeente: string, id: string, w: { naam?: string | undefined }) {
      const van = await versie(gemeente, id);
      const nieuw = randomUUID();
      await repository.kopieVan(gemeente, van, { id: nieuw, naam: w.naam || `Wijziging van versie ${van.volgnummer}`, nu: klok.nu().toISOString() });
      await audit.log(context, { gemeente, actie: 'pc-nieuwe-versie', objectType: 'pc-versie', objectId: nieuw, details: { van: id } });
      return { ...(await versie(gemeente, nieuw)), programmas: await repository.programmaLijst(gemeente, nieuw) };
    },

    /** Name or status of a version; vastgesteld needs the council date (not in the future) and is final. */
    async wijzigVersie(context: Context, gemeente: string, id: string, etag: number, w: { naam?: string | undefined; status?: PcStatus | undefined; vastgesteldOp?: string | undefined }) {
      const v = await versie(gemeente, id);
      if (v.status === 'vastgesteld') throw versieVastgesteld();
      if (v.etag !== etag) throw verouderd();
      const wijziging: { naam?: string; status?: PcStatus; vastgesteldOp?: string | null } = {};
      if (w.naam !== undefined) wijziging.naam = w.naam;
      if (w.status !== undefined && w.status !== v.status) {
        if (!OVERGANGEN[v.status].includes(w.status)) throw statusovergangOngeldig(v.status, w.status);
        wijziging.status = w.status;
      }
      if (w.status === 'vastgesteld') {
        if (!w.vastgesteldOp) throw ongeldig('vastgesteldOp', 'Vul de datum van het raadsbesluit in.', 'verplicht');
        if (w.vastgesteldOp > kalenderdag(klok.nu())) throw ongeldig('vastgesteldOp', 'De datum van het raadsbesluit ligt in de toekomst.', 'datum-in-toekomst');
        wijziging.vastgesteldOp = w.vastgesteldOp;
      } else if (w.vastgesteldOp !== undefined) {
        throw ongeldig('vastgesteldOp', 'Een datum van het raadsbesluit hoort alleen bij status vastgesteld.');
      }
      const gelukt = await bewaakt(() => repository.wijzigVersie(gemeente, id, etag, wijziging, klok.nu().toISOString()));
      if (!gelukt) throw verouderd();
      await audit.log(context, { gemeente, actie: 'pc-versie-wijzigen', objectType: 'pc-versie', objectId: id, details: { ...wijziging } });
      return { ...(await versie(gemeente, id)), programmas: await repository.programmaLijst(gemeente, id) };
    },

    /** Replaces the named parts of a chapter; indicators and finance rows carry their own additions along. */
    async wijzigProgramma(context: Context, gemeente: string, versieId: string, slug: string, etag: number, w: ProgrammaWijziging) {
      const p = await bewerkbaar(gemeente, versieId, slug, etag);
      const { naam, ...delen } = w;
      const hoofdstuk: PcHoofdstuk = { ...p.hoofdstuk, ...delen, ...(naam !== undefined ? { programma: naam } : {}) };
      // Changed amounts: the saldi are checked again, so a mismatch shows instead of the old verdict.
      const gewijzigd = { financien: delen.financien !== undefined, financienOverig: delen.financienOverig !== undefined, overhevelingen: delen.overhevelingen !== undefined };
      return bewaarProgramma(context, gemeente, p, metNieuweControles(hoofdstuk, gewijzigd), 'pc-programma-wijzigen', { onderdelen: Object.keys(w) });
    },

    /** A new indicator at a place (default: last); the others keep their additions. */
    async voegIndicatorToe(context: Context, gemeente: string, versieId: string, slug: string, etag: number, w: NieuweIndicator) {
      const p = await bewerkbaar(gemeente, versieId, slug, etag);
      const { positie: plek, ...indicator } = w;
      const indicatoren = voegIn(p.hoofdstuk.indicatoren, indicator, plek);
      return bewaarProgramma(context, gemeente, p, { ...p.hoofdstuk, indicatoren }, 'pc-indicator-toevoegen', { nr: indicatoren.indexOf(indicator) + 1 });
    },

    /** Removes one indicator (1-based place); the others keep their additions. */
    async verwijderIndicator(context: Context, gemeente: string, versieId: string, slug: string, nr: string, etag: number) {
      const { p, i } = await bewerkbaarOp(gemeente, versieId, slug, nr, etag, (h) => h.indicatoren, 'indicator');
      const weg = p.hoofdstuk.indicatoren[i] as PcIndicator;
      return bewaarProgramma(context, gemeente, p, { ...p.hoofdstuk, indicatoren: p.hoofdstuk.indicatoren.filter((_, k) => k !== i) }, 'pc-indicator-verwijderen', { nr: i + 1, code: weg.code });
    },

    /** One indicator (1-based position): its fields, values with footnotes and reasons, additions, and its place. */
    async wijzigIndicator(context: Context, gemeente: string, versieId: string, slug: string, nr: string, etag: number, w: IndicatorWijziging) {
      const { p, i } = await bewerkbaarOp(gemeente, versieId, slug, nr, etag, (h) => h.indicatoren, 'indicator');
      const { positie: plek, richting, koppeling, bron, peildatum, toelichting, kpi, ...eigen } = w;
      const oud = p.hoofdstuk.indicatoren[i] as PcIndicator;
      const extra = { ...(richting !== undefined ? { richting } : {}), ...(koppeling !== undefined ? { koppeling } : {}), ...(bron !== undefined ? { bron } : {}), ...(peildatum !== undefined ? { peildatum } : {}), ...(toelichting !== undefined ? { toelichting: toelichting?.trim() ? toelichting : null } : {}) };
      const { kpi: oudeKpi, ...aanvulling } = { ...aanvullingVan(oud), ...extra };
      // kpi: absent keeps the link, null removes it (ADR 0079).
      const koppelingKpi = kpi === undefined ? oudeKpi : (kpi ?? undefined);
      const nieuw: PcIndicator = { ...oud, ...eigen, aanvulling: { ...aanvulling, ...(koppelingKpi ? { kpi: koppelingKpi } : {}) } };
      const indicatoren = verplaats(p.hoofdstuk.indicatoren.map((ind, k) => (k === i ? nieuw : ind)), i, plek === undefined ? i : plek - 1);
      return bewaarProgramma(context, gemeente, p, { ...p.hoofdstuk, indicatoren }, 'pc-indicator-wijzigen', { nr: i + 1, velden: Object.keys(w) });
    },

    /** A new row of the main finance table at a place (default: last); the controles are computed again. */
    async voegFinancienRegelToe(context: Context, gemeente: string, versieId: string, slug: string, etag: number, w: NieuweFinancienRegel) {
      const p = await bewerkbaar(gemeente, versieId, slug, etag);
      const financien = financienVan(p);
      const { positie: plek, ...regel } = w;
      const regels = voegIn(financien.regels, regel, plek);
      const hoofdstuk = metNieuweControles({ ...p.hoofdstuk, financien: { ...financien, regels } }, { financien: true });
      return bewaarProgramma(context, gemeente, p, hoofdstuk, 'pc-financien-toevoegen', { nr: regels.indexOf(regel) + 1 });
    },

    /** Removes one finance row (1-based place); the controles are computed again. */
    async verwijderFinancienRegel(context: Context, gemeente: string, versieId: string, slug: string, nr: string, etag: number) {
      const { p, i } = await bewerkbaarOp(gemeente, versieId, slug, nr, etag, (h) => h.financien?.regels ?? [], 'financiële regel');
      const financien = financienVan(p);
      const hoofdstuk = metNieuweControles({ ...p.hoofdstuk, financien: { ...financien, regels: financien.regels.filter((_, k) => k !== i) } }, { financien: true });
      return bewaarProgramma(context, gemeente, p, hoofdstuk, 'pc-financien-verwijderen', { nr: i + 1, naam: financien.regels[i]?.naam });
    },

    /** One finance row (1-based position): name, amounts, explanation of a deviation, place; the controles are computed again. */
    async wijzigFinancienRegel(context: Context, gemeente: string, versieId: string, slug: string, nr: string, etag: number, w: FinancienRegelWijziging) {
      const { p, i } = await bewerkbaarOp(gemeente, versieId, slug, nr, etag, (h) => h.financien?.regels ?? [], 'financiële regel');
      const financien = financienVan(p);
      const { positie: plek, toelichting, ...eigen } = w;
      const oud = financien.regels[i] as PcFinancienRegel;
      const nieuw: PcFinancienRegel = { ...oud, ...eigen, ...(toelichting !== undefined ? { toelichting: toelichting ?? '' } : {}) };
      const regels = verplaats(financien.regels.map((r, k) => (k === i ? nieuw : r)), i, plek === undefined ? i : plek - 1);
      const hoofdstuk = metNieuweControles({ ...p.hoofdstuk, financien: { ...financien, regels } }, { financien: w.bedragen !== undefined || w.naam !== undefined || plek !== undefined });
      return bewaarProgramma(context, gemeente, p, hoofdstuk, 'pc-financien-wijzigen', { nr: i + 1, velden: Object.keys(w) });
    },

    /** Differences between two versions of the same document (default: this one and the one before). */
    async vergelijk(gemeente: string, id: string, met: string | undefined) {
      const naar = await versie(gemeente, id);
      const van = met ? await versie(gemeente, met) : await repository.vorigeVersie(gemeente, naar);
      if (!van) throw ongeldig('met', 'Dit is de eerste versie; kies een versie om mee te vergelijken.', 'verplicht');
      const lees = async (v: PcVersieRecord) => (await repository.programmas(gemeente, v.id)).map((r) => uitRecord(v, r).hoofdstuk);
      return { van, naar, wijzigingen: vergelijk(await lees(van), await lees(naar)) };
    },

    async afwijkingen(gemeente: string, versieId: string, slug: string, drempel: { bedrag: number; procent: number }) {
      const p = await programma(gemeente, versieId, slug);
      const items = afwijkingen(p.hoofdstuk, drempel);
      return { drempelBedrag: drempel.bedrag, drempelProcent: drempel.procent, items, onverklaard: items.filter((a) => !a.verklaard).length };
    },

    /** What `loket pc export` writes: the chapters of one version (default: the latest). */
    async export(gemeente: string, k: { soort: PcDocumentsoort; jaar: number; volgnummer?: number | undefined; programma?: string | undefined }): Promise<PcProgramma[]> {
      if (!(await gemeenten.opCode(gemeente))) throw gemeenteOnbekend(gemeente);
      const documentId = await repository.documentId(gemeente, k.soort, k.jaar);
      if (!documentId) throw documentOnbekend();
      const v = k.volgnummer ? await repository.versieOpNummer(gemeente, documentId, k.volgnummer) : await repository.laatsteVersie(gemeente, documentId);
      if (!v) throw versieOnbekend();
      const rijen = (await repository.programmas(gemeente, v.id)).filter((r) => !k.programma || r.slug === k.programma);
      if (k.programma && rijen.length === 0) throw programmaOnbekend();
      return rijen.map((r) => uitRecord(v, r));
    },

    /** The published version of a document: the latest vastgesteld, else the latest aangeboden; undefined when none. */
    gepubliceerdeVersie: (gemeente: string, soort: PcDocumentsoort, jaar: number) => repository.gepubliceerdeVersie(gemeente, soort, jaar),

    /** One chapter of a version already read. */
    async programmaVan(gemeente: string, v: PcVersieRecord, slug: string): Promise<PcProgramma | undefined> {
      const r = await repository.programma(gemeente, v.id, slug);
      return r ? uitRecord(v, r) : undefined;
    },

    gepubliceerdeDocumenten: (gemeente: string, soort: PcDocumentsoort) => repository.gepubliceerd(gemeente, soort),
  };
}

export type PcService = ReturnType<typeof pcService>;
