// The Loket server of the meldingen intake benchmark: `loket serve`'s HTTP stack on PostgreSQL,
// plus the reference route the benchmark compares with, defined here and not in the product:
// `POST /bench/rij` inserts one row (its own transaction) through the same Fastify app, plugins,
// hooks (public rate limit counted per node and shared in batches, ADR 0093) and connection pool; and
// `GET /bench/statements`, the number of statements this process has sent to PostgreSQL.
import { sql } from 'kysely';
import { Client } from 'pg';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { systeemklok } from '../../src/klok.ts';
import { createLoket } from '../../src/server.ts';

// Every statement this process sends to PostgreSQL (node-postgres under Kysely), for the run's
// statements per request: read with GET /bench/statements before and after a route's measurement.
// Background work of the process counts too (workers are off; a few statements a minute).
let statements = 0;
const query = Client.prototype.query as (...args: unknown[]) => unknown;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof Client.prototype.query;

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: Number(process.env.BENCH_POOL ?? 10) });
const loket = await createLoket({
  config,
  database,
  klok: systeemklok,
  logger: false,
  werkers: false,
  extraRoutes: (app) => {
    app.post('/bench/rij', { config: { policy: { toegang: 'publiek' } } }, async (request, reply) => {
      const tekst = (request.body as { tekst?: unknown } | undefined)?.tekst;
      await sql`insert into bench_intake (gemeente, id, tekst, op) values ('GM0384', gen_random_uuid(), ${typeof tekst === 'string' ? tekst : ''}, now())`.execute(database.db);
      return reply.code(201).send({ ok: true });
    });
    app.get('/bench/statements', { config: { policy: { toegang: 'publiek' } } }, async () => ({ statements }));
  },
});
await loket.app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

process.once('SIGTERM', () => {
  void loket
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
