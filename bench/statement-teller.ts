// Loaded into a Loket server started by a benchmark (`node --import ./bench/statement-teller.ts
// src/cli/main.ts serve`), never by the product: counts the statements the server sends to
// PostgreSQL — every `query` of a node-postgres client (the pool behind Kysely, LISTEN, the job
// queue), BEGIN and COMMIT included — and on SIGUSR2 writes the count so far to the file
// BENCH_STATEMENTS_BESTAND. The benchmark reads it before and after a phase (`statementsVan`
// in bench/gedeeld.ts): statements per request, a number the load on the machine does not change.
import { renameSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';

let aantal = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  aantal++;
  return Reflect.apply(query, this, args) as unknown;
} as typeof query;

const bestand = process.env.BENCH_STATEMENTS_BESTAND;
if (bestand) {
  process.on('SIGUSR2', () => {
    // Written whole, then renamed: the benchmark never reads half a number.
    writeFileSync(`${bestand}.tmp`, `${aantal}\n`);
    renameSync(`${bestand}.tmp`, bestand);
  });
}
