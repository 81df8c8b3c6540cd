import { sql, type Kysely } from 'kysely';
import { Client } from 'pg';
import type { Database } from './database.ts';
import type { DB } from './schema.ts';
import { buitenVerzoekTransactie, inVerzoekTransactie } from './verzoek-transactie.ts';

/**
 * Signals between Loket nodes on one database (ADR 0023): a change that makes a node's cache
 * wrong sends a PostgreSQL NOTIFY in its own transaction, so every node (this one included)
 * hears it when, and only when, the change is committed. One channel per kind of cached data;
 * the payload names what changed: one key, or several separated by a space (`seinNaCommit`;
 * keys hold no spaces).
 */
export const KANAAL = {
  /** `sessie:<id hash>` or `gebruiker:<id>`: a session ended, or the account behind sessions changed. */
  sessie: 'loket_sessie',
  /** `<gemeente code>`: a closure day was added or removed. */
  sluitingsdagen: 'loket_sluitingsdagen',
  /** `<gemeente code>`: the page-feedback configuration (domains, routing) or the gemeente's slug changed. */
  paginafeedback: 'loket_paginafeedback',
  /** `<ix>:<iy>`: a melding in that cell of the public map's grid was made (after its commit, ADR 0084) or changed, or its zaak closed or reopened; `*`: a category changed (triggers of migration 0045, ADR 0076). */
  meldingenKaart: 'loket_meldingen_kaart',
  /** `<table>`: a row of `gemeente`, `zaaktype`, `open311_sleutel` or `team` changed (statement triggers of migrations 0052 and 0063, ADR 0084). */
  stamgegevens: 'loket_stamgegevens',
} as const;
export type Kanaal = (typeof KANAAL)[keyof typeof KANAAL];

/** Tells every node that `sleutel` on `kanaal` changed; run it inside the transaction of the change (delivered at commit). */
export async function sein(db: Kysely<DB>, kanaal: Kanaal, sleutel: string): Promise<void> {
  await sql`select pg_notify(${kanaal}, ${sleutel})`.execute(db);
}

export interface Signalen {
  /**
   * Calls `bij(sleutel)` for every committed change on `kanaal`, and `bij(undefined)` when changes
   * may have been missed (the listening connection was lost or is back): then forget everything.
   */
  luister(kanaal: Kanaal, bij: (sleutel: string | undefined) => void): void;
  /** True while changes are heard; only then may a cache use or keep what it read. */
  verbonden(): boolean;
  /**
   * For a change already committed (call it from `naCommit`): this node's listeners hear `sleutel`
   * at once; every node (this one again) hears it within `BUNDEL_MS`, in one NOTIFY with the other
   * keys of that moment, sent outside any request (ADR 0090). A node that stops in between loses
   * it: the caches' own time limit is the safety net. For a change made inside a transaction, use
   * `sein` in that transaction.
   */
  seinNaCommit(kanaal: Kanaal, sleutel: string): void;
  /** Sends what `seinNaCommit` still holds, then stops listening. */
  close(): Promise<void>;
}

export interface SignalenLogger {
  warn(object: object, message: string): void;
}

const OPNIEUW_MS = 1_000;
/** How long a node gathers the keys of `seinNaCommit` before it sends them in one NOTIFY (ADR 0090). */
export const BUNDEL_MS = 20;
/** Most bytes of keys in one NOTIFY (PostgreSQL refuses a payload of 8,000 bytes or more). */
const MAX_PAYLOAD = 7_000;

/** `sleutels` as NOTIFY payloads: separated by a space, each payload at most MAX_PAYLOAD bytes. */
function payloads(sleutels: Iterable<string>): string[] {
  const uit: string[] = [];
  let huidig = '';
  for (const sleutel of sleutels) {
    if (huidig !== '' && Buffer.byteLength(huidig) + 1 + Buffer.byteLength(sleutel) > MAX_PAYLOAD) {
      uit.push(huidig);
      huidig = '';
    }
    huidig = huidig === '' ? sleutel : `${huidig} ${sleutel}`;
  }
  if (huidig !== '') uit.push(huidig);
  return uit;
}

/** One NOTIFY of a bundle: its channel and keys. */
interface Sein {
  kanaal: Kanaal;
  payload: string;
}

/**
 * `seinNaCommit` of one node: keys gathered per channel for BUNDEL_MS, then sent with `stuur`, one
 * NOTIFY per channel (more when long), in one statement outside any request: a melding's intake
 * no longer sends a NOTIFY of its own after its commit (one round trip and one transaction fewer
 * per melding, and PostgreSQL's notify lock, one for the whole cluster, taken once per bundle).
 */
function bundelaar(meldHier: (kanaal: string, sleutel: string) => void, stuur: (bundel: Sein[]) => Promise<void>) {
  const wachtend = new Map<Kanaal, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let verzonden = Promise.resolve();
  async function verstuur(): Promise<void> {
    timer = undefined;
    const bundel = [...wachtend].flatMap(([kanaal, sleutels]) => payloads(sleutels).map((payload) => ({ kanaal, payload })));
    wachtend.clear();
    // A failure loses only signals: the caches' time limit holds.
    if (bundel.length > 0) await stuur(bundel).catch(() => undefined);
  }
  return {
    sein(kanaal: Kanaal, sleutel: string): void {
      meldHier(kanaal, sleutel);
      const sleutels = wachtend.get(kanaal) ?? new Set<string>();
      sleutels.add(sleutel);
      wachtend.set(kanaal, sleutels);
      if (timer !== undefined) return;
      timer = buitenVerzoekTransactie(() => setTimeout(() => (verzonden = verzonden.then(verstuur)), BUNDEL_MS));
      timer.unref();
    },
    async close(): Promise<void> {
      if (timer !== undefined) {
        clearTimeout(timer);
        verzonden = verzonden.then(verstuur);
      }
      await verzonden;
    },
  };
}

/** `select pg_notify(…), pg_notify(…), …`: a bundle in one statement. */
const notify = (bundel: Sein[]) => sql`select ${sql.join(bundel.map((s) => sql`pg_notify(${s.kanaal}, ${s.payload})`))}`;

/**
 * Listens on every channel: on PGlite in-process (one process, the only node), on PostgreSQL over
 * one dedicated connection outside the pool. A lost connection is retried every second; until it
 * is back, `verbonden()` is false and every listener has been told to forget.
 */
export async function openSignalen(database: Database, logger: SignalenLogger): Promise<Signalen> {
  const luisteraars = new Map<string, ((sleutel: string | undefined) => void)[]>();
  const meld = (kanaal: string, sleutel: string | undefined) => {
    for (const bij of luisteraars.get(kanaal) ?? []) bij(sleutel);
  };
  const vergeetAlles = () => {
    for (const kanaal of luisteraars.keys()) meld(kanaal, undefined);
  };
  const luister = (kanaal: Kanaal, bij: (sleutel: string | undefined) => void) => {
    luisteraars.set(kanaal, [...(luisteraars.get(kanaal) ?? []), bij]);
  };
  /** A NOTIFY's payload: one key, or several separated by a space. */
  const ontvang = (kanaal: string, payload: string) => {
    for (const sleutel of payload.split(' ')) meld(kanaal, sleutel);
  };

  if (database.pglite) {
    const pglite = database.pglite;
    const bundel = bundelaar(meld, async (seinen) => {
      if (!pglite.closed) await notify(seinen).execute(database.db);
    });
    const stoppen = await Promise.all(Object.values(KANAAL).map((kanaal) => pglite.listen(kanaal, (payload) => ontvang(kanaal, payload))));
    return {
      luister,
      verbonden: () => true,
      seinNaCommit: bundel.sein,
      close: async () => {
        await bundel.close();
        if (!pglite.closed) for (const stop of stoppen) await stop();
      },
    };
  }

  const url = database.url;
  if (!url) throw new Error('PostgreSQL zonder verbindingsadres');
  let client: Client | undefined;
  let verbonden = false;
  /** A loss was logged and the connection is not back yet: retries fail silently. */
  let gemeld = false;
  let gesloten = false;
  let opnieuw: NodeJS.Timeout | undefined;

  function verloren(c: Client, error?: unknown): void {
    if (client !== c) return;
    client = undefined;
    if (!gemeld && !gesloten) logger.warn({ err: error }, 'signalen: verbinding verloren; caches staan uit tot ze terug is');
    gemeld = true;
    verbonden = false;
    vergeetAlles();
    c.end().catch(() => undefined);
    if (!gesloten) {
      opnieuw = setTimeout(() => void verbind(), OPNIEUW_MS);
      opnieuw.unref();
    }
  }

  async function verbind(): Promise<void> {
    const c = new Client({ connectionString: url, application_name: 'loket-signalen' });
    client = c;
    c.on('notification', (bericht) => ontvang(bericht.channel, bericht.payload ?? ''));
    c.on('error', (error) => verloren(c, error));
    c.on('end', () => verloren(c));
    try {
      await c.connect();
      for (const kanaal of Object.values(KANAAL)) await c.query(`listen ${kanaal}`);
    } catch (error) {
      verloren(c, error);
      return;
    }
    if (client !== c) return;
    // Reads that started before LISTEN was in place may have missed a change: they are not kept.
    vergeetAlles();
    verbonden = true;
    if (gemeld) logger.warn({}, 'signalen: weer verbonden; caches staan weer aan');
    gemeld = false;
  }

  // Bundles go over the listening connection (outside the pool; no request waits for them), or
  // through the pool while it is lost.
  const bundel = bundelaar(meld, async (seinen) => {
    if (!client || !verbonden) return void (await notify(seinen).execute(database.db));
    const { sql: tekst, parameters } = notify(seinen).compile(database.db);
    await client.query(tekst, [...parameters]);
  });

  await verbind();
  return {
    luister,
    verbonden: () => verbonden,
    seinNaCommit: bundel.sein,
    close: async () => {
      await bundel.close();
      gesloten = true;
      clearTimeout(opnieuw);
      const c = client;
      client = undefined;
      verbonden = false;
      await c?.end().catch(() => undefined);
    },
  };
}

/**
 * A node's short-lived cache that every node empties at once (ADR 0016, 0023): entries live at
 * most `ms` (monotonic time), a signal on `kanaal` drops the entries it `raakt`, and while
 * signals are not heard nothing is used or kept. A read that was under way during a change is
 * not kept (generation counter), nor one made inside a request transaction.
 */
export function gedeeldeCache<W>(opties: {
  signalen: Signalen;
  kanaal: Kanaal;
  ms: number;
  max: number;
  raakt: (signaal: string, sleutel: string, waarde: W) => boolean;
}) {
  const { signalen, ms, max } = opties;
  const inhoud = new Map<string, { waarde: W; tot: number }>();
  let generatie = 0;

  /** Drops the entries `raakt` selects (a change on this node: before and after it). */
  function vergeet(raakt: (sleutel: string, waarde: W) => boolean): void {
    generatie++;
    for (const [sleutel, { waarde }] of inhoud) if (raakt(sleutel, waarde)) inhoud.delete(sleutel);
  }
  signalen.luister(opties.kanaal, (signaal) => {
    if (signaal === undefined) {
      generatie++;
      inhoud.clear();
    } else vergeet((sleutel, waarde) => opties.raakt(signaal, sleutel, waarde));
  });

  return {
    /** The kept value of `sleutel`, else `lees()` (kept when found and nothing changed meanwhile). */
    async haal(sleutel: string, lees: () => Promise<W | undefined>): Promise<W | undefined> {
      const bekend = inhoud.get(sleutel);
      if (bekend && bekend.tot > performance.now() && signalen.verbonden()) return bekend.waarde;
      const voor = generatie;
      const waarde = await lees();
      inhoud.delete(sleutel);
      // Not what a request transaction read: it may see its own writes before they are committed.
      if (waarde !== undefined && voor === generatie && signalen.verbonden() && !inVerzoekTransactie()) {
        if (inhoud.size >= max) inhoud.delete(inhoud.keys().next().value ?? '');
        inhoud.set(sleutel, { waarde, tot: performance.now() + ms });
      }
      return waarde;
    },
    vergeet,
  };
}
