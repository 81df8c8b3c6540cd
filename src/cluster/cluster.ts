import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.ts';
import { gedeeldGeheim } from '../db/gedeeld-geheim.ts';
import { GEREED_PAD, haproxyConfig, serverStatus, STOP_UITSTEL_MS } from './haproxy.ts';

/**
 * A development and test cluster (ADR 0027): N `loket serve` processes on one PostgreSQL database
 * behind a real HAProxy, all on loopback, all children of this process. Used by
 * `npm run cluster`, the cluster tests and the cluster benchmark.
 */

const MAIN = join(import.meta.dirname, '..', 'cli', 'main.ts');
const NODE_ARGS = ['--disable-warning=ExperimentalWarning'];
const GEHEIM = 'LOKET_FORMULIER_GEHEIM';
const BEWAARDE_REGELS = 200;

export interface ClusterOpties {
  /** PostgreSQL, shared by every node. */
  databaseUrl?: string | undefined;
  /**
   * Instead: a PGlite data directory, for exactly one node (PGlite is one process's database).
   * The same proxy, kills and restarts then show what one embedded node does on its own.
   */
  dataDir?: string | undefined;
  /** How many `loket serve` processes. */
  knooppunten: number;
  /** The proxy's port; 0 or absent: a free one. */
  proxyPoort?: number;
  /** Environment of every node besides what the cluster sets (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Demo data, loaded once before any node starts (`loket demo`); default none. */
  demo?: 'geen' | 'zonder-zaken' | 'met-zaken';
  /** Each line a node, HAProxy or the demo loader writes (`bron` is k1…, haproxy, demo). */
  uitvoer?: (bron: string, regel: string) => void;
  /** The HAProxy binary (default `haproxy` on PATH). */
  haproxy?: string;
}

export interface Afloop {
  code: number | null;
  signaal: NodeJS.Signals | null;
}

/** One `loket serve` process of the cluster, on a fixed loopback port; it can be stopped and started again. */
export interface Knooppunt {
  readonly naam: string;
  readonly poort: number;
  /** The node itself, not through the proxy. */
  readonly url: string;
  pid(): number | undefined;
  draait(): boolean;
  /** Starts the process (again) and waits until it answers 200 on the readiness path. */
  start(): Promise<void>;
  /** Sends a signal (SIGTERM: graceful stop; SIGKILL: `kill -9`) and waits until the process has exited. */
  stop(signaal?: NodeJS.Signals): Promise<Afloop>;
  /** The last lines the process wrote (for an error message). */
  staart(): string;
}

export interface Cluster {
  /** Clients use this: HAProxy in front of every node. */
  proxyUrl: string;
  knooppunten: Knooppunt[];
  /** The LOKET_FORMULIER_GEHEIM every node has; `gegenereerd` when the cluster made it. */
  formulierGeheim: { waarde: string; gegenereerd: boolean };
  /** HAProxy's process id (for CPU measurements). */
  proxyPid(): number | undefined;
  /** The state HAProxy gives each node right now (`UP`, `DOWN`, …). */
  proxyStatus(): Promise<Map<string, string>>;
  /** Waits until HAProxy gives node `naam` this state (`UP` after a start, `DOWN` after a stop). */
  wachtOpProxy(naam: string, status: 'UP' | 'DOWN', timeoutMs?: number): Promise<void>;
  /** Stops every node (SIGTERM) and HAProxy, and removes the temporary folder. */
  stop(): Promise<void>;
}

const pauze = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port on 127.0.0.1 that is free right now. */
export function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const adres = server.address();
      server.close(() => (typeof adres === 'object' && adres ? resolve(adres.port) : reject(new Error('geen vrije poort'))));
    });
  });
}

/** The status code of one GET without keep-alive; 0 when nothing answers. */
export function statusVan(url: string, timeoutMs = 2_000): Promise<number> {
  return new Promise((resolve) => {
    const verzoek = get(url, { agent: false, timeout: timeoutMs }, (antwoord) => {
      antwoord.resume();
      antwoord.once('end', () => resolve(antwoord.statusCode ?? 0));
    });
    verzoek.once('timeout', () => verzoek.destroy());
    verzoek.once('error', () => resolve(0));
  });
}

interface Proces {
  child: ChildProcess;
  afloop: Promise<Afloop>;
  staart: string[];
}

/** Spawns a child whose output goes line by line to `uitvoer` and into a short tail. */
function spawnProces(bron: string, commando: string, args: string[], env: NodeJS.ProcessEnv, uitvoer: ClusterOpties['uitvoer']): Proces {
  const child = spawn(commando, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const staart: string[] = [];
  const lees = (stroom: NodeJS.ReadableStream | null) => {
    let rest = '';
    stroom?.setEncoding('utf8');
    stroom?.on('data', (stuk: string) => {
      const regels = (rest + stuk).split('\n');
      rest = regels.pop() ?? '';
      for (const regel of regels) {
        staart.push(regel);
        if (staart.length > BEWAARDE_REGELS) staart.shift();
        uitvoer?.(bron, regel);
      }
    });
  };
  lees(child.stdout);
  lees(child.stderr);
  const afloop = new Promise<Afloop>((resolve) => {
    child.once('error', (error) => {
      staart.push(`${commando}: ${error.message}`);
      resolve({ code: null, signaal: null });
    });
    child.once('exit', (code, signaal) => resolve({ code, signaal }));
  });
  return { child, afloop, staart };
}

const loopt = (p: Proces | undefined): p is Proces => p !== undefined && p.child.exitCode === null && p.child.signalCode === null && p.child.pid !== undefined;

function knooppunt(naam: string, poort: number, env: NodeJS.ProcessEnv, uitvoer: ClusterOpties['uitvoer']): Knooppunt {
  const url = `http://127.0.0.1:${poort}`;
  let proces: Proces | undefined;
  let vorigeStaart: string[] = [];
  const self: Knooppunt = {
    naam,
    poort,
    url,
    pid: () => (loopt(proces) ? proces.child.pid : undefined),
    draait: () => loopt(proces),
    async start() {
      if (loopt(proces)) throw new Error(`${naam} draait al`);
      const p = spawnProces(naam, process.execPath, [...NODE_ARGS, MAIN, 'serve'], { ...env, PORT: String(poort) }, uitvoer);
      proces = p;
      const tot = performance.now() + 60_000;
      while (loopt(p) && performance.now() < tot) {
        if ((await statusVan(`${url}${GEREED_PAD}`, 1_000)) === 200) return;
        await pauze(50);
      }
      if (loopt(p)) p.child.kill('SIGKILL');
      await p.afloop;
      throw new Error(`${naam} (poort ${poort}) werd niet gereed:\n${p.staart.slice(-20).join('\n')}`);
    },
    async stop(signaal = 'SIGTERM') {
      const p = proces;
      if (!p) return { code: null, signaal: null };
      if (loopt(p)) p.child.kill(signaal);
      const afloop = await p.afloop;
      vorigeStaart = p.staart;
      return afloop;
    },
    staart: () => (proces?.staart ?? vorigeStaart).slice(-20).join('\n'),
  };
  return self;
}

/** Asks HAProxy's admin socket one command and gives the whole answer. */
function vraagHaproxy(socket: string, commando: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const verbinding = createConnection(socket);
    let antwoord = '';
    verbinding.setEncoding('utf8');
    verbinding.on('connect', () => verbinding.write(`${commando}\n`));
    verbinding.on('data', (d: string) => (antwoord += d));
    verbinding.on('end', () => resolve(antwoord));
    verbinding.on('error', reject);
  });
}

/** Waits until something accepts TCP connections on 127.0.0.1:poort (or `gestopt` says the owner is gone). */
async function wachtOpPoort(poort: number, gestopt: () => boolean, timeoutMs: number): Promise<boolean> {
  const tot = performance.now() + timeoutMs;
  while (performance.now() < tot && !gestopt()) {
    const open = await new Promise<boolean>((resolve) => {
      const v = createConnection({ host: '127.0.0.1', port: poort });
      v.once('connect', () => {
        v.destroy();
        resolve(true);
      });
      v.once('error', () => resolve(false));
    });
    if (open) return true;
    await pauze(25);
  }
  return false;
}

/** Runs `loket <args>` once to the end (migrate, demo); throws with its output when it fails. */
async function loketEenmaal(args: string[], env: NodeJS.ProcessEnv, uitvoer: ClusterOpties['uitvoer']): Promise<void> {
  const p = spawnProces(args[0] ?? 'loket', process.execPath, [...NODE_ARGS, MAIN, ...args], env, uitvoer);
  const { code, signaal } = await p.afloop;
  if (code !== 0) throw new Error(`loket ${args.join(' ')} mislukte (${code ?? signaal}):\n${p.staart.slice(-20).join('\n')}`);
}

/**
 * The secret every node gets: LOKET_FORMULIER_GEHEIM when set (checked against the fingerprint
 * other nodes left in this database), else a new one, unless this database already has a
 * fingerprint: then the same clear refusal a node gives.
 */
const nieuwOfGegeven = (gegeven: string | undefined): Cluster['formulierGeheim'] =>
  gegeven === undefined ? { waarde: randomBytes(32).toString('hex'), gegenereerd: true } : { waarde: gegeven, gegenereerd: false };

async function clusterGeheim(databaseUrl: string, gegeven: string | undefined): Promise<Cluster['formulierGeheim']> {
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    // Refuses a secret that differs from the one other nodes left here, or none when there is one.
    await gedeeldGeheim(database.db, GEHEIM, gegeven);
    return nieuwOfGegeven(gegeven);
  } finally {
    await database.close();
  }
}

/**
 * Migrates once (and loads demo data once, if asked), then starts the nodes and HAProxy in front
 * of them, and waits until HAProxy sees every node up. On failure everything started is stopped.
 */
export async function startCluster(opties: ClusterOpties): Promise<Cluster> {
  const { databaseUrl, dataDir } = opties;
  const opPglite = dataDir !== undefined && !databaseUrl;
  if (!opPglite && !/^postgres(ql)?:\/\//.test(databaseUrl ?? '')) {
    throw new Error('Een cluster heeft PostgreSQL nodig: zet DATABASE_URL=postgres://… (PGlite hoort bij één proces en kan niet gedeeld worden).');
  }
  if (opPglite && opties.knooppunten !== 1) throw new Error('Op PGlite is er één knooppunt: PGlite hoort bij één proces.');
  if (!Number.isInteger(opties.knooppunten) || opties.knooppunten < 1 || opties.knooppunten > 16) throw new Error('Kies 1 tot 16 knooppunten.');
  const basis = opties.env ?? process.env;
  const { uitvoer } = opties;
  const database = opPglite ? { DATABASE_URL: '', LOKET_DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl };
  const enkelEnv: NodeJS.ProcessEnv = { ...basis, ...database, LOKET_DEMO: 'false' };
  // Once, before any node: the migrations, and the demo data if asked (a node never loads it).
  if (opties.demo === 'zonder-zaken' || opties.demo === 'met-zaken') await loketEenmaal(['demo', ...(opties.demo === 'zonder-zaken' ? ['--zonder-zaken'] : [])], enkelEnv, uitvoer);
  else await loketEenmaal(['migrate'], enkelEnv, uitvoer);
  // One embedded node shares its secret with nobody: the one given, or a new one.
  const formulierGeheim = databaseUrl && !opPglite ? await clusterGeheim(databaseUrl, basis[GEHEIM] || undefined) : nieuwOfGegeven(basis[GEHEIM] || undefined);

  const map = mkdtempSync(join(tmpdir(), 'loket-cluster-'));
  const proxyPoort = opties.proxyPoort || (await vrijePoort());
  const proxyUrl = `http://127.0.0.1:${proxyPoort}`;
  const nodeEnv: NodeJS.ProcessEnv = {
    ...enkelEnv,
    HOST: '127.0.0.1',
    [GEHEIM]: formulierGeheim.waarde,
    // Behind the proxy: the client's address comes from X-Forwarded-For (which the proxy sets).
    TRUST_PROXY: 'true',
    PUBLIC_URL: basis.PUBLIC_URL || proxyUrl,
    LOKET_STOP_DELAY_MS: basis.LOKET_STOP_DELAY_MS || String(STOP_UITSTEL_MS),
  };
  const knooppunten: Knooppunt[] = [];
  for (let i = 1; i <= opties.knooppunten; i++) knooppunten.push(knooppunt(`k${i}`, await vrijePoort(), nodeEnv, uitvoer));
  const socket = join(map, 'haproxy.sock');
  const configPad = join(map, 'haproxy.cfg');
  writeFileSync(configPad, haproxyConfig({ host: '127.0.0.1', poort: proxyPoort, socket, knooppunten: knooppunten.map((k) => ({ naam: k.naam, host: '127.0.0.1', poort: k.poort })) }));

  let haproxy: Proces | undefined;
  const stopAlles = async () => {
    await Promise.all(knooppunten.map((k) => k.stop('SIGTERM')));
    if (loopt(haproxy)) haproxy.child.kill('SIGTERM');
    await haproxy?.afloop;
    rmSync(map, { recursive: true, force: true });
  };
  const proxyStatus = async () => serverStatus(await vraagHaproxy(socket, 'show stat'));
  const wachtOpProxy = async (naam: string, status: 'UP' | 'DOWN', timeoutMs = 10_000) => {
    const tot = performance.now() + timeoutMs;
    let laatst = '';
    while (performance.now() < tot) {
      laatst = await proxyStatus().then(
        (s) => s.get(naam) ?? '(onbekend)',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      if (laatst === status) return;
      await pauze(25);
    }
    throw new Error(`HAProxy gaf ${naam} na ${timeoutMs} ms nog ${laatst}, niet ${status}`);
  };

  try {
    await Promise.all(knooppunten.map((k) => k.start()));
    haproxy = spawnProces('haproxy', opties.haproxy ?? 'haproxy', ['-db', '-f', configPad], basis, uitvoer);
    const h = haproxy;
    if (!(await wachtOpPoort(proxyPoort, () => !loopt(h), 10_000))) {
      throw new Error(`HAProxy startte niet (is het geïnstalleerd? apt-get install haproxy):\n${h.staart.slice(-20).join('\n')}`);
    }
    for (const k of knooppunten) await wachtOpProxy(k.naam, 'UP');
  } catch (error) {
    await stopAlles();
    throw error;
  }
  return { proxyUrl, knooppunten, formulierGeheim, proxyPid: () => (loopt(haproxy) ? haproxy.child.pid : undefined), proxyStatus, wachtOpProxy, stop: stopAlles };
}
