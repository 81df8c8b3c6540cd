import { z } from 'zod';
import { KENNIS_MELDING_SOORTEN, KENNISARTIKEL_SOORTEN } from '../../db/schema.ts';
import { paginaQuery, paginaSchema } from '../../http/pagination.ts';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { datum } from '../zaaktypen/zaaktypen.schemas.ts';

const id = z.uuid('Dit is geen geldige id.');
const regel = (max: number) => z.string().overwrite(schoneNaam).min(1, 'Vul dit in.').max(max, `Hoogstens ${max} tekens.`);
const vrijeTekst = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`);

export const artikelParams = z.strictObject({ gemeente: gemeenteCode, id });
export const meldingParams = artikelParams;

const soort = z.enum(KENNISARTIKEL_SOORTEN, { error: `Kies een van: ${KENNISARTIKEL_SOORTEN.join(', ')}.` });

export const artikelBody = z
  .strictObject({
    soort,
    onderwerp: regel(200),
    titel: regel(200).describe('De vraag zoals inwoners hem stellen, of de naam van de instructie'),
    inhoud: vrijeTekst(20_000).default('').describe('Het antwoord of de werkinstructie (platte tekst)'),
    trefwoorden: vrijeTekst(500).default('').describe('Andere woorden waarop medewerkers zoeken, gescheiden door spaties of komma’s'),
    url: z.url({ protocol: /^https?$/, error: 'Geef een webadres dat begint met https:// of http://.' }).max(2000).nullable().default(null),
    team: id.describe('Het team dat eigenaar is: houdt het artikel juist en handelt meldingen af'),
    herzienOp: datum.describe('Uiterlijk deze dag kijkt het team het artikel opnieuw na (JJJJ-MM-DD)'),
    toelichting: vrijeTekst(1000).default('').describe('Waarom deze versie (bijvoorbeeld: n.a.v. een melding)'),
  })
  .superRefine((a, ctx) => {
    if (a.soort === 'webpagina' && a.url === null) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Een artikel over een webpagina heeft het adres van die pagina.' });
    if (a.soort !== 'webpagina' && a.inhoud === '') ctx.addIssue({ code: 'custom', path: ['inhoud'], message: 'Schrijf het antwoord of de instructie.' });
  })
  .meta({ id: 'NieuwKennisartikel' });
export type ArtikelInvoer = z.output<typeof artikelBody>;

export const zoekQuery = z.strictObject({
  q: z.string().overwrite(schoneNaam).min(1, 'Typ minstens één teken.').max(200, 'Hoogstens 200 tekens.'),
  onderwerp: z.string().max(200).optional(),
  soort: soort.optional(),
  limit: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(50, 'Hoogstens 50.').default(10),
});
export type ZoekInvoer = z.output<typeof zoekQuery>;

export const artikelenQuery = paginaQuery
  .extend({
    onderwerp: z.string().max(200).optional(),
    soort: soort.optional(),
    team: id.optional(),
    teHerzien: z
      .enum(['true', 'false'])
      .transform((w) => w === 'true')
      .default(false)
      .describe('Alleen artikelen van uw teams waarvan de herzieningsdatum voorbij is (beheerders: van alle teams)'),
  })
  .strict();
export type ArtikelenInvoer = z.output<typeof artikelenQuery>;

export const artikelMeldingBody = z
  .strictObject({
    soort: z.enum(['klopt-niet', 'onvolledig', 'onduidelijk'], { error: 'Kies klopt-niet, onvolledig of onduidelijk.' }),
    toelichting: vrijeTekst(4000).pipe(z.string().min(1, 'Schrijf wat er niet klopt, ontbreekt of onduidelijk is.')),
  })
  .meta({ id: 'KennisartikelMelding' });

export const meldingBody = z
  .strictObject({
    soort: z.enum(['fout-in-informatie', 'fout-in-proces'], { error: 'Kies fout-in-informatie of fout-in-proces.' }),
    team: id.describe('Het team dat over deze informatie of dit proces gaat'),
    artikel: id.optional().describe('Het artikel waar het over gaat, als dat er is'),
    toelichting: vrijeTekst(4000).pipe(z.string().min(1, 'Schrijf wat er fout gaat.')),
  })
  .meta({ id: 'KennisMelding' });
export type MeldingInvoer = z.output<typeof meldingBody>;

export const afhandelenBody = z
  .strictObject({
    antwoord: vrijeTekst(4000).pipe(z.string().min(1, 'Schrijf wat u met de melding hebt gedaan.')),
    gecorrigeerdInVersie: z.number().int().min(1).optional().describe('De versie van het artikel met de correctie'),
  })
  .meta({ id: 'KennisMeldingAfhandelen' });
export type AfhandelenInvoer = z.output<typeof afhandelenBody>;

export const meldingenQuery = paginaQuery
  .extend({
    voor: z.enum(['team', 'mij']).default('team').describe('team: open taken van mijn teams; mij: wat ik meldde, met het antwoord'),
  })
  .strict();
export type MeldingenInvoer = z.output<typeof meldingenQuery>;

const teamRef = z.object({ id: z.uuid(), naam: z.string() });

export const artikelSamenvattingSchema = z
  .object({
    id: z.uuid(),
    soort,
    onderwerp: z.string(),
    titel: z.string(),
    url: z.string().nullable(),
    team: teamRef,
    herzienOp: z.string(),
    versie: z.number().int(),
  })
  .meta({ id: 'KennisartikelSamenvatting' });

export const artikelSchema = artikelSamenvattingSchema
  .extend({ inhoud: z.string(), trefwoorden: z.string(), gewijzigdOp: z.string(), teHerzien: z.boolean() })
  .meta({ id: 'Kennisartikel' });

export const zoekresultatenSchema = z
  .object({
    items: z.array(artikelSamenvattingSchema.extend({ fragment: z.string().describe('Het begin van het antwoord'), score: z.number() })),
  })
  .meta({ id: 'KennisZoekresultaten' });

export const artikelenSchema = paginaSchema(artikelSamenvattingSchema, 'Kennisartikelen');

export const versiesSchema = z
  .object({
    items: z.array(
      z.object({
        versie: z.number().int(),
        soort,
        onderwerp: z.string(),
        titel: z.string(),
        inhoud: z.string(),
        trefwoorden: z.string(),
        url: z.string().nullable(),
        teamId: z.uuid(),
        herzienOp: z.string(),
        toelichting: z.string(),
        door: z.string().nullable(),
        op: z.string(),
      }),
    ),
  })
  .meta({ id: 'KennisartikelVersies' });

export const meldingSchema = z
  .object({
    id: z.uuid(),
    soort: z.enum(KENNIS_MELDING_SOORTEN),
    toelichting: z.string(),
    artikel: z.object({ id: z.uuid(), titel: z.string(), versie: z.number().int().nullable() }).nullable(),
    team: teamRef,
    status: z.enum(['open', 'afgehandeld']),
    antwoord: z.string().nullable(),
    gecorrigeerdInVersie: z.number().int().nullable(),
    gemeldDoor: z.string(),
    gemeldOp: z.string(),
    afgehandeldDoor: z.string().nullable(),
    afgehandeldOp: z.string().nullable(),
  })
  .meta({ id: 'KennisMeldingTaak' });

export const meldingenSchema = paginaSchema(meldingSchema, 'KennisMeldingen');

export const onderwerpenSchema = z
  .object({ items: z.array(z.object({ onderwerp: z.string(), artikelen: z.number().int().describe('Het aantal artikelen over dit onderwerp') })) })
  .meta({ id: 'KennisOnderwerpen' });
