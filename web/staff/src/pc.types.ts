/** Shapes of the P&C register API, taken from its Zod schemas (types only: nothing of Zod enters the bundle). */
import type { z } from 'zod';
import type {
  afwijkingenSchema,
  berekendeWaardenSchema,
  documentSchema,
  programmaSchema,
  vergelijkingSchema,
  versieSamenvatting,
  versieSchema,
} from '../../../src/modules/planning-control/pc.schemas.ts';

export type PcVersieSamenvatting = z.output<typeof versieSamenvatting>;
export type PcVersie = z.output<typeof versieSchema>;
export type PcDocument = z.output<typeof documentSchema>;
export type PcProgramma = z.output<typeof programmaSchema>;
export type PcVergelijking = z.output<typeof vergelijkingSchema>;
export type PcAfwijkingen = z.output<typeof afwijkingenSchema>;
export type PcBerekendeWaarden = z.output<typeof berekendeWaardenSchema>;
