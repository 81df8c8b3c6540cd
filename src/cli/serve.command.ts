import { Command } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { totpVoor } from '../modules/auth/auth.service.ts';
import { DEMO_GEBRUIKERS } from '../modules/demo/demo.data.ts';
import { createLoket, type Loket } from '../server.ts';
import { metCliLoket, openCliLoket, toon, type CliLoket } from './cli.shared.ts';
import { noteerAdres } from './data-dir-lock.ts';

export function serveCommando(): Command {
  return new Command('serve')
    .description('Start Loket: migreert de database, laadt de eerste keer demodata (ingebouwde database) en luistert op HOST:PORT')
    .action(async () => {
      const started = performance.now();
      const { cli, loket, demo } = await startServer();
      const { config, database, services } = cli;
      const base = config.publicUrl;
      const regels = [
        '',
        `Loket draait (${database.kind === 'pglite' ? `ingebouwde database in ${config.dataDir}` : 'PostgreSQL'}), klaar in ${Math.round(performance.now() - started)} ms`,
        '',
        `  Inwoners:         ${base}/`,
        `  Medewerkers:      ${base}/medewerkers/`,
        `  API-documentatie: ${base}/api-docs  (OpenAPI: ${base}/api/v1/openapi.json)`,
        `  Gezondheid:       ${base}/health`,
      ];
      if (demo) {
        regels.push('', 'Demo-inlog (wachtwoord, daarna de code uit een authenticator-app met dit geheim):');
        for (const g of DEMO_GEBRUIKERS) {
          const rollen = Object.entries(g.rollen).map(([gemeente, r]) => `${gemeente}: ${r.join(', ')}`).join('; ');
          regels.push(`  ${g.email}  wachtwoord ${g.wachtwoord}  (${rollen})`);
          regels.push(`    ${totpVoor(g.totpGeheim, g.email).toString()}`);
        }
      }
      process.stdout.write(`${regels.join('\n')}\n\nStoppen: Ctrl+C\n`);
      // The demo zaken (a few hundred, each made through the zaken service) load after the URLs are shown.
      const achtergrond = new AbortController();
      const demoZaken = demo ? laadDemoZakenOpAchtergrond(services, achtergrond.signal) : Promise.resolve();
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        achtergrond.abort();
        await demoZaken;
        await loket.close();
        await cli.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}

/**
 * `loket serve` up to listening, on one wiring: the CLI's (one job queue, one set of services),
 * then the demo data, the HTTP server built on that wiring, and its workers.
 */
export async function startServer(): Promise<{ cli: CliLoket; loket: Loket; demo: boolean }> {
  const cli = await openCliLoket({ serve: true });
  const { config, database, services } = cli;
  const demo = process.env.LOKET_DEMO ? process.env.LOKET_DEMO === 'true' : database.kind === 'pglite';
  if (demo) await services.demo.laad(cliContext());
  const loket = await createLoket({ core: cli.core });
  await cli.core.startWerkers();
  const adres = await loket.app.listen({ port: config.port, host: config.host });
  if (database.kind === 'pglite') noteerAdres(config.dataDir, adres);
  return { cli, loket, demo };
}

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
    .option('--zonder-zaken', 'zonder de demozaken (een paar honderd, met hun geschiedenis)')
    .action((opties: { json?: boolean; zonderZaken?: boolean }) =>
      metCliLoket(async ({ services }) => {
        const r = await services.demo.laad(cliContext(), { zaken: !opties.zonderZaken });
        toon(Boolean(opties.json), r, `Demodata geladen: ${r.gemeenten} gemeenten, ${r.gebruikers} medewerkers, ${r.teams} teams, ${r.zaaktypen} zaaktypen, ${r.normen} normen, ${r.zaken} zaken nieuw.`);
      }),
    );
}
