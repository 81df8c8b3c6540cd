// What a NOTIFY costs the commits around it (ADR 0084): 16 connections each commit small
// transactions for `--duur` seconds per variant, on PostgreSQL with fsync on, one variant after the
// other: (a) an INSERT alone; (b) an INSERT and a pg_notify in the same transaction, as a row or
// statement trigger does (for a one-row transaction both send one); (c) the INSERT committed, then
// the pg_notify on its own (ADR 0084's `naCommit`); (d) the INSERT committed, its cell gathered
// and sent by one other connection in one pg_notify every 20 ms (ADR 0090's `seinNaCommit`).
// Transactions per second and p99 of each whole unit of work. `node bench/meldingen-intake/sein.ts [-- --duur 10]`; not part of npm test.
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { benchDatabase, percentiel, round2 } from '../gedeeld.ts';

const { values: args } = parseArgs({ options: { duur: { type: 'string', default: '10' } } });
const DUUR = Number(args.duur);
const VERBINDINGEN = 16;
const DATABASE = process.env.BENCH_DATABASE_NAAM ?? 'loket_bench_sein';
const { adminUrl, benchUrl } = benchDatabase(DATABASE);

type Variant = { naam: string; werk: (c: Client, i: number) => Promise<void> };
const insert = (c: Client, i: number) => c.query('insert into sein_proef (id, tekst) values (gen_random_uuid(), $1)', [`Rij ${i}`]);
const cel = (i: number) => `${498 + (i % 3)}:${5233 + (i % 2)}`;
const varianten: Variant[] = [
  {
    naam: 'INSERT, COMMIT (no signal)',
    werk: async (c, i) => {
      await c.query('begin');
      await insert(c, i);
      await c.query('commit');
    },
  },
  {
    naam: 'INSERT + pg_notify in the transaction (trigger), COMMIT',
    werk: async (c, i) => {
      await c.query('begin');
      await insert(c, i);
      await c.query('select pg_notify($1, $2)', ['loket_sein_proef', cel(i)]);
      await c.query('commit');
    },
  },
  {
    naam: 'INSERT, COMMIT, then pg_notify on its own (naCommit)',
    werk: async (c, i) => {
      await c.query('begin');
      await insert(c, i);
      await c.query('commit');
      await c.query('select pg_notify($1, $2)', ['loket_sein_proef', cel(i)]);
    },
  },
  {
    naam: 'INSERT, COMMIT; the cells bundled, one pg_notify per 20 ms on another connection (seinNaCommit)',
    werk: async (c, i) => {
      await c.query('begin');
      await insert(c, i);
      await c.query('commit');
      bundel.add(cel(i));
    },
  },
];

/** Cells waiting for the bundle of variant (d). */
const bundel = new Set<string>();

async function meet(variant: Variant, clients: Client[]) {
  const tijden: number[] = [];
  let i = 0;
  const einde = performance.now() + DUUR * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < einde) {
        const begin = performance.now();
        await variant.werk(c, i++);
        tijden.push(performance.now() - begin);
      }
    }),
  );
  const s = Float64Array.from(tijden).toSorted();
  return { naam: variant.naam, perS: Math.round(tijden.length / DUUR), p50: round2(percentiel(s, 50)), p99: round2(percentiel(s, 99)) };
}

const admin = new Client({ connectionString: adminUrl });
await admin.connect();
const fsync = (await admin.query<{ fsync: string }>('show fsync')).rows[0]?.fsync;
const synchronousCommit = (await admin.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0]?.synchronous_commit;
if (fsync !== 'on' || synchronousCommit === 'off') throw new Error(`needs fsync on and synchronous_commit not off (fsync ${fsync}, synchronous_commit ${synchronousCommit})`);
await admin.query(`drop database if exists ${DATABASE} with (force)`);
await admin.query(`create database ${DATABASE}`);
const clients = Array.from({ length: VERBINDINGEN }, () => new Client({ connectionString: benchUrl }));
try {
  await Promise.all(clients.map((c) => c.connect()));
  await clients[0]?.query('create table sein_proef (id uuid primary key, tekst text not null)');
  // A node listening, as every Loket node does.
  const luisteraar = new Client({ connectionString: benchUrl });
  await luisteraar.connect();
  await luisteraar.query('listen loket_sein_proef');
  // Variant (d)'s sender: what is gathered goes out every 20 ms, as the node's bundle does.
  const zender = setInterval(() => {
    if (bundel.size === 0) return;
    const payload = [...bundel].join(' ');
    bundel.clear();
    void luisteraar.query('select pg_notify($1, $2)', ['loket_sein_proef', payload]);
  }, 20);
  console.log(`PostgreSQL fsync ${fsync}, synchronous_commit ${synchronousCommit}; ${VERBINDINGEN} connections, ${DUUR} s per variant; load average ${(await import('node:os')).loadavg().map(round2).join(' ')}`);
  console.log('| Variant | transactions/s | p50 ms | p99 ms |\n|---|---:|---:|---:|');
  for (const v of varianten) {
    const m = await meet(v, clients);
    console.log(`| ${m.naam} | ${m.perS} | ${m.p50} | ${m.p99} |`);
  }
  clearInterval(zender);
  await luisteraar.end();
} finally {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}
