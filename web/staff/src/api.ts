/** Typed client for the Loket API (the same published API anyone else uses). */
import type { Problem } from '../../../src/http/problem.ts';
import type { Rol } from '../../../src/db/schema.ts';
import type { z } from 'zod';
import type { aanmeldStapSchema, sessieSchema } from '../../../src/modules/auth/auth.schemas.ts';
import type { berichtSchema } from '../../../src/modules/berichten/berichten.schemas.ts';
import type { gebruikerSchema } from '../../../src/modules/gebruikers/gebruikers.schemas.ts';
import type { gemeenteKpisSchema, kpiReeksSchema, kpiWaardeSchema, kpiZakenSchema } from '../../../src/modules/kpi/kpi.schemas.ts';
import type { teamSchema } from '../../../src/modules/teams/teams.schemas.ts';
import type { meldingDetailSchema, partnerDetailSchema, partnerRegelSchema, partnerSchema, werkvoorraadRegelSchema } from '../../../src/modules/meldingen/meldingen.behandeling.schemas.ts';
import type { categorieSchema } from '../../../src/modules/meldingen/meldingen.schemas.ts';
import type { zaaktypeSchema } from '../../../src/modules/zaaktypen/zaaktypen.schemas.ts';
import type { formulierSchema } from '../../../src/modules/formulieren/formulieren.schemas.ts';
import type { contactverzoekSchema, wachtrijSchema } from '../../../src/modules/contactverzoeken/contactverzoeken.schemas.ts';
import type { artikelSamenvattingSchema, artikelSchema, meldingSchema, onderwerpenSchema, zoekresultatenSchema } from '../../../src/modules/kennisbank/kennisbank.schemas.ts';
import type { geregistreerdKlantcontactSchema } from '../../../src/modules/klantcontacten/klantcontacten.schemas.ts';
import type { klantreisKeuzesSchema, klantreisStroomSchema } from '../../../src/modules/klantreizen/klantreizen.schemas.ts';
import type { instellingSchema as klachtInstellingSchema, klachtSchema, maatregelenSchema, wachtrijSchema as klachtenWachtrijSchema } from '../../../src/modules/klachten/klachten.schemas.ts';
import type { aangemaakteZaakSchema, medewerkerSchema, overzichtSchema, werkvoorraadSchema, zaakSamenvattingSchema, zaakSchema } from '../../../src/modules/zaken/zaken.schemas.ts';

// Shapes of the API's answers, inferred from the Zod schemas that serialise them (types only:
// nothing of Zod or the server enters the bundle; schema.ts adds just its constants), or written
// below from the API contract where a route keeps its schema to itself. Never repository rows.
export { ROLLEN, type Rol } from '../../../src/db/schema.ts';
export { KANALEN, VERTROUWELIJKHEDEN, type Kanaal, type Vertrouwelijkheid } from '../../../src/db/schema.ts';
export type Sessie = z.output<typeof sessieSchema>;
export type SessieGemeente = Sessie['gemeenten'][number];
export type AanmeldStap = z.output<typeof aanmeldStapSchema>;
export type Gebruiker = z.output<typeof gebruikerSchema>;
export type Team = z.output<typeof teamSchema>;
export type Bericht = z.output<typeof berichtSchema>;
export type { ZaaktypeInvoer } from '../../../src/modules/zaaktypen/zaaktypen.schemas.ts';
export type Zaaktype = z.output<typeof zaaktypeSchema>;
export type Formulier = z.output<typeof formulierSchema>;
export type { FormulierInvoer } from '../../../src/modules/formulieren/formulieren.schemas.ts';
export { VELDSOORTEN, type Veldsoort } from '../../../src/modules/formulieren/formulieren.soorten.ts';
export type ZaakSamenvatting = z.output<typeof zaakSamenvattingSchema>;
export type Werkvoorraad = z.output<typeof werkvoorraadSchema>;
export type Zaak = z.output<typeof zaakSchema>;
export type AangemaakteZaak = z.output<typeof aangemaakteZaakSchema>;
export type ZakenOverzicht = z.output<typeof overzichtSchema>;
export type KlachtenWachtrij = z.output<typeof klachtenWachtrijSchema>;
export type Klacht = z.output<typeof klachtSchema>;
export type Verbetermaatregelen = z.output<typeof maatregelenSchema>;
export type KlachtInstelling = z.output<typeof klachtInstellingSchema>;
export type Medewerker = z.output<typeof medewerkerSchema>;
export type GemeenteKpis = z.output<typeof gemeenteKpisSchema>;
export type GemeenteKpi = GemeenteKpis['items'][number];
export type KpiReeks = z.output<typeof kpiReeksSchema>;
export type KpiWaarde = z.output<typeof kpiWaardeSchema>;
export type KpiZaken = z.output<typeof kpiZakenSchema>;
export type KlantreisKeuzes = z.output<typeof klantreisKeuzesSchema>;
export type KlantreisStroom = z.output<typeof klantreisStroomSchema>;
export type Termijnband = NonNullable<ZaakSamenvatting['termijnband']>;
export { KLANTCONTACT_KANALEN, KLANTCONTACT_UITKOMSTEN, KENNISARTIKEL_SOORTEN, type KlantcontactKanaal, type KlantcontactUitkomst, type KennisartikelSoort } from '../../../src/db/schema.ts';
export type GeregistreerdKlantcontact = z.output<typeof geregistreerdKlantcontactSchema>;
export type Contactverzoek = z.output<typeof contactverzoekSchema>;
export type ContactverzoekInWachtrij = z.output<typeof wachtrijSchema>['items'][number];
export type Kennisartikel = z.output<typeof artikelSchema>;
export type KennisartikelSamenvatting = z.output<typeof artikelSamenvattingSchema>;
export type KennisZoekresultaat = z.output<typeof zoekresultatenSchema>['items'][number];
export type KennisMelding = z.output<typeof meldingSchema>;
export type KennisOnderwerpen = z.output<typeof onderwerpenSchema>;
export type MeldingRegel = z.output<typeof werkvoorraadRegelSchema>;
export type MeldingDetail = z.output<typeof meldingDetailSchema>;
export type MeldingPartner = z.output<typeof partnerSchema>;
export type PartnerMeldingRegel = z.output<typeof partnerRegelSchema>;
export type PartnerMeldingDetail = z.output<typeof partnerDetailSchema>;
export type MeldingCategorie = z.output<typeof categorieSchema>;
export type { MeldingStatus, Termijnband as MeldingTermijn } from '../../../src/modules/meldingen/meldingen.behandeling.service.ts';
export type { PcHoofdstuk, PcIndicator, PcWaarde } from '../../../src/modules/planning-control/pc.hoofdstuk.ts';
export type { PcAfwijkingen, PcBerekendeWaarden, PcDocument, PcProgramma, PcVergelijking, PcVersie, PcVersieSamenvatting } from './pc.types.ts';

export const API_BASIS = '/api/v1';

/** A problem+json answer (or no answer at all: status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from Retry-After (429). */
  readonly wachtSeconden: number | undefined;

  constructor(problem: Problem, wachtSeconden?: number) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.wachtSeconden = wachtSeconden;
  }

  /** The reason the server gave for one field, if any. */
  veld(naam: string): string | undefined {
    return this.problem.invalidParams?.find((p) => veldnaam(p.name) === naam)?.reason;
  }

  /** The reason for exactly this nested field, e.g. "betrokkene.email" or "statustypen.0.naam". */
  veldPad(pad: string): string | undefined {
    return this.problem.invalidParams?.find((p) => veldpad(p.name) === pad)?.reason;
  }
}

/** The full path of an invalidParam: "body.betrokkene.email" and "/betrokkene/email" → "betrokkene.email". */
export function veldpad(name: string): string {
  return name.replace(/^(body[./]|\/)/, '').replaceAll('/', '.');
}

/** The form field an invalidParam is about: "body.email", "/email" and "email" → "email"; "rollen.2" → "rollen". */
export function veldnaam(name: string): string {
  return name.replace(/^(body[./]|\/)/, '').split(/[./[]/)[0] ?? name;
}

export interface Pagina<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ApiToken {
  id: string;
  naam: string;
  rollen: Rol[];
  geldigTot: string;
  ingetrokkenOp: string | null;
  aangemaaktOp: string;
}

export interface NieuwApiToken extends ApiToken {
  token: string;
}

export interface AuditRegel {
  id: number;
  tijdstip: string;
  actor: { type: string; id: string | null; naam: string | null };
  actie: string;
  object: { type: string | null; id: string | null };
  resultaat: string;
  herkomst: string | null;
  traceId: string | null;
  details: Record<string, unknown>;
}

export interface Verwerking {
  id: number;
  traceId: string;
  spanId: string;
  naam: string;
  verwerkingsactiviteit: string;
  grondslag: string;
  betrokkene: { type: string; id: string };
  status: string;
  beginOp: string;
  eindOp: string;
}

export interface Antwoord<T> {
  data: T;
  etag: string | undefined;
}

interface Verzoek {
  body?: unknown;
  /** Plain text instead of JSON (only routes that say they take it, e.g. a P&C chapter's text). */
  tekst?: string;
  /** A CSV file's text as text/csv (routes that read CSV, e.g. population margins). */
  csv?: string;
  ifMatch?: string | undefined;
  signal?: AbortSignal;
  /** A 401 is a normal answer here (the login steps), not an expired session. */
  aanmelden?: boolean;
  /** The answer is a file (e.g. a letter as PDF), not JSON. */
  alsBestand?: boolean;
}

let csrfToken: string | undefined;
let taal = 'nl';
let bijVerlopenSessie: () => void = () => undefined;

export function zetCsrfToken(token: string | undefined): void {
  csrfToken = token;
}
export function zetApiTaal(nieuw: string): void {
  taal = nieuw;
}
export function bijNietIngelogd(handler: () => void): void {
  bijVerlopenSessie = handler;
}

/** The API path of a gemeente's resources. */
export function gemeentePad(code: string): string {
  return `/gemeenten/${encodeURIComponent(code)}`;
}

async function naarFout(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const wacht = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
    if (body && typeof body.title === 'string') return new ApiError({ ...body, title: body.title, type: body.type ?? 'about:blank', status: response.status }, wacht);
  }
  return new ApiError({ type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status }, wacht);
}

async function verzoek<T>(method: string, pad: string, opties: Verzoek = {}): Promise<Antwoord<T>> {
  const headers: Record<string, string> = { Accept: opties.alsBestand ? '*/*' : 'application/json, application/problem+json', 'Accept-Language': taal };
  // A file goes as the raw body, with its type and name (document uploads); anything else as JSON.
  const bestand = opties.body instanceof File ? opties.body : undefined;
  if (bestand) {
    headers['Content-Type'] = bestand.type || 'application/octet-stream';
    headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(bestand.name)}`;
  } else if (opties.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opties.tekst !== undefined) headers['Content-Type'] = 'text/plain; charset=utf-8';
  if (opties.csv !== undefined) headers['Content-Type'] = 'text/csv; charset=utf-8';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (opties.ifMatch) headers['If-Match'] = opties.ifMatch;
  let response: Response;
  try {
    response = await fetch(API_BASIS + pad, {
      method,
      headers,
      credentials: 'same-origin',
      ...(bestand ? { body: bestand } : opties.body === undefined ? {} : { body: JSON.stringify(opties.body) }),
      ...(opties.tekst === undefined ? {} : { body: opties.tekst }),
      ...(opties.csv === undefined ? {} : { body: opties.csv }),
      ...(opties.signal ? { signal: opties.signal } : {}),
    });
  } catch (error) {
    if (opties.signal?.aborted) throw error;
    throw new ApiError({ type: 'urn:loket:problem:geen-verbinding', title: '', status: 0 });
  }
  if (!response.ok) {
    const fout = await naarFout(response);
    if (fout.status === 401 && !opties.aanmelden) bijVerlopenSessie();
    throw fout;
  }
  const data = response.status === 204 ? undefined : opties.alsBestand ? await response.blob() : await response.json();
  return { data: data as T, etag: response.headers.get('ETag') ?? undefined };
}

export const api = {
  get: <T>(pad: string, opties?: Verzoek) => verzoek<T>('GET', pad, opties),
  post: <T>(pad: string, opties?: Verzoek) => verzoek<T>('POST', pad, opties),
  patch: <T>(pad: string, opties?: Verzoek) => verzoek<T>('PATCH', pad, opties),
  put: <T>(pad: string, opties?: Verzoek) => verzoek<T>('PUT', pad, opties),
  delete: <T = undefined>(pad: string, opties?: Verzoek) => verzoek<T>('DELETE', pad, opties),
};

/** Reads every page of a collection (for choice lists such as a team's members). */
export async function alles<T>(pad: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const { data } = await api.get<Pagina<T>>(`${pad}${pad.includes('?') ? '&' : '?'}page=${page}&pageSize=100`, signal ? { signal } : {});
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) return items;
  }
}
