import { Command } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { totpVoor } from '../modules/auth/auth.service.ts';
import type { Config } from '../config.ts';
import { DEMO_GEBRUIKERS } from '../modules/demo/demo.data.ts';
import { DEMO_INWONERS, startDemoProvider, type DemoProvider } from '../modules/inwoners/demo-provider.ts';
import { terugPad } from '../modules/inwoners/inwoners.paden.ts';
import type { MailIntakeLuisteraar } from '../modules/mailintake/mailintake.smtp.ts';
import type { Loket } from '../server.ts';
import { metCliLoket, openCliLoket, toon, type CliLoket } from './cli.shared.ts';
import { noteerAdres } from './data-dir-lock.ts';

export function serveCommando(): Command {
  return new Command('serve')
    .description('Start Loket: migreert de database, laadt de eerste keer demodata (ingebouwde database) en luistert op HOST:PORT')
    .action(async () => {
      const started = performance.now();
      const { cli, loket, demo, mailIntake, demoInlog } = await startServer();
      const { config, database, services } = cli;
      const base = config.publicUrl;
      const regels = [
        '',
        `Loket draait (${database.kind === 'pglite' ? `ingebouwde database in ${config.dataDir}` : 'PostgreSQL'}), klaar in ${Math.round(performance.now() - started)} ms`,
        '',
        `  Inwoners:         ${base}/`,
        `  Medewerkers:      ${base}/medewerkers/`,
        `  API-documentatie: ${base}/api-docs  (OpenAPI: ${base}/api/v1/openapi.json)`,
        `  Gezondheid:       ${base}/health  (gereed: ${base}/ready)`,
      ];
      if (mailIntake) regels.push(`  E-mailintake:     smtp://${config.mailIntakeHost}:${mailIntake.poort}`);
      if (demoInlog) {
        regels.push('', `Inloggen als inwoner (Mijn zaken): ${base}/diemen/mijn-zaken`);
        regels.push(`  via de demo-inlogdienst op ${demoInlog.issuer} met verzonnen inwoners (geen DigiD):`);
        for (const i of DEMO_INWONERS) regels.push(`  ${i.naam}  (BSN ${i.bsn})`);
      }
      if (demo) {
        regels.push('', 'Demo-inlog (wachtwoord, daarna de code uit een authenticator-app met dit geheim):');
        for (const g of DEMO_GEBRUIKERS) {
          const rollen = Object.entries(g.rollen).map(([gemeente, r]) => `${gemeente}: ${r.join(', ')}`).join('; ');
          regels.push(`  ${g.email}  wachtwoord ${g.wachtwoord}  (${rollen})`);
          regels.push(`    ${totpVoor(g.totpGeheim, g.email).toString()}`);
        }
      }
      process.stdout.write(`${regels.join('\n')}\n\nStoppen: Ctrl+C (of SIGTERM)\n`);
      // The demo zaken (a few hundred, each made through the zaken service) load after the URLs are shown.
      const achtergrond = new AbortController();
      const demoZaken = demo ? laadDemoZakenOpAchtergrond(services, achtergrond.signal) : Promise.resolve();
      let stopping = false;
      const stop = (signaal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        stopNetjes({ cli, loket, mailIntake, signaal, achtergrond, demoZaken, demoInlog }).then(
          () => eindig(0),
          (error: unknown) => {
            loket.app.log.error({ err: error }, 'stoppen mislukt');
            eindig(1);
          },
        );
      };
      // A second signal of the same kind ends the process at once (the handler is gone by then).
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/**
 * `loket serve` up to listening, on one wiring: the CLI's (one job queue, one set of services),
 * then the demo data, the HTTP server built on that wiring, and its workers.
 */
export async function startServer(): Promise<{ cli: CliLoket; loket: Loket; demo: boolean; mailIntake: MailIntakeLuisteraar | undefined; demoInlog: DemoProvider | undefined }> {
  const cli = await openCliLoket({ serve: true });
  const { config, database, services } = cli;
  const demo = process.env.LOKET_DEMO ? process.env.LOKET_DEMO === 'true' : database.kind === 'pglite';
  if (demo) await services.demo.laad(cliContext());
  // The demo without a broker: a real OpenID provider with fictional residents on its own loopback port (ADR 0077).
  const geenBroker = !config.inwonerLogin && Object.keys(config.inwonerLoginPerGemeente).length === 0;
  const demoInlog = demo && geenBroker ? await startDemoInlog(config, (await services.gemeenten.lijst()).map((g) => g.slug)) : undefined;
  const { createLoket } = await import('../server.ts');
  const loket = await createLoket({ core: cli.core });
  await cli.core.startWerkers();
  const adres = await loket.app.listen({ port: config.port, host: config.host });
  if (database.kind === 'pglite') noteerAdres(config.dataDir, adres);
  // The e-mail intake's SMTP listener, only when LOKET_MAIL_INTAKE_PORT is set (ADR 0046).
  const mailIntake =
    config.mailIntakePort === undefined
      ? undefined
      : await (await import('../modules/mailintake/mailintake.smtp.ts')).startMailIntake({
          host: config.mailIntakeHost,
          poort: config.mailIntakePort,
          maxBytes: config.mailIntakeMaxBytes,
          mailintake: services.mailintake,
          klok: cli.core.klok,
          meldFout: (fout) => loket.app.log.error({ err: fout }, 'e-mailintake: bericht niet verwerkt (de afzender probeert het later opnieuw)'),
        });
  return { cli, loket, demo, mailIntake, demoInlog };
}

/** Starts the demo provider for these gemeenten and points the configuration at it. */
async function startDemoInlog(config: Config, slugs: string[]): Promise<DemoProvider> {
  const provider = await startDemoProvider({ port: config.demoOidcPort, redirectUris: slugs.map((slug) => `${config.publicUrl}${terugPad(slug)}`) });
  config.inwonerLogin = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, bsnClaim: provider.bsnClaim, scopes: 'openid bsn profile email' };
  config.inwonerLoginDemo = true;
  return provider;
}

/**
 * The graceful stop of `loket serve` on SIGTERM or SIGINT (ADR 0025), one log line per phase:
 * 1. not ready: `/ready` answers 503 (a load balancer takes the node out) and every answer closes
 *    its connection; requests are still served for LOKET_STOP_DELAY_MS (default 0);
 * 2. the listener closes (new connections are refused), idle keep-alive connections are closed,
 *    requests in flight finish; after LOKET_STOP_TIMEOUT_MS the connections still open are cut;
 * 3. the job worker stops fetching and lets its running job finish (same bound; a job cut off is
 *    failed and retried later on any node: every job is idempotent);
 * 4. the signals' connection and the database close; the process exits 0.
 */
async function stopNetjes(opties: {
  cli: CliLoket;
  loket: Loket;
  mailIntake: MailIntakeLuisteraar | undefined;
  signaal: NodeJS.Signals;
  achtergrond: AbortController;
  demoZaken: Promise<void>;
  demoInlog: DemoProvider | undefined;
}): Promise<void> {
  const { cli, loket, signaal } = opties;
  const { stopTimeoutMs, stopDelayMs } = cli.config;
  const log = loket.app.log;
  const begin = performance.now();
  const ms = () => Math.round(performance.now() - begin);

  loket.drain();
  log.info({ fase: 'niet-gereed', signaal, stopDelayMs }, `stoppen (${signaal}): niet meer gereed, /ready antwoordt 503`);
  if (stopDelayMs > 0) await wacht(stopDelayMs);

  opties.achtergrond.abort();
  // No new mail: a sending server tries another node or later; a message being received finishes.
  await opties.mailIntake?.close();
  await opties.demoInlog?.close();
  const open = await new Promise<number>((resolve) => loket.app.server.getConnections((_error, n) => resolve(n)));
  log.info({ fase: 'http-sluiten', verbindingen: open, stopTimeoutMs }, `stoppen: geen nieuwe verbindingen; ${open} open verbinding(en) maken hun verzoek af`);
  const afgebroken = await sluitHttp(loket, stopTimeoutMs);
  log.info({ fase: 'http-gestopt', afgebroken, ms: ms() }, afgebroken ? 'stoppen: HTTP gestopt; verbindingen na de time-out afgebroken' : 'stoppen: HTTP gestopt; alle verzoeken afgemaakt');

  await opties.demoZaken;
  log.info({ fase: 'jobs-stoppen' }, 'stoppen: job-worker haalt geen jobs meer op; een lopende job maakt af');
  await cli.core.stopWerkers({ timeoutMs: stopTimeoutMs });
  log.info({ fase: 'jobs-gestopt', ms: ms() }, 'stoppen: job-worker gestopt');

  await cli.close();
  log.info({ fase: 'gestopt', ms: ms() }, 'stoppen: signalen en database gesloten; klaar');
}

/**
 * Closes the HTTP server: no new connections; idle keep-alive connections are closed (also those
 * that become idle while others finish), requests in flight finish. After `timeoutMs` the
 * connections still open are cut. True when that happened.
 */
async function sluitHttp(loket: Loket, timeoutMs: number): Promise<boolean> {
  const server = loket.app.server;
  let afgebroken = false;
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const grens = setTimeout(() => {
    afgebroken = true;
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await loket.close();
  } finally {
    clearInterval(idle);
    clearTimeout(grens);
  }
  return afgebroken;
}

const wacht = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Ends the process with exit code `code` once what is still under way is done: the log lines
 * still being written (pino writes asynchronously; `process.exit` would cut a line waiting for a
 * full pipe, or write it after the later ones, ADR 0025). A handle left open cannot keep the
 * process alive: after EINDE_MS it exits anyway.
 */
function eindig(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), EINDE_MS).unref();
}
const EINDE_MS = 2_000;

async function laadDemoZakenOpAchtergrond(services: CliLoket['services'], signal: AbortSignal): Promise<void> {
  const started = performance.now();
  try {
    const aantal = await services.demo.laadZaken(cliContext(), { signal });
    if (aantal > 0) process.stdout.write(`Demozaken geladen: ${aantal} in ${Math.round(performance.now() - started)} ms${signal.aborted ? ' (onderbroken; de volgende start gaat verder)' : ''}\n`);
  } catch (error) {
    process.stderr.write(`Demozaken laden mislukt: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

export function migrateCommando(): Command {
  return new Command('migrate')
    .description('Breng het databaseschema bij (vooruit; nooit terug)')
    .option('--json', 'uitvoer als JSON')
    .action(async (opties: { json?: boolean }) => {
      // Opening migrates; there is nothing else to do.
      const kind = await metCliLoket(async ({ database }) => database.kind);
      toon(Boolean(opties.json), { database: kind, status: 'bijgewerkt' }, `Database (${kind}) is bijgewerkt.`);
    });
}

export function demoCommando(): Command {
  return new Command('demo')
    .description('Laad de demodata (drie gemeenten, medewerkers, teams, zaaktypen en zaken); wat al bestaat blijft zoals het is')
    .option('--json', 'uitvoer als JSON')
    .option('--zonder-zaken', 'zonder de demozaken (een paar honderd, met hun geschiedenis) en de gesprekken, klantcontacten en contactverzoeken van het KCC')
    .action((opties: { json?: boolean; zonderZaken?: boolean }) =>
      metCliLoket(async ({ services }) => {
        const r = await services.demo.laad(cliContext(), { zaken: !opties.zonderZaken });
        toon(Boolean(opties.json), r, `Demodata geladen: ${r.gemeenten} gemeenten, ${r.gebruikers} medewerkers, ${r.teams} teams, ${r.zaaktypen} zaaktypen, ${r.normen} normen, ${r.zaken} zaken nieuw.`);
      }),
    );
}
