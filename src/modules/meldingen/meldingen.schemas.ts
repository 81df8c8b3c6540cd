import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { datum } from '../zaaktypen/zaaktypen.schemas.ts';

const tekst = (max: number, leeg = false) => {
  const basis = z.string().trim().max(max, `Hoogstens ${max} tekens.`);
  return leeg ? basis : basis.min(1, 'Vul dit in.');
};
const tweetalig = (max: number, leeg = false) => z.strictObject({ nl: tekst(max, leeg), en: tekst(max, leeg) });
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const code = z.string().regex(CODE, 'Alleen kleine letters, cijfers en streepjes, bijvoorbeeld container-vol.').max(50, 'Hoogstens 50 tekens.');

/** Types of an extra question; Open311 datatype: string, text, number, singlevaluelist. */
export const VRAAGTYPEN = ['tekst', 'lange-tekst', 'getal', 'keuze'] as const;
export type Vraagtype = (typeof VRAAGTYPEN)[number];

export const vraagSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9_]+$/, 'Alleen kleine letters, cijfers en _, bijvoorbeeld container_nummer.').max(50, 'Hoogstens 50 tekens.'),
    type: z.enum(VRAAGTYPEN),
    verplicht: z.boolean().default(false),
    vraag: tweetalig(200),
    uitleg: tweetalig(500, true).default({ nl: '', en: '' }),
    /** For `keuze`: the options. */
    waarden: z.array(z.strictObject({ sleutel: z.string().regex(/^[a-z0-9_-]+$/, 'Alleen kleine letters, cijfers, _ en -.').max(50), naam: tweetalig(100) })).max(50).default([]),
    /** For `tekst`: a regular expression the whole answer must match. */
    patroon: z
      .string()
      .max(200)
      .refine((p) => {
        try {
          return new RegExp(p, 'u').source !== '';
        } catch {
          return false;
        }
      }, 'Geen geldige reguliere expressie.')
      .nullable()
      .default(null),
    /** Longest answer (tekst, lange-tekst) or highest number (getal). */
    max: z.number().int().positive().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'keuze' && v.waarden.length === 0) ctx.addIssue({ code: 'custom', path: ['waarden'], message: 'Een keuzevraag heeft minstens één waarde.' });
    if (v.type !== 'keuze' && v.waarden.length > 0) ctx.addIssue({ code: 'custom', path: ['waarden'], message: 'Alleen een keuzevraag heeft waarden.' });
  })
  .meta({ id: 'MeldingVraag' });
export type Vraag = z.output<typeof vraagSchema>;

export const categorieInvoer = z
  .strictObject({
    code,
    hoofdcategorie: code.nullable().default(null).describe('Code van de hoofdcategorie; null: dit is zelf een hoofdcategorie'),
    naam: tweetalig(100).describe('Naam voor inwoners, B1'),
    uitleg: tweetalig(1000, true).default({ nl: '', en: '' }).describe('Hulptekst voor inwoners, B1'),
    trefwoorden: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
    openbaar: z.boolean().default(true).describe('Op de openbare kaart'),
    team: z.uuid('Dit is geen geldige id.').nullable().default(null).describe('Team dat de meldingen behandelt (alleen subcategorie)'),
    normWerkdagen: z.number().int().min(1).max(250).nullable().default(null).describe('Norm in werkdagen (alleen subcategorie)'),
    vragen: z.array(vraagSchema).max(20).default([]),
    volgorde: z.number().int().min(0).max(1000).default(0),
    geldigVanaf: datum.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    const sub = c.hoofdcategorie !== null;
    if (sub && c.team === null) ctx.addIssue({ code: 'custom', path: ['team'], message: 'Een subcategorie heeft een team.' });
    if (sub && c.normWerkdagen === null) ctx.addIssue({ code: 'custom', path: ['normWerkdagen'], message: 'Een subcategorie heeft een norm.' });
    if (!sub && (c.team !== null || c.normWerkdagen !== null || c.vragen.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['hoofdcategorie'], message: 'Een hoofdcategorie heeft geen team, norm of vragen; die horen bij de subcategorieën.' });
    }
    const codes = c.vragen.map((v) => v.code);
    codes.forEach((vc, i) => {
      if (codes.indexOf(vc) !== i) ctx.addIssue({ code: 'custom', path: ['vragen', i, 'code'], message: 'Deze code komt twee keer voor.' });
    });
  })
  .meta({ id: 'MeldingCategorieInvoer' });
export type CategorieInvoer = z.output<typeof categorieInvoer>;

export const categorieSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    versie: z.number().int(),
    status: z.enum(['concept', 'gepubliceerd']),
    hoofdcategorie: z.string().nullable(),
    naam: z.object({ nl: z.string(), en: z.string() }),
    uitleg: z.object({ nl: z.string(), en: z.string() }),
    trefwoorden: z.array(z.string()),
    openbaar: z.boolean(),
    team: z.uuid().nullable(),
    normWerkdagen: z.number().int().nullable(),
    vragen: z.array(
      z.object({
        code: z.string(),
        type: z.enum(VRAAGTYPEN),
        verplicht: z.boolean(),
        vraag: z.object({ nl: z.string(), en: z.string() }),
        uitleg: z.object({ nl: z.string(), en: z.string() }),
        waarden: z.array(z.object({ sleutel: z.string(), naam: z.object({ nl: z.string(), en: z.string() }) })),
        patroon: z.string().nullable(),
        max: z.number().nullable(),
      }),
    ),
    volgorde: z.number().int(),
    geldigVanaf: z.string().nullable(),
    gepubliceerdOp: z.string().nullable(),
    revisie: z.number().int(),
  })
  .meta({ id: 'MeldingCategorie' });

export const categorieenQuery = z.strictObject({
  alleVersies: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Alle versies in plaats van de nieuwste per code'),
});

export const categorieParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') });
