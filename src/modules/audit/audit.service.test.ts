import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { auditRepository, type VerwerkingRegel } from './audit.repository.ts';
import { auditService, systeemContext } from './audit.service.ts';

let loket: TestLoket;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
});
afterAll(async () => loket.close());

/** The audit service on the real repository, counting the INSERTs into the processing log. */
function geteld() {
  const repository = auditRepository(loket.database.db);
  const inserts: number[] = [];
  const audit = auditService({
    repository: {
      ...repository,
      voegVerwerkingenToe: async (regels: VerwerkingRegel[]) => {
        inserts.push(regels.length);
        await repository.voegVerwerkingenToe(regels);
      },
    },
    klok: loket.klok,
  });
  return { audit, inserts };
}

const verwerking = (gemeente: string, id: string) => ({
  gemeente,
  naam: 'zaak-bekijken',
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:test',
  grondslag: 'test',
  betrokkeneType: 'inwoner',
  betrokkeneIds: [id],
});

async function vastgelegd(ids: string[]): Promise<string[]> {
  const rijen = await loket.database.db.selectFrom('verwerking_log').select('betrokkene_id').where('betrokkene_id', 'in', ids).execute();
  return rijen.map((r) => r.betrokkene_id).toSorted();
}

describe('processing log writes', () => {
  it('writes one request alone at once, and concurrent ones together — every row committed before its caller goes on', async () => {
    const { audit, inserts } = geteld();
    await audit.verwerking(systeemContext(), verwerking('GM0384', 'alleen'));
    expect(inserts).toEqual([1]);
    expect(await vastgelegd(['alleen'])).toEqual(['alleen']);

    const ids = Array.from({ length: 20 }, (_, i) => `samen-${String(i).padStart(2, '0')}`);
    await Promise.all(ids.map(async (id) => {
      await audit.verwerking(systeemContext(), verwerking('GM0384', id));
      // Resolved means committed: the row is there for this caller.
      expect(await vastgelegd([id])).toEqual([id]);
    }));
    expect(await vastgelegd(ids)).toEqual(ids);
    // The first went alone; the other 19 waited for it and went in one INSERT.
    expect(inserts.slice(1)).toEqual([1, 19]);
  });

  it('fails only the caller whose row cannot be written', async () => {
    const { audit, inserts } = geteld();
    const uitkomsten = await Promise.allSettled([
      audit.verwerking(systeemContext(), verwerking('GM0384', 'goed-1')),
      audit.verwerking(systeemContext(), verwerking('GM0384', 'goed-2')),
      audit.verwerking(systeemContext(), verwerking('GM9999', 'onbekende-gemeente')),
      audit.verwerking(systeemContext(), verwerking('GM0384', 'goed-3')),
    ]);
    expect(uitkomsten.map((u) => u.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await vastgelegd(['goed-1', 'goed-2', 'goed-3', 'onbekende-gemeente'])).toEqual(['goed-1', 'goed-2', 'goed-3']);
    // goed-1 alone; the three others together, refused; then each alone.
    expect(inserts).toEqual([1, 3, 1, 1, 1]);
  });
});
