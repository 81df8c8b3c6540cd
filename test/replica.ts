import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { leeft } from '../src/cli/data-dir-lock.ts';
import { lsnGetal } from '../src/db/replica.ts';

const run = promisify(execFile);

/** Replicas of the test run: `loket-replica-<pid>-<random>` in the temp dir, slot `loket_test_<pid>_<random>`. */
const MAP_PREFIX = 'loket-replica-';
const SLOT_PREFIX = 'loket_test_';

/**
 * A streaming replica of the test PostgreSQL server, on loopback (ADR 0028): a second cluster made
 * with `pg_basebackup -R` from the primary, on a free port, with `recovery_min_apply_delay` so it
 * lags on purpose. Run as the `postgres` user when the tests run as root.
 */
export interface TestReplica {
  poort: number;
  /** Stops the replica (fast: its connections are ended). */
  stop(): Promise<void>;
  /** Starts it again and waits until it accepts connections. */
  start(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has now. */
  bijgewerkt(): Promise<void>;
  /** The replica's replay position now. */
  replayPositie(): Promise<bigint>;
  /** Stops it, removes its directory and drops its replication slot. */
  opruimen(): Promise<void>;
}

async function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const adres = server.address();
      server.close(() => (typeof adres === 'object' && adres ? resolve(adres.port) : reject(new Error('geen poort'))));
    });
  });
}

async function vraag<T>(url: string, query: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    await client.end();
  }
}

const alsRoot = process.getuid?.() === 0;

/**
 * Where replicas are made. As root the cluster runs as `postgres`, which may not reach the temp dir
 * (a CI runner's TMPDIR is often a private 0700 directory of root): then the replicas live in the
 * `postgres` user's home directory, which that user owns; otherwise in the temp dir.
 */
let basis = tmpdir();
async function kiesBasis(): Promise<void> {
  if (alsRoot) basis = await thuismap('postgres');
}

/** A PostgreSQL program as the user that may run a cluster (not root). */
const pg = (bin: string, programma: string, args: string[]) =>
  alsRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, programma), ...args], { cwd: basis }) : run(join(bin, programma), args, { cwd: basis });

/** Stops what killed runs left: their replica (if it still runs), its directory, its slot. */
async function ruimAchtergelatenOp(primary: string, bin: string): Promise<void> {
  for (const naam of readdirSync(basis)) {
    const pid = new RegExp(`^${MAP_PREFIX}(\\d+)-`).exec(naam)?.[1];
    if (!pid || leeft(Number(pid))) continue;
    const data = join(basis, naam, 'data');
    if (existsSync(join(data, 'postmaster.pid'))) await pg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(join(basis, naam), { recursive: true, force: true });
  }
  const slots = await vraag<{ slot_name: string }>(primary, `select slot_name from pg_replication_slots where slot_name like '${SLOT_PREFIX}%' and not active`);
  for (const { slot_name } of slots) {
    const pid = Number(slot_name.slice(SLOT_PREFIX.length).split('_')[0]);
    if (!leeft(pid)) await vraag(primary, `select pg_drop_replication_slot('${slot_name}')`).catch(() => undefined);
  }
}

/** The PostgreSQL programs of the server's major version (Debian's layout). */
async function programmas(primary: string): Promise<string> {
  const [{ versie } = { versie: '' }] = await vraag<{ versie: string }>(primary, "select current_setting('server_version_num') as versie");
  return `/usr/lib/postgresql/${Math.floor(Number(versie) / 10_000)}/bin`;
}

/**
 * Why this machine cannot run a replica of `primary`, or undefined when it can: the PostgreSQL
 * programs of the server's version are missing, the server does not send WAL (wal_level minimal,
 * no WAL senders; both need a restart, so a test cannot change them), or pg_hba.conf has no rule
 * for replication connections (`.ci/run` adds "host replication all 127.0.0.1/32 trust").
 */
export async function geenReplicaOmdat(primary: string): Promise<string | undefined> {
  const bin = await programmas(primary);
  if (!existsSync(join(bin, 'pg_basebackup')) || !existsSync(join(bin, 'pg_ctl'))) return `geen pg_basebackup en pg_ctl in ${bin}`;
  const [wal] = await vraag<{ niveau: string; zenders: string }>(primary, "select current_setting('wal_level') as niveau, current_setting('max_wal_senders') as zenders");
  if (wal?.niveau === 'minimal' || wal?.zenders === '0') return `de primary heeft wal_level = ${wal.niveau} en max_wal_senders = ${wal.zenders} (nodig: replica en meer dan 0; de standaard)`;
  const regels = await vraag<{ n: number }>(primary, "select count(*)::int as n from pg_hba_file_rules where error is null and type <> 'local' and 'replication' = any(database)");
  if (!regels[0]?.n) return 'pg_hba.conf van de primary staat geen replicatieverbindingen toe (regel "host replication all 127.0.0.1/32 trust"; .ci/run zet die)';
  return undefined;
}

/**
 * Makes and starts a replica of the server at `primary` (a postgres:// URL of the test run); ask
 * geenReplicaOmdat first.
 */
export async function startReplica(primary: string, opties: { vertraging: string }): Promise<TestReplica> {
  const bin = await programmas(primary);
  await kiesBasis();
  await ruimAchtergelatenOp(primary, bin);

  const id = `${process.pid}_${Math.random().toString(16).slice(2, 10)}`;
  const slot = `${SLOT_PREFIX}${id}`;
  const map = mkdtempSync(join(basis, `${MAP_PREFIX}${process.pid}-`));
  if (alsRoot) chownSync(map, ...(await gebruiker('postgres')));
  const data = join(map, 'data');
  const poort = await vrijePoort();
  const url = new URL(primary);

  const verwijderSlot = async () => {
    // The primary's walsender lets go of the slot a moment after the replica stopped.
    for (let i = 0; i < 50; i++) {
      const [rij] = await vraag<{ active: boolean }>(primary, `select active from pg_replication_slots where slot_name = '${slot}'`);
      if (!rij) return;
      if (!rij.active) {
        await vraag(primary, `select pg_drop_replication_slot('${slot}')`);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  try {
    await pg(bin, 'pg_basebackup', ['-d', `host=${url.hostname} port=${url.port || 5432} user=${decodeURIComponent(url.username || 'postgres')}`, '-D', data, '-R', '-X', 'stream', '-C', '-S', slot, '-c', 'fast', '--no-sync', '--no-manifest']);
  } catch (error) {
    rmSync(map, { recursive: true, force: true });
    await verwijderSlot().catch(() => undefined);
    throw new Error(`pg_basebackup mislukt: ${String((error as { stderr?: string }).stderr ?? error).trim()}`, { cause: error });
  }

  // Settings a hot standby must have at least as high as its primary.
  const [hoog] = await vraag<Record<string, string>>(
    primary,
    "select current_setting('max_connections') as max_connections, current_setting('max_worker_processes') as max_worker_processes, current_setting('max_wal_senders') as max_wal_senders, current_setting('max_prepared_transactions') as max_prepared_transactions, current_setting('max_locks_per_transaction') as max_locks_per_transaction",
  );
  // Debian keeps postgresql.conf and pg_hba.conf outside the data directory: the copy has neither.
  const conf = [
    `port = ${poort}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${map}'`,
    'hot_standby = on',
    `recovery_min_apply_delay = '${opties.vertraging}'`,
    "shared_buffers = '32MB'",
    'fsync = off',
    ...Object.entries(hoog ?? {}).map(([k, v]) => `${k} = ${v}`),
  ];
  const schrijf = (naam: string, regels: string[]) => writeFileSync(join(data, naam), `${regels.join('\n')}\n`);
  schrijf('postgresql.conf', conf);
  schrijf('pg_hba.conf', ['local all all trust', 'host all all 127.0.0.1/32 trust']);
  schrijf('pg_ident.conf', []);
  if (alsRoot) {
    const [uid, gid] = await gebruiker('postgres');
    for (const naam of ['postgresql.conf', 'pg_hba.conf', 'pg_ident.conf']) chownSync(join(data, naam), uid, gid);
  }

  const replicaUrl = `postgres://postgres@127.0.0.1:${poort}/postgres`;
  const start = async () => {
    await pg(bin, 'pg_ctl', ['-D', data, '-l', join(map, 'log'), '-w', '-t', '30', 'start']);
  };
  const stop = async () => {
    await pg(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  const replayPositie = async () => {
    const [rij] = await vraag<{ lsn: string | null }>(replicaUrl, 'select pg_last_wal_replay_lsn()::text as lsn');
    return lsnGetal(rij?.lsn ?? '') ?? 0n;
  };
  try {
    await start();
  } catch (error) {
    rmSync(map, { recursive: true, force: true });
    await verwijderSlot().catch(() => undefined);
    throw error;
  }

  return {
    poort,
    stop,
    start,
    replayPositie,
    async bijgewerkt() {
      const [rij] = await vraag<{ lsn: string }>(primary, 'select pg_current_wal_insert_lsn()::text as lsn');
      const doel = lsnGetal(rij?.lsn ?? '') ?? 0n;
      const tot = Date.now() + 30_000;
      while ((await replayPositie()) < doel) {
        if (Date.now() > tot) throw new Error('de replica haalt de primary niet in');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async opruimen() {
      if (existsSync(join(data, 'postmaster.pid'))) await stop().catch(() => pg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined));
      rmSync(map, { recursive: true, force: true });
      await verwijderSlot();
    },
  };
}

/** The home directory of a system user (from the password database). */
async function thuismap(naam: string): Promise<string> {
  const { stdout } = await run('getent', ['passwd', naam]);
  const map = stdout.trim().split(':')[5];
  if (!map) throw new Error(`geen thuismap voor gebruiker ${naam}`);
  return map;
}

/** uid and gid of a system user. */
async function gebruiker(naam: string): Promise<[number, number]> {
  const [uid, gid] = await Promise.all([run('id', ['-u', naam]), run('id', ['-g', naam])]);
  return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
}
