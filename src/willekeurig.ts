import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the system's CSPRNG, taken from a pool filled 4 KiB at a time (as Node keeps
 * UUIDs for `randomUUID`): a call of `randomBytes` costs far more than the few bytes it gives,
 * and every registration takes some (its tracking code, the processing log's span ids). Each
 * byte is given out once; the pool is cleared as it is used.
 */
const POOL = Buffer.alloc(4096);
let plek = POOL.length;

export function willekeurigeBytes(aantal: number): Buffer {
  if (!Number.isInteger(aantal) || aantal < 0 || aantal > 256) throw new RangeError(`willekeurigeBytes: 0 tot 256 bytes, niet ${aantal}`);
  if (plek + aantal > POOL.length) {
    randomFillSync(POOL);
    plek = 0;
  }
  const bytes = Buffer.from(POOL.subarray(plek, plek + aantal));
  POOL.fill(0, plek, plek + aantal);
  plek += aantal;
  return bytes;
}
