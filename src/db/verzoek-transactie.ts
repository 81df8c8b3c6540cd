import { AsyncLocalStorage } from 'node:async_hooks';
import type { ControlledTransaction, DatabaseConnection, DeleteQueryNode, Dialect, DialectAdapter, Driver, InsertQueryNode, Kysely, OperationNodeSource, QueryCompiler, QueryResult, RootOperationNode, Transaction, TransactionSettings, UpdateQueryNode } from 'kysely';
import { CompiledQuery, createQueryId } from 'kysely';
import type { DB } from './schema.ts';
import { voorbereid } from './voorbereid.ts';

/**
 * One transaction for the whole of a request (ADR 0030): a POST with an Idempotency-Key does its
 * work, and stores its answer, in a single transaction, so a crash leaves either both or neither.
 *
 * The services and repositories keep using the one `db` they were given. While a request
 * transaction is open, every query made within it (the handler and whatever it awaits) runs on
 * that transaction's connection, and a `db.transaction()` inside it becomes a savepoint: it
 * commits and rolls back on its own, as before, but its work is only durable when the request's
 * transaction commits. Code that batches writes of several callers asks `inVerzoekTransactie()`
 * and writes a request's rows in its transaction instead.
 *
 * Rule: inside one request, transactions nest but do not run side by side (no `Promise.all`
 * over writing transactions): savepoints are a stack.
 */

interface Staat {
  /** The request transaction's connection as Kysely sees it (see `verzoekVerbinding`), once opened. */
  verbinding: DatabaseConnection | undefined;
  /** The driver's own connection under it. */
  ruw: DatabaseConnection | undefined;
  /** Acquisitions of that connection not yet released; the last release gives it back. */
  inGebruik: number;
  /** Open nested transactions (savepoint names), innermost last; the request's own BEGIN is not on it. */
  savepoints: string[];
  /** The request's own BEGIN was asked for (a transaction after it is a savepoint). */
  begonnen: boolean;
  /** That BEGIN is owed: it is sent just before the request's first statement that needs it (ADR 0096). */
  beginSchuld: TransactionSettings | undefined;
  /** Writes kept for the request's next statement or its commit (`schrijfMetVolgende`), in order. */
  uitgesteld: (Schrijfnode | VasteSchrijfactie)[];
  volgnummer: number;
  gesloten: boolean;
  /** Work for after the commit (`naCommit`), in order; dropped on rollback. */
  naCommit: (() => Promise<void>)[];
  /** Rows kept for their bundle until just before the commit (`bewaarTotCommit`), in order; dropped on rollback. */
  totCommit: { bundel: Bundel<unknown>; regel: unknown }[];
  /** Per open savepoint, how much of `naCommit` and `totCommit` there was when it began (a rollback to it drops the rest; the kept writes were sent before it). */
  bijSavepoint: { naCommit: number; totCommit: number }[];
}

/**
 * Rows of one kind that a request transaction writes together, just before its COMMIT, instead of
 * one statement each as they come (ADR 0084): the audit entries of a melding and of its zaak.
 * `schrijf` gets them in the order they came, inside the transaction.
 */
export interface Bundel<R> {
  schrijf(regels: R[]): Promise<void>;
}

const opslag = new AsyncLocalStorage<Staat>();
const verzoekVerbindingen = new WeakMap<DatabaseConnection, Staat>();

/**
 * Runs `werk` once the work under way is committed: at once outside a request transaction, else
 * right after that transaction's COMMIT (before the request answers); never when it rolls back.
 * For what need not, or must not, be inside the transaction: a signal to the other nodes that
 * would otherwise hold PostgreSQL's notify lock through the commit (ADR 0084). `werk` must not
 * fail the request: the data is committed by then, so it catches its own errors.
 */
export async function naCommit(werk: () => Promise<void>): Promise<void> {
  const staat = opslag.getStore();
  if (staat === undefined || staat.gesloten) return werk();
  staat.naCommit.push(werk);
}

/**
 * Keeps `regel` for `bundel` until the request transaction this code runs in commits, and then
 * writes it with the others in it; false outside a request transaction (write it now). A
 * savepoint that rolls back drops what was kept within it; a failed write fails the commit.
 */
export function bewaarTotCommit<R>(bundel: Bundel<R>, regel: R): boolean {
  const staat = opslag.getStore();
  if (staat === undefined || staat.gesloten) return false;
  staat.totCommit.push({ bundel: bundel as Bundel<unknown>, regel });
  return true;
}

/** Statements marked by `zonderTransactie`. */
const vrijeStatements = new WeakSet<CompiledQuery>();

/**
 * Marks a statement that needs no transaction, such as taking a number from a sequence (which no
 * rollback gives back): inside a request transaction it goes out as it comes, without making the
 * owed BEGIN go first (ADR 0096).
 */
export function zonderTransactie<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  vrijeStatements.add(query);
  return query;
}

type Schrijfnode = InsertQueryNode | UpdateQueryNode | DeleteQueryNode;
const schrijfsoorten = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

/**
 * A write compiled once for its shape (`vasteInsert`, ADR 0098): one insert, update or delete
 * without WITH parts or returning, as Kysely compiles it. `execute` runs it on its own.
 */
export interface VasteSchrijfactie {
  readonly compiled: CompiledQuery;
  /** The write must touch a row (ADR 0100); its text then ends in `returning 1`. */
  readonly eis?: Eis;
  execute(): Promise<unknown>;
}

/**
 * What a write that must touch a row fails with when it touches none (ADR 0100): the statement it
 * goes out in fails inside PostgreSQL (`loket_eis`, migration 0066), so none of the writes in it
 * stay, and the request gets `fout()`.
 */
export interface Eis {
  /** Names the requirement in the statement (the failure's message); unique per kind of write. */
  readonly code: string;
  readonly fout: () => Error;
}

/** The SQLSTATE of `loket_eis` (migration 0066). */
const EIS_SQLSTATE = 'LK001';

/** The requirement among `writes` that failed `error`, as its own error; undefined for any other failure. */
function eisFout(error: unknown, writes: readonly (Schrijfnode | VasteSchrijfactie)[]): Error | undefined {
  if (!(error instanceof Error) || (error as Error & { code?: unknown }).code !== EIS_SQLSTATE) return undefined;
  for (const write of writes) if ('compiled' in write && write.eis?.code === error.message) return write.eis.fout();
  return undefined;
}

/**
 * Writes `query`, an insert, update or delete whose result nobody reads, in the cheapest way
 * (ADR 0096). Outside a request transaction it runs now. Inside one it is kept and goes out with
 * the writes kept after it as one statement (their WITH parts side by side), just before the
 * request's next other statement or as its commit: what a request reads after a write still sees
 * it, and a request that only writes this way sends its writes as a single statement without
 * BEGIN and COMMIT. Only for writes that do not fail in normal use: a failure shows at that next
 * statement or at the commit, and fails the request's transaction as a whole.
 */
export async function schrijfMetVolgende(query: (OperationNodeSource & { execute(): Promise<unknown> }) | VasteSchrijfactie): Promise<void> {
  const staat = opslag.getStore();
  if (staat === undefined || staat.gesloten || staat.verbinding === undefined) {
    await query.execute();
    return;
  }
  if ('compiled' in query) {
    staat.uitgesteld.push(query);
    return;
  }
  // The query's tree, compiled only when it goes out (alone or with the others).
  const node = query.toOperationNode() as Schrijfnode;
  if (!schrijfsoorten.has(node.kind) || node.returning) throw new Error(`schrijfMetVolgende: alleen insert, update of delete zonder returning, niet ${node.kind}`);
  staat.uitgesteld.push(node);
}

/** A placeholder (`$n`) outside quotes, or a quoted name or string (left as it is). */
const PLAATS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

/**
 * Texts of combined statements, found by the texts of their parts one by one (a part's text is
 * mostly the same string each time, whose hash is kept); a part with a requirement is looked up
 * in `verderMetEis`.
 */
interface Combinatie {
  tekst?: string;
  verder: Map<string, Combinatie>;
  verderMetEis: Map<string, Combinatie>;
}
/** A compiled part of a combined statement, with the code of its requirement if it has one. */
interface Deel {
  compiled: CompiledQuery;
  eis: string | undefined;
}

const combinatie = (): Combinatie => ({ verder: new Map(), verderMetEis: new Map() });
const combinaties = combinatie();
let aantalCombinaties = 0;
const MAX_COMBINATIES = 256;

/**
 * The combined text of `delen`: each part's placeholders numbered on, the parts but the last as
 * WITH parts of the last. With requirements, every part is a WITH part, and the statement itself
 * checks each required part touched a row (`loket_eis`, its code the next placeholder).
 */
function combineer(delen: readonly Deel[]): string {
  let verschuiving = 0;
  const hernummerd = delen.map(({ compiled: d }) => {
    const deel = verschuiving === 0 ? d.sql : d.sql.replace(PLAATS, (gevonden, n: string | undefined) => (n === undefined ? gevonden : `$${Number(n) + verschuiving}`));
    verschuiving += d.parameters.length;
    return deel;
  });
  const metEis = delen.flatMap((d, i) => (d.eis === undefined ? [] : [i + 1]));
  if (metEis.length > 0) {
    // A select without columns: the answer is one empty row, nothing for the client to decode.
    const eisen = metEis.map((deel, j) => `loket_eis(exists (select from "schrijf_${deel}"), $${verschuiving + j + 1})`);
    return `with ${hernummerd.map((deel, i) => `"schrijf_${i + 1}" as (${deel})`).join(', ')} select where ${eisen.join(' and ')}`;
  }
  const laatste = hernummerd.pop() ?? '';
  return `with ${hernummerd.map((deel, i) => `"schrijf_${i + 1}" as (${deel})`).join(', ')} ${laatste}`;
}

/**
 * Writes kept by `schrijfMetVolgende` as one statement: each write's own WITH parts and each write
 * but the last become parts of one WITH on the last (PostgreSQL allows data-modifying WITH parts
 * only at the top). They all run, each once, in the statement's one snapshot; foreign keys
 * between them are checked at its end, when all rows are there. The parts are compiled one by
 * one (a `VasteSchrijfactie` was compiled for its shape once) and joined as text, their
 * placeholders numbered on; the joined text is kept per list of parts (at most
 * `MAX_COMBINATIES`), so the same writes in the same order (every melding) cost a lookup.
 * A write with a requirement (`eis`) makes the statement a select that checks it (ADR 0100).
 */
export function alsEenStatement(compiler: QueryCompiler, writes: readonly (Schrijfnode | VasteSchrijfactie)[]): CompiledQuery {
  const delen: Deel[] = [];
  for (const write of writes) {
    if ('compiled' in write) {
      delen.push({ compiled: write.compiled, eis: write.eis?.code });
      continue;
    }
    for (const d of write.with?.expressions ?? []) delen.push({ compiled: compiler.compileQuery(d.expression as RootOperationNode, createQueryId()), eis: undefined });
    delen.push({ compiled: compiler.compileQuery({ ...write, with: undefined }, createQueryId()), eis: undefined });
  }
  if (delen.length === 1 && delen[0] && delen[0].eis === undefined) return delen[0].compiled;
  const stap = (plek: Combinatie, d: Deel) => (d.eis === undefined ? plek.verder : plek.verderMetEis);
  let plek: Combinatie | undefined = combinaties;
  for (const d of delen) plek = plek && stap(plek, d).get(d.compiled.sql);
  let tekst = plek?.tekst;
  if (tekst === undefined) {
    tekst = combineer(delen);
    if (aantalCombinaties < MAX_COMBINATIES) {
      let naar = combinaties;
      for (const d of delen) {
        let volgende = stap(naar, d).get(d.compiled.sql);
        if (!volgende) stap(naar, d).set(d.compiled.sql, (volgende = combinatie()));
        naar = volgende;
      }
      naar.tekst = tekst;
      aantalCombinaties++;
    }
  }
  return CompiledQuery.raw(tekst, [...delen.flatMap((d) => d.compiled.parameters), ...delen.flatMap((d) => (d.eis === undefined ? [] : [d.eis]))]);
}

/** Writes what was kept for the commit, per bundle in the order the bundles were first used. */
async function schrijfBundels(staat: Staat): Promise<void> {
  const perBundel = new Map<Bundel<unknown>, unknown[]>();
  for (const { bundel, regel } of staat.totCommit.splice(0)) {
    const regels = perBundel.get(bundel);
    if (regels) regels.push(regel);
    else perBundel.set(bundel, [regel]);
  }
  for (const [bundel, regels] of perBundel) await bundel.schrijf(regels);
}

/** Runs `werk` outside any request transaction: what it starts (a timer, a query) joins none. */
export function buitenVerzoekTransactie<T>(werk: () => T): T {
  return opslag.exit(werk);
}

/** True while this code runs inside a request transaction. */
export function inVerzoekTransactie(): boolean {
  const staat = opslag.getStore();
  return staat !== undefined && !staat.gesloten;
}

export interface VerzoekTransactie {
  /** The transaction itself, for the statements of the one who opened it. */
  trx: ControlledTransaction<DB>;
  /** Runs `werk` inside the transaction: every query through `db` in it uses this transaction. */
  binnen<T>(werk: () => Promise<T>): Promise<T>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  readonly open: boolean;
}

/** Opens a transaction that the code run `binnen` it joins (see above). */
export async function openVerzoekTransactie(db: Kysely<DB>): Promise<VerzoekTransactie> {
  const staat: Staat = { verbinding: undefined, ruw: undefined, inGebruik: 0, savepoints: [], begonnen: false, beginSchuld: undefined, uitgesteld: [], volgnummer: 0, gesloten: false, naCommit: [], totCommit: [], bijSavepoint: [] };
  const trx = await opslag.run(staat, () => db.startTransaction().execute());
  return {
    trx,
    binnen: (werk) => opslag.run(staat, werk),
    commit: async () => {
      if (staat.gesloten) return;
      try {
        await opslag.run(staat, () => schrijfBundels(staat));
      } catch (error) {
        staat.gesloten = true;
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw error;
      }
      staat.gesloten = true;
      try {
        await trx.commit().execute();
      } catch (error) {
        // Gives the connection back whatever went wrong (after a refused commit this sends nothing).
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw error;
      }
      for (const werk of staat.naCommit.splice(0)) await werk();
    },
    rollback: async () => {
      if (staat.gesloten) return;
      staat.gesloten = true;
      await trx.rollback().execute();
    },
    get open() {
      return !staat.gesloten;
    },
  };
}

/**
 * Runs `werk` as one transaction that every query through `db` made within it joins, however
 * deep, and in which a `db.transaction()` becomes a savepoint (see above): the work of several
 * services — a klantcontact and the zaak the zaken service registers from it — commits together
 * or not at all. Inside a request transaction it is a savepoint of that transaction, so a failure
 * undoes only this work (a 4xx still commits what the request wrote before, ADR 0030).
 * `werk` gets the transaction (or savepoint) for code that takes one as an argument.
 */
export async function inEenTransactie<T>(db: Kysely<DB>, werk: (transactie: Transaction<DB>) => Promise<T>): Promise<T> {
  if (inVerzoekTransactie()) return db.transaction().execute((trx) => werk(trx));
  const transactie = await openVerzoekTransactie(db);
  let uitkomst: T;
  try {
    uitkomst = await transactie.binnen(() => werk(transactie.trx));
  } catch (error) {
    await transactie.rollback();
    throw error;
  }
  await transactie.commit();
  return uitkomst;
}

/** A queue of one: who holds the only connection of a single-connection dialect (PGlite). */
function eenTegelijk() {
  let laatste = Promise.resolve();
  return async (): Promise<() => void> => {
    let vrij!: () => void;
    const beurt = new Promise<void>((klaar) => (vrij = klaar));
    const voorganger = laatste;
    laatste = voorganger.then(() => beurt);
    await voorganger;
    return vrij;
  };
}

/**
 * Wraps a dialect so request transactions work on it (see above). For a single-connection
 * dialect (PGlite) this wrapper, not Kysely, makes callers take turns, so that the queries of a
 * request holding the connection do not wait for themselves.
 */
export function metVerzoekTransacties(dialect: Dialect): Dialect {
  const adapter = dialect.createAdapter();
  const enkeleVerbinding = adapter.supportsMultipleConnections === false;
  return {
    createAdapter: (): DialectAdapter => Object.create(adapter, { supportsMultipleConnections: { value: true } }) as DialectAdapter,
    createDriver: () => verzoekDriver(dialect.createDriver(), enkeleVerbinding, dialect.createQueryCompiler()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

const sql = (verbinding: DatabaseConnection, tekst: string) => verbinding.executeQuery(CompiledQuery.raw(tekst));

function verzoekDriver(driver: Driver, enkeleVerbinding: boolean, compiler: QueryCompiler): Driver {
  const beurt = enkeleVerbinding ? eenTegelijk() : undefined;
  const vrijgaven = new WeakMap<DatabaseConnection, () => void>();

  async function neem(): Promise<DatabaseConnection> {
    const vrij = await beurt?.();
    try {
      const verbinding = await driver.acquireConnection();
      if (vrij) vrijgaven.set(verbinding, vrij);
      return verbinding;
    } catch (error) {
      vrij?.();
      throw error;
    }
  }

  async function geefTerug(verbinding: DatabaseConnection): Promise<void> {
    const vrij = vrijgaven.get(verbinding);
    vrijgaven.delete(verbinding);
    try {
      await driver.releaseConnection(verbinding);
    } finally {
      vrij?.();
    }
  }

  /** The kept writes, if any, as one prepared statement; a requirement that fails it fails with its own error (ADR 0100). */
  async function stuurUitgesteld(staat: Staat, ruw: DatabaseConnection): Promise<void> {
    if (staat.uitgesteld.length === 0) return;
    const writes = staat.uitgesteld.splice(0);
    try {
      await ruw.executeQuery(voorbereid(alsEenStatement(compiler, writes)));
    } catch (error) {
      throw eisFout(error, writes) ?? error;
    }
  }

  /** What must go out before a statement of the request: the owed BEGIN, then the kept writes. */
  async function voorStatement(staat: Staat, ruw: DatabaseConnection): Promise<void> {
    const settings = staat.beginSchuld;
    if (settings) {
      staat.beginSchuld = undefined;
      await driver.beginTransaction(ruw, settings);
    }
    await stuurUitgesteld(staat, ruw);
  }

  /** The request's connection as Kysely sees it: each statement first sends what is owed (ADR 0096). */
  function verzoekVerbinding(staat: Staat, ruw: DatabaseConnection): DatabaseConnection {
    return {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        if (!vrijeStatements.has(query)) await voorStatement(staat, ruw);
        return ruw.executeQuery<R>(query);
      },
      streamQuery: async function* <R>(query: CompiledQuery, chunkSize: number, options?: Parameters<DatabaseConnection['streamQuery']>[2]) {
        await voorStatement(staat, ruw);
        yield* ruw.streamQuery<R>(query, chunkSize, options);
      },
    };
  }

  return {
    init: (options) => driver.init(options),
    destroy: (options) => driver.destroy(options),
    acquireConnection: async () => {
      const staat = opslag.getStore();
      if (!staat || staat.gesloten) return neem();
      if (staat.verbinding) {
        staat.inGebruik++;
        return staat.verbinding;
      }
      const ruw = await neem();
      const verbinding = verzoekVerbinding(staat, ruw);
      staat.ruw = ruw;
      staat.verbinding = verbinding;
      staat.inGebruik = 1;
      verzoekVerbindingen.set(verbinding, staat);
      return verbinding;
    },
    releaseConnection: async (verbinding) => {
      const staat = verzoekVerbindingen.get(verbinding);
      if (!staat) return geefTerug(verbinding);
      staat.inGebruik--;
      if (staat.inGebruik > 0) return;
      verzoekVerbindingen.delete(verbinding);
      const ruw = staat.ruw;
      staat.verbinding = undefined;
      staat.ruw = undefined;
      if (ruw) await geefTerug(ruw);
    },
    beginTransaction: async (verbinding, settings: TransactionSettings) => {
      const staat = verzoekVerbindingen.get(verbinding);
      if (!staat) return driver.beginTransaction(verbinding, settings);
      // The request's own BEGIN is owed until a statement needs it; a transaction inside it is a savepoint.
      if (!staat.begonnen) {
        staat.begonnen = true;
        staat.beginSchuld = settings;
        return;
      }
      const ruw = staat.ruw as DatabaseConnection;
      const naam = `verzoek_sp_${++staat.volgnummer}`;
      await voorStatement(staat, ruw);
      staat.savepoints.push(naam);
      staat.bijSavepoint.push({ naCommit: staat.naCommit.length, totCommit: staat.totCommit.length });
      await sql(ruw, `savepoint ${naam}`);
    },
    commitTransaction: async (verbinding) => {
      const staat = verzoekVerbindingen.get(verbinding);
      if (!staat) return driver.commitTransaction(verbinding);
      const ruw = staat.ruw as DatabaseConnection;
      const naam = staat.savepoints.pop();
      if (naam !== undefined) {
        staat.bijSavepoint.pop();
        await sql(ruw, `release savepoint ${naam}`);
        return;
      }
      await stuurUitgesteld(staat, ruw);
      // Nothing needed the BEGIN: the kept writes, if any, were the whole transaction, as one statement.
      if (staat.beginSchuld) staat.beginSchuld = undefined;
      else await driver.commitTransaction(ruw);
    },
    rollbackTransaction: async (verbinding) => {
      const staat = verzoekVerbindingen.get(verbinding);
      if (!staat) return driver.rollbackTransaction(verbinding);
      const ruw = staat.ruw as DatabaseConnection;
      const naam = staat.savepoints.pop();
      if (naam === undefined) {
        staat.uitgesteld.length = 0;
        // A BEGIN never sent needs no ROLLBACK.
        if (staat.beginSchuld) staat.beginSchuld = undefined;
        else await driver.rollbackTransaction(ruw);
        return;
      }
      const bij = staat.bijSavepoint.pop();
      if (bij) {
        staat.naCommit.length = bij.naCommit;
        staat.totCommit.length = bij.totCommit;
      }
      // Whatever was kept was kept within the savepoint (the writes before it went out with it).
      staat.uitgesteld.length = 0;
      await sql(ruw, `rollback to savepoint ${naam}`);
      await sql(ruw, `release savepoint ${naam}`);
    },
    ...(driver.savepoint ? { savepoint: driver.savepoint.bind(driver) } : {}),
    ...(driver.rollbackToSavepoint ? { rollbackToSavepoint: driver.rollbackToSavepoint.bind(driver) } : {}),
    ...(driver.releaseSavepoint ? { releaseSavepoint: driver.releaseSavepoint.bind(driver) } : {}),
  };
}
