// `loket pc import` benchmark (`npm run bench:pc-import`, issue 16). In a fresh PGlite data dir
// (as `npm start` uses; the CLI's own migration run happens once before the timings):
//  1. in-process: read the text (leesDocument) and store it through the register (pcRegister),
//     for one chapter and for a document of 10 programmes, N times each;
//  2. as a whole process: `loket pc import <file>` from the shell (Node start, open the data dir,
//     migration check, import, print), M times each: wall time, and CPU time (user + system, from
//     GNU time) which on a quiet machine is close to the wall time.
// Targets: whole process < 1 s for a chapter, < 3 s for a 10-programme document on a quiet machine.
// The load average is recorded with the results: on a shared machine wall time grows with it.
// Results: results.json beside this file and BENCHMARKS.md. Every loop is bounded.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { cliContext } from '../../src/modules/audit/audit.service.ts';
import { leesDocument } from '../../src/modules/planning-control/pc.document.ts';
import { pcRegister } from '../../src/modules/planning-control/pc.register.ts';
import { percentiel, round2 } from '../gedeeld.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const IN_PROCES = Number(process.env.BENCH_IMPORTS ?? 20);
const PROCESSEN = Number(process.env.BENCH_PROCESSEN ?? 7);
const GEMEENTE = 'GM0384';
const HOOFDSTUK = readFileSync(join(ROOT, 'src/modules/planning-control/fixtures/000_2d6363b00e4d6664.txt'), 'utf8');

/** A jaarstukken text of 10 programmes: the seed chapter under ten programme headings, each with its own name. */
function document10(): string {
  const namen = ['Samen besturen', 'Veilig Diemen', 'Sociaal domein', 'Wonen', 'Economie', 'Bereikbaarheid', 'Duurzaamheid', 'Onderwijs', 'Sport', 'Cultuur'];
  return ['Jaarstukken 2023', '', ...namen.map((naam, k) => `Programma ${k + 1} ${naam}\n\n${HOOFDSTUK.replace(/^Samen besturen Rekening$/m, `${naam} Rekening`).replace(/^Samen besturen$/m, naam)}`)].join('\n');
}

const stats = (ms: number[]) => {
  const s = ms.toSorted((a, b) => a - b);
  return { n: s.length, p50: round2(percentiel(s, 50)), p95: round2(percentiel(s, 95)), p99: round2(percentiel(s, 99)), max: round2(s.at(-1) ?? Number.NaN) };
};

async function inProces(dataDir: string, tekst: string, keer: number): Promise<number[]> {
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db as never);
    const pc = pcRegister({ database });
    const tijden: number[] = [];
    for (let k = 0; k < keer; k++) {
      const start = performance.now();
      const { hoofdstukken } = leesDocument(tekst, { gemeente: GEMEENTE });
      await pc.service.importeer(cliContext(), GEMEENTE, hoofdstukken, {});
      tijden.push(performance.now() - start);
    }
    return tijden;
  } finally {
    await database.close();
  }
}

/** GNU time, when the machine has it: the process's CPU time (user + system), which on a quiet machine is close to its wall time. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

async function alsProces(env: NodeJS.ProcessEnv, bestand: string, keer: number): Promise<{ wand: number[]; cpu: number[] }> {
  const wand: number[] = [];
  const cpu: number[] = [];
  const args = ['--disable-warning=ExperimentalWarning', join(ROOT, 'src/cli/main.ts'), 'pc', 'import', bestand, '--gemeente', GEMEENTE];
  for (let k = 0; k < keer; k++) {
    const start = performance.now();
    const uit = TIME
      ? await run(TIME, ['-f', 'CPU %U %S', process.execPath, ...args], { env, maxBuffer: 64 * 1024 * 1024 })
      : await run(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024 });
    wand.push(performance.now() - start);
    const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(uit.stderr);
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return { wand, cpu };
}

const map = mkdtempSync(join(os.tmpdir(), 'loket-bench-pc-import-'));
try {
  const dataDir = join(map, 'data');
  const env = { ...process.env, LOKET_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  // the gemeente, through the CLI (this also migrates the data dir once)
  await run(process.execPath, ['--disable-warning=ExperimentalWarning', join(ROOT, 'src/cli/main.ts'), 'gemeente', 'toevoegen', '--code', GEMEENTE, '--naam', 'Diemen', '--slug', 'diemen', '--domein', 'diemen.nl'], { env });
  const hoofdstukBestand = join(map, 'hoofdstuk.txt');
  const documentBestand = join(map, 'jaarstukken-10.txt');
  writeFileSync(hoofdstukBestand, HOOFDSTUK);
  writeFileSync(documentBestand, document10());
  if (leesDocument(document10(), { gemeente: GEMEENTE }).hoofdstukken.length !== 10) throw new Error('het document van 10 programma’s leest niet als 10 programma’s');

  const belasting = os.loadavg();
  const resultaten = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavgStart: belasting.map(round2) },
    data: { hoofdstukRegels: HOOFDSTUK.split('\n').length, documentRegels: document10().split('\n').length, programmas: 10 },
    inProces: { hoofdstuk: stats(await inProces(dataDir, HOOFDSTUK, IN_PROCES)), document10: stats(await inProces(dataDir, document10(), Math.max(3, Math.round(IN_PROCES / 4)))) },
    proces: await (async () => {
      const hoofdstuk = await alsProces(env, hoofdstukBestand, PROCESSEN);
      const document10 = await alsProces(env, documentBestand, PROCESSEN);
      return { hoofdstuk: stats(hoofdstuk.wand), document10: stats(document10.wand), hoofdstukCpu: stats(hoofdstuk.cpu), document10Cpu: stats(document10.cpu) };
    })(),
    loadavgEind: os.loadavg().map(round2),
    doel: { hoofdstukMs: 1000, document10Ms: 3000 },
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaten, null, 2)}\n`);
  console.log(JSON.stringify(resultaten, null, 2));
} finally {
  rmSync(map, { recursive: true, force: true });
}
