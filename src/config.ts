import { PDOK_LOCATIESERVER } from './modules/adressen/adressen.geocoder.ts';
/** PDOK's BRT achtergrondkaart (standaard), in Web Mercator: the Dutch government's base map. */
export const KAART_TEGELS_STANDAARD = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica of DATABASE_URL for public and heavy reads (ADR 0028); PostgreSQL only. */
  databaseReadUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  corsOrigins: string[];
  logLevel: string;
  trustProxy: boolean;
  /** Requests per minute per IP address on public routes, and on the login steps. */
  rateLimitPubliek: number;
  rateLimitAanmelden: number;
  /** How long a node counts public requests on its own before it shares them (ms, ADR 0093). */
  rateLimitDelenMs: number;
  /**
   * Secret for the tokens of public forms (tracking page); random per process when not set.
   * Required with more than one node: every node must have the same one (ADR 0023).
   */
  formulierGeheim: string | undefined;
  /** Working days before a zaak's deadline that the deadline watcher warns the handler and teamleider. */
  termijnWaarschuwingWerkdagen: number;
  /** Minutes between two rounds of the deadline watcher (a divisor of 60; 0: not in this process). */
  termijnbewakingMinuten: number;
  /** Minutes between two rounds of the KPI rollup job (ADR 0043); 0: none in this process. */
  kpiRollupMinuten: number;
  /**
   * The map tiles of the staff app's maps (meldingen, ADR 0056) and the resident's melding form
   * (ADR 0055): a Leaflet URL template, PDOK BRT by default; empty: maps without a background
   * (tests, offline), and the form asks for the address only.
   */
  kaartTegels: string;
  /** Hours between two housekeeping rounds (a divisor of 24; 0: not in this process). */
  opruimenUren: number;
  /** Minutes between two rounds of the appointment reminders (a divisor of 60; 0: not in this process). */
  herinneringMinuten: number;
  /** Open (future) appointments one e-mail address may hold per gemeente: against abuse. */
  afsprakenPerEmail: number;
  /** `loket serve` on SIGTERM: how long in-flight requests, and then running jobs, may take to finish. */
  stopTimeoutMs: number;
  /** `loket serve` on SIGTERM: how long /ready answers 503 before the listener closes (for a proxy's health check to notice). */
  stopDelayMs: number;
  /**
   * The e-mail intake's SMTP listener (ADR 0046): its port, undefined = off (default); its
   * address (default 127.0.0.1); the largest message it takes, in bytes.
   */
  mailIntakePort: number | undefined;
  mailIntakeHost: string;
  mailIntakeMaxBytes: number;
  /**
   * Geocoding of the melding form (ADR 0054): `lokaal` (default; the gazetteer of `loket adressen
   * import`) or `pdok` (PDOK Locatieserver at `pdokLocatieserverUrl`).
   */
  geocoder: 'lokaal' | 'pdok';
  pdokLocatieserverUrl: string;
  /** Open meldingen of the same category within this many metres are shown as possible duplicates. */
  meldingDubbelStraalM: number;
  /**
   * Resident login through an OpenID Connect broker (ADR 0077): for the whole installation
   * (LOKET_OIDC_*) and per gemeente (LOKET_OIDC_GM0384_*, overriding it). None configured: `loket
   * serve` runs the demo provider with fictional residents; `createLoket` offers no login.
   */
  inwonerLogin: OidcInstellingen | undefined;
  inwonerLoginPerGemeente: Record<string, OidcInstellingen>;
  /** True when `inwonerLogin` is the demo provider (`loket serve` sets it): the pages say the residents are fictional. */
  inwonerLoginDemo: boolean;
  /** The key of the BSN's keyed hash (ADR 0077); random per process when not set (links are then lost at a restart). */
  bsnSleutel: string | undefined;
  /** `loket serve` without a broker: the loopback port of the demo OpenID provider (0: any free one). */
  demoOidcPort: number;
}

/** How Loket logs residents in at an OpenID Connect broker (ADR 0077). */
export interface OidcInstellingen {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim of the ID token (or userinfo) that holds the BSN. */
  bsnClaim: string;
  /** The scopes asked for (always with `openid`). */
  scopes: string;
}

/** The OIDC settings under one prefix (LOKET_OIDC_ or LOKET_OIDC_GM0384_), or undefined when its issuer is not set. */
function oidcVan(env: NodeJS.ProcessEnv, prefix: string, basis: OidcInstellingen | undefined): OidcInstellingen | undefined {
  const issuer = env[`${prefix}ISSUER`] || basis?.issuer;
  if (!issuer) return undefined;
  if (!/^https?:\/\//.test(issuer)) throw new Error(`${prefix}ISSUER moet een http(s)-adres zijn (nu: ${issuer})`);
  const clientId = env[`${prefix}CLIENT_ID`] || basis?.clientId;
  const clientSecret = env[`${prefix}CLIENT_SECRET`] || basis?.clientSecret;
  if (!clientId || !clientSecret) throw new Error(`Zet ${prefix}CLIENT_ID en ${prefix}CLIENT_SECRET bij ${prefix}ISSUER.`);
  const scopes = env[`${prefix}SCOPES`] || basis?.scopes || 'openid';
  return {
    issuer,
    clientId,
    clientSecret,
    bsnClaim: env[`${prefix}BSN_CLAIM`] || basis?.bsnClaim || 'bsn',
    scopes: scopes.split(/\s+/).includes('openid') ? scopes : `openid ${scopes}`,
  };
}

/** LOKET_OIDC_* for the installation and LOKET_OIDC_GM….._* per gemeente. */
function inwonerLoginVan(env: NodeJS.ProcessEnv): Pick<Config, 'inwonerLogin' | 'inwonerLoginPerGemeente'> {
  const inwonerLogin = oidcVan(env, 'LOKET_OIDC_', undefined);
  const perGemeente: Record<string, OidcInstellingen> = {};
  for (const sleutel of Object.keys(env)) {
    const code = /^LOKET_OIDC_(GM\d{4})_ISSUER$/.exec(sleutel)?.[1];
    const instellingen = code ? oidcVan(env, `LOKET_OIDC_${code}_`, inwonerLogin) : undefined;
    if (code && instellingen) perGemeente[code] = instellingen;
  }
  return { inwonerLogin, inwonerLoginPerGemeente: perGemeente };
}

/** The sender of Loket's mail when MAIL_FROM is not set. */
export const MAIL_FROM_STANDAARD = 'Loket <noreply@loket.localhost>';

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new Error(`${name} moet een geheel getal zijn (nu: ${value})`);
  return n;
}

/** Builds the configuration from environment variables (see the README's table). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  const databaseReadUrl = env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) throw new Error(`DATABASE_READ_URL moet een postgres://-adres zijn (nu: ${databaseReadUrl.replace(/\/\/[^@/]*@/, '//…@')})`);
  if (databaseReadUrl && !databaseUrl) throw new Error('DATABASE_READ_URL werkt alleen met PostgreSQL: zet ook DATABASE_URL.');
  const geocoder = env.LOKET_GEOCODER || 'lokaal';
  if (geocoder !== 'lokaal' && geocoder !== 'pdok') throw new Error(`LOKET_GEOCODER moet lokaal of pdok zijn (nu: ${geocoder})`);
  return {
    port,
    host,
    dataDir: env.LOKET_DATA_DIR || './data',
    databaseUrl,
    databaseReadUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || MAIL_FROM_STANDAARD,
    publicUrl: (env.PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/$/, ''),
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    rateLimitPubliek: intFrom(env.LOKET_RATE_LIMIT, 300, 'LOKET_RATE_LIMIT'),
    rateLimitAanmelden: intFrom(env.LOKET_RATE_LIMIT_AANMELDEN, 30, 'LOKET_RATE_LIMIT_AANMELDEN'),
    rateLimitDelenMs: intFrom(env.LOKET_RATE_LIMIT_DELEN_MS, 100, 'LOKET_RATE_LIMIT_DELEN_MS'),
    formulierGeheim: env.LOKET_FORMULIER_GEHEIM || undefined,
    termijnWaarschuwingWerkdagen: intFrom(env.LOKET_TERMIJN_WAARSCHUWING_WERKDAGEN, 2, 'LOKET_TERMIJN_WAARSCHUWING_WERKDAGEN'),
    termijnbewakingMinuten: Math.min(intFrom(env.LOKET_TERMIJNBEWAKING_MINUTEN, 15, 'LOKET_TERMIJNBEWAKING_MINUTEN'), 60),
    kpiRollupMinuten: Math.min(intFrom(env.LOKET_KPI_ROLLUP_MINUTEN, 1, 'LOKET_KPI_ROLLUP_MINUTEN'), 60),
    kaartTegels: env.LOKET_KAART_TEGELS ?? KAART_TEGELS_STANDAARD,
    opruimenUren: Math.min(intFrom(env.LOKET_OPRUIMEN_UREN, 6, 'LOKET_OPRUIMEN_UREN'), 24),
    herinneringMinuten: Math.min(intFrom(env.LOKET_HERINNERING_MINUTEN, 30, 'LOKET_HERINNERING_MINUTEN'), 60),
    afsprakenPerEmail: Math.max(1, intFrom(env.LOKET_AFSPRAKEN_PER_EMAIL, 3, 'LOKET_AFSPRAKEN_PER_EMAIL')),
    stopTimeoutMs: intFrom(env.LOKET_STOP_TIMEOUT_MS, 10_000, 'LOKET_STOP_TIMEOUT_MS'),
    stopDelayMs: intFrom(env.LOKET_STOP_DELAY_MS, 0, 'LOKET_STOP_DELAY_MS'),
    mailIntakePort: env.LOKET_MAIL_INTAKE_PORT ? intFrom(env.LOKET_MAIL_INTAKE_PORT, 0, 'LOKET_MAIL_INTAKE_PORT') : undefined,
    mailIntakeHost: env.LOKET_MAIL_INTAKE_HOST || '127.0.0.1',
    geocoder,
    pdokLocatieserverUrl: env.LOKET_PDOK_LOCATIESERVER_URL || PDOK_LOCATIESERVER,
    meldingDubbelStraalM: Math.max(1, intFrom(env.LOKET_MELDING_DUBBEL_STRAAL_M, 50, 'LOKET_MELDING_DUBBEL_STRAAL_M')),
    ...inwonerLoginVan(env),
    inwonerLoginDemo: false,
    bsnSleutel: env.LOKET_BSN_SLEUTEL || undefined,
    demoOidcPort: intFrom(env.LOKET_DEMO_OIDC_PORT, 0, 'LOKET_DEMO_OIDC_PORT'),
    mailIntakeMaxBytes: env.LOKET_MAIL_INTAKE_MAX_MB ? intFrom(env.LOKET_MAIL_INTAKE_MAX_MB, 25, 'LOKET_MAIL_INTAKE_MAX_MB') * 1024 * 1024 : 25 * 1024 * 1024,
  };
}
