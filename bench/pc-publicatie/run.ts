// P&C publication benchmark (`npm run bench:pc`): stores 50 programmes × 10 years of jaarstukken in
// an embedded database (PGlite in a temporary data dir, as `npm start` uses), then measures
//  1. the import of one chapter: parse the text and store it as a new version, in-process
//     (20 times) and as `loket pc import` from the shell (3 times, Node start included);
//  2. the public chapter page, served by `loket serve` in a child process, with autocannon in this
//     process: p50/p95/p99 at 1 and at 16 connections.
// Targets (issue 5): import ≤ 1 s; page p95 ≤ 50 ms. Results: results.json beside this file and
// BENCHMARKS.md. Loopback only; every loop is bounded.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { vasteKlok } from '../../src/klok.ts';
import { auditRepository } from '../../src/modules/audit/audit.repository.ts';
import { auditService, cliContext } from '../../src/modules/audit/audit.service.ts';
import { DEMO_GEMEENTEN } from '../../src/modules/demo/demo.data.ts';
import { gemeentenRepository } from '../../src/modules/gemeenten/gemeenten.repository.ts';
import type { PcHoofdstuk } from '../../src/modules/planning-control/pc.hoofdstuk.ts';
import { parseHoofdstuk } from '../../src/modules/planning-control/pc.parser.ts';
import { pcRepository } from '../../src/modules/planning-control/pc.repository.ts';
import { pcService } from '../../src/modules/planning-control/pc.service.ts';
import { freePort, msUntil200, startChild } from '../http-baseline/processes.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const PROGRAMMAS = 50;
const JAREN = Array.from({ length: 10 }, (_, i) => 2015 + i);
const IMPORTS = 20;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const TEKST = readFileSync(join(ROOT, 'src/modules/planning-control/fixtures/jaarstukken-2024-sociaal-domein.txt'), 'utf8');

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** A chapter of year `jaar` for programme n: the fixture's content with its years and amounts moved. */
function hoofdstuk(basis: PcHoofdstuk, jaar: number, n: number): PcHoofdstuk {
  const verschuif = (tekst: string) => tekst.replace(/\b(20[0-9]{2})\b/g, (j) => String(Number(j) - basis.jaar + jaar));
  const factor = 1 + n / 100;
  return {
    ...basis,
    programma: `Programma ${String(n).padStart(2, '0')} ${basis.programma}`,
    jaar,
    indicatoren: basis.indicatoren.map((i) => ({ ...i, waarden: i.waarden.map((w) => ({ ...w, kolom: verschuif(w.kolom) })) })),
    financien: basis.financien && {
      ...basis.financien,
      kolommen: basis.financien.kolommen.map(verschuif),
      regels: basis.financien.regels.map((r) => ({ ...r, bedragen: r.bedragen.map((b) => (b === null ? null : Math.round(b * factor))) })),
    },
    controles: [],
  };
}

async function vulDatabase(dataDir: string) {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db as never);
  const gemeenten = gemeentenRepository(database.db);
  for (const g of DEMO_GEMEENTEN) await gemeenten.bewaar(g);
  const klok = vasteKlok('2026-01-15T09:00:00Z');
  const pc = pcService({ repository: pcRepository(database.db), gemeenten, audit: auditService({ repository: auditRepository(database.db), klok }), klok });
  const basis = parseHoofdstuk(TEKST, { gemeente: 'GM0384' });
  const start = performance.now();
  for (const jaar of JAREN) {
    const chapters = Array.from({ length: PROGRAMMAS }, (_, n) => hoofdstuk(basis, jaar, n + 1));
    await pc.importeer(cliContext(), 'GM0384', chapters, { soort: 'jaarstukken', naam: `Jaarstukken ${jaar}`, status: 'vastgesteld', vastgesteldOp: `${jaar + 1}-07-01` });
  }
  const vullenS = round((performance.now() - start) / 1000, 1);

  // One chapter: parse the text and store it as a new concept version of its document.
  const tijden: number[] = [];
  for (let i = 0; i < IMPORTS; i++) {
    const t0 = performance.now();
    const h = parseHoofdstuk(TEKST, { gemeente: 'GM0384', bestandsnaam: 'jaarstukken-2024.txt' });
    await pc.importeer(cliContext(), 'GM0384', [h], { soort: 'jaarstukken' });
    tijden.push(performance.now() - t0);
  }
  const bytes = Buffer.byteLength(JSON.stringify(basis));
  await database.close();
  const gesorteerd = tijden.toSorted((a, b) => a - b);
  return { vullenS, chapterJsonBytes: bytes, importInProcessMs: { median: round(pct(gesorteerd, 50)), max: round(gesorteerd.at(-1) ?? Number.NaN) } };
}

async function cliImport(dataDir: string) {
  const bestand = join(dataDir, '..', 'hoofdstuk.txt');
  writeFileSync(bestand, TEKST);
  const tijden: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await run(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'pc', 'import', bestand, '--gemeente', 'GM0384'], {
      cwd: ROOT,
      env: { ...process.env, LOKET_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      maxBuffer: 16 * 1024 * 1024,
    });
    tijden.push(performance.now() - t0);
  }
  return tijden.map((t) => Math.round(t));
}

async function laden(url: string, connections: number) {
  await autocannon({ url, connections, duration: 2 });
  const tijden: number[] = [];
  const r = autocannon({ url, connections, duration: DURATION });
  r.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    if (status === 200) tijden.push(ms);
  });
  const result = await r;
  const s = tijden.toSorted((a, b) => a - b);
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    latencyMs: { p50: round(pct(s, 50)), p95: round(pct(s, 95)), p99: round(pct(s, 99)), max: round(s.at(-1) ?? Number.NaN) },
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-pc-'));
const dataDir = join(tmp, 'data');
try {
  console.log(`vullen: ${PROGRAMMAS} programma's × ${JAREN.length} jaar …`);
  const gevuld = await vulDatabase(dataDir);
  console.log(gevuld);
  const cli = await cliImport(dataDir);
  console.log('loket pc import (ms, met start van Node):', cli);

  const port = await freePort();
  const server = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LOKET_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOG_LEVEL: 'warn' },
    logFile: join(tmp, 'serve.log'),
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await msUntil200(server, `${base}/health`, 60_000);
    const pad = '/diemen/jaarstukken/2020/programma-25-sociaal-domein';
    const pagina = await (await fetch(base + pad)).text();
    if (!pagina.includes('<table')) throw new Error(`geen hoofdstuk op ${pad}`);
    const metingen = [await laden(base + pad, 1), await laden(base + pad, 16)];
    const resultaat = {
      date: new Date().toISOString(),
      // The load average shows how busy the (shared) machine was: above the core count, other work competed.
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, loadAverage: os.loadavg().map((l) => round(l, 1)) },
      data: { gemeente: 'GM0384', programmas: PROGRAMMAS, jaren: JAREN.length, hoofdstukken: PROGRAMMAS * JAREN.length, chapterJsonBytes: gevuld.chapterJsonBytes, vullenS: gevuld.vullenS },
      import: { inProcessMs: gevuld.importInProcessMs, cliMs: cli, targetMs: 1000 },
      page: { path: pad, bytes: Buffer.byteLength(pagina), durationS: DURATION, metingen, targetP95Ms: 50 },
    };
    writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
    console.log(JSON.stringify(resultaat, null, 2));
  } finally {
    await server.stop();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
