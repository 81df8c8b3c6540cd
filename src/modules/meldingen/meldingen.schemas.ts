import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { datum, tweetalig } from '../zaaktypen/zaaktypen.schemas.ts';
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
    partner: z.uuid('Dit is geen geldige id.').nullable().default(null).describe('Externe partner die de meldingen standaard krijgt (alleen subcategorie)'),
    normWerkdagen: z.number().int().min(1).max(250).nullable().default(null).describe('Norm in werkdagen (alleen subcategorie)'),
    vragen: z.array(vraagSchema).max(20).default([]),
    volgorde: z.number().int().min(0).max(1000).default(0),
    geldigVanaf: datum.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    const sub = c.hoofdcategorie !== null;
    if (sub && c.team === null) ctx.addIssue({ code: 'custom', path: ['team'], message: 'Een subcategorie heeft een team.' });
    if (sub && c.normWerkdagen === null) ctx.addIssue({ code: 'custom', path: ['normWerkdagen'], message: 'Een subcategorie heeft een norm.' });
    if (!sub && (c.team !== null || c.partner !== null || c.normWerkdagen !== null || c.vragen.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['hoofdcategorie'], message: 'Een hoofdcategorie heeft geen team, partner, norm of vragen; die horen bij de subcategorieën.' });
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
    partner: z.uuid().nullable(),
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

/** Largest box of the public map, in degrees each way (a gemeente fits; a province does not). */
export const MAX_BBOX_GRADEN = 0.25;

/** A box `minLon,minLat,maxLon,maxLat` in WGS84, at most MAX_BBOX_GRADEN each way. */
export const bboxParam = z
  .string()
  .describe('minLon,minLat,maxLon,maxLat in WGS84, bijvoorbeeld 4.95,52.33,4.98,52.35')
  .transform((waarde, ctx) => {
    const delen = waarde.split(',');
    const getallen = delen.map((d) => (/^-?\d{1,3}(\.\d+)?$/.test(d.trim()) ? Number(d) : Number.NaN));
    const [minLon, minLat, maxLon, maxLat] = getallen;
    if (getallen.length !== 4 || minLon === undefined || minLat === undefined || maxLon === undefined || maxLat === undefined || getallen.some((g) => Number.isNaN(g))) {
      ctx.addIssue({ code: 'custom', message: 'Geef vier getallen: minLon,minLat,maxLon,maxLat (WGS84), bijvoorbeeld 4.95,52.33,4.98,52.35.' });
      return z.NEVER;
    }
    if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 || Math.abs(minLon) > 180 || Math.abs(maxLon) > 180 || minLon >= maxLon || minLat >= maxLat) {
      ctx.addIssue({ code: 'custom', message: 'De hoeken kloppen niet: min moet kleiner zijn dan max, lat tussen -90 en 90, lon tussen -180 en 180.' });
      return z.NEVER;
    }
    if (maxLon - minLon > MAX_BBOX_GRADEN || maxLat - minLat > MAX_BBOX_GRADEN) {
      ctx.addIssue({ code: 'custom', message: `Het gebied is te groot: hoogstens ${MAX_BBOX_GRADEN} graden in elke richting.` });
      return z.NEVER;
    }
    return { minLon, minLat, maxLon, maxLat };
  });

export const openbaarQuery = z.strictObject({ bbox: bboxParam });

export const openbareMeldingenSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    afgekapt: z.boolean().describe('Er zijn meer meldingen in dit gebied dan getoond; zoom in'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string().describe('Het meldingnummer (zaaknummer)'),
        geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).describe('[lon, lat] in WGS84') }),
        properties: z.object({
          gemeente: z.string(),
          categorie: z.string(),
          categorieNaam: z.object({ nl: z.string(), en: z.string() }),
          hoofdcategorie: z.string().nullable(),
          status: z.literal('open'),
          ontvangenOp: z.string(),
        }),
      }),
    ),
  })
  .meta({ id: 'OpenbareMeldingen' });
