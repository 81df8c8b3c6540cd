import { z } from 'zod';
import { TALEN } from '../../i18n/i18n.ts';

export const volgbriefQuery = z.strictObject({
  taal: z.enum(TALEN).optional().describe('Taal van de brief en de link (nl of en); standaard de taal van de zaak'),
});
