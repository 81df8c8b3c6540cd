// Survey weighting benchmark (`npm run bench:enquete-weging`): issue 15 asks for raking 100,000
// respondents × 4 characteristics in under 1 s. This script, in-process and without a database:
//  1. generates 100,000 respondents (BENCH_AANTAL) with 4 characteristics (age 5 categories, sex
//     2, wijk 8, education level 5), drawn skewed against population margins (a fixed seed), so
//     the raking has work to do (education depends on age), and one question of three answers that depends on age;
//  2. rakes them to the margins (`rake`, the function `loket enquete weeg` calls) BENCH_RONDES
//     times (default 21, after 2 warm-up runs), with and without trimming (--max-gewicht 3);
//  3. the whole of `loket enquete weeg` in-process: CSV text of both files in, the JSON out
//     (reading, checking, raking, Kish, the shares and intervals per question), 5 times;
//  4. `loket enquete weeg --json` as a user runs it, from the shell, once (Node start included).
// Results: results.json beside this file; BENCHMARKS.md is written by hand from them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { weegBestanden, wegingAlsJson } from '../../src/modules/enquetes/enquetes.bestanden.ts';
import { rake, type Kenmerk } from '../../src/modules/enquetes/enquetes.weging.ts';
import { percentiel, round2, willekeur } from '../gedeeld.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AANTAL = Number(process.env.BENCH_AANTAL ?? 100_000);
const RONDES = Number(process.env.BENCH_RONDES ?? 21);
const log = (tekst: string) => process.stderr.write(`${tekst}\n`);

/** The population margins, and how the sample leans away from them (the panel of seed 001: the young under-represented). */
const KENMERKEN = [
  { naam: 'leeftijd', categorieen: ['18-24', '25-34', '35-49', '50-64', '65+'], marges: [0.11, 0.16, 0.24, 0.26, 0.23], steekproef: [0.04, 0.08, 0.2, 0.34, 0.34] },
  { naam: 'geslacht', categorieen: ['man', 'vrouw'], marges: [0.49, 0.51], steekproef: [0.56, 0.44] },
  { naam: 'wijk', categorieen: ['centrum', 'noord', 'oost', 'zuid', 'west', 'ring', 'polder', 'dorp'], marges: [0.1, 0.15, 0.15, 0.15, 0.15, 0.1, 0.1, 0.1], steekproef: [0.16, 0.12, 0.12, 0.14, 0.14, 0.12, 0.1, 0.1] },
  { naam: 'opleiding', categorieen: ['basis', 'vmbo', 'mbo', 'hbo', 'wo'], marges: [0.08, 0.17, 0.35, 0.25, 0.15], steekproef: [0.03, 0.1, 0.27, 0.33, 0.27] },
];
const ANTWOORDEN = ['tevreden', 'neutraal', 'ontevreden'];

function trek(kansen: readonly number[], r: number): number {
  let som = 0;
  for (let c = 0; c < kansen.length; c++) {
    som += kansen[c] as number;
    if (r < som) return c;
  }
  return kansen.length - 1;
}

function genereer(aantal: number): { kenmerken: Kenmerk[]; antwoorden: string[]; margesCsv: string; antwoordenCsv: string } {
  const r = willekeur(15);
  const codes = KENMERKEN.map(() => new Uint8Array(aantal));
  const antwoorden: string[] = [];
  const rijen = [`respondent,${KENMERKEN.map((k) => k.naam).join(',')},oordeel`];
  for (let i = 0; i < aantal; i++) {
    // Education depends on age (the older less often hbo/wo), so the characteristics are not independent and the raking needs several iterations.
    const cat = KENMERKEN.map((k, j) => {
      const c = j === 3 && ((codes[0] as Uint8Array)[i] as number) >= 3 && r() < 0.4 ? trek([0.2, 0.4, 0.4], r()) : trek(k.steekproef, r());
      (codes[j] as Uint8Array)[i] = c;
      return k.categorieen[c] as string;
    });
    // Older respondents are more often satisfied; every tenth does not answer.
    const oud = (codes[0] as Uint8Array)[i] as number;
    const a = r() < 0.1 ? '' : (ANTWOORDEN[trek([0.35 + 0.08 * oud, 0.3, 0.35 - 0.08 * oud], r())] as string);
    antwoorden.push(a);
    rijen.push(`p${i + 1},${cat.join(',')},${a}`);
  }
  const kenmerken = KENMERKEN.map((k, j) => ({ naam: k.naam, categorieen: k.categorieen, marges: k.marges, codes: codes[j] as Uint8Array }));
  const margesCsv = ['kenmerk,categorie,aandeel', ...KENMERKEN.flatMap((k) => k.categorieen.map((c, i) => `${k.naam},${c},${k.marges[i]}`))].join('\n');
  return { kenmerken, antwoorden, margesCsv: `${margesCsv}\n`, antwoordenCsv: `${rijen.join('\n')}\n` };
}

function meet(rondes: number, werk: () => void): { ms: number[]; samenvatting: { p50: number; p95: number; p99: number; max: number } } {
  for (let i = 0; i < 2; i++) werk();
  const ms: number[] = [];
  for (let i = 0; i < rondes; i++) {
    const start = process.hrtime.bigint();
    werk();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const s = ms.toSorted((a, b) => a - b);
  return { ms: ms.map(round2), samenvatting: { p50: round2(percentiel(s, 50)), p95: round2(percentiel(s, 95)), p99: round2(percentiel(s, 99)), max: round2(s.at(-1) ?? Number.NaN) } };
}

const data = genereer(AANTAL);
log(`${AANTAL} respondents × ${KENMERKEN.length} characteristics generated; load average ${os.loadavg().map(round2).join(' / ')}`);

let iteraties = 0;
let geconvergeerd = false;
const raking = meet(RONDES, () => {
  const r = rake(AANTAL, data.kenmerken);
  iteraties = r.iteraties;
  geconvergeerd = r.geconvergeerd;
});
log(`rake: p50 ${raking.samenvatting.p50} ms, p95 ${raking.samenvatting.p95} ms, p99 ${raking.samenvatting.p99} ms (${iteraties} iterations, converged: ${geconvergeerd})`);

let trimIteraties = 0;
let trimGeconvergeerd = false;
let zonderTrim = { max: 0, deff: 0 };
let metTrim = { max: 0, deff: 0 };
const kenmerkenVan = (w: Float64Array) => {
  let som = 0;
  let kw = 0;
  let max = 0;
  for (const x of w) {
    som += x;
    kw += x * x;
    max = Math.max(max, x);
  }
  return { max: round2(max), deff: round2(w.length / ((som * som) / kw)) };
};
zonderTrim = kenmerkenVan(rake(AANTAL, data.kenmerken).gewichten);
const trimming = meet(RONDES, () => {
  const r = rake(AANTAL, data.kenmerken, { maxGewicht: 3 });
  trimIteraties = r.iteraties;
  trimGeconvergeerd = r.geconvergeerd;
  metTrim = kenmerkenVan(r.gewichten);
});
log(`rake --max-gewicht 3: p50 ${trimming.samenvatting.p50} ms, p95 ${trimming.samenvatting.p95} ms (${trimIteraties} iterations, converged: ${trimGeconvergeerd}); max weight ${zonderTrim.max} → ${metTrim.max}, deff ${zonderTrim.deff} → ${metTrim.deff}`);

const geheel = meet(5, () => {
  wegingAlsJson(weegBestanden({ naam: 'antwoorden.csv', tekst: data.antwoordenCsv }, { naam: 'marges.csv', tekst: data.margesCsv }));
});
log(`whole weighting in-process (CSV text in, JSON out): p50 ${geheel.samenvatting.p50} ms, max ${geheel.samenvatting.max} ms`);

const map = mkdtempSync(join(os.tmpdir(), 'loket-bench-enquete-'));
let cliMs = Number.NaN;
try {
  writeFileSync(join(map, 'antwoorden.csv'), data.antwoordenCsv);
  writeFileSync(join(map, 'marges.csv'), data.margesCsv);
  const start = process.hrtime.bigint();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(ROOT, 'src/cli/main.ts'), 'enquete', 'weeg', join(map, 'antwoorden.csv'), '--marges', join(map, 'marges.csv'), '--json'],
    { maxBuffer: 1 << 28 },
  );
  cliMs = round2(Number(process.hrtime.bigint() - start) / 1e6);
  const uit = JSON.parse(stdout) as { respondenten: number };
  if (uit.respondenten !== AANTAL) throw new Error(`the CLI weighed ${uit.respondenten} respondents`);
  log(`loket enquete weeg --json from the shell: ${cliMs} ms`);
} finally {
  rmSync(map, { recursive: true, force: true });
}

const resultaat = {
  datum: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, geheugenGiB: round2(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map(round2) },
  data: { respondenten: AANTAL, kenmerken: KENMERKEN.map((k) => `${k.naam} (${k.categorieen.length})`), csvMiB: round2(Buffer.byteLength(data.antwoordenCsv) / 2 ** 20) },
  rake: { rondes: RONDES, iteraties, geconvergeerd, ...raking.samenvatting, ms: raking.ms },
  rakeMetTrimming: { maxGewicht: 3, rondes: RONDES, iteraties: trimIteraties, geconvergeerd: trimGeconvergeerd, ...trimming.samenvatting, zonderTrim, metTrim },
  geheelInProces: { rondes: 5, ...geheel.samenvatting },
  cliMs,
};
writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
if (raking.samenvatting.p99 >= 1000) {
  log('FAIL: raking 100,000 × 4 takes 1 s or more');
  process.exitCode = 1;
}
