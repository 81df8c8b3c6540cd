import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a process with this id runs (also one of another user). */
export function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The data directory is held by another living process; `adres` is its server's URL when it serves. */
export class DataDirInGebruik extends Error {
  readonly pid: number;
  readonly adres: string | undefined;
  constructor(dataDir: string, pid: number, adres: string | undefined) {
    super(`de database in ${dataDir} is in gebruik door proces ${pid}; stop dat eerst (of kies een andere LOKET_DATA_DIR)`);
    this.pid = pid;
    this.adres = adres;
  }
}

const slotPad = (dataDir: string): string => join(dataDir, 'loket.lock');

/**
 * PGlite has no lock on its data directory and two processes on one directory corrupt it,
 * so Loket keeps its own lock file: the holder's pid on the first line and, once it listens,
 * its server's URL on the second. Returns the function that releases it.
 */
export function claimDataDir(dataDir: string): () => void {
  const pad = slotPad(dataDir);
  try {
    writeFileSync(pad, String(process.pid), { flag: 'wx' });
  } catch {
    const [pidRegel, adres] = readFileSync(pad, 'utf8').split('\n');
    const pid = Number(pidRegel);
    if (Number.isInteger(pid) && pid !== process.pid && leeft(pid)) throw new DataDirInGebruik(dataDir, pid, adres?.trim() || undefined);
    writeFileSync(pad, String(process.pid));
  }
  return () => rmSync(pad, { force: true });
}

/** Notes in the lock file where this process's server listens, so other commands can ask it. */
export function noteerAdres(dataDir: string, adres: string): void {
  writeFileSync(slotPad(dataDir), `${process.pid}\n${adres}\n`);
}
