import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { tweetalig } from '../zaaktypen/zaaktypen.schemas.ts';
import { VELDSOORTEN, type Veldsoort } from './formulieren.soorten.ts';

export { VELDSOORTEN, type Veldsoort };

const sleutel = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'Alleen kleine letters, cijfers en streepjes, beginnend met een letter, bijvoorbeeld postcode-woning.')
  .max(40, 'Hoogstens 40 tekens.');

const waarde = z.string().trim().min(1, 'Vul dit in.').max(100, 'Hoogstens 100 tekens.');
const voorwaarde = z
  .strictObject({
    veld: sleutel.describe('Het veld (in een eerdere stap) waarvan dit afhangt'),
    is: z
      .union([waarde, z.array(waarde).min(1, 'Minstens één waarde.').max(30, 'Hoogstens 30 waarden.')])
      .describe('De waarde die het antwoord heeft, of een lijst waarvan het antwoord er één is (bij meerkeuze: een van de gekozen waarden)'),
  })
  .describe('Alleen tonen als een eerder antwoord deze waarde heeft');

export type Voorwaarde = z.infer<typeof voorwaarde>;

const optie = z.strictObject({
  waarde: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Alleen kleine letters, cijfers en streepjes, bijvoorbeeld 2 of mijzelf.').max(40, 'Hoogstens 40 tekens.'),
  label: tweetalig(200),
});

export const veldSchema = z
  .strictObject({
    id: sleutel,
    soort: z.enum(VELDSOORTEN),
    label: tweetalig(300).describe('De vraag, in B1-taal'),
    hulp: tweetalig(1000, true).optional().describe('Uitleg onder de vraag, in B1-taal'),
    verplicht: z.boolean().default(true),
    opties: z.array(optie).min(2, 'Minstens 2 keuzes.').max(30, 'Hoogstens 30 keuzes.').optional().describe('Alleen bij keuze en meerkeuze'),
    min: z.number().optional().describe('getal: de kleinste waarde; tekst en lange-tekst: het kleinste aantal tekens'),
    max: z.number().optional().describe('getal: de grootste waarde; tekst en lange-tekst: het grootste aantal tekens'),
    datum: z.enum(['verleden', 'toekomst']).optional().describe('Alleen bij datum: moet de datum voor of na vandaag liggen?'),
    toonAls: voorwaarde.optional(),
  })
  .meta({ id: 'FormulierVeld' });
export type Veld = z.infer<typeof veldSchema>;

export const stapSchema = z
  .strictObject({
    id: sleutel,
    titel: tweetalig(200),
    uitleg: tweetalig(1000, true).optional(),
    velden: z.array(veldSchema).min(1, 'Minstens één vraag per stap.').max(30, 'Hoogstens 30 vragen per stap.'),
    toonAls: voorwaarde.optional(),
  })
  .meta({ id: 'FormulierStap' });
export type Stap = z.infer<typeof stapSchema>;

const TEKST_MAX = { tekst: 200, 'lange-tekst': 4000 } as const;
/** File fields per step (ADR 0078): the step's request carries them all, each up to 10 MB. */
export const MAX_BESTANDEN_PER_STAP = 3;

/**
 * A form definition: its steps with their fields, which fields give the zaak its contact
 * details, and what comes after submitting. Checked as a whole: ids unique, options where a
 * choice needs them, conditions only on a field of an earlier step (the page then already
 * knows the answer, so it works without JavaScript).
 */
export const definitieSchema = z
  .strictObject({
    titel: tweetalig(200),
    inleiding: tweetalig(2000, true),
    stappen: z.array(stapSchema).min(1, 'Minstens één stap.').max(20, 'Hoogstens 20 stappen.'),
    contact: z
      .strictObject({ naam: sleutel.optional(), email: sleutel.optional(), telefoon: sleutel.optional(), adres: sleutel.optional() })
      .default({})
      .describe(
        'Welke velden de naam, het e-mailadres (voor de ontvangstbevestiging), het telefoonnummer en het eigen adres van de inwoner zijn (adres: een veld van de soort adres; het KCC vindt de zaak dan op postcode en huisnummer, ADR 0083)',
      ),
    onderwerp: sleutel.optional().describe('Het veld dat het onderwerp van de zaak wordt; anders de titel van het formulier'),
    afspraakProduct: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(50)
      .optional()
      .describe('Na het versturen: een link om voor dit product een afspraak te maken (bijvoorbeeld rijbewijs ophalen)'),
  })
  .superRefine((d, ctx) => {
    const gezien = new Map<string, { veld: Veld; stap: number }>();
    const stapIds = new Set<string>();
    d.stappen.forEach((stap, s) => {
      if (stapIds.has(stap.id)) ctx.addIssue({ code: 'custom', path: ['stappen', s, 'id'], message: 'Deze stap-id komt al voor.' });
      stapIds.add(stap.id);
      const eerder = (pad: (string | number)[], v: Voorwaarde | undefined) => {
        if (!v) return;
        const bron = gezien.get(v.veld);
        if (!bron || bron.stap >= s) ctx.addIssue({ code: 'custom', path: [...pad, 'toonAls', 'veld'], message: 'Een voorwaarde hangt af van een vraag in een eerdere stap.' });
      };
      eerder(['stappen', s], stap.toonAls);
      if (stap.velden.filter((v) => v.soort === 'bestand').length > MAX_BESTANDEN_PER_STAP) {
        ctx.addIssue({ code: 'custom', path: ['stappen', s, 'velden'], message: `Hoogstens ${MAX_BESTANDEN_PER_STAP} bestanden per stap.` });
      }
      stap.velden.forEach((veld, v) => {
        const pad = ['stappen', s, 'velden', v];
        eerder(pad, veld.toonAls);
        if (gezien.has(veld.id)) ctx.addIssue({ code: 'custom', path: [...pad, 'id'], message: 'Deze veld-id komt al voor.' });
        const keuze = veld.soort === 'keuze' || veld.soort === 'meerkeuze';
        if (keuze && !veld.opties) ctx.addIssue({ code: 'custom', path: [...pad, 'opties'], message: 'Een keuzevraag heeft keuzes.' });
        if (!keuze && veld.opties) ctx.addIssue({ code: 'custom', path: [...pad, 'opties'], message: 'Alleen een keuzevraag heeft keuzes.' });
        if (veld.datum && veld.soort !== 'datum') ctx.addIssue({ code: 'custom', path: [...pad, 'datum'], message: 'Alleen bij een datum.' });
        const grenzen = veld.soort === 'getal' || veld.soort === 'tekst' || veld.soort === 'lange-tekst';
        if (!grenzen && (veld.min !== undefined || veld.max !== undefined)) ctx.addIssue({ code: 'custom', path: [...pad, 'min'], message: 'Alleen bij een getal of tekst.' });
        if (veld.soort === 'tekst' || veld.soort === 'lange-tekst') {
          for (const g of ['min', 'max'] as const) {
            const w = veld[g];
            if (w !== undefined && (!Number.isInteger(w) || w < 0 || w > TEKST_MAX[veld.soort])) {
              ctx.addIssue({ code: 'custom', path: [...pad, g], message: `Een heel aantal tekens van 0 tot ${TEKST_MAX[veld.soort]}.` });
            }
          }
        }
        if (veld.min !== undefined && veld.max !== undefined && veld.min > veld.max) ctx.addIssue({ code: 'custom', path: [...pad, 'max'], message: 'Het maximum is kleiner dan het minimum.' });
        gezien.set(veld.id, { veld, stap: s });
      });
    });
    const moet = (pad: string, id: string | undefined, soorten: readonly Veldsoort[]) => {
      if (id === undefined) return;
      const v = gezien.get(id)?.veld;
      if (!v || !soorten.includes(v.soort)) ctx.addIssue({ code: 'custom', path: [pad], message: `Dit is geen veld van de soort ${soorten.join(' of ')} in dit formulier.` });
    };
    moet('contact.naam', d.contact.naam, ['tekst']);
    moet('contact.email', d.contact.email, ['email']);
    moet('contact.telefoon', d.contact.telefoon, ['telefoon']);
    moet('contact.adres', d.contact.adres, ['adres']);
    moet('onderwerp', d.onderwerp, ['tekst', 'keuze']);
  })
  .meta({ id: 'FormulierDefinitie' });
export type Definitie = z.infer<typeof definitieSchema>;

/** The most characters of a text field by default. */
export const tekstMax = (veld: Veld): number => veld.max ?? (veld.soort === 'lange-tekst' ? TEKST_MAX['lange-tekst'] : TEKST_MAX.tekst);

export const formulierInvoer = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Alleen kleine letters, cijfers en streepjes, bijvoorbeeld wmo-melding.').max(50, 'Hoogstens 50 tekens.'),
    zaaktype: z.uuid('Dit is geen geldige id.').describe('De gepubliceerde zaaktypeversie waarvan een ingediend formulier een zaak wordt'),
    definitie: definitieSchema,
  })
  .meta({ id: 'FormulierInvoer' });
export type FormulierInvoer = z.infer<typeof formulierInvoer>;

export const formulierSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    versie: z.number().int().describe('Versienummer; een ingediend formulier houdt de versie waarmee het begon'),
    status: z.enum(['concept', 'gepubliceerd', 'ingetrokken']),
    zaaktype: z.object({ id: z.uuid(), code: z.string(), versie: z.number().int() }),
    definitie: definitieSchema,
    revisie: z.number().int().describe('Wijzigingsnummer (ETag) van dit concept'),
    gepubliceerdOp: z.string().nullable(),
    ingetrokkenOp: z.string().nullable(),
  })
  .meta({ id: 'Formulier' });

export const formulierenQuery = z.strictObject({
  page: z.coerce.number().int('Kies een heel getal.').min(1, 'De eerste pagina is 1.').default(1),
  pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(100, 'Maximaal 100 per pagina.').default(50),
});

export const formulierParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') });
