import { z } from 'zod';
import { TALEN } from '../../i18n/i18n.ts';

export const volgbriefQuery = z.strictObject({
  taal: z.enum(TALEN).optional().describe('Taal van de brief en de link (nl of en); standaard de taal van de zaak'),
});

export const volgbriefBody = z
  .strictObject({
    volgcode: z
      .string()
      .trim()
      .min(1, 'Vul de volgcode in.')
      .max(100, 'Hoogstens 100 tekens.')
      .optional()
      .describe('De volgcode die u net kreeg (bij de registratie): de brief draagt die code en er komt geen nieuwe. Zonder: een nieuwe code (If-Match verplicht).'),
  })
  .meta({ id: 'VolgbriefMetCode' });
