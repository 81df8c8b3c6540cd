import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as fundament from './migrations/0001-fundament.ts';
import * as berichten from './migrations/0002-berichten.ts';
import * as bewaartermijnen from './migrations/0003-bewaartermijnen.ts';
import * as sluitingsdagen from './migrations/0004-sluitingsdagen.ts';
import * as zaken from './migrations/0005-zaken.ts';
import * as planningControl from './migrations/0006-planning-control.ts';
import * as termijnbewaking from './migrations/0007-termijnbewaking.ts';
import * as zaakVolgcode from './migrations/0009-zaak-volgcode.ts';
import * as zaakNieuweReactie from './migrations/0010-zaak-nieuwe-reactie.ts';
import * as statustypeNaamEn from './migrations/0011-statustype-naam-en.ts';
import * as knooppunten from './migrations/0012-knooppunten.ts';
import * as logmaanden from './migrations/0013-logmaanden.ts';
import * as kpi from './migrations/0015-kpi.ts';
import * as kccGesprekken from './migrations/0016-kcc-gesprekken.ts';
import * as zaakKpiIndexen from './migrations/0017-zaak-kpi-indexen.ts';
import * as klantcontacten from './migrations/0018-klantcontacten.ts';
import * as zaakTermijn from './migrations/0020-zaak-termijn.ts';
import * as paginafeedback from './migrations/0021-paginafeedback.ts';
import * as meldingen from './migrations/0022-meldingen.ts';
import * as zaaknummerreeksen from './migrations/0023-zaaknummerreeksen.ts';
import * as kpiRollups from './migrations/0024-kpi-rollups.ts';
import * as productenAfspraken from './migrations/0025-producten-afspraken.ts';
import * as mailintake from './migrations/0026-mailintake.ts';
import * as contactverzoekenEnKennisbank from './migrations/0027-contactverzoeken-en-kennisbank.ts';
import * as kto from './migrations/0030-kto.ts';
import * as adressenMeldingformulier from './migrations/0031-adressen-meldingformulier.ts';
import * as meldingPartners from './migrations/0032-melding-partners.ts';
import * as klachten from './migrations/0034-klachten.ts';
import * as bezwaar from './migrations/0035-bezwaar.ts';
import * as formulieren from './migrations/0036-formulieren.ts';
import * as kccKpiRollups from './migrations/0037-kcc-kpi-rollups.ts';
import * as inwonerspanel from './migrations/0038-inwonerspanel.ts';
import * as teamContact from './migrations/0039-team-contact-en-berichtenvoorkeur.ts';
import * as briefTekst from './migrations/0040-brieftekst.ts';
import * as meldingSamenvoegenHeropenen from './migrations/0043-melding-samenvoegen-heropenen.ts';
import * as meldingTermen from './migrations/0044-melding-termen.ts';
import * as meldingenKaartcellen from './migrations/0045-meldingen-kaartcellen.ts';
import * as inwoners from './migrations/0046-inwoners.ts';
import * as formulierBestanden from './migrations/0047-formulier-bestanden.ts';
import * as klantreisIndex from './migrations/0048-klantreis-index.ts';
import * as klantreisStromen from './migrations/0049-klantreis-stromen.ts';
import * as betrokkeneAdres from './migrations/0051-betrokkene-adres.ts';
import * as intakeSignalen from './migrations/0052-intake-signalen.ts';
import * as afspraakInrichting from './migrations/0053-afspraak-inrichting.ts';
import * as ktoVraagPerZaaktype from './migrations/0054-kto-vraag-per-zaaktype.ts';
import * as kennisWoorden from './migrations/0056-kennis-woorden.ts';
import * as kpiHistogramTekst from './migrations/0057-kpi-histogram-tekst.ts';
import * as rateLimitTellen from './migrations/0059-rate-limit-tellen.ts';
import * as kennisZoeken from './migrations/0062-kennis-zoeken.ts';
import * as teamStamgegevens from './migrations/0063-team-stamgegevens.ts';
import * as zaakInvoegenLichter from './migrations/0064-zaak-invoegen-lichter.ts';
import * as controlesAlsConstante from './migrations/0065-controles-als-constante.ts';
import * as eisBijSchrijven from './migrations/0066-eis-bij-schrijven.ts';
import * as conceptfotosZonderCascade from './migrations/0067-conceptfotos-zonder-cascade.ts';

/**
 * Migrations in order; forward-only (no down) in production. There is no 0008, 0014, 0019, 0028,
 * 0029, 0033, 0041, 0042, 0050, 0055, 0058, 0060 or 0061: the numbers were given out to parallel work that left them unused, and no such file was ever
 * committed on any branch (docs/adr/README.md, "Missing numbers"). Do not fill the gaps.
 */
const migrations: Record<string, Migration> = {
  '0001-fundament': fundament,
  '0002-berichten': berichten,
  '0003-bewaartermijnen': bewaartermijnen,
  '0004-sluitingsdagen': sluitingsdagen,
  '0005-zaken': zaken,
  '0006-planning-control': planningControl,
  '0007-termijnbewaking': termijnbewaking,
  '0009-zaak-volgcode': zaakVolgcode,
  '0010-zaak-nieuwe-reactie': zaakNieuweReactie,
  '0011-statustype-naam-en': statustypeNaamEn,
  '0012-knooppunten': knooppunten,
  '0013-logmaanden': logmaanden,
  '0015-kpi': kpi,
  '0016-kcc-gesprekken': kccGesprekken,
  '0017-zaak-kpi-indexen': zaakKpiIndexen,
  '0018-klantcontacten': klantcontacten,
  '0020-zaak-termijn': zaakTermijn,
  '0021-paginafeedback': paginafeedback,
  '0022-meldingen': meldingen,
  '0023-zaaknummerreeksen': zaaknummerreeksen,
  '0024-kpi-rollups': kpiRollups,
  '0025-producten-afspraken': productenAfspraken,
  '0026-mailintake': mailintake,
  '0027-contactverzoeken-en-kennisbank': contactverzoekenEnKennisbank,
  '0030-kto': kto,
  '0031-adressen-meldingformulier': adressenMeldingformulier,
  '0032-melding-partners': meldingPartners,
  '0034-klachten': klachten,
  '0035-bezwaar': bezwaar,
  '0036-formulieren': formulieren,
  '0037-kcc-kpi-rollups': kccKpiRollups,
  '0038-inwonerspanel': inwonerspanel,
  '0039-team-contact-en-berichtenvoorkeur': teamContact,
  '0040-brieftekst': briefTekst,
  '0043-melding-samenvoegen-heropenen': meldingSamenvoegenHeropenen,
  '0044-melding-termen': meldingTermen,
  '0045-meldingen-kaartcellen': meldingenKaartcellen,
  '0046-inwoners': inwoners,
  '0047-formulier-bestanden': formulierBestanden,
  '0048-klantreis-index': klantreisIndex,
  '0049-klantreis-stromen': klantreisStromen,
  '0051-betrokkene-adres': betrokkeneAdres,
  '0052-intake-signalen': intakeSignalen,
  '0053-afspraak-inrichting': afspraakInrichting,
  '0054-kto-vraag-per-zaaktype': ktoVraagPerZaaktype,
  '0056-kennis-woorden': kennisWoorden,
  '0057-kpi-histogram-tekst': kpiHistogramTekst,
  '0059-rate-limit-tellen': rateLimitTellen,
  '0062-kennis-zoeken': kennisZoeken,
  '0063-team-stamgegevens': teamStamgegevens,
  '0064-zaak-invoegen-lichter': zaakInvoegenLichter,
  '0065-controles-als-constante': controlesAlsConstante,
  '0066-eis-bij-schrijven': eisBijSchrijven,
  '0067-conceptfotos-zonder-cascade': conceptfotosZonderCascade,
};

/** The names of every migration of this version, in order (`/ready` checks the database has them all). */
export const MIGRATIES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

const migrator = (db: Kysely<unknown>): Migrator =>
  new Migrator({ db, provider, migrationTableName: 'loket_migratie', migrationLockTableName: 'loket_migratie_slot' });

/** True when the migration table lists every migration of this version; false when it does not (or does not exist yet). */
async function alleToegepast(db: Kysely<unknown>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from loket_migratie`.execute(db);
    const gedaan = new Set(rows.map((r) => r.name));
    // exactly these: a database with a migration this version does not know goes through the migrator (which refuses it)
    return gedaan.size === MIGRATIES.length && MIGRATIES.every((m) => gedaan.has(m));
  } catch {
    return false;
  }
}

/** Brings the schema up to date; throws on the first failing migration. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Most starts find every migration applied: one read says so, without the migrator's lock table
  // and transaction (a command such as `loket pc import` starts in well under a second, ADR 0035).
  if (await alleToegepast(db)) return [];
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings the schema up to and including one migration (tests of a migration on existing rows). */
export async function migrateTo(db: Kysely<unknown>, naam: string): Promise<string[]> {
  const { error, results } = await migrator(db).migrateTo(naam);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
