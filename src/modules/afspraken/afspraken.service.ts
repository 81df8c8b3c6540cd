import { randomBytes, randomUUID } from 'node:crypto';
import { sha256 } from '../auth/auth.service.ts';
import type { Transaction } from 'kysely';
import type { AfspraakStatus, DB } from '../../db/schema.ts';
import { ProblemError } from '../../http/problem.ts';
import type { Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import type { ProductRecord, ProductenRepository } from '../producten/producten.repository.ts';
import { isTeBoeken } from '../producten/producten.service.ts';
import { kalenderdag, plusDagen, vrijeDag, type Sluitingsdagen } from '../termijnen/kalender.ts';
import {
  AMBTENAAR_NODIG,
  AMBTENAAR_ONBEKEND,
  GEEN_AMBTENAAR,
  GESLOTEN,
  IN_VERLEDEN,
  NIET_OP_ROOSTER,
  TE_VER_VOORUIT,
  afspraakOnbekend,
  alGemaakt,
  ambtenaarBezet,
  gemeenteOnbekend,
  nietMeerTeWijzigen,
  ongeldigeKeuze,
  ongeldigeStatus,
  periodeOngeldig,
  productNietTeBoeken,
  productOnbekend,
  teVeelAfspraken,
  tijdBezet,
} from './afspraken.errors.ts';
import { afspraakMail, type AfspraakMailGegevens, type AfspraakMailSoort } from './afspraken.mails.ts';
import { bezetDoor, type AfspraakRij, type AfsprakenRepository, type Ambtenaar, type Balie, type Bezetting, type Locatie, type Sluiting } from './afspraken.repository.ts';
import type { AfspraakInvoer } from './afspraken.schemas.ts';
import { dagen, lokaalNaarUtc, weekdag } from './afspraken.tijd.ts';

const MINUUT = 60_000;
const DAG = 86_400_000;
/** The longest period one availability request may ask for. */
export const MAX_DAGEN = 42;
/** How far ahead an appointment can be made (a wedding: up to a year). */
const HORIZON_DAGEN = 366;
/** The resident's name, e-mail and phone are kept this many months after the appointment (ADR 0045). */
export const PERSOONSGEGEVENS_MAANDEN = 3;

/** Processing activity for appointments (register of processing activities, AVG art. 30). */
export const VERWERKING_AFSPRAKEN = {
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:afspraken',
  grondslag: 'AVG art. 6 lid 1 sub e (publieke taak: dienstverlening aan de balie)',
  betrokkeneType: 'inwoner',
} as const;

export interface Tijdvak {
  start: string;
  eind: string;
  vrij: number;
  locatie: string;
  ambtenaren?: { id: string; naam: string }[];
}

export interface AfspraakWeergave {
  id: string;
  product: string;
  productNaam: string;
  start: string;
  eind: string;
  status: AfspraakStatus;
  locatie: { naam: string; adres: string };
  balie: string;
  ambtenaar: { id: string; naam: string } | null;
  naam: string | null;
  email: string | null;
  telefoon: string | null;
  taal: Taal;
  beheerUrl?: string;
}

/** What slots are made of: the desks that serve a product, their locations, the officials, the closure days. */
interface Opzet {
  product: ProductRecord;
  duur: number;
  balies: Balie[];
  locaties: Map<string, Locatie>;
  ambtenaren: Ambtenaar[] | undefined;
  sluitingsdagen: Sluitingsdagen;
  /** Locations and desks closed for some days by a beheerder (ADR 0085). */
  sluitingen: Sluiting[];
}

/** Whether a beheerder closed this location (balieId undefined: the whole location) or desk on a day. */
const gesloten = (o: Opzet, datum: string, locatieId: string, balieId?: string): boolean =>
  o.sluitingen.some((s) => s.locatieId === locatieId && (s.balieId === null || s.balieId === balieId) && s.van <= datum && datum <= s.tot);

/** An opening window of a location on one day, as instants. */
interface Venster {
  locatieId: string;
  van: number;
  tot: number;
}


/** The opening windows of the locations that serve the product, on a day (none on a holiday or closure day). */
function vensters(opzet: Opzet, datum: string): Venster[] {
  const vrij = vrijeDag(datum, opzet.sluitingsdagen);
  if (vrij && (vrij.reden === 'feestdag' || vrij.reden === 'sluitingsdag')) return [];
  const dag = weekdag(datum);
  return [...opzet.locaties.values()].flatMap((l) => (gesloten(opzet, datum, l.id) ? [] : (l.openingstijden.get(dag) ?? [])).map((v) => ({ locatieId: l.id, van: lokaalNaarUtc(datum, v.van), tot: lokaalNaarUtc(datum, v.tot) })));
}

/** Appointments per desk or official, for quick overlap checks. */
function perSleutel(bezettingen: readonly Bezetting[], sleutel: (b: Bezetting) => string | null): Map<string, Bezetting[]> {
  const uit = new Map<string, Bezetting[]>();
  for (const b of bezettingen) {
    const k = sleutel(b);
    if (k === null) continue;
    const lijst = uit.get(k);
    if (lijst) lijst.push(b);
    else uit.set(k, [b]);
  }
  for (const lijst of uit.values()) lijst.sort((a, b) => a.start - b.start);
  return uit;
}

/** Whether [start, eind) overlaps none of the (sorted) appointments. */
function vrijIn(lijst: readonly Bezetting[] | undefined, start: number, eind: number): boolean {
  if (!lijst) return true;
  // Binary search for the first appointment that ends after start.
  let lo = 0;
  let hi = lijst.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lijst[mid]?.start ?? 0) < eind) lo = mid + 1;
    else hi = mid;
  }
  // Appointments starting before eind are lijst[0..lo); overlap when one of them ends after start.
  for (let i = lo - 1; i >= 0; i--) {
    const b = lijst[i];
    if (b && b.eind > start) return false;
    // Appointments do not overlap one another on one desk, so earlier ones end earlier.
    if (b && b.eind <= start) return true;
  }
  return true;
}

/**
 * How many of the lists (one per desk, sorted, not overlapping) are taken during each of the
 * `aantal` slots of `duurMs` from `van`: one walk over each list's appointments in the window,
 * instead of a search per slot and desk (27,000 of them for 4 weeks × 50 desks).
 */
export function bezetPerTijdvak(lijsten: readonly (readonly Bezetting[] | undefined)[], van: number, duurMs: number, aantal: number): Int32Array {
  const bezet = new Int32Array(aantal);
  /** Per slot, 1 + the index of the list that last counted it: a desk counts once per slot. */
  const door = new Int32Array(aantal);
  const tot = van + aantal * duurMs;
  lijsten.forEach((lijst, i) => {
    if (!lijst) return;
    // The first appointment that ends after van (ends are sorted as starts are: no overlaps).
    let lo = 0;
    let hi = lijst.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((lijst[mid]?.eind ?? 0) <= van) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < lijst.length; k++) {
      const b = lijst[k];
      if (!b || b.start >= tot) break;
      const eerste = Math.max(0, Math.floor((b.start - van) / duurMs));
      const laatste = Math.min(aantal - 1, Math.ceil((b.eind - van) / duurMs) - 1);
      for (let t = eerste; t <= laatste; t++) {
        if (door[t] === i + 1) continue;
        door[t] = i + 1;
        bezet[t] = (bezet[t] ?? 0) + 1;
      }
    }
  });
  return bezet;
}

/** Compares by code points (ids, ISO instants), not by language as `localeCompare` does. */
const alsTekst = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a start lies on the slot grid of an opening window. */
const opRooster = (v: Venster, start: number, duur: number): boolean => (start - v.van) % (duur * MINUUT) === 0;

/** The slots of the days, with the free places; officials per slot for a ceremony. */
function tijdvakken(o: Opzet, dagLijst: readonly string[], bezettingen: readonly Bezetting[], nu: number): Tijdvak[] {
  const perBalie = perSleutel(bezettingen, (b) => b.balieId);
  const perAmbtenaar = o.ambtenaren ? perSleutel(bezettingen, (b) => b.ambtenaarId) : new Map<string, Bezetting[]>();
  const baliesPerLocatie = new Map<string, Balie[]>();
  for (const b of o.balies) baliesPerLocatie.set(b.locatieId, [...(baliesPerLocatie.get(b.locatieId) ?? []), b]);
  const uit: Tijdvak[] = [];
  for (const datum of dagLijst) {
    const dag = weekdag(datum);
    const vrijeAmbtenaren = o.ambtenaren?.filter((a) => a.weekdagen.includes(dag));
    for (const v of vensters(o, datum)) {
      const balies = (baliesPerLocatie.get(v.locatieId) ?? []).filter((b) => !gesloten(o, datum, b.locatieId, b.id));
      // Every desk of the location closed that day by a beheerder: no slots, as when it is closed.
      if (balies.length === 0) continue;
      const duurMs = o.duur * MINUUT;
      const aantal = Math.floor((v.tot - v.van) / duurMs);
      const bezet = bezetPerTijdvak(balies.map((b) => perBalie.get(b.id)), v.van, duurMs, aantal);
      for (let t = 0; t < aantal; t++) {
        const start = v.van + t * duurMs;
        if (start <= nu) continue;
        const eind = start + duurMs;
        const vrij = balies.length - (bezet[t] ?? 0);
        const vak: Tijdvak = { start: new Date(start).toISOString(), eind: new Date(eind).toISOString(), vrij, locatie: v.locatieId };
        if (vrijeAmbtenaren) {
          const ambtenaren = vrijeAmbtenaren.filter((a) => vrijIn(perAmbtenaar.get(a.id), start, eind)).map((a) => ({ id: a.id, naam: a.naam }));
          vak.vrij = Math.min(vrij, ambtenaren.length);
          vak.ambtenaren = ambtenaren;
        }
        uit.push(vak);
      }
    }
  }
  // By instant (ISO strings of one length sort as text), then location; localeCompare was most of this function's time.
  return uit.toSorted((a, b) => alsTekst(a.start, b.start) || alsTekst(a.locatie, b.locatie));
}

/**
 * Checks a chosen time (and official) against the opening hours, the grid and the clock; all
 * problems at once. Returns the desks that could take it, at the location(s) open then.
 */
function controleerKeuze(o: Opzet, keuze: { start: string; ambtenaar?: string | undefined; locatie?: string | undefined }, nu: number): { start: number; eind: number; balies: Balie[] } {
  const start = Date.parse(keuze.start);
  const eind = start + o.duur * MINUUT;
  const problemen: { name: string; code: string; reason: string }[] = [];
  const datum = kalenderdag(new Date(start));
  if (start <= nu) problemen.push({ name: 'start', ...IN_VERLEDEN });
  else if (start > nu + HORIZON_DAGEN * DAG) problemen.push({ name: 'start', ...TE_VER_VOORUIT });
  else {
    const open = vensters(o, datum).filter((v) => (keuze.locatie === undefined || v.locatieId === keuze.locatie) && v.van <= start && eind <= v.tot);
    if (open.length === 0) problemen.push({ name: 'start', ...GESLOTEN });
    else if (!open.some((v) => opRooster(v, start, o.duur))) {
      problemen.push({ name: 'start', ...NIET_OP_ROOSTER });
    }
  }
  if (o.ambtenaren) {
    if (keuze.ambtenaar === undefined) problemen.push({ name: 'ambtenaar', ...AMBTENAAR_NODIG });
    else if (!o.ambtenaren.some((a) => a.id === keuze.ambtenaar && a.weekdagen.includes(weekdag(datum)))) problemen.push({ name: 'ambtenaar', ...AMBTENAAR_ONBEKEND });
  } else if (keuze.ambtenaar !== undefined) problemen.push({ name: 'ambtenaar', ...GEEN_AMBTENAAR });
  const locaties = new Set(vensters(o, datum).filter((v) => v.van <= start && eind <= v.tot && opRooster(v, start, o.duur)).map((v) => v.locatieId));
  const balies = o.balies.filter((b) => locaties.has(b.locatieId) && (keuze.locatie === undefined || b.locatieId === keuze.locatie) && !gesloten(o, datum, b.locatieId, b.id));
  // Every desk open then was closed for the day by a beheerder: as closed as outside the hours.
  if (locaties.size > 0 && balies.length === 0 && !problemen.some((p) => p.name === 'start')) problemen.push({ name: 'start', ...GESLOTEN });
  if (problemen.length) throw ongeldigeKeuze(problemen);
  return { start, eind, balies };
}

/**
 * Tries the desks one by one, each in its own transaction (a savepoint inside a request's
 * transaction): the database refuses a taken desk (exclusion constraint), then the next is
 * tried. Throws 409 when none is left, or when the official was taken meanwhile.
 */
async function opEenVrijeBalie(balies: Balie[], werk: (balie: Balie) => Promise<void>): Promise<Balie> {
  for (const balie of balies) {
    try {
      await werk(balie);
      return balie;
    } catch (error) {
      const door = bezetDoor(error);
      if (door === 'ambtenaar') throw ambtenaarBezet();
      if (door !== 'balie') throw error;
    }
  }
  throw tijdBezet();
}

/** Reads through `repo`: inside a transaction, its queries (PGlite has one connection). */
async function mailGegevens(repo: Pick<AfsprakenRepository, 'balieNaam' | 'ambtenaarNaam'>, g: Gemeente, rij: AfspraakRij, product: ProductRecord, link: string | undefined): Promise<AfspraakMailGegevens> {
  const taal = rij.taal;
  const plaats = await repo.balieNaam(g.code, rij.balie_id);
  const ambtenaar = rij.ambtenaar_id ? await repo.ambtenaarNaam(g.code, rij.ambtenaar_id) : undefined;
  return {
    id: rij.id,
    gemeente: g.naam,
    product: product.naam[taal],
    meenemen: product.meenemen[taal],
    start: rij.start,
    eind: rij.eind,
    locatie: plaats?.locatie ?? '',
    adres: plaats?.adres ?? '',
    ambtenaar: ambtenaar ?? null,
    naam: rij.naam ?? '',
    link,
    volgnummer: Math.max(0, Math.floor((Date.parse(rij.gewijzigd_op) - Date.parse(rij.aangemaakt_op)) / 1000)),
  };
}

/**
 * Appointments at the balie (issue 14, ADR 0044 and 0045): slots from opening hours, closure
 * days and the product's duration; booking without an account; cancel and move through a secret
 * link; a confirmation with an iCalendar file and a reminder the day before, through the outbox.
 * A slot is never booked twice: the database refuses it (exclusion constraints), and booking
 * tries the next free desk.
 */
export function afsprakenService(deps: {
  repository: AfsprakenRepository;
  producten: ProductenRepository;
  gemeenten: { opCode(code: string): Promise<Gemeente | undefined> };
  sluitingsdagen: (gemeente: string) => Promise<Sluitingsdagen>;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  publicUrl: string;
  /** Open appointments one e-mail address may hold per gemeente. */
  maxPerEmail: number;
}) {
  const { repository, producten, audit, klok } = deps;
  const domein = new URL(deps.publicUrl).hostname;

  async function gemeenteVan(code: string): Promise<Gemeente> {
    const g = await deps.gemeenten.opCode(code);
    if (!g) throw gemeenteOnbekend();
    return g;
  }

  async function opzet(gemeente: string, code: string, bron: 'db' | 'lezen', veld = 'product'): Promise<Opzet> {
    // The product and its desks are read at once; the product decides whether the desks count.
    // Closures that ended before yesterday no longer matter: slots before now are never offered.
    const [product, { balies, locaties, sluitingen }] = await Promise.all([producten.opCode(gemeente, code, bron), repository.balies(gemeente, code, plusDagen(kalenderdag(klok.nu()), -1), bron)]);
    if (!product?.gepubliceerd) throw productOnbekend(veld);
    if (!isTeBoeken(product) || product.afspraakMinuten === null) throw productNietTeBoeken(veld);
    const ambtenaren = product.ambtenaarKiezen ? await repository.ambtenaren(gemeente, bron) : undefined;
    return { product, duur: product.afspraakMinuten, balies, locaties, ambtenaren, sluitingsdagen: await deps.sluitingsdagen(gemeente), sluitingen };
  }

  /** The desks free at [start, eind) by the committed appointments, in random order (fewer collisions when many book at once). */
  async function kandidaten(gemeente: string, balies: Balie[], ambtenaar: string | null, start: number, eind: number): Promise<Balie[]> {
    const bezet = await repository.bezettingen(gemeente, balies.map((b) => b.id), ambtenaar ? [ambtenaar] : [], new Date(start), new Date(eind));
    if (ambtenaar && bezet.some((b) => b.ambtenaarId === ambtenaar)) throw ambtenaarBezet();
    const vrij = balies.filter((b) => !bezet.some((x) => x.balieId === b.id));
    for (let i = vrij.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [vrij[i], vrij[j]] = [vrij[j] as Balie, vrij[i] as Balie];
    }
    return vrij;
  }

  async function weergave(gemeente: string, rij: AfspraakRij, product?: ProductRecord): Promise<AfspraakWeergave> {
    const p = product ?? (await producten.opCode(gemeente, rij.product));
    const plaats = await repository.balieNaam(gemeente, rij.balie_id);
    const ambtenaar = rij.ambtenaar_id ? { id: rij.ambtenaar_id, naam: (await repository.ambtenaarNaam(gemeente, rij.ambtenaar_id)) ?? '' } : null;
    return {
      id: rij.id,
      product: rij.product,
      productNaam: p?.naam[rij.taal] ?? rij.product,
      start: rij.start,
      eind: rij.eind,
      status: rij.status,
      locatie: { naam: plaats?.locatie ?? '', adres: plaats?.adres ?? '' },
      balie: plaats?.balie ?? '',
      ambtenaar,
      naam: rij.naam,
      email: rij.email,
      telefoon: rij.telefoon,
      taal: rij.taal,
    };
  }

  const beheerUrl = (g: Gemeente, taal: Taal, token: string): string => `${deps.publicUrl.replace(/\/$/, '')}/${g.slug}/${taal === 'nl' ? 'afspraak' : 'en/appointment'}/${token}`;

  /** Queues a mail in the transaction of the change (`repo` and `transactie` of repository.transactie). */
  async function mail(
    repo: Pick<AfsprakenRepository, 'balieNaam' | 'ambtenaarNaam'>,
    transactie: Transaction<DB>,
    g: Gemeente,
    rij: AfspraakRij,
    product: ProductRecord,
    soort: AfspraakMailSoort,
    link: string | undefined,
  ) {
    if (!rij.email) return;
    const inhoud = afspraakMail(rij.taal, soort, await mailGegevens(repo, g, rij, product, link), domein);
    await deps.berichten.verstuur({ gemeente: g.code, aan: rij.email, ...inhoud }, { transactie });
  }

  async function metToken(gemeente: string, token: string): Promise<{ g: Gemeente; rij: AfspraakRij }> {
    const g = await gemeenteVan(gemeente);
    const rij = await repository.opToken(gemeente, sha256(token));
    if (!rij) throw afspraakOnbekend();
    return { g, rij };
  }

  function wijzigbaar(rij: AfspraakRij): void {
    if (rij.status !== 'gepland' || Date.parse(rij.start) <= klok.nu().getTime()) throw nietMeerTeWijzigen();
  }

  return {
    /** Free places per slot of a product over whole days (at most 6 weeks). Read on `lezen`: call inside request.lees. */
    async beschikbaarheid(gemeente: string, vraag: { product: string; van: string; tot: string }): Promise<Tijdvak[]> {
      await gemeenteVan(gemeente);
      if (vraag.tot < vraag.van) throw periodeOngeldig('De laatste dag ligt voor de eerste dag.');
      if (dagen(vraag.van, vraag.tot).length > MAX_DAGEN) throw periodeOngeldig(`Vraag hoogstens ${MAX_DAGEN} dagen tegelijk op.`);
      const o = await opzet(gemeente, vraag.product, 'lezen');
      const van = lokaalNaarUtc(vraag.van, '00:00');
      const tot = lokaalNaarUtc(plusDagen(vraag.tot, 1), '00:00');
      const bezettingen = await repository.bezettingen(gemeente, o.balies.map((b) => b.id), o.ambtenaren?.map((a) => a.id) ?? [], new Date(van), new Date(tot), 'lezen');
      return tijdvakken(o, dagen(vraag.van, vraag.tot), bezettingen, klok.nu().getTime());
    },

    /**
     * Books an appointment: 400 for a bad choice, 409 when the slot (or official) was taken
     * meanwhile. `opties.id` makes a form's submission idempotent: the same id twice (a double
     * click, a resent form) books once and then answers 409 al-gemaakt.
     */
    async boek(context: Context, gemeente: string, invoer: AfspraakInvoer, opties: { id?: string } = {}): Promise<AfspraakWeergave> {
      const g = await gemeenteVan(gemeente);
      if (opties.id !== undefined && (await repository.opId(gemeente, opties.id))) throw alGemaakt();
      const o = await opzet(gemeente, invoer.product, 'db');
      const nu = klok.nu();
      const keuze = controleerKeuze(o, invoer, nu.getTime());
      if ((await repository.openVoorEmail(gemeente, invoer.email, nu)) >= deps.maxPerEmail) throw teVeelAfspraken(deps.maxPerEmail);
      const ambtenaar = invoer.ambtenaar ?? null;
      const id = opties.id ?? randomUUID();
      const token = randomBytes(32).toString('base64url');
      const link = beheerUrl(g, invoer.taal, token);
      /** A submission that lost a race to itself: the other one booked (holds the id), not a taken slot. */
      const zelfAlGemaakt = async (error: unknown): Promise<never> => {
        if (opties.id !== undefined && (error instanceof ProblemError || (error as { code?: unknown } | null)?.code === '23505') && (await repository.opId(gemeente, opties.id))) throw alGemaakt();
        throw error;
      };
      await opEenVrijeBalie(await kandidaten(gemeente, keuze.balies, ambtenaar, keuze.start, keuze.eind).catch(zelfAlGemaakt), (balie) =>
        repository.transactie(async (repo, transactie) => {
          await repo.voegToe({
            gemeente,
            id,
            product: o.product.code,
            balieId: balie.id,
            ambtenaarId: ambtenaar,
            start: new Date(keuze.start).toISOString(),
            eind: new Date(keuze.eind).toISOString(),
            naam: invoer.naam,
            email: invoer.email,
            telefoon: invoer.telefoon ?? null,
            taal: invoer.taal,
            tokenHash: sha256(token),
            nu: nu.toISOString(),
          });
          await repo.gebeurtenis(gemeente, id, 'gemaakt', { product: o.product.code, start: new Date(keuze.start).toISOString(), balie: balie.id, ambtenaar }, nu.toISOString());
          const rij = await repo.opId(gemeente, id);
          if (rij) await mail(repo, transactie, g, rij, o.product, 'bevestiging', link);
        }),
      ).catch(zelfAlGemaakt);
      await audit.log(context, { gemeente, actie: 'afspraak-maken', objectType: 'afspraak', objectId: id, details: { product: o.product.code, start: new Date(keuze.start).toISOString() } });
      await audit.verwerking(context, { gemeente, naam: 'afspraak-maken', ...VERWERKING_AFSPRAKEN, betrokkeneIds: [id] });
      const rij = await repository.opId(gemeente, id);
      if (!rij) throw afspraakOnbekend();
      return { ...(await weergave(gemeente, rij, o.product)), beheerUrl: link };
    },

    /** The appointment behind a secret link. */
    async haal(gemeente: string, token: string): Promise<AfspraakWeergave> {
      const { rij } = await metToken(gemeente, token);
      return weergave(gemeente, rij);
    },

    /** Cancels through the secret link; a cancellation mail with a CANCEL calendar file. */
    async annuleer(context: Context, gemeente: string, token: string): Promise<AfspraakWeergave> {
      const { g, rij } = await metToken(gemeente, token);
      wijzigbaar(rij);
      const product = await producten.opCode(gemeente, rij.product);
      const nu = klok.nu().toISOString();
      const gelukt = await repository.transactie(async (repo, transactie) => {
        if (!(await repo.zetStatus(gemeente, rij.id, ['gepland'], 'geannuleerd', nu))) return false;
        await repo.gebeurtenis(gemeente, rij.id, 'geannuleerd', {}, nu);
        const nieuw = await repo.opId(gemeente, rij.id);
        if (nieuw && product) await mail(repo, transactie, g, nieuw, product, 'afgezegd', undefined);
        return true;
      });
      if (!gelukt) throw nietMeerTeWijzigen();
      await audit.log(context, { gemeente, actie: 'afspraak-afzeggen', objectType: 'afspraak', objectId: rij.id });
      const nieuw = await repository.opId(gemeente, rij.id);
      return weergave(gemeente, nieuw ?? rij, product);
    },

    /** Moves through the secret link to another free slot (and official); the same checks as booking. */
    async verzet(context: Context, gemeente: string, token: string, keuze: { start: string; ambtenaar?: string | undefined; locatie?: string | undefined }): Promise<AfspraakWeergave> {
      const { g, rij } = await metToken(gemeente, token);
      wijzigbaar(rij);
      const o = await opzet(gemeente, rij.product, 'db');
      const nu = klok.nu();
      const nieuw = controleerKeuze(o, keuze, nu.getTime());
      const ambtenaar = keuze.ambtenaar ?? null;
      const link = beheerUrl(g, rij.taal, token);
      // The appointment's own desk counts as free: moving within its own time is allowed.
      const bezet = (await repository.bezettingen(gemeente, nieuw.balies.map((b) => b.id), ambtenaar ? [ambtenaar] : [], new Date(nieuw.start), new Date(nieuw.eind))).filter(
        (b) => !(b.balieId === rij.balie_id && b.start === Date.parse(rij.start)),
      );
      if (ambtenaar && bezet.some((b) => b.ambtenaarId === ambtenaar && b.start !== Date.parse(rij.start))) throw ambtenaarBezet();
      const vrij = nieuw.balies.filter((b) => !bezet.some((x) => x.balieId === b.id));
      await opEenVrijeBalie(vrij, (balie) =>
        repository.transactie(async (repo, transactie) => {
          const s = new Date(nieuw.start).toISOString();
          if (!(await repo.verzet(gemeente, rij.id, { balieId: balie.id, ambtenaarId: ambtenaar, start: s, eind: new Date(nieuw.eind).toISOString() }, nu.toISOString()))) throw nietMeerTeWijzigen();
          await repo.gebeurtenis(gemeente, rij.id, 'verzet', { van: rij.start, naar: s, balie: balie.id, ambtenaar }, nu.toISOString());
          const bijgewerkt = await repo.opId(gemeente, rij.id);
          if (bijgewerkt) await mail(repo, transactie, g, bijgewerkt, o.product, 'verzet', link);
        }),
      );
      await audit.log(context, { gemeente, actie: 'afspraak-verzetten', objectType: 'afspraak', objectId: rij.id, details: { start: new Date(nieuw.start).toISOString() } });
      const bijgewerkt = await repository.opId(gemeente, rij.id);
      return weergave(gemeente, bijgewerkt ?? rij, o.product);
    },

    /**
     * The reminders: every planned appointment of tomorrow (Amsterdam) that has not had one gets
     * a mail. Claimed row by row, so a round on two nodes, or a retried round, sends each once.
     */
    async herinner(): Promise<number> {
      const nu = klok.nu();
      const morgen = plusDagen(kalenderdag(nu), 1);
      const rijen = await repository.teHerinneren(new Date(lokaalNaarUtc(morgen, '00:00')), new Date(lokaalNaarUtc(plusDagen(morgen, 1), '00:00')));
      const gemeenten = new Map<string, Gemeente | undefined>();
      const productenCache = new Map<string, ProductRecord | undefined>();
      let verstuurd = 0;
      for (const rij of rijen) {
        if (!gemeenten.has(rij.gemeente)) gemeenten.set(rij.gemeente, await deps.gemeenten.opCode(rij.gemeente));
        const sleutel = `${rij.gemeente}/${rij.product}`;
        if (!productenCache.has(sleutel)) productenCache.set(sleutel, await producten.opCode(rij.gemeente, rij.product));
        const g = gemeenten.get(rij.gemeente);
        const product = productenCache.get(sleutel);
        if (!g || !product) continue;
        const gedaan = await repository.transactie(async (repo, transactie) => {
          if (!(await repo.markeerHerinnerd(rij.gemeente, rij.id, nu.toISOString()))) return false;
          await repo.gebeurtenis(rij.gemeente, rij.id, 'herinnerd', {}, nu.toISOString());
          await mail(repo, transactie, g, rij, product, 'herinnering', undefined);
          return true;
        });
        if (gedaan) verstuurd++;
      }
      return verstuurd;
    },

    /** Retention (ADR 0045): the resident's name, e-mail and phone go 3 months after the appointment. */
    async ruimPersoonsgegevensOp(context: Context, gemeente: string): Promise<number> {
      const nu = klok.nu();
      const grens = new Date(nu);
      grens.setUTCMonth(grens.getUTCMonth() - PERSOONSGEGEVENS_MAANDEN);
      const ids = await repository.transactie(async (repo) => {
        const gewist = await repo.wisPersoonsgegevens(gemeente, grens, nu.toISOString());
        for (const id of gewist) await repo.gebeurtenis(gemeente, id, 'persoon-gewist', {}, nu.toISOString());
        return gewist;
      });
      if (ids.length) await audit.log(context, { gemeente, actie: 'bewaartermijn-afspraken', details: { afspraken: ids.length } });
      return ids.length;
    },

    /** The desk view: today's appointments (Amsterdam) of a gemeente, by start. */
    /** The gemeente's locations of the balie (names for the breakdown per locatie of the balie KPIs). */
    async locaties(gemeente: string) {
      await gemeenteVan(gemeente);
      return repository.locaties(gemeente);
    },

    async vandaag(gemeente: string): Promise<AfspraakWeergave[]> {
      await gemeenteVan(gemeente);
      const dag = kalenderdag(klok.nu());
      const rijen = await repository.vanDag(gemeente, new Date(lokaalNaarUtc(dag, '00:00')), new Date(lokaalNaarUtc(plusDagen(dag, 1), '00:00')));
      const uit: AfspraakWeergave[] = [];
      for (const rij of rijen) uit.push(await weergave(gemeente, rij));
      return uit;
    },

    /** At the desk: check a resident in, mark served, or no-show. */
    async balieStatus(context: Context, gemeente: string, id: string, naar: 'ingecheckt' | 'geholpen' | 'niet-verschenen'): Promise<AfspraakWeergave> {
      const rij = await repository.opId(gemeente, id);
      if (!rij) throw afspraakOnbekend();
      const van: Record<typeof naar, AfspraakStatus[]> = { ingecheckt: ['gepland'], geholpen: ['gepland', 'ingecheckt'], 'niet-verschenen': ['gepland'] };
      const nu = klok.nu().toISOString();
      const gelukt = await repository.transactie(async (repo) => {
        if (!(await repo.zetStatus(gemeente, id, van[naar], naar, nu))) return false;
        await repo.gebeurtenis(gemeente, id, naar, { door: context.actorId }, nu);
        return true;
      });
      if (!gelukt) throw ongeldigeStatus(rij.status, naar);
      await audit.log(context, { gemeente, actie: `afspraak-${naar}`, objectType: 'afspraak', objectId: id });
      const nieuw = await repository.opId(gemeente, id);
      return weergave(gemeente, nieuw ?? rij);
    },

    /** Sets up a location with desks (and officials): the demo data, and the tests. */
    richtIn: repository,
  };
}

export type AfsprakenService = ReturnType<typeof afsprakenService>;
