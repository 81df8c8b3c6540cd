import type { ColumnType, Generated } from 'kysely';

/** Instants are returned as UTC ISO strings; written as Date or string. */
export type Tijdstip = ColumnType<string, string | Date | undefined, string | Date>;
type TijdstipVerplicht = ColumnType<string, string | Date, string | Date>;
type TijdstipLeeg = ColumnType<string | null, string | Date | null | undefined, string | Date | null>;
/** JSON with a default in the database; written as JSON text. */
type Json<T> = ColumnType<T, string | undefined, string>;
/** JSON without a default: an insert must give it. */
type JsonVerplicht<T> = ColumnType<T, string, string>;
/** A column with a default in the database: an insert may leave it out. */
type Standaard<T> = ColumnType<T, T | undefined, T>;

export const ROLLEN = [
  'beheerder',
  'teamleider',
  'behandelaar',
  'kcc-medewerker',
  'webredacteur',
  'pc-adviseur',
  'externe-partner',
  'klachtcoordinator',
  'secretaris-bezwaarcommissie',
] as const;
export type Rol = (typeof ROLLEN)[number];

export interface GemeenteTable {
  code: string;
  naam: string;
  slug: string;
  domein: string | null;
  thema: Json<Record<string, string>>;
  aangemaakt_op: Tijdstip;
}

export interface GebruikerTable {
  id: string;
  email: string;
  naam: string;
  wachtwoord_hash: string;
  totp_geheim: string | null;
  totp_bevestigd: ColumnType<boolean, boolean | undefined, boolean>;
  totp_laatste_stap: ColumnType<number, number | undefined, number>;
  actief: ColumnType<boolean, boolean | undefined, boolean>;
  mislukte_pogingen: ColumnType<number, number | undefined, number>;
  geblokkeerd_tot: TijdstipLeeg;
  versie: ColumnType<number, number | undefined, number>;
  aangemaakt_op: Tijdstip;
  gewijzigd_op: Tijdstip;
}

export interface GebruikerRolTable {
  gemeente: string;
  gebruiker_id: string;
  rol: Rol;
}

export interface TeamTable {
  gemeente: string;
  id: string;
  naam: string;
  omschrijving: ColumnType<string, string | undefined, string>;
  /** How residents reach the team (0039); '' when not given. */
  telefoon: Standaard<string>;
  email: Standaard<string>;
  versie: ColumnType<number, number | undefined, number>;
  aangemaakt_op: Tijdstip;
  gewijzigd_op: Tijdstip;
}

export interface TeamLidTable {
  gemeente: string;
  team_id: string;
  gebruiker_id: string;
}

export interface SessieTable {
  id_hash: string;
  gebruiker_id: string;
  mfa_voltooid: ColumnType<boolean, boolean | undefined, boolean>;
  csrf_token: string;
  aangemaakt_op: Tijdstip;
  laatst_actief_op: Tijdstip;
  verloopt_op: TijdstipVerplicht;
}

export interface ApiTokenTable {
  gemeente: string;
  id: string;
  naam: string;
  token_hash: string;
  rollen: Rol[];
  verloopt_op: TijdstipVerplicht;
  ingetrokken_op: TijdstipLeeg;
  aangemaakt_door: string | null;
  aangemaakt_op: Tijdstip;
}

/** Events of one gemeente; monthly partitions on tijdstip (0013-logmaanden, ADR 0026). */
export interface AuditLogTable {
  id: Generated<number>;
  gemeente: string;
  tijdstip: Tijdstip;
  actor_type: string;
  actor_id: string | null;
  actor_naam: string | null;
  actie: string;
  object_type: string | null;
  object_id: string | null;
  resultaat: string;
  herkomst: string | null;
  trace_id: string | null;
  details: Json<Record<string, unknown>>;
}

/**
 * Installation-wide events, without a gemeente (0013-logmaanden, ADR 0026): the login records
 * (partition installatie_log_aanmelding, by month, six months) and the rest (installatie_log_overig).
 * Its ids come from audit_log's sequence.
 */
export interface InstallatieLogTable {
  id: Generated<number>;
  tijdstip: Tijdstip;
  actor_type: string;
  actor_id: string | null;
  actor_naam: string | null;
  actie: string;
  object_type: string | null;
  object_id: string | null;
  resultaat: string;
  herkomst: string | null;
  trace_id: string | null;
  details: Json<Record<string, unknown>>;
}

/** Logboek Dataverwerkingen; monthly partitions on begin_op (0013-logmaanden, ADR 0026). */
export interface VerwerkingLogTable {
  id: Generated<number>;
  gemeente: string;
  trace_id: string;
  span_id: string;
  naam: string;
  verwerkingsactiviteit: string;
  grondslag: string;
  betrokkene_type: string;
  betrokkene_id: string;
  status: string;
  begin_op: TijdstipVerplicht;
  eind_op: TijdstipVerplicht;
}

export interface IdempotentieTable {
  sleutel: string;
  principaal: string;
  methode: string;
  pad: string;
  verzoek_hash: string;
  status: number;
  /** The stored response body; null for a response without one. */
  antwoord: ColumnType<unknown | null, string | null | undefined, string | null>;
  headers: Json<Record<string, string>>;
  aangemaakt_op: Tijdstip;
}

export type BerichtStatus = 'wachtend' | 'verzonden' | 'mislukt' | 'niet-verzonden';

export interface BerichtTable {
  gemeente: string;
  id: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  html: string | null;
  status: ColumnType<BerichtStatus, BerichtStatus | undefined, BerichtStatus>;
  pogingen: ColumnType<number, number | undefined, number>;
  laatste_fout: string | null;
  aangemaakt_op: Tijdstip;
  verzonden_op: TijdstipLeeg;
  /** A send attempt holds the message until then (0002-berichten). */
  bezig_tot: TijdstipLeeg;
  /** An answer in a resident's thread: the Message-ID it answers, and the thread's References (0026-mailintake). */
  in_reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  references: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  /** False for a message a person wrote: sent without Auto-Submitted (0026-mailintake). */
  automatisch: ColumnType<boolean, boolean | undefined, boolean>;
  /** Attachments (0025): name, media type and content in base64. */
  bijlagen: Json<BerichtBijlage[]>;
}

/** A file sent with a message (small: an iCalendar file). */
export interface BerichtBijlage {
  naam: string;
  type: string;
  /** The content in base64. */
  inhoud: string;
}

/** A day a gemeente's offices are closed (0004-sluitingsdagen); date as YYYY-MM-DD. */
export interface SluitingsdagTable {
  gemeente: string;
  datum: string;
  naam: string;
  aangemaakt_op: Tijdstip;
  aangemaakt_door: string | null;
}

export const KANALEN = ['balie', 'telefoon', 'e-mail', 'web', 'app', 'post', 'sociale-media'] as const;
export type Kanaal = (typeof KANALEN)[number];
/** ZGW vertrouwelijkheidaanduiding, from least to most confidential. */
export const VERTROUWELIJKHEDEN = ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'] as const;
export type Vertrouwelijkheid = (typeof VERTROUWELIJKHEDEN)[number];
export const GEBEURTENIS_SOORTEN = ['aangemaakt', 'status', 'notitie', 'bericht', 'opschorting', 'opschorting-einde', 'verlenging', 'toewijzing', 'resultaat', 'document', 'reactie', 'relatie', 'volgcode', 'termijn', 'heropening'] as const;
export type GebeurtenisSoort = (typeof GEBEURTENIS_SOORTEN)[number];
/** A calendar date (YYYY-MM-DD), read as text. */
type Datum = ColumnType<string, string, string>;
type DatumLeeg = ColumnType<string | null, string | null | undefined, string | null>;

export interface ZaaktypeTable {
  gemeente: string;
  id: string;
  code: string;
  versie: number;
  naam_nl: string;
  naam_en: string;
  omschrijving_nl: ColumnType<string, string | undefined, string>;
  omschrijving_en: ColumnType<string, string | undefined, string>;
  rechtsgrond: ColumnType<string, string | undefined, string>;
  norm: string;
  opschorting_toegestaan: Standaard<boolean>;
  verlenging_toegestaan: Standaard<boolean>;
  max_verlenging: string | null;
  /** 'gebeurtenis': staff record the day after which a zaak's term counts (migration 0020). */
  termijn_start: Standaard<'ontvangst' | 'gebeurtenis'>;
  /** Other norms a zaak of this type may get instead of `norm` (migration 0020). */
  norm_keuze: Standaard<string[]>;
  standaard_team_id: string | null;
  vertrouwelijkheid: Standaard<Vertrouwelijkheid>;
  geldig_vanaf: DatumLeeg;
  status: ColumnType<'concept' | 'gepubliceerd', 'concept' | 'gepubliceerd' | undefined, 'concept' | 'gepubliceerd'>;
  gepubliceerd_op: TijdstipLeeg;
  revisie: ColumnType<number, number | undefined, number>;
  aangemaakt_op: Tijdstip;
  gewijzigd_op: Tijdstip;
}

export interface StatustypeTable {
  gemeente: string;
  zaaktype_id: string;
  volgnummer: number;
  naam: string;
  /** The English name for the staff app (empty: none given). */
  naam_en: ColumnType<string, string | undefined, string>;
  tekst_nl: string;
  tekst_en: string;
  informeren: Standaard<boolean>;
}

export interface ResultaattypeTable {
  gemeente: string;
  zaaktype_id: string;
  id: string;
  naam: string;
  tekst_nl: Standaard<string>;
  tekst_en: Standaard<string>;
  archiefnominatie: 'blijvend_bewaren' | 'vernietigen';
  bewaartermijn: string | null;
  selectielijstklasse: string;
}

export interface ZaakTable {
  gemeente: string;
  id: string;
  identificatie: string;
  zaaktype_id: string;
  onderwerp: string;
  omschrijving: Standaard<string>;
  kanaal: Kanaal;
  ontvangstdatum: Datum;
  registratie_op: TijdstipVerplicht;
  vertrouwelijkheid: Vertrouwelijkheid;
  team_id: string;
  behandelaar_id: string | null;
  status_volgnummer: number;
  /** Cached projection of the history (ADR 0012), written only by the zaken service. */
  oorspronkelijke_einddatum: Datum;
  uiterlijke_einddatum: Datum;
  opgeschort: Standaard<boolean>;
  afgesloten_op: TijdstipLeeg;
  resultaattype_id: string | null;
  archiefactiedatum: DatumLeeg;
  /** The first reply of the resident that staff have not acted on yet (projection, docs/zaken-api.md). */
  nieuwe_reactie_op: TijdstipLeeg;
  volgcode_hash: string;
  taal: Standaard<'nl' | 'en'>;
  versie: ColumnType<number, number | undefined, number>;
}

export interface BetrokkeneTable {
  gemeente: string;
  zaak_id: string;
  naam: Standaard<string>;
  email: string | null;
  telefoon: string | null;
  taal: Standaard<'nl' | 'en'>;
  /** False when the resident wants no mail about each new status (0039). */
  tussentijdse_berichten: Standaard<boolean>;
  /** Keyed hash of the BSN of a logged-in resident who registered the zaak (0046, ADR 0077). */
  bsn_sleutel: ColumnType<string | null, string | null | undefined, string | null>;
  /** The resident's own address, only to find their zaken (0051, ADR 0083): `1111AA`, 12, `A`. */
  postcode: string | null;
  huisnummer: number | null;
  huisnummertoevoeging: string | null;
}

export interface InwonerInlogTable {
  gemeente: string;
  state_hash: string;
  nonce: string;
  code_verifier: string;
  taal: 'nl' | 'en';
  verloopt_op: TijdstipVerplicht;
}

export interface InwonerSessieTable {
  gemeente: string;
  id_hash: string;
  soort: 'oidc' | 'email';
  bsn_sleutel: string | null;
  bsn_versleuteld: string | null;
  naam: Standaard<string>;
  email: string | null;
  aangemaakt_op: Tijdstip;
  verloopt_op: TijdstipVerplicht;
}

export interface InwonerLinkTable {
  gemeente: string;
  token_hash: string;
  email: string;
  aangemaakt_op: TijdstipVerplicht;
  verloopt_op: TijdstipVerplicht;
  gebruikt_op: TijdstipLeeg;
}

export interface ZaakGebeurtenisTable {
  gemeente: string;
  zaak_id: string;
  volgnummer: number;
  soort: GebeurtenisSoort;
  gegevens: Json<Record<string, unknown>>;
  extern: Standaard<boolean>;
  door_gebruiker: string | null;
  door_naam: string | null;
  door_inwoner: Standaard<boolean>;
  op: TijdstipVerplicht;
}

export interface ZaakRelatieTable {
  gemeente: string;
  zaak_id: string;
  andere_zaak_id: string;
  soort: 'vervolg' | 'onderwerp' | 'bijdrage' | 'gerelateerd';
  aangemaakt_op: TijdstipVerplicht;
}

export interface ZaakDocumentTable {
  gemeente: string;
  zaak_id: string;
  id: string;
  bestandsnaam: string;
  mediatype: string;
  grootte: number;
  sha256: string;
  inhoud: Buffer;
  extern: Standaard<boolean>;
  aangemaakt_op: TijdstipVerplicht;
  door_gebruiker: string | null;
}

export interface PcDocumentTable {
  gemeente: string;
  id: string;
  soort: 'programmabegroting' | 'voorjaarsnota' | 'jaarstukken';
  jaar: number;
  aangemaakt_op: Tijdstip;
}

export interface PcVersieTable {
  gemeente: string;
  id: string;
  document_id: string;
  volgnummer: number;
  naam: ColumnType<string, string | undefined, string>;
  status: ColumnType<'concept' | 'aangeboden' | 'vastgesteld', 'concept' | 'aangeboden' | 'vastgesteld' | undefined, 'concept' | 'aangeboden' | 'vastgesteld'>;
  /** Council date (calendar date, YYYY-MM-DD). */
  vastgesteld_op: ColumnType<string | null, string | null | undefined, string | null>;
  versie: ColumnType<number, number | undefined, number>;
  aangemaakt_op: Tijdstip;
  gewijzigd_op: Tijdstip;
}

export interface PcProgrammaTable {
  gemeente: string;
  versie_id: string;
  slug: string;
  naam: string;
  volgorde: number;
  hoofdstuk: JsonVerplicht<unknown>;
  aanvullingen: JsonVerplicht<unknown>;
  versie: ColumnType<number, number | undefined, number>;
  gewijzigd_op: Tijdstip;
}

/** What the deadline watcher sent, once per (zaak, soort, einddatum) (migration 0007, ADR 0014). */
export interface TermijnMeldingTable {
  gemeente: string;
  zaak_id: string;
  soort: 'waarschuwing' | 'te-laat';
  einddatum: Datum;
  /** For 'te-laat': the date we told the resident they will hear from us by. */
  nieuwe_datum: DatumLeeg;
  ontvangers: Json<string[]>;
  verstuurd_op: TijdstipVerplicht;
}

/** Requests of a route and address in the current window, shared by every node (0012-knooppunten, UNLOGGED). */
export interface RateLimitTable {
  sleutel: string;
  aantal: number;
  /** End of the window in milliseconds since 1970. */
  verloopt_op: number;
}

/** Fingerprint of a secret every node must share (0012-knooppunten). */
export interface KnooppuntGeheimTable {
  naam: string;
  vingerafdruk: string;
  vastgelegd_op: Tijdstip;
}

/** Every version of a KPI definition a process has run with (migration 0015, ADR 0029); installation-wide. */
export interface KpiDefinitieTable {
  code: string;
  versie: number;
  definitie: JsonVerplicht<Record<string, unknown>>;
  vingerafdruk: string;
  geregistreerd_op: Tijdstip;
}

/** A gemeente's norm or target for a KPI, from a date on (migration 0015, ADR 0029). */
export interface KpiNormTable {
  gemeente: string;
  kpi_code: string;
  geldig_vanaf: Datum;
  waarde: number;
  bron: string;
  aangemaakt_op: Tijdstip;
  aangemaakt_door: string | null;
}

/** The zaken rollup by closing day: counts and the lead-time histogram per zaaktype (migration 0024, ADR 0043). */
export interface KpiZaakAfgeslotenDagTable {
  gemeente: string;
  dag: Datum;
  zaaktype: string;
  aantal: number;
  binnen_norm: number;
  /** Element i (1-based): zaken closed in i − 1 werkdagen. */
  doorlooptijd: number[];
  /** `doorlooptijd` as text (`{3,0,7}`), generated (migration 0057). */
  doorlooptijd_tekst: Generated<string>;
  berekend_op: TijdstipVerplicht;
}

/** The same per calendar month (`maand`: its first day), the sums of its days (migration 0024). */
export interface KpiZaakAfgeslotenMaandTable {
  gemeente: string;
  maand: Datum;
  zaaktype: string;
  aantal: number;
  binnen_norm: number;
  doorlooptijd: number[];
  /** `doorlooptijd` as text, generated (migration 0057). */
  doorlooptijd_tekst: Generated<string>;
  berekend_op: TijdstipVerplicht;
}

/** Per gemeente and rollup: the calendar it was counted with and when it was last built whole (migration 0024). */
export interface KpiRollupStandTable {
  gemeente: string;
  rollup: string;
  kalender: string;
  opgebouwd_op: TijdstipVerplicht;
}

/** The rollups' outbox: days to recompute, appended by triggers on zaak (migration 0024). */
export interface KpiRollupWerkTable {
  gemeente: string;
  id: Generated<string>;
  dag: Datum;
  reden: string;
  aangemeld_op: Tijdstip;
  /** Which rollup the row is for (migration 0037; the zaken triggers write the default `zaken-afgesloten`). */
  rollup: Standaard<string>;
}

/** A closed day recomputed because late data arrived: when, why, before and after (migration 0024); append-only. */
export interface KpiRollupHerberekeningTable {
  gemeente: string;
  rollup: string;
  dag: Datum;
  op: TijdstipVerplicht;
  reden: string;
  voor: JsonVerplicht<Record<string, unknown>>;
  na: JsonVerplicht<Record<string, unknown>>;
}

/** The telephony rollup per day and wachtrij: the counts of the measures and the histogram of waits of answered calls (migration 0037, ADR 0066). */
export interface KpiKccGesprekDagTable {
  gemeente: string;
  dag: Datum;
  wachtrij: string;
  totaal: number;
  noemer: number;
  binnen_30s: number;
  afgehaakt: number;
  kort_opgehangen: number;
  buiten_openingstijd: number;
  beantwoord: number;
  wachttijd_som: ColumnType<string, number | string, number | string>;
  /** Element i (1-based): answered calls that waited i − 1 seconds. */
  wachttijd: number[];
  /** `wachttijd` as text (`{3,0,7}`), generated (migration 0057). */
  wachttijd_tekst: Generated<string>;
  berekend_op: TijdstipVerplicht;
}

/** The same per calendar month (`maand`: its first day), the sums of its days (migration 0037). */
export interface KpiKccGesprekMaandTable {
  gemeente: string;
  maand: Datum;
  wachtrij: string;
  totaal: number;
  noemer: number;
  binnen_30s: number;
  afgehaakt: number;
  kort_opgehangen: number;
  buiten_openingstijd: number;
  beantwoord: number;
  wachttijd_som: ColumnType<string, number | string, number | string>;
  wachttijd: number[];
  /** `wachttijd` as text (`{3,0,7}`), generated (migration 0057). */
  wachttijd_tekst: Generated<string>;
  berekend_op: TijdstipVerplicht;
}

/** Klantcontacten per day, kanaal and uitkomst (migration 0037, ADR 0066). */
export interface KpiKlantcontactDagTable {
  gemeente: string;
  dag: Datum;
  kanaal: string;
  uitkomst: string;
  aantal: number;
  berekend_op: TijdstipVerplicht;
}

/** Handled contactverzoeken per day of handling and team, and how many on time (migration 0037, ADR 0066). */
export interface KpiContactverzoekDagTable {
  gemeente: string;
  dag: Datum;
  team_id: string | null;
  aantal: number;
  binnen_termijn: number;
  berekend_op: TijdstipVerplicht;
  /** team_id, or the nil UUID for a request to a named person: part of the primary key (generated). */
  team_sleutel: Generated<string>;
}

/** A call record from the telephony platform (migration 0016, ADR 0031). */
export interface KccGesprekTable {
  gemeente: string;
  /** The platform's id of the call: the key within the gemeente. */
  gesprek_id: string;
  wachtrij: string;
  begin_op: TijdstipVerplicht;
  wachttijd_s: number;
  afloop: 'beantwoord' | 'opgehangen' | 'buiten-openingstijd';
  gespreksduur_s: number;
  doorverbonden_naar: string | null;
  geimporteerd_op: TijdstipVerplicht;
}

export const KLANTCONTACT_KANALEN = ['telefoon', 'balie', 'e-mail', 'chat', 'brief', 'sociale-media'] as const;
export type KlantcontactKanaal = (typeof KLANTCONTACT_KANALEN)[number];
export const KLANTCONTACT_UITKOMSTEN = ['zelfstandig-afgehandeld', 'doorverbonden', 'contactverzoek-gemaakt', 'zaak-aangemaakt', 'verwezen', 'niet-afgehandeld'] as const;
export type KlantcontactUitkomst = (typeof KLANTCONTACT_UITKOMSTEN)[number];

/** A contact with a resident on any channel (migration 0018, ADR 0033); never changes once registered. */
export interface KlantcontactTable {
  gemeente: string;
  id: string;
  kanaal: KlantcontactKanaal;
  onderwerp: string;
  vraag: Standaard<string>;
  antwoord: Standaard<string>;
  uitkomst: KlantcontactUitkomst;
  op: TijdstipVerplicht;
  geregistreerd_op: TijdstipVerplicht;
  door_type: 'gebruiker' | 'token' | 'cli' | 'systeem';
  door_gebruiker: string | null;
  door_naam: string | null;
}

/** The person of a contact (minimal data); deleted after the retention term. */
export interface KlantcontactPersoonTable {
  gemeente: string;
  klantcontact_id: string;
  naam: Standaard<string>;
  email: string | null;
  telefoon: string | null;
}

/** A zaak a contact is about or led to, with its number. */
export interface KlantcontactZaakTable {
  gemeente: string;
  klantcontact_id: string;
  zaak_id: string;
  zaak_identificatie: string;
  aangemaakt: Standaard<boolean>;
}

/** The history of a contact; append-only. */
export interface KlantcontactGebeurtenisTable {
  gemeente: string;
  klantcontact_id: string;
  volgnummer: number;
  soort: 'geregistreerd' | 'persoon-gewist';
  gegevens: Json<Record<string, unknown>>;
  door_gebruiker: string | null;
  door_naam: string | null;
  op: TijdstipVerplicht;
}

/** A category of meldingen openbare ruimte, one version (migration 0022, ADR 0040); versioned like zaaktypen. */
export interface MeldingCategorieTable {
  gemeente: string;
  id: string;
  code: string;
  versie: number;
  status: Standaard<'concept' | 'gepubliceerd'>;
  /** The main category's code; null: this is a main category. */
  hoofdcategorie: string | null;
  naam_nl: string;
  naam_en: string;
  uitleg_nl: Standaard<string>;
  uitleg_en: Standaard<string>;
  trefwoorden: Standaard<string>;
  openbaar: Standaard<boolean>;
  team_id: string | null;
  norm_werkdagen: number | null;
  /** The partner that receives this category's meldingen by default (migration 0032). */
  partner_id: Standaard<string | null>;
  vragen: Json<unknown[]>;
  volgorde: Standaard<number>;
  geldig_vanaf: DatumLeeg;
  gepubliceerd_op: TijdstipLeeg;
  revisie: Standaard<number>;
  aangemaakt_op: Tijdstip;
  gewijzigd_op: Tijdstip;
}

/** What a melding holds besides its zaak (migration 0022, ADR 0040); `locatie` is generated from lat/lon. */
export interface MeldingTable {
  gemeente: string;
  zaak_id: string;
  identificatie: string;
  categorie_id: string;
  categorie_code: string;
  lat: number | null;
  lon: number | null;
  locatie: Generated<string | null>;
  adres: Standaard<string>;
  locatie_controle: 'binnen' | 'nabij-grens' | 'geen-grens' | 'alleen-adres';
  antwoorden: Json<Record<string, string>>;
  media_url: string | null;
  bron: 'open311' | 'formulier' | 'medewerker';
  open311_sleutel_id: string | null;
  ontvangen_op: TijdstipVerplicht;
}

/** An Open311 API key of one client (migration 0022, ADR 0041); only the hash is stored. */
export interface Open311SleutelTable {
  gemeente: string;
  id: string;
  naam: string;
  sleutel_hash: string;
  verloopt_op: TijdstipLeeg;
  ingetrokken_op: TijdstipLeeg;
  aangemaakt_door: string | null;
  aangemaakt_op: TijdstipVerplicht;
}

/** An address of the local gazetteer (migration 0031, ADR 0054): public data, no personal data. */
export interface AdresTable {
  gemeente: string;
  postcode: string;
  huisnummer: number;
  toevoeging: Standaard<string>;
  straat: string;
  woonplaats: string;
  lat: number;
  lon: number;
  ingelezen_op: TijdstipVerplicht;
}

/** A melding being filled in on the resident form (migration 0031, ADR 0055); deleted when sent or expired. */
export interface MeldingConceptTable {
  gemeente: string;
  sleutel_hash: string;
  gegevens: Json<Record<string, unknown>>;
  aangemaakt_op: TijdstipVerplicht;
  verloopt_op: TijdstipVerplicht;
  /** Its photos, counted by the photo triggers alone (migration 0067, ADR 0101). */
  aantal_fotos: ColumnType<number, number | undefined, number>;
}

/** A photo of a concept, already re-encoded without metadata (migration 0031). */
export interface MeldingConceptFotoTable {
  gemeente: string;
  sleutel_hash: string;
  volgnummer: number;
  mediatype: 'image/jpeg' | 'image/png' | 'image/webp';
  inhoud: Buffer;
  breedte: number;
  hoogte: number;
}

/** A resident following an existing melding: they get its status mails (migration 0031). */
export interface MeldingVolgerTable {
  gemeente: string;
  zaak_id: string;
  email: string;
  taal: 'nl' | 'en';
  sinds: TijdstipVerplicht;
}

/** In how many closed meldingen of a category a word occurred (migration 0044, ADR 0075). */
export interface MeldingTermTable {
  gemeente: string;
  categorie_code: string;
  term: string;
  aantal: number;
}

/** When the terms of a gemeente were last rebuilt (migration 0044). */
export interface MeldingTermenStandTable {
  gemeente: string;
  herbouwd_op: TijdstipVerplicht;
  meldingen: number;
  termen: number;
}

export interface PaginafeedbackDomeinTable {
  gemeente: string;
  /** A host name of the gemeente's website (its subdomains count too), lower case. */
  domein: string;
}
export interface PaginafeedbackRouteTable {
  gemeente: string;
  /** Position in the list: the first rule whose pattern fits the page wins. */
  volgorde: number;
  /** A path pattern: `/afval/*` (the path and everything under it) or an exact path. */
  patroon: string;
  team: string;
}
export interface PaginafeedbackTable {
  gemeente: string;
  id: string;
  ontvangen_op: TijdstipVerplicht;
  /** The page: scheme, host and path; no query, no fragment. */
  pagina: string;
  gevonden: boolean;
  vindbaarheid: number | null;
  begrijpelijkheid: number | null;
  volledigheid: number | null;
  /** The remark with e-mail addresses and telephone numbers masked. */
  tekst: string | null;
  /** The team the page is routed to; null: the webredactie. */
  team: string | null;
  met_javascript: boolean;
}
export interface PaginafeedbackAfhandelingTable {
  gemeente: string;
  feedback: string;
  afgehandeld_op: TijdstipVerplicht;
  afgehandeld_door: string | null;
  afhandeling: 'gecorrigeerd' | 'aangevuld' | 'herschreven-in-b1' | 'geen-actie';
  notitie: ColumnType<string, string | undefined, string>;
}
export type KtoVorm = 'score-5' | 'score-10' | 'ja-nee';
/** One option of the choice list of the question after closing (0054). */
export interface KtoKeuze {
  sleutel: string;
  nl: string;
  en: string;
}
/** Whether and how a zaaktype's zaken get the question after closing (0030-kto). */
export interface KtoInstellingTable {
  gemeente: string;
  zaaktype: string;
  actief: boolean;
  vorm: KtoVorm;
  steekproef: number;
  /** The question text ('' = the standard text of the form; 0054). */
  vraag_nl: Standaard<string>;
  vraag_en: Standaard<string>;
  /** The choice list "what went well or not", in the order shown; empty: not asked (0054). */
  keuzes: Json<KtoKeuze[]>;
  toelichting_vragen: Standaard<boolean>;
}
/** The question after closing of one zaak: at most one per zaak (0030-kto). */
export interface KtoVraagTable {
  gemeente: string;
  zaak_id: string;
  zaaktype: string;
  identificatie: string;
  vorm: KtoVorm;
  taal: 'nl' | 'en';
  email_hash: string;
  token_hash: string;
  gesteld_op: TijdstipVerplicht;
  /** The zaak's team and channel at closing (0054; null: not known). */
  team_id: string | null;
  kanaal: Kanaal | null;
}
/** The answer to a question after closing, written once (0030-kto). */
export interface KtoAntwoordTable {
  gemeente: string;
  zaak_id: string;
  beantwoord_op: TijdstipVerplicht;
  score: number;
  tevreden: boolean;
  /** The chosen option's key; null: the zaaktype asked no choice (0054). */
  punt: string | null;
  /** The chosen option's Dutch label as it was when answered (0054). */
  punt_tekst: string | null;
  toelichting: string | null;
}
/** The population share of a category of a weighting characteristic, per gemeente (0038-inwonerspanel). */
export interface PanelMargeTable {
  gemeente: string;
  kenmerk: PanelKenmerk;
  categorie: string;
  aandeel: number;
}
export type PanelKenmerk = 'leeftijdsgroep' | 'geslacht' | 'wijk' | 'opleiding';
/** A member of the inwonerspanel; deleted when they leave (0038-inwonerspanel). */
export interface PanellidTable {
  gemeente: string;
  id: string;
  email: string;
  taal: 'nl' | 'en';
  leeftijdsgroep: string;
  geslacht: string;
  wijk: string;
  opleiding: string;
  aangemeld_op: TijdstipVerplicht;
  bevestigd_op: TijdstipLeeg;
}
/** The hash of a one-time link in a panel mail (0038-inwonerspanel). */
export interface PanelSleutelTable {
  gemeente: string;
  token_hash: string;
  panellid_id: string;
  doel: 'bevestigen' | 'afmelden' | 'enquete';
  uitnodiging_id: string | null;
}
/** A survey with its definition (0038-inwonerspanel). */
export interface EnqueteTable {
  gemeente: string;
  id: string;
  definitie: JsonVerplicht<unknown>;
  open_link: boolean;
  herinnering_na_dagen: number;
  status: 'concept' | 'lopend' | 'gesloten';
  aangemaakt_op: TijdstipVerplicht;
  gestart_op: TijdstipLeeg;
}
/** An invitation of a panel member to a survey: only whether they answered, not what (0038-inwonerspanel). */
export interface EnqueteUitnodigingTable {
  gemeente: string;
  id: string;
  enquete_id: string;
  panellid_id: string | null;
  uitgenodigd_op: TijdstipVerplicht;
  herinnerd_op: TijdstipLeeg;
  beantwoord: Standaard<boolean>;
}
/** One set of answers, apart from who gave them: the weighting characteristics copied in, the day only (0038-inwonerspanel). */
export interface EnqueteResponsTable {
  gemeente: string;
  id: string;
  enquete_id: string;
  bron: 'panel' | 'open';
  leeftijdsgroep: string | null;
  geslacht: string | null;
  wijk: string | null;
  opleiding: string | null;
  antwoorden: JsonVerplicht<Record<string, string | string[]>>;
  ontvangen_op: Datum;
}
/** The responses counted per profile, question and value ('' for the characteristics of an open-link answer) (0038-inwonerspanel). */
export interface EnqueteTellingTable {
  gemeente: string;
  enquete_id: string;
  bron: 'panel' | 'open';
  leeftijdsgroep: string;
  geslacht: string;
  wijk: string;
  opleiding: string;
  /** The question id; '' for the count of respondents of the profile. */
  vraag: string;
  /** The answer as JSON text; '""' for an open question. */
  waarde: string;
  aantal: number;
}
/** An external organisation that handles meldingen for the gemeente (0032-melding-partners, ADR 0056). */
/** A melding merged into a main melding (0043, ADR 0074). */
export interface MeldingSamenvoegingTable {
  gemeente: string;
  zaak_id: string;
  hoofd_zaak_id: string;
  door_gebruiker: string | null;
  door_naam: string | null;
  op: TijdstipVerplicht;
}
export type HeropenverzoekStatus = 'open' | 'geaccepteerd' | 'afgewezen';
/** A reporter's "nee" within 14 days of closing: a request to reopen (0043, ADR 0074). */
export interface MeldingHeropenverzoekTable {
  gemeente: string;
  id: string;
  zaak_id: string;
  aangevraagd_op: TijdstipVerplicht;
  status: Standaard<HeropenverzoekStatus>;
  besloten_op: TijdstipLeeg;
  besloten_door: string | null;
  besloten_naam: string | null;
  reden: Standaard<string>;
}
export interface MeldingPartnerTable {
  gemeente: string;
  id: string;
  naam: string;
  email: string | null;
  aangemaakt_op: TijdstipVerplicht;
}
/** A staff user (role externe-partner) acting for a partner (0032-melding-partners). */
export interface MeldingPartnerLidTable {
  gemeente: string;
  partner_id: string;
  gebruiker_id: string;
}
export type PartnerStatus = 'ingepland' | 'in-behandeling' | 'gereed' | 'niet-mogelijk';
/** The append-only history of a melding's routing to partners (0032-melding-partners). */
export interface MeldingPartnerGebeurtenisTable {
  gemeente: string;
  zaak_id: string;
  volgnummer: number;
  partner_id: string;
  soort: 'doorgezet' | 'status' | 'foto';
  status: PartnerStatus | null;
  toelichting: Standaard<string>;
  document_id: string | null;
  door_gebruiker: string | null;
  door_naam: string | null;
  op: TijdstipVerplicht;
}
export type KlachtCategorie = 'bejegening' | 'informatie' | 'bereikbaarheid' | 'termijn' | 'dienstverlening' | 'anders';
export type KlachtUitkomst = 'gegrond' | 'deels-gegrond' | 'ongegrond' | 'informeel-opgelost' | 'niet-behandeld';
export type KlachtStapSoort = 'ontvangen' | 'contact' | 'niet-behandelen' | 'hoorzitting' | 'hoorverslag' | 'horen-overslaan' | 'verdaging' | 'uitstel' | 'besluit' | 'maatregel';
export type MaatregelStatus = 'open' | 'uitgevoerd' | 'vervallen';
/** Per gemeente: the informal-contact norm and the ombudsman of the decision letter (0034-klachten, ADR 0060). */
export interface KlachtInstellingTable {
  gemeente: string;
  informeel_werkdagen: number;
  ombudsman_naam: string;
  ombudsman_website: string;
}
/** Per-gemeente wording of letters (0040-brieftekst, ADR 0071): per group of letters and language. */
export interface BriefTekstTable {
  gemeente: string;
  groep: BriefGroep;
  taal: 'nl' | 'en';
  inleiding: string | null;
  contact: string | null;
  ondertekening: string | null;
  gewijzigd_op: TijdstipVerplicht;
  gewijzigd_door: string | null;
}
/** The groups of letters with their own wording: every letter, or one procedure's (a procedure's row overrides the general one). The table also allows `bezwaar`, for when its letters use it. */
export const BRIEF_GROEPEN = ['algemeen', 'klachten', 'bezwaar'] as const;
export type BriefGroep = (typeof BRIEF_GROEPEN)[number];
/** The state of one klacht beside its zaak (0034-klachten, ADR 0060). */
export interface KlachtTable {
  gemeente: string;
  zaak_id: string;
  identificatie: string;
  ontvangen: Datum;
  categorie: KlachtCategorie;
  team_id: string;
  beklaagde: string | null;
  gedraging_datum: DatumLeeg;
  commissie: ColumnType<boolean, boolean | undefined, boolean>;
  verdaging_weken: ColumnType<number, number | undefined, number>;
  uitstel_weken: ColumnType<number, number | undefined, number>;
  informeel_contact_uiterlijk: Datum;
  niet_behandelen_uiterlijk: Datum;
  afhandeltermijn_einde: Datum;
  eerste_contact: DatumLeeg;
  horen: ColumnType<'gepland' | 'gehoord' | 'overgeslagen' | null, 'gepland' | 'gehoord' | 'overgeslagen' | null | undefined, 'gepland' | 'gehoord' | 'overgeslagen' | null>;
  hoorzitting_op: ColumnType<string | null, string | null | undefined, string | null>;
  uitkomst: ColumnType<KlachtUitkomst | null, KlachtUitkomst | null | undefined, KlachtUitkomst | null>;
  afgehandeld_op: DatumLeeg;
  binnen_termijn: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
}
/** One step of a klacht's procedure, append-only (0034-klachten). */
export interface KlachtStapTable {
  gemeente: string;
  zaak_id: string;
  volgnummer: number;
  soort: KlachtStapSoort;
  gegevens: JsonVerplicht<Record<string, unknown>>;
  door_gebruiker: string | null;
  door_naam: string | null;
  op: TijdstipVerplicht;
}
export type FormulierStatus = 'concept' | 'gepubliceerd' | 'ingetrokken';
/** A version of a form definition for one zaaktype version (0036-formulieren); `definitie` is checked by formulieren.schemas.ts. */
export interface FormulierTable {
  gemeente: string;
  id: string;
  code: string;
  versie: number;
  zaaktype_id: string;
  status: FormulierStatus;
  definitie: JsonVerplicht<unknown>;
  revisie: ColumnType<number, number | undefined, number>;
  aangemaakt_op: TijdstipVerplicht;
  gewijzigd_op: TijdstipVerplicht;
  gepubliceerd_op: TijdstipLeeg;
  ingetrokken_op: TijdstipLeeg;
}
/** A resident's draft of a form, found by the hash of the secret in its address (0036-formulieren). */
export interface FormulierConceptTable {
  gemeente: string;
  id: string;
  formulier_id: string;
  token_hash: string;
  taal: 'nl' | 'en';
  antwoorden: Json<Record<string, unknown>>;
  aangemaakt_op: TijdstipVerplicht;
  gewijzigd_op: TijdstipVerplicht;
  verloopt_op: TijdstipVerplicht;
  ingediend_op: TijdstipLeeg;
  ingediend_zaak_id: string | null;
  ingediend_identificatie: string | null;
}
/** A file uploaded in a form's draft, checked, one per file field (0047-formulier-bestanden). */
export interface FormulierBestandTable {
  gemeente: string;
  concept_id: string;
  veld: string;
  bestandsnaam: string;
  mediatype: string;
  grootte: number;
  inhoud: Buffer;
  aangemaakt_op: TijdstipVerplicht;
}
/** The answers of a submitted form on its zaak, as structured data (0036-formulieren). */
export interface FormulierInzendingTable {
  gemeente: string;
  zaak_id: string;
  formulier_id: string;
  antwoorden: JsonVerplicht<Record<string, unknown>>;
  ingediend_op: TijdstipVerplicht;
}
/** A verbetermaatregel of a (deels) gegronde klacht (0034-klachten). */
export interface KlachtMaatregelTable {
  gemeente: string;
  id: string;
  zaak_id: string;
  omschrijving: string;
  team_id: string;
  uiterlijk: Datum;
  status: MaatregelStatus;
  aangemaakt_op: TijdstipVerplicht;
  gewijzigd_op: TijdstipVerplicht;
}
/** A bezwaar zaak's contested besluit and receipt, written once at registration (0035-bezwaar). */
export interface BezwaarTable {
  gemeente: string;
  zaak_id: string;
  besluit: string;
  bekendmaking: string;
  besluit_team_id: string | null;
  besluit_zaak_id: string | null;
  ontvangen: string;
  verzonden: string | null;
  commissie: boolean;
  aangemaakt_op: TijdstipVerplicht;
}
export type BezwaarStapSoort =
  | 'verschoonbaarheid'
  | 'herstel-verzocht'
  | 'hersteld'
  | 'verdaging'
  | 'uitstel'
  | 'informeel'
  | 'hoorzitting'
  | 'hoorverslag'
  | 'horen-overgeslagen'
  | 'advies'
  | 'ingebrekestelling'
  | 'beslissing';
/** One step of a bezwaar procedure, append-only (0035-bezwaar). */
export interface BezwaarStapTable {
  gemeente: string;
  zaak_id: string;
  volgnummer: number;
  soort: BezwaarStapSoort;
  gegevens: JsonVerplicht<Record<string, unknown>>;
  op: TijdstipVerplicht;
  door_gebruiker: string | null;
  door_naam: string | null;
}
/** An address of a gemeente's e-mail intake (0026-mailintake): 'info@diemen.nl' or '@diemen.nl'. */
export interface MailIntakeAdresTable {
  gemeente: string;
  adres: string;
  aangemaakt_op: TijdstipVerplicht;
}

export type MailRichting = 'in' | 'uit';
export type MailVia = 'smtp' | 'import' | 'antwoord';
export type OntvangstdatumBron = 'received' | 'date' | 'import' | 'smtp' | 'antwoord';

/** A message in a zaak's e-mail thread, received or answered (0026-mailintake, ADR 0046). */
export interface MailBerichtTable {
  gemeente: string;
  id: string;
  message_id: string;
  richting: MailRichting;
  zaak_id: string | null;
  zaak_identificatie: string | null;
  klantcontact_id: string | null;
  bericht_id: string | null;
  in_reply_to: string | null;
  references: ColumnType<string[], string[] | undefined, string[]>;
  van_naam: string | null;
  van_adres: string | null;
  aan: ColumnType<string, string | undefined, string>;
  onderwerp: ColumnType<string, string | undefined, string>;
  tekst: ColumnType<string, string | undefined, string>;
  html: string | null;
  grootte: number;
  via: MailVia;
  ontvangen_op: TijdstipVerplicht;
  ontvangstdatum: Datum;
  ontvangstdatum_bron: OntvangstdatumBron;
  geregistreerd_op: TijdstipVerplicht;
}

/** An attachment of a received message: a zaak document, or refused with the reason (0026-mailintake). */
export interface MailBijlageTable {
  gemeente: string;
  mail_id: string;
  volgnummer: number;
  bestandsnaam: string;
  opgegeven_type: string;
  grootte: number;
  sha256: string;
  document_id: string | null;
  geweigerd_reden: string | null;
}

export const CONTACTVERZOEK_STATUSSEN = ['open', 'in-behandeling', 'afgerond', 'niet-bereikt'] as const;
export type ContactverzoekStatus = (typeof CONTACTVERZOEK_STATUSSEN)[number];
export const CONTACTVERZOEK_GEBEURTENISSEN = ['aangemaakt', 'opgepakt', 'poging', 'afgerond', 'niet-bereikt', 'herinnering', 'escalatie', 'bevestiging', 'persoon-gewist'] as const;
export type ContactverzoekGebeurtenisSoort = (typeof CONTACTVERZOEK_GEBEURTENISSEN)[number];

/** The norm of a callback request per onderwerp, in werkdagen (migration 0027, ADR 0048). */
export interface ContactverzoekNormTable {
  gemeente: string;
  onderwerp: string;
  werkdagen: number;
}

/** A callback request to a team or a named staff member (migration 0027, ADR 0048). */
export interface ContactverzoekTable {
  gemeente: string;
  id: string;
  onderwerp: string;
  vraag: string;
  toelichting: Standaard<string>;
  team_id: string | null;
  medewerker_id: string | null;
  klantcontact_id: string | null;
  status: Standaard<ContactverzoekStatus>;
  norm_werkdagen: number;
  uiterlijk_op: string;
  behandelaar_id: string | null;
  uitkomst: string | null;
  aangemaakt_op: TijdstipVerplicht;
  afgehandeld_op: TijdstipLeeg;
  door_type: 'gebruiker' | 'token' | 'cli' | 'systeem';
  door_gebruiker: string | null;
  door_naam: string | null;
  versie: Standaard<number>;
}

/** The resident of a callback request (minimal data); deleted after the retention term. */
export interface ContactverzoekPersoonTable {
  gemeente: string;
  contactverzoek_id: string;
  naam: Standaard<string>;
  telefoon: string | null;
  email: string | null;
}

/** The history of a callback request, attempts included; append-only. */
export interface ContactverzoekGebeurtenisTable {
  gemeente: string;
  contactverzoek_id: string;
  volgnummer: number;
  soort: ContactverzoekGebeurtenisSoort;
  gegevens: Json<Record<string, unknown>>;
  door_gebruiker: string | null;
  door_naam: string | null;
  op: TijdstipVerplicht;
}

/** The reminder and the escalation of a callback request, each sent once. */
export interface ContactverzoekMeldingTable {
  gemeente: string;
  contactverzoek_id: string;
  soort: 'herinnering' | 'escalatie';
  ontvangers: Json<string[]>;
  verstuurd_op: TijdstipVerplicht;
}

export const KENNISARTIKEL_SOORTEN = ['vraag-antwoord', 'werkinstructie', 'webpagina'] as const;
export type KennisartikelSoort = (typeof KENNISARTIKEL_SOORTEN)[number];
export const KENNIS_MELDING_SOORTEN = ['klopt-niet', 'onvolledig', 'onduidelijk', 'fout-in-informatie', 'fout-in-proces'] as const;
export type KennisMeldingSoort = (typeof KENNIS_MELDING_SOORTEN)[number];

/** An article of the knowledge base, its current version (migration 0027, ADR 0049). */
export interface KennisartikelTable {
  gemeente: string;
  id: string;
  soort: KennisartikelSoort;
  onderwerp: string;
  titel: string;
  inhoud: Standaard<string>;
  trefwoorden: Standaard<string>;
  url: string | null;
  team_id: string;
  herzien_op: string;
  versie: Standaard<number>;
  gewijzigd_op: TijdstipVerplicht;
  /** Stored generated columns (the search); PostgreSQL reports them as nullable. */
  zoekvector: Generated<string | null>;
  kopvector: Generated<string | null>;
}

/** Every lexeme of a gemeente's articles with the number of articles that have it (migration 0056, ADR 0088); kept by triggers. */
export interface KennisWoordTable {
  gemeente: string;
  woord: string;
  artikelen: number;
}

/** Every version of an article as written; append-only. */
export interface KennisartikelVersieTable {
  gemeente: string;
  artikel_id: string;
  versie: number;
  soort: KennisartikelSoort;
  onderwerp: string;
  titel: string;
  inhoud: string;
  trefwoorden: string;
  url: string | null;
  team_id: string;
  herzien_op: string;
  toelichting: Standaard<string>;
  door_gebruiker: string | null;
  door_naam: string | null;
  op: TijdstipVerplicht;
}

/** A report that an article or a process is wrong: a task for the owning team. */
export interface KennisMeldingTable {
  gemeente: string;
  id: string;
  artikel_id: string | null;
  artikel_versie: number | null;
  soort: KennisMeldingSoort;
  toelichting: string;
  team_id: string;
  status: Standaard<'open' | 'afgehandeld'>;
  antwoord: string | null;
  gecorrigeerd_in_versie: number | null;
  gemeld_door: string | null;
  gemeld_door_naam: string;
  gemeld_op: TijdstipVerplicht;
  afgehandeld_door: string | null;
  afgehandeld_door_naam: string | null;
  afgehandeld_op: TijdstipLeeg;
}

/** B1 texts of a product in Dutch and English (0025-producten-afspraken). */
export interface ProductTeksten {
  omschrijving: { nl: string; en: string };
  voorWie: { nl: string; en: string };
  kosten: { nl: string; en: string };
  meenemen: { nl: string; en: string };
  aanvragen: { nl: string; en: string };
}

export type ProductAanvragen = 'formulier' | 'afspraak' | 'beide';

/** A product or service of a gemeente (producten- en dienstencatalogus). */
export interface ProductTable {
  gemeente: string;
  code: string;
  naam_nl: string;
  naam_en: string;
  thema: string;
  teksten: JsonVerplicht<ProductTeksten>;
  aanvragen: ProductAanvragen;
  formulier_url: string | null;
  zaaktype: string | null;
  afspraak_minuten: number | null;
  ambtenaar_kiezen: Standaard<boolean>;
  gepubliceerd: Standaard<boolean>;
  revisie: Standaard<number>;
  aangemaakt_op: TijdstipVerplicht;
  gewijzigd_op: TijdstipVerplicht;
}

export interface AfspraakLocatieTable {
  gemeente: string;
  id: string;
  naam: string;
  adres: string;
}

/** Opening hours of a location; times as HH:MM:SS, local time. */
export interface AfspraakOpeningstijdTable {
  gemeente: string;
  locatie_id: string;
  weekdag: number;
  van: string;
  tot: string;
}

export interface AfspraakBalieTable {
  gemeente: string;
  id: string;
  locatie_id: string;
  naam: string;
  actief: Standaard<boolean>;
}

/** A location (balie_id null) or one desk closed on the days van … tot, both included (0053-afspraak-inrichting). */
export interface AfspraakSluitingTable {
  gemeente: string;
  id: string;
  locatie_id: string;
  balie_id: string | null;
  van: Datum;
  tot: Datum;
  reden: string;
  aangemaakt_op: Tijdstip;
}

export interface AfspraakBalieProductTable {
  gemeente: string;
  balie_id: string;
  product: string;
}

export interface AfspraakAmbtenaarTable {
  gemeente: string;
  id: string;
  naam: string;
  weekdagen: number[];
  actief: Standaard<boolean>;
}

export const AFSPRAAK_STATUSSEN = ['gepland', 'geannuleerd', 'ingecheckt', 'geholpen', 'niet-verschenen'] as const;
export type AfspraakStatus = (typeof AFSPRAAK_STATUSSEN)[number];

export interface AfspraakTable {
  gemeente: string;
  id: string;
  product: string;
  balie_id: string;
  ambtenaar_id: string | null;
  start: TijdstipVerplicht;
  eind: TijdstipVerplicht;
  status: Standaard<AfspraakStatus>;
  naam: string | null;
  email: string | null;
  telefoon: string | null;
  taal: Standaard<'nl' | 'en'>;
  token_hash: string;
  herinnerd_op: TijdstipLeeg;
  persoon_gewist_op: TijdstipLeeg;
  aangemaakt_op: TijdstipVerplicht;
  gewijzigd_op: TijdstipVerplicht;
}

export type AfspraakGebeurtenisSoort = 'gemaakt' | 'verzet' | 'geannuleerd' | 'herinnerd' | 'ingecheckt' | 'geholpen' | 'niet-verschenen' | 'persoon-gewist';

/** The history of an appointment; append-only. */
export interface AfspraakGebeurtenisTable {
  gemeente: string;
  afspraak_id: string;
  volgnummer: number;
  soort: AfspraakGebeurtenisSoort;
  gegevens: Json<Record<string, unknown>>;
  op: TijdstipVerplicht;
}

export interface DB {
  bezwaar: BezwaarTable;
  bezwaar_stap: BezwaarStapTable;
  gemeente: GemeenteTable;
  gebruiker: GebruikerTable;
  gebruiker_rol: GebruikerRolTable;
  team: TeamTable;
  team_lid: TeamLidTable;
  sessie: SessieTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  installatie_log: InstallatieLogTable;
  verwerking_log: VerwerkingLogTable;
  idempotentie: IdempotentieTable;
  bericht: BerichtTable;
  sluitingsdag: SluitingsdagTable;
  zaaktype: ZaaktypeTable;
  statustype: StatustypeTable;
  resultaattype: ResultaattypeTable;
  zaak: ZaakTable;
  betrokkene: BetrokkeneTable;
  inwoner_inlog: InwonerInlogTable;
  inwoner_sessie: InwonerSessieTable;
  inwoner_link: InwonerLinkTable;
  zaak_gebeurtenis: ZaakGebeurtenisTable;
  zaak_relatie: ZaakRelatieTable;
  zaak_document: ZaakDocumentTable;
  pc_document: PcDocumentTable;
  pc_versie: PcVersieTable;
  pc_programma: PcProgrammaTable;
  termijn_melding: TermijnMeldingTable;
  rate_limit: RateLimitTable;
  knooppunt_geheim: KnooppuntGeheimTable;
  kpi_definitie: KpiDefinitieTable;
  kpi_norm: KpiNormTable;
  kpi_zaak_afgesloten_dag: KpiZaakAfgeslotenDagTable;
  kpi_zaak_afgesloten_maand: KpiZaakAfgeslotenMaandTable;
  kpi_rollup_stand: KpiRollupStandTable;
  kpi_rollup_werk: KpiRollupWerkTable;
  kpi_rollup_herberekening: KpiRollupHerberekeningTable;
  kcc_gesprek: KccGesprekTable;
  kpi_kcc_gesprek_dag: KpiKccGesprekDagTable;
  kpi_kcc_gesprek_maand: KpiKccGesprekMaandTable;
  kpi_klantcontact_dag: KpiKlantcontactDagTable;
  kpi_contactverzoek_dag: KpiContactverzoekDagTable;
  klantcontact: KlantcontactTable;
  klantcontact_persoon: KlantcontactPersoonTable;
  klantcontact_zaak: KlantcontactZaakTable;
  klantcontact_gebeurtenis: KlantcontactGebeurtenisTable;
  melding_categorie: MeldingCategorieTable;
  melding: MeldingTable;
  adres: AdresTable;
  melding_concept: MeldingConceptTable;
  melding_concept_foto: MeldingConceptFotoTable;
  melding_volger: MeldingVolgerTable;
  melding_term: MeldingTermTable;
  melding_termen_stand: MeldingTermenStandTable;
  melding_partner: MeldingPartnerTable;
  melding_samenvoeging: MeldingSamenvoegingTable;
  melding_heropenverzoek: MeldingHeropenverzoekTable;
  melding_partner_lid: MeldingPartnerLidTable;
  melding_partner_gebeurtenis: MeldingPartnerGebeurtenisTable;
  open311_sleutel: Open311SleutelTable;
  paginafeedback_domein: PaginafeedbackDomeinTable;
  paginafeedback_route: PaginafeedbackRouteTable;
  paginafeedback: PaginafeedbackTable;
  paginafeedback_afhandeling: PaginafeedbackAfhandelingTable;
  mail_intake_adres: MailIntakeAdresTable;
  mail_bericht: MailBerichtTable;
  mail_bijlage: MailBijlageTable;
  contactverzoek_norm: ContactverzoekNormTable;
  contactverzoek: ContactverzoekTable;
  contactverzoek_persoon: ContactverzoekPersoonTable;
  contactverzoek_gebeurtenis: ContactverzoekGebeurtenisTable;
  contactverzoek_melding: ContactverzoekMeldingTable;
  kennisartikel: KennisartikelTable;
  kennisartikel_versie: KennisartikelVersieTable;
  kennis_melding: KennisMeldingTable;
  kennis_woord: KennisWoordTable;
  product: ProductTable;
  afspraak_locatie: AfspraakLocatieTable;
  afspraak_openingstijd: AfspraakOpeningstijdTable;
  afspraak_balie: AfspraakBalieTable;
  afspraak_balie_product: AfspraakBalieProductTable;
  afspraak_ambtenaar: AfspraakAmbtenaarTable;
  afspraak_sluiting: AfspraakSluitingTable;
  afspraak: AfspraakTable;
  afspraak_gebeurtenis: AfspraakGebeurtenisTable;
  kto_instelling: KtoInstellingTable;
  kto_vraag: KtoVraagTable;
  kto_antwoord: KtoAntwoordTable;
  panel_marge: PanelMargeTable;
  panellid: PanellidTable;
  panel_sleutel: PanelSleutelTable;
  enquete: EnqueteTable;
  enquete_uitnodiging: EnqueteUitnodigingTable;
  enquete_respons: EnqueteResponsTable;
  enquete_telling: EnqueteTellingTable;
  formulier: FormulierTable;
  formulier_concept: FormulierConceptTable;
  formulier_bestand: FormulierBestandTable;
  formulier_inzending: FormulierInzendingTable;
  klacht_instelling: KlachtInstellingTable;
  klacht: KlachtTable;
  klacht_stap: KlachtStapTable;
  klacht_maatregel: KlachtMaatregelTable;
  brief_tekst: BriefTekstTable;
}
