import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from './app.ts';
import { RECHTEN_BIJWERKEN, RECHTEN_SNAPSHOT, rechtenTabel } from './rechten.ts';

// Every change of who may do what (a right's roles, a route's policy, a route added or removed)
// changes the committed snapshot, so it shows in review. Vitest never writes it in CI.
let loket: TestLoket;

beforeAll(async () => {
  loket = await testLoket();
});
afterAll(async () => loket.close());

describe('rechtentabel', () => {
  it('matches the committed route → policy snapshot', async () => {
    await expect(rechtenTabel(loket.routes)).toMatchFileSnapshot(
      RECHTEN_SNAPSHOT,
      `Wie mag wat is veranderd. Bedoeld? Werk test/${RECHTEN_SNAPSHOT} bij met "${RECHTEN_BIJWERKEN}" en commit de diff`,
    );
  });
});
