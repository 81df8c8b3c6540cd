import { z } from 'zod';
import { paginaQuery } from '../../http/pagination.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';

/** Longest remark, in characters (after trimming). */
export const MAX_TEKST = 2000;
export const AFHANDELINGEN = ['gecorrigeerd', 'aangevuld', 'herschreven-in-b1', 'geen-actie'] as const;
export const SCHALEN = ['vindbaarheid', 'begrijpelijkheid', 'volledigheid'] as const;
export type Schaal = (typeof SCHALEN)[number];

const domein = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'Geef een domeinnaam zoals www.diemen.nl, zonder https:// en zonder pad.');

const patroon = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(/^[^\s?#]+$/, 'Een patroon is een pad zoals /afval/* (zonder spaties, ? of #).')
  .describe('Pad van de pagina’s: /afval/* (het pad en alles eronder), /nieuws/2026-* (* binnen een deel) of een precies pad; mag met een host beginnen (www.diemen.nl/afval/*).');

export const instellingenSchema = z
  .strictObject({
    domeinen: z.array(domein).max(20).describe('Domeinen van de website van de gemeente; subdomeinen horen erbij. Alleen hiervandaan mag een formulier posten en hiernaartoe gaat de bezoeker terug.'),
    routes: z
      .array(z.strictObject({ patroon, team: z.uuid('Geef de id van een team.') }))
      .max(200)
      .describe('Op volgorde: de eerste regel waarvan het patroon past, bepaalt het team. Past er geen: de webredactie.'),
  })
  .meta({ id: 'PaginafeedbackInstellingen' });

const score = z.number().int().min(1).max(5).nullable();

export const feedbackSchema = z
  .strictObject({
    id: z.uuid(),
    ontvangenOp: z.string(),
    pagina: z.string().describe('De pagina: schema, host en pad (zonder query en fragment)'),
    gevonden: z.boolean().describe('Heeft u gevonden wat u zocht?'),
    vindbaarheid: score,
    begrijpelijkheid: score,
    volledigheid: score,
    tekst: z.string().nullable().describe('De opmerking, met e-mailadressen en telefoonnummers gemaskeerd'),
    team: z.uuid().nullable().describe('Het team van de pagina; null: de webredactie'),
    metJavascript: z.boolean(),
    afhandeling: z
      .strictObject({ afhandeling: z.enum(AFHANDELINGEN), notitie: z.string(), afgehandeldOp: z.string(), afgehandeldDoor: z.uuid().nullable() })
      .nullable(),
  })
  .meta({ id: 'Paginafeedback' });

export const feedbackParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen id van een reactie.') });

export const lijstQuery = paginaQuery.extend({
  status: z.enum(['open', 'afgehandeld']).optional().describe('open: nog niet afgehandeld, met "nee" of een opmerking (een kaal "ja" hoeft niet afgehandeld te worden)'),
  team: z
    .union([z.uuid(), z.literal('webredactie')])
    .optional()
    .describe('Alleen reacties van dit team, of webredactie voor de pagina’s zonder team'),
  pagina: z.string().max(1000).optional().describe('Alleen deze pagina (schema, host en pad)'),
});

const datum = z.iso.date('Geef een datum als JJJJ-MM-DD.');
export const paginasQuery = paginaQuery.extend({
  van: datum.describe('Eerste dag (Europe/Amsterdam)'),
  tot: datum.describe('Laatste dag (Europe/Amsterdam), inbegrepen'),
  minimum: z.coerce.number().int().min(1).max(1000).default(1).describe('Alleen pagina’s met minstens zoveel antwoorden'),
});

export const trendQuery = z.strictObject({ pagina: z.string().min(1).max(1000), van: datum, tot: datum });

export const paginastandSchema = z
  .strictObject({
    pagina: z.string(),
    team: z.uuid().nullable(),
    aantal: z.number().int().describe('Antwoorden op "Heeft u gevonden wat u zocht?"'),
    nee: z.number().int(),
    aandeelNee: z.number().describe('nee / aantal'),
    open: z.number().int().describe('Reacties met een opmerking of "nee" die nog niet zijn afgehandeld'),
    laatste: z.string(),
  })
  .meta({ id: 'Paginastand' });

export const trendSchema = z
  .strictObject({ pagina: z.string(), weken: z.array(z.strictObject({ week: z.string().describe('Maandag van de week'), ja: z.number().int(), nee: z.number().int() })) })
  .meta({ id: 'PaginafeedbackTrend' });

export const afhandelingInvoer = z
  .strictObject({
    afhandeling: z.enum(AFHANDELINGEN, 'Kies gecorrigeerd, aangevuld, herschreven-in-b1 of geen-actie.'),
    notitie: z.string().trim().max(2000, 'Een notitie is hoogstens 2000 tekens.').default(''),
  })
  .meta({ id: 'PaginafeedbackAfhandeling' });

/** The posted form (or the script's post): every field a string; checked by `leesFormulier`. */
export const formulierSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
