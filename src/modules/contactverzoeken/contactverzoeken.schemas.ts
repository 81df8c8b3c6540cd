import { z } from 'zod';
import { emailadres, telefoonnummer } from '../../http/contactvelden.ts';
import { CONTACTVERZOEK_GEBEURTENISSEN, CONTACTVERZOEK_STATUSSEN } from '../../db/schema.ts';
import { paginaQuery, paginaSchema } from '../../http/pagination.ts';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';

const id = z.uuid('Dit is geen geldige id.');
const regel = (max: number) => z.string().overwrite(schoneNaam).min(1, 'Vul dit in.').max(max, `Hoogstens ${max} tekens.`);
const vrijeTekst = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`);

export const contactverzoekParams = z.strictObject({ gemeente: gemeenteCode, id });

const persoonInvoer = z
  .strictObject({
    naam: z.string().overwrite(schoneNaam).max(200, 'Hoogstens 200 tekens.').default(''),
    telefoon: telefoonnummer.optional(),
    email: emailadres.optional(),
  })
  .refine((p) => Boolean(p.telefoon || p.email), { path: ['telefoon'], message: 'Geef een telefoonnummer of e-mailadres: anders kan niemand de inwoner terugbellen of mailen.' })
  .describe('Wie teruggebeld wil worden: alleen wat nodig is. Wordt een jaar na de afhandeling gewist.');

export const nieuwContactverzoekBody = z
  .strictObject({
    team: id.optional().describe('Het team dat terugbelt (of kies een medewerker)'),
    medewerker: id.optional().describe('De medewerker die terugbelt (of kies een team)'),
    onderwerp: regel(200).describe('Waar de vraag over gaat; bepaalt de termijn (norm per onderwerp, standaard 2 werkdagen)'),
    vraag: vrijeTekst(4000).pipe(z.string().min(1, 'Vul de vraag van de inwoner in.')),
    toelichting: vrijeTekst(4000).default('').describe('Voor de collega die terugbelt; de inwoner ziet dit nooit'),
    persoon: persoonInvoer,
    klantcontact: id.optional().describe('Het klantcontact waaruit dit verzoek komt'),
    bevestiging: z.boolean().default(false).describe('Stuur de inwoner een bevestiging per e-mail (met de datum waarop we uiterlijk contact opnemen)'),
    taal: z.enum(['nl', 'en']).default('nl').describe('De taal van de bevestiging'),
  })
  .superRefine((c, ctx) => {
    if (!c.team && !c.medewerker) {
      ctx.addIssue({ code: 'custom', path: ['team'], message: 'Kies een team of een medewerker die terugbelt.' });
      ctx.addIssue({ code: 'custom', path: ['medewerker'], message: 'Kies een team of een medewerker die terugbelt.' });
    }
  })
  .meta({ id: 'NieuwContactverzoek' });
export type NieuwContactverzoekInvoer = z.output<typeof nieuwContactverzoekBody>;

export const pogingBody = z
  .strictObject({
    bereikt: z.boolean({ error: 'Zeg of de inwoner bereikt is (true of false).' }),
    kanaal: z.enum(['telefoon', 'e-mail'], { error: 'Kies telefoon of e-mail.' }).default('telefoon'),
    notitie: vrijeTekst(2000).default(''),
  })
  .meta({ id: 'ContactverzoekPoging' });
export type PogingInvoer = z.output<typeof pogingBody>;

export const afhandelenBody = z
  .strictObject({
    status: z.enum(['afgerond', 'niet-bereikt'], { error: 'Kies afgerond of niet-bereikt.' }),
    uitkomst: vrijeTekst(4000).default('').describe('Wat er met de inwoner is besproken of afgesproken; verplicht bij afgerond'),
  })
  .superRefine((a, ctx) => {
    if (a.status === 'afgerond' && a.uitkomst === '') ctx.addIssue({ code: 'custom', path: ['uitkomst'], message: 'Schrijf op wat de uitkomst is.' });
  })
  .meta({ id: 'ContactverzoekAfhandelen' });
export type AfhandelenInvoer = z.output<typeof afhandelenBody>;

export const wachtrijQuery = paginaQuery
  .extend({
    team: id.optional().describe('Alleen dit team (een van uw teams; beheerders: elk team)'),
    status: z.enum(['open', 'in-behandeling']).optional(),
    alle: z
      .enum(['true', 'false'])
      .transform((w) => w === 'true')
      .default(false)
      .describe('Alle open verzoeken van de gemeente (beheerders, teamleiders en KCC)'),
    mij: z
      .enum(['true', 'false'])
      .transform((w) => w === 'true')
      .default(false)
      .describe('Alleen de verzoeken aan mij en die ik heb opgepakt'),
  })
  .strict();
export type WachtrijInvoer = z.output<typeof wachtrijQuery>;

export const normenBody = z
  .strictObject({
    normen: z
      .array(z.strictObject({ onderwerp: regel(200), werkdagen: z.number().int('Kies een heel getal.').min(1, 'Minimaal 1 werkdag.').max(60, 'Hoogstens 60 werkdagen.') }))
      .max(500, 'Hoogstens 500 onderwerpen.'),
  })
  .superRefine((b, ctx) => {
    const gezien = new Set<string>();
    b.normen.forEach((n, i) => {
      const sleutel = n.onderwerp.toLowerCase();
      if (gezien.has(sleutel)) ctx.addIssue({ code: 'custom', path: ['normen', i, 'onderwerp'], message: 'Dit onderwerp staat er al.' });
      gezien.add(sleutel);
    });
  })
  .meta({ id: 'ContactverzoekNormen' });

export const normenSchema = z
  .object({ standaardWerkdagen: z.number().int(), normen: z.array(z.object({ onderwerp: z.string(), werkdagen: z.number().int() })) })
  .meta({ id: 'ContactverzoekNormenLijst' });

const naamRef = z.object({ id: z.uuid(), naam: z.string() });
const status = z.enum(CONTACTVERZOEK_STATUSSEN);

export const contactverzoekSamenvattingSchema = z
  .object({
    id: z.uuid(),
    onderwerp: z.string(),
    status,
    team: naamRef.nullable(),
    medewerker: naamRef.nullable(),
    behandelaar: naamRef.nullable(),
    uiterlijkOp: z.string().describe('De laatste dag (JJJJ-MM-DD) om contact op te nemen'),
    normWerkdagen: z.number().int(),
    aangemaaktOp: z.string(),
    afgehandeldOp: z.string().nullable(),
    pogingen: z.number().int(),
  })
  .meta({ id: 'ContactverzoekSamenvatting' });

export const wachtrijSchema = paginaSchema(
  contactverzoekSamenvattingSchema
    .extend({ termijnband: z.enum(['teLaat', 'vandaag', 'dezeWeek', 'later']).describe('Voorbij, vandaag, binnen 5 werkdagen of later (de kalender van de gemeente)') })
    .meta({ id: 'ContactverzoekInWachtrij' }),
  'Contactverzoeken',
);

export const contactverzoekSchema = contactverzoekSamenvattingSchema
  .extend({
    vraag: z.string(),
    toelichting: z.string(),
    klantcontactId: z.uuid().nullable(),
    uitkomst: z.string().nullable(),
    aangemaaktDoor: z.object({ type: z.enum(['gebruiker', 'token', 'cli', 'systeem']), id: z.uuid().nullable(), naam: z.string().nullable() }),
    persoon: z.object({ naam: z.string(), telefoon: z.string().nullable(), email: z.string().nullable() }).nullable().describe('Null: gewist na de bewaartermijn (zie geschiedenis)'),
    geschiedenis: z.array(
      z.object({
        volgnummer: z.number().int(),
        soort: z.enum(CONTACTVERZOEK_GEBEURTENISSEN),
        gegevens: z.record(z.string(), z.unknown()),
        door: z.object({ id: z.uuid().nullable(), naam: z.string() }).nullable(),
        op: z.string(),
      }),
    ),
    versie: z.number().int(),
  })
  .meta({ id: 'Contactverzoek' });
