import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { testDatabase } from '../../test/database.ts';
import { openDatabase } from './database.ts';
import { lsnGetal } from './replica.ts';

describe('read replica: WAL positions and configuration (ADR 0028)', () => {
  it('reads WAL positions as PostgreSQL writes them and orders them', () => {
    expect(lsnGetal('0/4015290')).toBe(0x4015290n);
    expect(lsnGetal('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect((lsnGetal('1/0') ?? 0n) > (lsnGetal('0/FFFFFFFF') ?? 0n)).toBe(true);
    for (const onzin of ['', '0', '0/', '/1', 'G/1', '0/1/2', '123456789/0', ' 0/1', '0/1;']) expect(lsnGetal(onzin), onzin).toBeUndefined();
  });

  it('takes DATABASE_READ_URL only as a postgres:// address next to DATABASE_URL', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/loket';
    expect(loadConfig({ DATABASE_URL: url, DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:5433/loket' }).databaseReadUrl).toBe('postgres://postgres@127.0.0.1:5433/loket');
    expect(loadConfig({ DATABASE_URL: url }).databaseReadUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:5433/loket' })).toThrow('DATABASE_READ_URL werkt alleen met PostgreSQL');
    expect(() => loadConfig({ DATABASE_URL: url, DATABASE_READ_URL: 'mysql://geheim:wachtwoord@db/loket' })).toThrow(/postgres:\/\/-adres .*\/\/…@db/);
  });

  it('without DATABASE_READ_URL (and always on PGlite) has no replica: lezen is the database itself', async () => {
    await expect(openDatabase({ readUrl: 'postgres://postgres@127.0.0.1:5433/loket' })).rejects.toThrow('alleen bij PostgreSQL');
    const database = await testDatabase();
    try {
      expect(database.replica).toBeUndefined();
      expect(database.lezen).toBe(database.db);
    } finally {
      await database.close();
    }
  });
});
