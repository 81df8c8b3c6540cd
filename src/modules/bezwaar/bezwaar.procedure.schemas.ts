import { z } from 'zod';
import { KANALEN } from '../../db/schema.ts';
import { nieuweZaakBody, zaakSamenvattingSchema, zaakSchema } from '../zaken/zaken.schemas.ts';
import { datum } from '../termijnen/termijnen.schemas.ts';
import { bezwaartermijnenSchema, dwangsomSchema } from './bezwaar.schemas.ts';
import { HOREN_GRONDEN, UITKOMSTEN } from './bezwaar.stand.ts';

const id = z.uuid('Dit is geen geldige id.');
const tekst = (max: number) => z.string().trim().min(1, 'Vul dit in.').max(max, `Hoogstens ${max} tekens.`);
const uitkomst = z.enum(UITKOMSTEN, `Kies uit ${UITKOMSTEN.join(', ')}.`);

const besluitVelden = {
  besluit: tekst(500).describe('Het bestreden besluit in een paar woorden, bijvoorbeeld "weigering omgevingsvergunning dakkapel"'),
  bekendmaking: datum.describe('De dag waarop het besluit is bekendgemaakt (Awb 6:8); niet na vandaag'),
  besluitTeam: id.optional().describe('Het team dat het besluit nam'),
  besluitZaak: id.optional().describe('De zaak waarin het besluit is genomen, als die in Loket staat'),
  verzonden: datum.optional().describe('Poststempel, bij een bezwaarschrift per post (Awb 6:9 lid 2)'),
  commissie: z.boolean().default(false).describe('Een adviescommissie (Awb 7:13) wordt ingeschakeld en dat is aangekondigd: beslistermijn 12 in plaats van 6 weken'),
  team: id.optional().describe('Het team dat het bezwaar behandelt; anders het standaardteam van het zaaktype'),
};

export const bezwaarRegistratieBody = z
  .strictObject({
    ...besluitVelden,
    ontvangen: datum.describe('De dag waarop het bezwaarschrift is ontvangen; de bezwaar-zaak krijgt deze ontvangstdatum'),
    onderwerp: tekst(200),
    omschrijving: z.string().trim().max(10000).optional().describe('De gronden van het bezwaar'),
    kanaal: z.enum(KANALEN),
    betrokkene: nieuweZaakBody.shape.betrokkene,
  })
  .meta({ id: 'NieuwBezwaar' });

export const bezwaarOmzettingBody = z
  .strictObject({
    ...besluitVelden,
    onderwerp: tekst(200).optional(),
    reden: tekst(1000).describe('Waarom de zaak een bezwaar is (komt in de notitie bij de eerste zaak)'),
    resultaattype: id.optional().describe('Sluit de eerste zaak af met dit resultaat van zijn zaaktype'),
  })
  .meta({ id: 'BezwaarOmzetting' });

const tijd = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Geef een tijd als UU:MM, bijvoorbeeld 14:30.');

export const bezwaarStapBody = z
  .discriminatedUnion(
    'soort',
    [
      z.strictObject({ soort: z.literal('verschoonbaarheid'), verschoonbaar: z.boolean(), toelichting: tekst(2000) }).describe('Oordeel over een te laat bezwaar (Awb 6:11)'),
      z.strictObject({ soort: z.literal('herstel-verzocht'), verzuim: tekst(2000), hersteltermijn: datum }).describe('Verzoek om herstel van een verzuim, bijvoorbeeld een pro-forma bezwaar zonder gronden (Awb 6:6); brief'),
      z.strictObject({ soort: z.literal('hersteld'), hersteld: datum, toelichting: z.string().trim().max(2000).optional() }).describe('Het verzuim is hersteld of de hersteltermijn ongebruikt verstreken (7:10 lid 2)'),
      z.strictObject({ soort: z.literal('verdaging'), weken: z.number().int('Een heel aantal weken.').min(1, 'Minstens 1 week.'), reden: tekst(1000) }).describe('Verdaging, samen hoogstens 6 weken (Awb 7:10 lid 3); brief (lid 5)'),
      z
        .strictObject({ soort: z.literal('uitstel'), weken: z.number().int('Een heel aantal weken.').min(1, 'Minstens 1 week.'), reden: tekst(1000), instemming: tekst(1000), instemmingOp: datum })
        .describe('Verder uitstel met instemming van de indiener, vastgelegd (Awb 7:10 lid 4); brief (lid 5)'),
      z.strictObject({ soort: z.literal('informeel'), datum, verslag: tekst(5000), opgelost: z.boolean() }).describe('Informeel contact (eerst bellen)'),
      z.strictObject({ soort: z.literal('hoorzitting'), datum, tijd, locatie: tekst(200), commissie: z.string().trim().max(500).default('') }).describe('Hoorzitting plannen (Awb 7:2); uitnodigingsbrief'),
      z.strictObject({ soort: z.literal('hoorverslag'), verslag: tekst(20000) }).describe('Verslag van de hoorzitting (Awb 7:7)'),
      z
        .strictObject({ soort: z.literal('horen-overgeslagen'), grond: z.enum(Object.keys(HOREN_GRONDEN) as [keyof typeof HOREN_GRONDEN]), toelichting: tekst(2000) })
        .describe('Afzien van horen met een grond van Awb 7:3 (a–e)'),
      z.strictObject({ soort: z.literal('advies'), datum, advies: tekst(20000), voorstel: uitkomst }).describe('Advies van de bezwaarcommissie (Awb 7:13)'),
      z.strictObject({ soort: z.literal('ingebrekestelling'), ontvangen: datum }).describe('Schriftelijke ingebrekestelling ontvangen (Awb 4:17)'),
      z.strictObject({ soort: z.literal('beslissing'), uitkomst, motivering: tekst(20000) }).describe('Beslissing op bezwaar: sluit de zaak af; brief met beroep bij de rechtbank'),
    ],
    { error: 'Kies een soort stap: verschoonbaarheid, herstel-verzocht, hersteld, verdaging, uitstel, informeel, hoorzitting, hoorverslag, horen-overgeslagen, advies, ingebrekestelling of beslissing.' },
  )
  .meta({ id: 'BezwaarStap' });

const besluitSchema = z.object({
  omschrijving: z.string(),
  bekendmaking: z.string(),
  team: z.string().nullable(),
  zaak: z.string().nullable(),
  ontvangen: z.string(),
  verzonden: z.string().nullable(),
  commissie: z.boolean(),
});
const hoorzittingSchema = z.object({ datum: z.string(), tijd: z.string(), locatie: z.string(), commissie: z.string() });
const signalen = {
  hoorzittingGepland: hoorzittingSchema.nullable(),
  verschoonbaarheidOpen: z.boolean().describe('Te laat (6:11) en nog niet beoordeeld'),
  dwangsomWaarschuwing: z.boolean().describe('Een ingebrekestelling is ontvangen en de dwangsom begint binnen 5 dagen of loopt al'),
};

export const bezwaarSchema = z
  .object({
    besluit: besluitSchema,
    stand: z.object({
      verschoonbaar: z.object({ verschoonbaar: z.boolean(), toelichting: z.string() }).nullable(),
      herstel: z.array(z.object({ verzocht: z.string(), hersteld: z.string().nullable(), hersteltermijn: z.string(), verzuim: z.string() })),
      herstelOpen: z.boolean(),
      verdagingWeken: z.number().int(),
      uitstelWeken: z.number().int(),
      informeel: z.array(z.object({ datum: z.string(), verslag: z.string(), opgelost: z.boolean() })),
      hoorzitting: hoorzittingSchema.nullable(),
      hoorverslag: z.string().nullable(),
      horenOvergeslagen: z.object({ grond: z.string(), toelichting: z.string() }).nullable(),
      advies: z.object({ datum: z.string(), advies: z.string(), voorstel: uitkomst }).nullable(),
      ingebrekestelling: z.string().nullable(),
      beslissing: z.object({ uitkomst, motivering: z.string(), datum: z.string() }).nullable(),
    }),
    termijnen: bezwaartermijnenSchema.omit({ bekendmaking: true, ontvangen: true, verzonden: true, commissie: true }),
    dwangsom: dwangsomSchema.omit({ beslistermijnEinde: true, ingebrekestelling: true, beslist: true, peildatum: true }).nullable(),
    signalen: z.object(signalen),
    stappen: z.array(z.object({ volgnummer: z.number().int(), soort: z.string(), gegevens: z.record(z.string(), z.unknown()), op: z.string(), doorNaam: z.string().nullable() })),
  })
  .meta({ id: 'Bezwaar' });

export const bezwaarStapAntwoord = z.object({ zaak: zaakSchema, bezwaar: bezwaarSchema }).meta({ id: 'BezwaarNaStap' });

export const bezwaarWerkvoorraadQuery = z.strictObject({
  termijn: z.enum(['teLaat', 'vandaag', 'dezeWeek', 'later']).optional().describe('Termijnband van de beslistermijn; dezeWeek = morgen t/m de vijfde werkdag'),
  pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(100, 'Maximaal 100 per pagina.').default(50),
  cursor: z.string().max(200).optional(),
});

export const bezwaarWerkvoorraadSchema = z
  .object({
    items: z.array(
      z.object({
        zaak: zaakSamenvattingSchema,
        besluit: besluitSchema,
        beslistermijnEinde: z.string(),
        dagenOver: z.number().int().describe('Kalenderdagen tot het einde van de beslistermijn (negatief: verstreken)'),
        herstelOpen: z.boolean(),
        ...signalen,
        dwangsom: dwangsomSchema.omit({ beslistermijnEinde: true, ingebrekestelling: true, beslist: true, peildatum: true }).nullable(),
      }),
    ),
    volgende: z.string().nullable(),
  })
  .meta({ id: 'BezwaarWerkvoorraad' });

export const hoorzittingenQuery = z.strictObject({
  van: datum.optional().describe('Eerste dag; standaard vandaag'),
  tot: datum.optional().describe('Laatste dag; standaard acht weken na van'),
});
export const hoorzittingenSchema = z
  .object({
    items: z.array(
      hoorzittingSchema.extend({ zaakId: z.string(), identificatie: z.string(), onderwerp: z.string(), behandelaar: z.object({ id: z.string(), naam: z.string() }).nullable() }),
    ),
  })
  .meta({ id: 'Hoorzittingen' });
