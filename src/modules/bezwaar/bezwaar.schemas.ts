import { z } from 'zod';
import { datum, vrijeDagSchema } from '../termijnen/termijnen.schemas.ts';

const jaNee = (wat: string) =>
  z
    .enum(['true', 'false'], { error: 'Kies true of false.' })
    .default('false')
    .transform((v) => v === 'true')
    .describe(wat);

export const bezwaartermijnenQuery = z.strictObject({
  bekendmaking: datum.describe('De dag waarop het bestreden besluit is bekendgemaakt (Awb 6:8); niet na vandaag'),
  ontvangen: datum.describe('De dag waarop het bezwaarschrift is ontvangen'),
  verzonden: datum.optional().describe('Poststempel, bij verzending per post (Awb 6:9 lid 2)'),
  commissie: jaNee('Een adviescommissie (Awb 7:13) wordt ingeschakeld en dat is aangekondigd: 12 in plaats van 6 weken'),
  verdaagd: jaNee('De beslissing is verdaagd met zes weken (Awb 7:10 lid 3)'),
  herstelVerzocht: datum.optional().describe('De dag waarop om herstel van een verzuim is gevraagd (Awb 6:6); de beslistermijn staat vanaf de dag erna stil'),
  hersteld: datum.optional().describe('De dag waarop het verzuim is hersteld of de hersteltermijn ongebruikt verstreek; zonder: het verzuim is nog open'),
});

export const termijnStapSchema = z
  .object({
    termijn: z.enum(['bezwaartermijn', 'posttermijn', 'beslistermijn', 'afhandeltermijn', 'niet-behandelen', 'dwangsom-wachttermijn', 'dwangsom', 'dwangsom-vaststellen']),
    artikel: z.string().describe('Het artikel waaruit de termijn komt, bijvoorbeeld "Awb 7:10"'),
    na: z.string().describe('De dag van de gebeurtenis; de termijn begint de dag erna'),
    duur: z.string().describe('De lengte, bijvoorbeeld P6W (met verdaging en uitstel erbij)'),
    einddatum: z.string().describe('De laatste dag van de termijn'),
    kalendereinde: z.string().nullable().describe('Waar de termijn zonder de Algemene termijnenwet zou eindigen'),
    verschoven: z.array(vrijeDagSchema).describe('De dagen waarover het einde verschoof, met de reden'),
    tekst: z.string().describe('De regel en de feiten van dit geval, in het Nederlands'),
  })
  .meta({ id: 'TermijnStap' });

export const bezwaartermijnenSchema = z
  .object({
    bekendmaking: z.string(),
    ontvangen: z.string(),
    verzonden: z.string().nullable(),
    commissie: z.boolean(),
    bezwaartermijnEinde: z.string().describe('De laatste dag van de bezwaartermijn (Awb 6:7, 6:8, Algemene termijnenwet)'),
    tijdig: z.boolean().describe('Op tijd ingediend (Awb 6:9); ook een voorbarig bezwaarschrift'),
    premature: z.boolean().describe('Ontvangen vóór de termijn begon (Awb 6:10): geen fout, wel gemarkeerd'),
    laat: z.boolean().describe('Te laat (Awb 6:11): of dat verschoonbaar is, beoordeelt de behandelaar'),
    tijdigPerPost: z.boolean().describe('Alleen op tijd door Awb 6:9 lid 2 (per post)'),
    beslistermijnStart: z.string().describe('De eerste dag van de beslistermijn'),
    beslistermijnNorm: z.enum(['P6W', 'P12W']),
    beslistermijnOorspronkelijk: z.string().describe('Het einde van de beslistermijn zonder verdaging, uitstel of herstel'),
    beslistermijnEinde: z.string().describe('De laatste dag om op het bezwaar te beslissen (Awb 7:10)'),
    verdagingWeken: z.number().int(),
    uitstelWeken: z.number().int(),
    opgeschorteDagen: z.number().int().describe('Dagen dat de beslistermijn stilstond voor herstel van een verzuim (Awb 7:10 lid 2)'),
    uitleg: z.array(termijnStapSchema),
  })
  .meta({ id: 'Bezwaartermijnen' });

export const klachttermijnenQuery = z.strictObject({
  ontvangen: datum.describe('De dag waarop het klaagschrift is ontvangen; niet na vandaag'),
  commissie: jaNee('Een klachtadviescommissie (afdeling 9.1.3) behandelt de klacht: 10 in plaats van 6 weken'),
  verdaagd: jaNee('De afhandeling is verdaagd met vier weken (Awb 9:11 lid 2)'),
});

export const klachttermijnenSchema = z
  .object({
    ontvangen: z.string(),
    commissie: z.boolean(),
    nietBehandelenMeldenUiterlijk: z.string().describe('De laatste dag om schriftelijk te melden dat de klacht niet wordt behandeld (Awb 9:8 lid 2)'),
    afhandeltermijnOorspronkelijk: z.string().describe('Het einde van de afhandeltermijn zonder verdaging'),
    afhandeltermijnEinde: z.string().describe('De laatste dag om de klacht af te handelen (Awb 9:11)'),
    verdagingWeken: z.number().int(),
    uitstelWeken: z.number().int(),
    uitleg: z.array(termijnStapSchema),
  })
  .meta({ id: 'Klachttermijnen' });

export const dwangsommenQuery = z.strictObject({
  beslistermijnEinde: datum.describe('De laatste dag van de termijn om te beslissen'),
  ingebrekestelling: datum.describe('De dag waarop de schriftelijke ingebrekestelling is ontvangen; niet na vandaag'),
  beslist: datum.optional().describe('De dag waarop is beslist; zonder: nog niet beslist, geteld tot en met vandaag'),
});

export const dwangsomSchema = z
  .object({
    beslistermijnEinde: z.string(),
    ingebrekestelling: z.string(),
    beslist: z.string().nullable(),
    peildatum: z.string().describe('De beslisdag, of vandaag als nog niet is beslist'),
    ingebrekestellingVoorbarig: z.boolean().describe('Ontvangen vóór de termijn verstreken was'),
    wachttermijnEinde: z.string().describe('De laatste dag om nog zonder dwangsom te beslissen (Awb 4:17 lid 3)'),
    eersteDag: z.string().describe('De eerste dag waarover de dwangsom verschuldigd is'),
    laatsteDag: z.string().describe('De 42e dag: daarna geen dwangsom meer (Awb 4:17 lid 1)'),
    dagen: z.number().int(),
    bedrag: z.number().int().describe('Verschuldigd bedrag in euro tot nu toe (hoogstens 1442)'),
    lopend: z.boolean(),
    maximumBereikt: z.boolean(),
    dagenTotStart: z.number().int().nullable().describe('Dagen tot de dwangsom begint te lopen (voor een waarschuwing)'),
    vaststellenUiterlijk: z.string().nullable().describe('Vaststellen bij beschikking binnen twee weken na de laatste verschuldigde dag (Awb 4:18)'),
    uitleg: z.array(termijnStapSchema),
  })
  .meta({ id: 'Dwangsom' });
