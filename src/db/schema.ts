import type { ColumnType, Generated } from 'kysely';

/** Instants are returned as UTC ISO strings; written as Date or string. */
export type Tijdstip = ColumnType<string, string | Date | undefined, string | Date>;
type TijdstipVerplicht = ColumnType<string, string | Date, string | Date>;
type TijdstipLeeg = ColumnType<string | null, string | Date | null | undefined, string | Date | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export const ROLLEN = [
  'beheerder',
  'teamleider',
  'behandelaar',
  'kcc-medewerker',
  'webredacteur',
  'pc-adviseur',
  'externe-partner',
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

export interface AuditLogTable {
  id: Generated<number>;
  gemeente: string | null;
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
  antwoord: Json<unknown>;
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
}

/** A day a gemeente's offices are closed (0004-sluitingsdagen); date as YYYY-MM-DD. */
export interface SluitingsdagTable {
  gemeente: string;
  datum: string;
  naam: string;
  aangemaakt_op: Tijdstip;
  aangemaakt_door: string | null;
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
  hoofdstuk: Json<unknown>;
  aanvullingen: Json<unknown>;
  versie: ColumnType<number, number | undefined, number>;
  gewijzigd_op: Tijdstip;
}

export interface DB {
  gemeente: GemeenteTable;
  gebruiker: GebruikerTable;
  gebruiker_rol: GebruikerRolTable;
  team: TeamTable;
  team_lid: TeamLidTable;
  sessie: SessieTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  verwerking_log: VerwerkingLogTable;
  idempotentie: IdempotentieTable;
  bericht: BerichtTable;
  sluitingsdag: SluitingsdagTable;
  pc_document: PcDocumentTable;
  pc_versie: PcVersieTable;
  pc_programma: PcProgrammaTable;
}
