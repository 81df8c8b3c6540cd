import { z } from 'zod';
import { paginaQuery } from '../../http/pagination.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { leesDatum, leesDuur } from './kalender.ts';
import { schoneNaam } from '../../tekst.ts';

/** A check by one of the kalender's parsers; its Dutch message becomes the reason. */
const volgens = (lees: (tekst: string) => unknown) => (waarde: string, ctx: z.RefinementCtx) => {
  try {
    lees(waarde);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
};

const verplicht = (wat: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? `Vul ${wat} in.` : `Geef ${wat} als tekst.`) });

export const datum = z
  .string(verplicht('een datum (JJJJ-MM-DD)'))
  .superRefine(volgens(leesDatum))
  .meta({ format: 'date', example: '2026-12-28' })
  .describe('Kalenderdag als JJJJ-MM-DD');

const jaar = z.coerce
  .number({ error: 'Geef een jaartal, bijvoorbeeld 2026.' })
  .int('Geef een jaartal, bijvoorbeeld 2026.')
  .min(1900, 'Kies een jaar van 1900 tot en met 2999.')
  .max(2999, 'Kies een jaar van 1900 tot en met 2999.');

export const termijnQuery = z.strictObject({
  startdatum: z
    .string(verplicht('de startdatum (JJJJ-MM-DD)'))
    .superRefine(volgens(leesDatum))
    .meta({ format: 'date', example: '2025-11-14' })
    .describe('De dag van de gebeurtenis (ontvangst, bekendmaking), JJJJ-MM-DD; de termijn begint de dag erna'),
  duur: z
    .string(verplicht('de duur (P6W, P10D, P3M of 5wd)'))
    .superRefine(volgens(leesDuur))
    .meta({ pattern: '^(P[0-9]{1,4}[DWM]|[0-9]{1,4}wd)$', example: 'P6W' })
    .describe('P<n>D, P<n>W of P<n>M (wettelijke termijn) of <n>wd (werkdagen)'),
  gemeente: gemeenteCode.optional().describe('Met een gemeente tellen haar sluitingsdagen mee bij werkdagen'),
});

export const vrijeDagSchema = z
  .object({
    datum: z.string(),
    reden: z.enum(['zaterdag', 'zondag', 'feestdag', 'sluitingsdag']),
    naam: z.string(),
  })
  .meta({ id: 'VrijeDag' });

export const termijnSchema = z
  .object({
    startdatum: z.string(),
    duur: z.string(),
    soort: z.enum(['wettelijk', 'werkdagen']),
    einddatum: z.string().describe('De laatste dag van de termijn'),
    kalendereinde: z.string().nullable().describe('Wettelijke termijn: de dag waarop hij zonder de Algemene termijnenwet zou eindigen'),
    verschoven: z.array(vrijeDagSchema).describe('Elke dag waarover het einde verschoof (wettelijk) of die bij het tellen werd overgeslagen (werkdagen), met de reden'),
    regel: z.string(),
    gemeente: gemeenteCode.nullable(),
  })
  .meta({ id: 'Termijn' });

export const feestdagenQuery = z.strictObject({ jaar: jaar.optional().describe('Standaard: dit jaar') });

const dagSchema = z.object({ datum: z.string(), naam: z.string() });

export const feestdagenSchema = z
  .object({ jaar: z.number().int(), items: z.array(dagSchema.meta({ id: 'Feestdag' })) })
  .meta({ id: 'Feestdagen' });

export const sluitingsdagSchema = dagSchema.meta({ id: 'Sluitingsdag' });

export const sluitingsdagenQuery = paginaQuery.extend({ jaar: jaar.optional().describe('Alleen de sluitingsdagen in dit jaar') });

export const nieuweSluitingsdagBody = z
  .strictObject({
    datum,
    naam: z.string(verplicht('een naam')).overwrite(schoneNaam).min(1, 'Vul een naam in.').max(100, 'Deze naam is te lang (hoogstens 100 tekens).'),
  })
  .meta({ id: 'NieuweSluitingsdag' });

export const sluitingsdagParams = z.strictObject({ gemeente: gemeenteCode, datum });
