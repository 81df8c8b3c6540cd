import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';

/** The weighting characteristics of a panel member, in this order (ADR 0068). */
export const KENMERKEN = ['leeftijdsgroep', 'geslacht', 'wijk', 'opleiding'] as const;
export type Kenmerknaam = (typeof KENMERKEN)[number];
/** The fixed categories; the wijken are the categories of the gemeente's margins for `wijk`. */
export const CATEGORIEEN = {
  leeftijdsgroep: ['18-34', '35-49', '50-64', '65+'],
  geslacht: ['man', 'vrouw', 'anders'],
  opleiding: ['laag', 'middelbaar', 'hoog'],
} as const;

export const SOORTEN = ['enkele-keuze', 'meerkeuze', 'schaal', 'rapportcijfer', 'open'] as const;
export type Vraagsoort = (typeof SOORTEN)[number];
/** Longest answer to an open question, in characters. */
export const MAX_OPEN = 2000;

const tekst = z.strictObject({ nl: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) }).meta({ id: 'EnqueteTekst' });
const vraagId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Een vraag-id is kort, met kleine letters, cijfers en streepjes, bijvoorbeeld tevreden-afval.');
const waarde = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Een antwoordwaarde is kort, met kleine letters, cijfers en streepjes.');

export const vraagSchema = z
  .strictObject({
    id: vraagId,
    soort: z.enum(SOORTEN).describe('enkele-keuze, meerkeuze, schaal (1 tot punten), rapportcijfer (1–10) of open'),
    tekst,
    uitleg: tekst.optional(),
    opties: z.array(z.strictObject({ waarde, tekst })).min(2).max(20).optional().describe('Alleen bij enkele-keuze en meerkeuze'),
    schaal: z.strictObject({ punten: z.int().min(3).max(7), laag: tekst, hoog: tekst }).optional().describe('Alleen bij schaal: het aantal punten en de woorden bij het laagste en het hoogste'),
    verplicht: z.boolean().default(false),
    voorwaarde: z
      .strictObject({ vraag: vraagId, antwoorden: z.array(z.string().min(1).max(40)).min(1).max(20) })
      .optional()
      .describe('Alleen vragen als het antwoord op een eerdere vraag een van deze antwoorden is'),
  })
  .meta({ id: 'EnqueteVraag' });
export type Vraag = z.infer<typeof vraagSchema>;

/** The values an answer to a question may have (not for open questions). */
export function waarden(v: Pick<Vraag, 'soort' | 'opties' | 'schaal'>): string[] {
  if (v.soort === 'enkele-keuze' || v.soort === 'meerkeuze') return (v.opties ?? []).map((o) => o.waarde);
  if (v.soort === 'schaal') return Array.from({ length: v.schaal?.punten ?? 0 }, (_, i) => String(i + 1));
  if (v.soort === 'rapportcijfer') return Array.from({ length: 10 }, (_, i) => String(i + 1));
  return [];
}

export const definitieSchema = z
  .strictObject({ titel: tekst, intro: tekst.optional(), vragen: z.array(vraagSchema).min(1).max(50) })
  .superRefine((d, ctx) => {
    const eerder = new Map<string, Vraag>();
    d.vragen.forEach((v, i) => {
      const pad = ['vragen', i];
      if (eerder.has(v.id)) ctx.addIssue({ code: 'custom', path: [...pad, 'id'], message: `De vraag-id ${v.id} komt twee keer voor.` });
      const keuze = v.soort === 'enkele-keuze' || v.soort === 'meerkeuze';
      if (keuze && !v.opties) ctx.addIssue({ code: 'custom', path: [...pad, 'opties'], message: 'Een keuzevraag heeft minstens 2 opties.' });
      if (!keuze && v.opties) ctx.addIssue({ code: 'custom', path: [...pad, 'opties'], message: 'Alleen een keuzevraag heeft opties.' });
      if (keuze && v.opties && new Set(v.opties.map((o) => o.waarde)).size !== v.opties.length)
        ctx.addIssue({ code: 'custom', path: [...pad, 'opties'], message: 'Elke optie heeft een eigen waarde.' });
      if ((v.soort === 'schaal') !== (v.schaal !== undefined))
        ctx.addIssue({ code: 'custom', path: [...pad, 'schaal'], message: v.soort === 'schaal' ? 'Een schaalvraag heeft een schaal.' : 'Alleen een schaalvraag heeft een schaal.' });
      if (v.voorwaarde) {
        const bron = eerder.get(v.voorwaarde.vraag);
        if (!bron || bron.soort === 'open') {
          ctx.addIssue({ code: 'custom', path: [...pad, 'voorwaarde', 'vraag'], message: 'Een voorwaarde verwijst naar een eerdere vraag die geen open vraag is.' });
        } else {
          const mogelijk = waarden(bron);
          const fout = v.voorwaarde.antwoorden.filter((a) => !mogelijk.includes(a));
          if (fout.length > 0) ctx.addIssue({ code: 'custom', path: [...pad, 'voorwaarde', 'antwoorden'], message: `Vraag ${bron.id} heeft geen antwoord ${fout.join(', ')}.` });
        }
      }
      eerder.set(v.id, v);
    });
  })
  .meta({ id: 'EnqueteDefinitie' });
export type Definitie = z.infer<typeof definitieSchema>;

export const enqueteInvoer = z
  .strictObject({
    definitie: definitieSchema,
    openLink: z.boolean().default(false).describe('Ook te beantwoorden via een open link voor iedereen (geen aselecte steekproef: apart in het rapport)'),
    herinneringNaDagen: z.int().min(1).max(60).default(7).describe('Na zoveel dagen krijgt wie nog niet antwoordde 1 herinnering'),
  })
  .meta({ id: 'EnqueteInvoer' });

export const enqueteSchema = z
  .strictObject({
    id: z.uuid(),
    definitie: definitieSchema,
    openLink: z.boolean(),
    openLinkPad: z.string().nullable().describe('Het pad van de open link (als openLink aan staat en de enquête loopt)'),
    herinneringNaDagen: z.int(),
    status: z.enum(['concept', 'lopend', 'gesloten']),
    aangemaaktOp: z.string(),
    gestartOp: z.string().nullable(),
    respons: z.strictObject({
      uitgenodigd: z.int().describe('Uitnodigingen aan panelleden'),
      beantwoord: z.int().describe('Uitnodigingen die beantwoord zijn'),
      herinnerd: z.int(),
      open: z.int().describe('Antwoorden via de open link'),
    }),
  })
  .meta({ id: 'Enquete' });

export const enqueteParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen id van een enquête.') });

export const uitnodigingInvoer = z
  .strictObject({
    steekproef: z.int().min(1).max(100_000).optional().describe('Zoveel bevestigde panelleden, aselect gekozen; zonder: alle bevestigde panelleden die nog geen uitnodiging hadden'),
  })
  .meta({ id: 'UitnodigingInvoer' });
export const uitnodigingUitkomst = z.strictObject({ uitgenodigd: z.int() }).meta({ id: 'UitnodigingUitkomst' });

export const margeSchema = z.strictObject({
  kenmerk: z.enum(KENMERKEN),
  categorie: z.string().trim().min(1).max(100),
  aandeel: z.number().gt(0).max(1),
});
export const margesSchema = z.strictObject({ marges: z.array(margeSchema).max(400) }).meta({ id: 'PanelMarges' });
export type Marge = z.infer<typeof margeSchema>;

export const panelStandSchema = z
  .strictObject({
    leden: z.int().describe('Bevestigde panelleden'),
    wachtOpBevestiging: z.int(),
    perKenmerk: z.array(z.strictObject({ kenmerk: z.enum(KENMERKEN), categorie: z.string(), leden: z.int(), aandeelPanel: z.number(), aandeelBevolking: z.number().nullable() })),
  })
  .meta({ id: 'PanelStand' });

export const rapportQuery = z.strictObject({
  uitsplitsing: z.enum(KENMERKEN).optional().describe('Uitsplitsen naar dit kenmerk; cellen met minder dan 5 respondenten worden onderdrukt'),
  maxGewicht: z.coerce.number().gt(1).max(100).optional().describe('Gewichten afkappen op dit veelvoud van het gemiddelde (trimmen)'),
});

const aandeel = z.strictObject({
  waarde: z.string(),
  tekst: z.string(),
  aantal: z.int(),
  ongewogen: z.number(),
  gewogen: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).describe('95%-Wilson-interval van het gewogen aandeel op n_eff (ongewogen: op n)'),
});
const vraaguitkomstSchema = z.strictObject({
  vraag: z.string(),
  tekst: z.string(),
  soort: z.enum(SOORTEN),
  n: z.int().describe('Respondenten die de vraag beantwoordden'),
  nEff: z.number().describe('Effectieve steekproefomvang (Kish) van wie de vraag beantwoordde'),
  gemiddelde: z.number().nullable().describe('Gewogen gemiddelde bij schaal en rapportcijfer'),
  antwoorden: z.array(aandeel),
});
const groepSchema = z.strictObject({
  categorie: z.string(),
  onderdrukt: z.boolean().describe('Minder dan 5 respondenten, of onderdrukt zodat een andere kleine cel niet uit de totalen volgt'),
  uitkomst: vraaguitkomstSchema.nullable(),
});
export const rapportSchema = z
  .strictObject({
    enquete: z.uuid(),
    titel: z.string(),
    panel: z.strictObject({
      respondenten: z.int(),
      weging: z.strictObject({
        status: z.enum(['gewogen', 'niet-gewogen', 'geen-marges']),
        redenen: z.array(z.string()).describe('Waarom niet gewogen (bijvoorbeeld een categorie zonder respondenten)'),
        kenmerken: z.array(z.enum(KENMERKEN)),
        iteraties: z.int(),
        geconvergeerd: z.boolean(),
        effectieveSteekproef: z.number(),
        designeffect: z.number(),
        maxGewicht: z.number().nullable(),
      }),
      vragen: z.array(vraaguitkomstSchema),
      uitsplitsing: z
        .strictObject({ kenmerk: z.enum(KENMERKEN), vragen: z.array(z.strictObject({ vraag: z.string(), groepen: z.array(groepSchema) })) })
        .nullable(),
    }),
    open: z
      .strictObject({ respondenten: z.int(), vragen: z.array(vraaguitkomstSchema) })
      .describe('Antwoorden via de open link: geen aselecte steekproef, ongewogen, los van het panel'),
  })
  .meta({ id: 'EnqueteRapport' });
export type Rapport = z.infer<typeof rapportSchema>;
export type Vraagrapport = z.infer<typeof vraaguitkomstSchema>;
