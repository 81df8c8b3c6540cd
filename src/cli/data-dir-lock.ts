import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock on its data directory and two processes on one directory corrupt it,
 * so Loket keeps its own lock file. Returns the function that releases it.
 */
export function claimDataDir(dataDir: string): () => void {
  const pad = join(dataDir, 'loket.lock');
  try {
    writeFileSync(pad, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(readFileSync(pad, 'utf8'));
    if (Number.isInteger(pid) && pid !== process.pid && leeft(pid)) {
      throw new Error(`de database in ${dataDir} is in gebruik door proces ${pid}; stop dat eerst (of kies een andere LOKET_DATA_DIR)`);
    }
    writeFileSync(pad, String(process.pid));
  }
  return () => rmSync(pad, { force: true });
}
