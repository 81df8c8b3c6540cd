import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { MELDING_STATUSSEN, PARTNER_STATUSSEN, TERMIJNBANDEN } from './meldingen.behandeling.service.ts';
import { bboxParam } from './meldingen.schemas.ts';

const id = z.uuid('Dit is geen geldige id.');
const tweetalig = z.object({ nl: z.string(), en: z.string() });

/** A comma-separated list of values from `toegestaan`; every wrong value is named. */
function lijst<T extends string>(toegestaan: readonly T[], uitleg: string) {
  return z
    .string()
    .describe(uitleg)
    .transform((waarde, ctx) => {
      const delen = waarde.split(',').map((d) => d.trim()).filter(Boolean);
      const fout = delen.filter((d) => !(toegestaan as readonly string[]).includes(d));
      if (fout.length > 0) {
        ctx.addIssue({ code: 'custom', message: `Onbekend: ${fout.join(', ')}. Kies uit: ${toegestaan.join(', ')}.` });
        return z.NEVER;
      }
      return delen as T[];
    });
}

export const meldingParams = z.strictObject({ gemeente: gemeenteCode, zaakId: id });

export const werkvoorraadQuery = z.strictObject({
  categorie: z
    .string()
    .max(1000)
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'Geef codes van categorieën, gescheiden door komma’s, bijvoorbeeld afval,gat-in-de-weg.')
    .transform((v) => v.split(','))
    .optional()
    .describe('Codes van (hoofd)categorieën, gescheiden door komma’s; een hoofdcategorie staat voor al haar subcategorieën'),
  status: lijst(MELDING_STATUSSEN, 'Statussen, gescheiden door komma’s').optional(),
  termijn: lijst(TERMIJNBANDEN, 'Termijn van open meldingen: verlopen, vandaag, deze-week (binnen 7 dagen), later').optional(),
  bbox: bboxParam.optional(),
  partner: id.optional().describe('Alleen meldingen die nu bij deze partner liggen'),
  heropenverzoek: z.enum(['open'], 'Kies open.').optional().describe('Alleen meldingen met een open verzoek om heropenen (de melder zei "nee" binnen 14 dagen na afhandeling)'),
  page: z.coerce.number().int('Kies een heel getal.').min(1, 'De eerste pagina is 1.').default(1),
  pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(500, 'Maximaal 500 per pagina (de kaart).').default(20),
});

const partnerRoutering = z.object({ id: z.uuid(), naam: z.string(), status: z.enum(PARTNER_STATUSSEN).nullable(), doorgezetOp: z.string() });

export const werkvoorraadRegelSchema = z
  .object({
    zaakId: z.uuid(),
    identificatie: z.string(),
    categorie: z.object({ code: z.string(), naam: tweetalig, hoofdcategorie: z.string().nullable() }),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    adres: z.string(),
    ontvangenOp: z.string(),
    status: z.enum(MELDING_STATUSSEN),
    statusTekst: tweetalig.describe('De tekst voor de melder bij de huidige status'),
    uiterlijkeEinddatum: z.string(),
    termijn: z.enum(TERMIJNBANDEN).nullable(),
    afgeslotenOp: z.string().nullable(),
    partner: partnerRoutering.nullable(),
    heropenverzoek: z
      .object({ id: z.uuid(), status: z.enum(['open', 'geaccepteerd', 'afgewezen']), aangevraagdOp: z.string(), reden: z.string() })
      .nullable()
      .describe('Het laatste verzoek om heropenen na een "nee" op de vraag na afhandeling'),
  })
  .meta({ id: 'MeldingInWerkvoorraad' });

export const partnerGebeurtenisSchema = z.object({
  volgnummer: z.number().int(),
  partnerId: z.uuid(),
  partnerNaam: z.string(),
  soort: z.enum(['doorgezet', 'status', 'foto']),
  status: z.enum(PARTNER_STATUSSEN).nullable(),
  toelichting: z.string(),
  documentId: z.uuid().nullable(),
  doorNaam: z.string().nullable(),
  op: z.string(),
});

export const meldingDetailSchema = werkvoorraadRegelSchema
  .extend({
    antwoorden: z.record(z.string(), z.string()),
    partnergeschiedenis: z.array(partnerGebeurtenisSchema),
    samengevoegdIn: z.object({ zaakId: z.uuid(), identificatie: z.string() }).nullable().describe('De hoofdmelding waarmee deze melding is samengevoegd'),
    samengevoegd: z.array(z.object({ zaakId: z.uuid(), identificatie: z.string(), doorNaam: z.string().nullable(), op: z.string() })).describe('Meldingen die in deze melding zijn samengevoegd'),
  })
  .meta({ id: 'MeldingVoorTeam' });

export const doorzendingBody = z
  .strictObject({
    partner: id.optional().describe('De partner; zonder: de vaste partner van de categorie'),
    toelichting: z.string().trim().max(2000, 'Hoogstens 2000 tekens.').default(''),
  })
  .meta({ id: 'MeldingDoorzetten' });

export const partnerInvoer = z
  .strictObject({
    naam: z.string().trim().min(1, 'Vul een naam in.').max(200, 'Hoogstens 200 tekens.'),
    email: z.email('Dit is geen geldig e-mailadres.').max(320).nullable().default(null).describe('Hier krijgt de partner bericht van een doorgezette melding'),
    leden: z.array(id).max(100).default([]).describe('Gebruikers met de rol externe-partner die voor deze partner werken'),
  })
  .meta({ id: 'MeldingPartnerInvoer' });

export const partnerSchema = z
  .object({ id: z.uuid(), naam: z.string(), email: z.string().nullable(), leden: z.array(z.object({ id: z.uuid(), naam: z.string(), email: z.string() })) })
  .meta({ id: 'MeldingPartner' });

export const partnerRegelSchema = z
  .object({
    zaakId: z.uuid(),
    identificatie: z.string(),
    categorie: z.object({ code: z.string(), naam: tweetalig }),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    adres: z.string(),
    ontvangenOp: z.string(),
    doorgezetOp: z.string().nullable(),
    partnerStatus: z.enum(PARTNER_STATUSSEN).nullable(),
    afgehandeld: z.boolean(),
    uiterlijkeEinddatum: z.string(),
    termijn: z.enum(TERMIJNBANDEN).nullable(),
  })
  .meta({ id: 'PartnerMelding' });

export const partnerDetailSchema = partnerRegelSchema
  .extend({
    omschrijving: z.string(),
    antwoorden: z.record(z.string(), z.string()),
    geschiedenis: z.array(z.object({ volgnummer: z.number().int(), soort: z.enum(['doorgezet', 'status', 'foto']), status: z.enum(PARTNER_STATUSSEN).nullable(), toelichting: z.string(), doorNaam: z.string().nullable(), op: z.string() })),
  })
  .meta({ id: 'PartnerMeldingDetail' });

export const partnerStatusBody = z
  .strictObject({
    status: z.enum(PARTNER_STATUSSEN, 'Kies een status: ingepland, in-behandeling, gereed of niet-mogelijk.'),
    toelichting: z.string().trim().max(2000, 'Hoogstens 2000 tekens.').default(''),
  })
  .meta({ id: 'PartnerStatus' });

/** A melding registered by the KCC on a caller's behalf: the resident's form in the same service. */
export const kccMeldingBody = z
  .strictObject({
    categorie: z.string().max(50).describe('Code van de subcategorie'),
    beschrijving: z.string().max(10_000).describe('Wat de beller meldt (hoogstens 4000 tekens na bijknippen)'),
    lat: z.number().optional(),
    lon: z.number().optional(),
    adres: z.string().trim().max(200, 'Hoogstens 200 tekens.').optional(),
    antwoorden: z.record(z.string().max(50), z.string().max(2000)).default({}),
    kanaal: z.enum(['telefoon', 'balie'], 'Kies telefoon of balie.'),
    melder: z
      .strictObject({
        naam: z.string().trim().max(200, 'Hoogstens 200 tekens.').default('').describe('Naam van de beller; leeg als die hem niet wil geven'),
        email: z.email('Dit is geen geldig e-mailadres.').max(320).optional(),
        telefoon: z.string().trim().max(30).optional(),
        taal: z.enum(['nl', 'en']).default('nl'),
      })
      .optional(),
  })
  .meta({ id: 'KccMelding' });
