import { z } from 'zod';
import { VERTROUWELIJKHEDEN } from '../../db/schema.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { leesDuur } from '../termijnen/kalender.ts';

/** Trimmed text of at most `max` characters; required unless `leeg`. */
export const tekst = (max: number, leeg = false) => {
  const basis = z.string().trim().max(max, `Hoogstens ${max} tekens.`);
  return leeg ? basis : basis.min(1, 'Vul dit in.');
};
/** The same in Dutch and English. */
export const tweetalig = (max: number, leeg = false) => z.strictObject({ nl: tekst(max, leeg), en: tekst(max, leeg) });

/** A term: P<n>D, P<n>W, P<n>M (statutory) or <n>wd (werkdagen). */
export const duur = z
  .string()
  .refine((waarde) => {
    try {
      leesDuur(waarde);
      return true;
    } catch {
      return false;
    }
  }, 'Geen geldige duur. Gebruik P<n>D, P<n>W of P<n>M (wettelijke termijn) of <n>wd (werkdagen), bijvoorbeeld P6W of 5wd.')
  .describe('Duur: P<n>D, P<n>W, P<n>M (wettelijke termijn) of <n>wd (werkdagen)');

export const datum = z.iso.date('Geen geldige datum (JJJJ-MM-DD).');

const statustypeInvoer = z.strictObject({
  naam: tekst(100).describe('Interne naam, bijvoorbeeld "In behandeling"'),
  naamEn: z.string().trim().max(100, 'Hoogstens 100 tekens.').default('').describe('Engelse naam voor de Engelse medewerkerspagina’s, bijvoorbeeld "In progress"; leeg: de Nederlandse naam'),
  tekst: tweetalig(500).describe('Wat de inwoner ziet, in B1-taal'),
  informeren: z.boolean().default(false).describe('Krijgt de inwoner bericht als deze status wordt gezet?'),
});

const resultaattypeInvoer = z.strictObject({
  naam: tekst(100),
  tekst: tweetalig(500, true).optional(),
  archiefnominatie: z.enum(['blijvend_bewaren', 'vernietigen']),
  bewaartermijn: z
    .string()
    .regex(/^P[0-9]{1,3}[YM]$/, 'Schrijf de bewaartermijn als P<n>Y of P<n>M, bijvoorbeeld P5Y.')
    .nullable()
    .default(null)
    .describe('Alleen bij vernietigen: hoe lang na afsluiten (Selectielijst)'),
  selectielijstklasse: z.string().regex(/^[0-9]{1,2}(\.[0-9]{1,2}){1,3}$/, 'Schrijf de klasse als bijvoorbeeld 1.1.2 (VNG Selectielijst gemeenten 2020).'),
});

export const zaaktypeInvoer = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Alleen kleine letters, cijfers en streepjes, bijvoorbeeld klacht.').max(50, 'Hoogstens 50 tekens.'),
    naam: tweetalig(100),
    omschrijving: tweetalig(2000, true).optional(),
    rechtsgrond: tekst(300, true).default(''),
    norm: duur,
    opschortingToegestaan: z.boolean().default(false),
    maxVerlenging: duur.nullable().default(null).describe('Hoe ver de termijn verlengd mag worden in totaal; null: niet verlengen'),
    termijnStart: z
      .enum(['ontvangst', 'gebeurtenis'])
      .default('ontvangst')
      .describe('ontvangst: de termijn telt vanaf de dag na ontvangst; gebeurtenis: de behandelaar legt per zaak de dag vast waarna hij telt (bij bezwaar: het einde van de bezwaartermijn, Awb 7:10)'),
    normKeuze: z
      .array(duur)
      .max(5, 'Hoogstens 5 andere normen.')
      .default([])
      .describe('Andere normen die een zaak van dit type mag krijgen, bijvoorbeeld P12W bij bezwaar met een adviescommissie'),
    standaardTeam: z.uuid('Dit is geen geldige id.').nullable().default(null),
    vertrouwelijkheid: z.enum(VERTROUWELIJKHEDEN).default('zaakvertrouwelijk'),
    geldigVanaf: datum.nullable().default(null),
    statustypen: z.array(statustypeInvoer).min(2, 'Minstens twee statussen (een begin en een eindstatus).').max(20, 'Hoogstens 20 statussen.'),
    resultaattypen: z.array(resultaattypeInvoer).min(1, 'Minstens één resultaat.').max(30, 'Hoogstens 30 resultaten.'),
  })
  .superRefine((z_, ctx) => {
    z_.resultaattypen.forEach((r, i) => {
      if (r.archiefnominatie === 'vernietigen' && r.bewaartermijn === null) {
        ctx.addIssue({ code: 'custom', path: ['resultaattypen', i, 'bewaartermijn'], message: 'Bij vernietigen hoort een bewaartermijn.' });
      }
      if (r.archiefnominatie === 'blijvend_bewaren' && r.bewaartermijn !== null) {
        ctx.addIssue({ code: 'custom', path: ['resultaattypen', i, 'bewaartermijn'], message: 'Wat blijvend bewaard wordt, heeft geen bewaartermijn.' });
      }
    });
  })
  .meta({ id: 'ZaaktypeInvoer' });
export type ZaaktypeInvoer = z.infer<typeof zaaktypeInvoer>;

export const statustypeSchema = z
  .object({
    volgnummer: z.number().int(),
    naam: z.string(),
    naamEn: z.string().describe('Engelse naam; leeg: niet opgegeven'),
    tekst: z.object({ nl: z.string(), en: z.string() }),
    informeren: z.boolean(),
    eindstatus: z.boolean(),
  })
  .meta({ id: 'Statustype' });

export const resultaattypeSchema = z
  .object({
    id: z.uuid(),
    naam: z.string(),
    tekst: z.object({ nl: z.string(), en: z.string() }),
    archiefnominatie: z.enum(['blijvend_bewaren', 'vernietigen']),
    bewaartermijn: z.string().nullable(),
    selectielijstklasse: z.string(),
  })
  .meta({ id: 'Resultaattype' });

export const zaaktypeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    versie: z.number().int().describe('Versienummer van het zaaktype; een zaak houdt de versie waaronder hij begon'),
    status: z.enum(['concept', 'gepubliceerd']),
    naam: z.object({ nl: z.string(), en: z.string() }),
    omschrijving: z.object({ nl: z.string(), en: z.string() }),
    rechtsgrond: z.string(),
    norm: z.string(),
    opschortingToegestaan: z.boolean(),
    verlengingToegestaan: z.boolean(),
    maxVerlenging: z.string().nullable(),
    termijnStart: z.enum(['ontvangst', 'gebeurtenis']),
    normKeuze: z.array(z.string()),
    standaardTeam: z.uuid().nullable(),
    vertrouwelijkheid: z.enum(VERTROUWELIJKHEDEN),
    geldigVanaf: z.string().nullable(),
    gepubliceerdOp: z.string().nullable(),
    revisie: z.number().int().describe('Wijzigingsnummer (ETag) van dit concept'),
    statustypen: z.array(statustypeSchema),
    resultaattypen: z.array(resultaattypeSchema),
  })
  .meta({ id: 'Zaaktype' });

export const zaaktypenQuery = z.strictObject({
  page: z.coerce.number().int('Kies een heel getal.').min(1, 'De eerste pagina is 1.').default(1),
  pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(100, 'Maximaal 100 per pagina.').default(50),
  alleVersies: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Alle versies in plaats van de laatste per code'),
  status: z.enum(['concept', 'gepubliceerd']).optional().describe('Alleen concepten of alleen gepubliceerde versies'),
});

export const zaaktypeParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') });
