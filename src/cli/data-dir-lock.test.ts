import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDataDir, DataDirInGebruik, noteerAdres } from './data-dir-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'loket-lock-'));
afterEach(() => rmSync(join(dir, 'loket.lock'), { force: true }));

describe('data-dir lock', () => {
  it('refuses a data dir that a living process holds', () => {
    writeFileSync(join(dir, 'loket.lock'), String(process.ppid));
    expect(() => claimDataDir(dir)).toThrow(/in gebruik door proces/);
  });

  it('tells where the holder serves, once it noted its address', () => {
    const release = claimDataDir(dir);
    noteerAdres(dir, 'http://127.0.0.1:3000');
    writeFileSync(join(dir, 'loket.lock'), `${process.ppid}\nhttp://127.0.0.1:3000\n`);
    try {
      claimDataDir(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataDirInGebruik);
      expect((error as DataDirInGebruik).adres).toBe('http://127.0.0.1:3000');
    }
    release();
  });

  it('takes over the lock of a process that is gone, and releases it', () => {
    writeFileSync(join(dir, 'loket.lock'), '999999999');
    const release = claimDataDir(dir);
    expect(existsSync(join(dir, 'loket.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'loket.lock'))).toBe(false);
  });
});
