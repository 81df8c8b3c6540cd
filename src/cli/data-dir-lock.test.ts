import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDataDir } from './data-dir-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'loket-lock-'));
afterEach(() => rmSync(join(dir, 'loket.lock'), { force: true }));

describe('data-dir lock', () => {
  it('refuses a data dir that a living process holds', () => {
    writeFileSync(join(dir, 'loket.lock'), String(process.ppid));
    expect(() => claimDataDir(dir)).toThrow(/in gebruik door proces/);
  });

  it('takes over the lock of a process that is gone, and releases it', () => {
    writeFileSync(join(dir, 'loket.lock'), '999999999');
    const release = claimDataDir(dir);
    expect(existsSync(join(dir, 'loket.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'loket.lock'))).toBe(false);
  });
});
