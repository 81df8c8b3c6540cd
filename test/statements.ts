import { Client } from 'pg';

/**
 * Counts the SQL statements a piece of work sends to PostgreSQL through the Loket's own pool
 * (node-postgres under Kysely): BEGIN, COMMIT and savepoints included, each one round trip. The
 * job queue's pool (`loket-jobs`) and the signals connection (`loket-signalen`) carry an
 * application name and are not counted; nothing else may run meanwhile (the work is awaited
 * alone). PostgreSQL only: PGlite runs in-process, without round trips.
 */
let lopend: string[] | undefined;
let gepatcht = false;

function patch(): void {
  if (gepatcht) return;
  gepatcht = true;
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client & { connectionParameters?: { application_name?: string } }, ...args: unknown[]) {
    const eerste = args[0] as string | { text?: string } | undefined;
    if (lopend && !this.connectionParameters?.application_name) lopend.push(typeof eerste === 'string' ? eerste : (eerste?.text ?? '?'));
    return query.apply(this, args);
  } as typeof Client.prototype.query;
}

/** The statements `werk` sent, in order, and its result. */
export async function statementsVan<T>(werk: () => Promise<T>): Promise<{ uitkomst: T; statements: string[] }> {
  patch();
  const statements: string[] = [];
  lopend = statements;
  try {
    return { uitkomst: await werk(), statements };
  } finally {
    lopend = undefined;
  }
}
