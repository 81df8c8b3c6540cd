import { z } from 'zod';
import { ROLLEN } from '../../db/schema.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';

export const rolSchema = z.enum(ROLLEN).meta({ id: 'Rol' });

export const aanmeldenBody = z
  .strictObject({
    email: z.string().trim().min(1, 'Vul uw e-mailadres in.').max(254, 'Dit e-mailadres is te lang.'),
    wachtwoord: z.string().min(1, 'Vul uw wachtwoord in.').max(1024, 'Dit wachtwoord is te lang.'),
  })
  .meta({ id: 'Aanmelden' });

export const aanmeldStapSchema = z
  .object({
    stap: z.enum(['totp', 'totp-instellen']).describe('totp: vraag de code; totp-instellen: eerst de app instellen met geheim/otpauthUri'),
    geheim: z.string().optional().describe('Alleen bij totp-instellen: het TOTP-geheim (base32)'),
    otpauthUri: z.string().optional(),
    csrfToken: z.string(),
  })
  .meta({ id: 'AanmeldStap' });

export const totpBody = z
  .strictObject({ code: z.string().trim().regex(/^[0-9]{6}$/, 'Vul de 6 cijfers uit uw app in.') })
  .meta({ id: 'TotpCode' });

export const sessieSchema = z
  .object({
    gebruiker: z.object({ id: z.uuid(), naam: z.string(), email: z.string() }),
    gemeenten: z.array(z.object({ code: gemeenteCode, naam: z.string(), slug: z.string(), rollen: z.array(rolSchema) })),
    csrfToken: z.string(),
    verlooptOp: z.iso.datetime(),
  })
  .meta({ id: 'Sessie' });
