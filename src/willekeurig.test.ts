import { describe, expect, it } from 'vitest';
import { willekeurigeBytes } from './willekeurig.ts';

describe('willekeurigeBytes', () => {
  it('gives the bytes asked for, never the same bytes twice, also across a refill of the pool', () => {
    const gezien = new Set<string>();
    // 3,000 × 20 bytes: the 4 KiB pool is refilled many times.
    for (let i = 0; i < 3000; i++) {
      const bytes = willekeurigeBytes(20);
      expect(bytes).toHaveLength(20);
      gezien.add(bytes.toString('hex'));
    }
    expect(gezien.size).toBe(3000);
  });

  it('hands out a copy: changing it does not change later bytes', () => {
    const a = willekeurigeBytes(8);
    a.fill(0);
    expect(willekeurigeBytes(8).equals(Buffer.alloc(8))).toBe(false);
  });

  it('looks uniform: each bit about half the time over 64 KiB', () => {
    const enen = Array.from({ length: 8 }, () => 0);
    for (let i = 0; i < 256; i++) for (const byte of willekeurigeBytes(256)) for (let b = 0; b < 8; b++) enen[b] = (enen[b] ?? 0) + ((byte >> b) & 1);
    // 65,536 draws per bit: the mean is 32,768, the standard deviation 128; 8 σ is far outside chance.
    for (const n of enen) expect(Math.abs(n - 32_768)).toBeLessThan(1024);
  });

  it('refuses a count it cannot give', () => {
    expect(() => willekeurigeBytes(257)).toThrow(RangeError);
    expect(() => willekeurigeBytes(-1)).toThrow(RangeError);
    expect(() => willekeurigeBytes(1.5)).toThrow(RangeError);
  });
});
