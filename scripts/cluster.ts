// `npm run cluster -- --nodes 3`: N `loket serve` processes on one PostgreSQL database
// (DATABASE_URL) behind HAProxy, on loopback, for development and trying things out (ADR 0027).
// Ctrl+C or SIGTERM stops everything. The code is in src/cluster/.
import { parseArgs } from 'node:util';
import { startCluster } from '../src/cluster/cluster.ts';

const gebruik = 'Gebruik: DATABASE_URL=postgres://… npm run cluster -- [--nodes 3] [--port 3000] [--demo]';

function fout(tekst: string, code: number): never {
  process.stderr.write(`${tekst}\n`);
  process.exit(code);
}

let args: ReturnType<typeof lees>;
function lees() {
  return parseArgs({
    options: {
      nodes: { type: 'string', default: '3' },
      port: { type: 'string', default: process.env.PORT || '3000' },
      demo: { type: 'boolean', default: process.env.LOKET_DEMO === 'true' },
      help: { type: 'boolean', default: false },
    },
  }).values;
}
try {
  args = lees();
} catch (error) {
  fout(`${error instanceof Error ? error.message : String(error)}\n${gebruik}`, 2);
}
if (args.help) {
  process.stdout.write(
    `${gebruik}\n\n  --nodes N   aantal knooppunten (loket serve), standaard 3\n  --port P    poort van de proxy (HAProxy), standaard PORT of 3000\n  --demo      laad eenmaal de demodata met demozaken (ook met LOKET_DEMO=true)\n`,
  );
  process.exit(0);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  fout(`Een cluster heeft PostgreSQL nodig: zet DATABASE_URL (PGlite hoort bij één proces en kan niet gedeeld worden).\n${gebruik}`, 2);
}
const knooppunten = Number(args.nodes);
const poort = Number(args.port);
if (!Number.isInteger(knooppunten) || knooppunten < 1 || knooppunten > 16) fout(`--nodes moet 1 tot 16 zijn (nu: ${args.nodes}).\n${gebruik}`, 2);
if (!Number.isInteger(poort) || poort < 1 || poort > 65535) fout(`--port moet een poortnummer zijn (nu: ${args.port}).\n${gebruik}`, 2);

const gestart = performance.now();
process.stdout.write(`Cluster van ${knooppunten} knooppunten starten${args.demo ? ' (eerst de demodata, eenmaal)' : ''} …\n`);
const cluster = await startCluster({
  databaseUrl,
  knooppunten,
  proxyPoort: poort,
  demo: args.demo ? 'met-zaken' : 'geen',
  // Every node logs warnings and errors, unless LOG_LEVEL says otherwise (at info, each request).
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'warn' },
  uitvoer: (bron, regel) => process.stdout.write(`[${bron}] ${regel}\n`),
}).catch((error: unknown) => fout(error instanceof Error ? error.message : String(error), 1));

const regels = [
  '',
  `Loket-cluster draait: ${knooppunten} knooppunten achter HAProxy op één PostgreSQL-database, klaar in ${Math.round(performance.now() - gestart)} ms`,
  '',
  `  Proxy (gebruik deze): ${cluster.proxyUrl}/   medewerkers: ${cluster.proxyUrl}/medewerkers/`,
  ...cluster.knooppunten.map((k) => `  ${k.naam}: ${k.url}  (pid ${k.pid() ?? '?'})`),
  '',
  cluster.formulierGeheim.gegenereerd
    ? `  LOKET_FORMULIER_GEHEIM is voor dit cluster gemaakt; een volgende start op deze database heeft hetzelfde nodig:\n    export LOKET_FORMULIER_GEHEIM=${cluster.formulierGeheim.waarde}`
    : '  LOKET_FORMULIER_GEHEIM: het opgegeven geheim (elk knooppunt hetzelfde).',
  '',
  'Stoppen: Ctrl+C',
];
process.stdout.write(`${regels.join('\n')}\n`);

let stoppen = false;
const stop = async () => {
  if (stoppen) return;
  stoppen = true;
  process.stdout.write('Cluster stoppen …\n');
  await cluster.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
