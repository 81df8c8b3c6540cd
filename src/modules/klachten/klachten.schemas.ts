import { z } from 'zod';
import { adresInvoer, emailadres, telefoonnummer } from '../../http/contactvelden.ts';
import { KANALEN } from '../../db/schema.ts';
import { schoneNaam } from '../../tekst.ts';
import { termijnStapSchema } from '../bezwaar/bezwaar.schemas.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { datum } from '../zaaktypen/zaaktypen.schemas.ts';
import { BESLUIT_UITKOMSTEN, NIET_BEHANDELEN_GRONDEN } from './klachten.brieven.ts';
import { CATEGORIEEN, UITKOMSTEN } from './klachten.register.ts';

const id = z.uuid('Dit is geen geldige id.');
const tekst = (max: number) => z.string().trim().min(1, 'Vul dit in.').max(max, `Hoogstens ${max} tekens.`);
const categorie = z.enum(CATEGORIEEN as [string, ...string[]] as ['bejegening', 'informatie', 'bereikbaarheid', 'termijn', 'dienstverlening', 'anders']);
const uitkomst = z.enum(['gegrond', 'deels-gegrond', 'ongegrond', 'informeel-opgelost', 'niet-behandeld']);
const maatregelStatus = z.enum(['open', 'uitgevoerd', 'vervallen']);
const weken = z.number({ error: 'Vul een aantal weken in.' }).int('Hele weken.').min(1, 'Minstens 1 week.').max(104, 'Hoogstens 104 weken.');

export const klachtParams = z.strictObject({ gemeente: gemeenteCode, id });
export const maatregelParams = z.strictObject({ gemeente: gemeenteCode, id });
export const registerParams = z.strictObject({ gemeente: gemeenteCode, jaar: z.coerce.number().int().min(2000, 'Een jaar vanaf 2000.').max(2100, 'Een jaar tot 2100.') });

export const nieuweKlachtBody = z
  .strictObject({
    onderwerp: z.string().overwrite(schoneNaam).min(1, 'Vul dit in.').max(200, 'Hoogstens 200 tekens.'),
    omschrijving: tekst(10_000).describe('Wat er gebeurde, zoals de klager het beschrijft (Awb 9:4)'),
    kanaal: z.enum(KANALEN),
    ontvangstdatum: datum.describe('De dag van ontvangst; niet na vandaag'),
    categorie,
    team: id.describe('Het team over wiens gedraging de klacht gaat (telt per team in het klachtenregister)'),
    beklaagde: z.string().overwrite(schoneNaam).min(1).max(200, 'Hoogstens 200 tekens.').optional().describe('Naam of functie van de medewerker over wie de klacht gaat; krijgt de verdagingsbrief (Awb 9:11 lid 2)'),
    gedragingDatum: datum.optional().describe('Wanneer het gebeurde (Awb 9:8 lid 1b: meer dan een jaar geleden hoeft niet te worden behandeld)'),
    commissie: z.boolean().default(false).describe('Een klachtadviescommissie behandelt de klacht: tien weken (Awb 9:11 lid 1)'),
    klager: z.strictObject({
      naam: z.string().overwrite(schoneNaam).min(1, 'Vul uw naam in.').max(200, 'Hoogstens 200 tekens.'),
      email: emailadres.optional(),
      telefoon: telefoonnummer.optional(),
      adres: adresInvoer.optional().describe('Het eigen adres van de klager, alleen om zijn zaken terug te vinden (ADR 0083); gewist met de contactgegevens'),
      taal: z.enum(['nl', 'en']).default('nl'),
    }),
  })
  .meta({ id: 'NieuweKlacht' });

export const klachtStapBody = z
  .discriminatedUnion('soort', [
    z.strictObject({ soort: z.literal('contact'), datum, verslag: tekst(10_000).describe('Wat is besproken; of de klager tevreden is') }).describe('Het gesprek van de informele aanpak'),
    z.strictObject({ soort: z.literal('niet-behandelen'), grond: z.enum(NIET_BEHANDELEN_GRONDEN), toelichting: tekst(5000) }).describe('Niet behandelen (Awb 9:8): de brief met de reden gaat mee'),
    z.strictObject({ soort: z.literal('hoorzitting'), op: z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip.' }), locatie: tekst(200), genodigden: z.array(tekst(200)).min(1, 'Nodig minstens de klager uit.').max(20) }).describe('Hoorzitting plannen (Awb 9:10)'),
    z.strictObject({ soort: z.literal('hoorverslag'), verslag: tekst(20_000) }).describe('Het verslag van het horen (Awb 9:10 lid 3)'),
    z.strictObject({ soort: z.literal('horen-overslaan'), grond: z.enum(['kennelijk-ongegrond', 'klager-ziet-af']), toelichting: tekst(5000) }).describe('Niet horen, met de grond (Awb 9:10 lid 2)'),
    z.strictObject({ soort: z.literal('verdaging'), weken, reden: tekst(1000) }).describe('Verdagen: hoogstens vier weken in totaal, met een brief aan klager en beklaagde (Awb 9:11 lid 2)'),
    z
      .strictObject({
        soort: z.literal('uitstel'),
        weken,
        reden: tekst(1000),
        instemming: z.strictObject({ datum, schriftelijk: z.literal(true, { error: 'Langer uitstellen mag alleen met schriftelijke instemming van de klager.' }) }),
      })
      .describe('Verder uitstellen met schriftelijke instemming van de klager (Awb 9:11 lid 2)'),
    z
      .strictObject({
        soort: z.literal('besluit'),
        uitkomst: z.enum(BESLUIT_UITKOMSTEN, { error: 'Kies de uitkomst: gegrond, deels-gegrond, ongegrond of informeel-opgelost.' }),
        bevindingen: tekst(10_000).describe('Wat is onderzocht en gevonden; komt in de brief (Awb 9:12)'),
        maatregelen: tekst(5000).optional().describe('Wat de gemeente gaat doen; komt in de brief'),
        instemming: z.strictObject({ datum, wijze: z.enum(['schriftelijk', 'mondeling', 'e-mail']) }).optional().describe('Bij informeel-opgelost: wanneer en hoe de klager liet weten tevreden te zijn (Awb 9:5)'),
        verbetermaatregelen: z.array(z.strictObject({ omschrijving: tekst(2000), team: id, uiterlijk: datum })).max(20).optional(),
      })
      .describe('Afhandelen met de uitkomst en de brief die de ombudsman noemt (Awb 9:12)'),
  ])
  .meta({ id: 'KlachtStap' });

const maatregelSchema = z.object({
  id: z.uuid(),
  zaakId: z.uuid(),
  identificatie: z.string(),
  omschrijving: z.string(),
  teamId: z.uuid(),
  teamNaam: z.string(),
  uiterlijk: z.string(),
  status: maatregelStatus,
  gewijzigdOp: z.string(),
});
export const maatregelBody = z.strictObject({ status: maatregelStatus }).meta({ id: 'MaatregelStatus' });
export const maatregelenQuery = z.strictObject({ status: maatregelStatus.optional(), team: id.optional() });
export const maatregelResponse = maatregelSchema.meta({ id: 'Verbetermaatregel' });
export const maatregelenSchema = z.object({ items: z.array(maatregelSchema) }).meta({ id: 'Verbetermaatregelen' });

const klachtVelden = {
  zaakId: z.uuid(),
  identificatie: z.string(),
  ontvangen: z.string(),
  categorie,
  teamId: z.uuid(),
  teamNaam: z.string(),
  beklaagde: z.string().nullable(),
  gedragingDatum: z.string().nullable(),
  commissie: z.boolean(),
  verdagingWeken: z.number().int(),
  uitstelWeken: z.number().int(),
  informeelContactUiterlijk: z.string(),
  nietBehandelenUiterlijk: z.string(),
  afhandeltermijnEinde: z.string(),
  eersteContact: z.string().nullable(),
  horen: z.enum(['gepland', 'gehoord', 'overgeslagen']).nullable(),
  hoorzittingOp: z.string().nullable(),
  uitkomst: uitkomst.nullable(),
  afgehandeldOp: z.string().nullable(),
  binnenTermijn: z.boolean().nullable(),
};

export const klachtSchema = z
  .object({
    ...klachtVelden,
    onderwerp: z.string(),
    versie: z.number().int(),
    klager: z.object({ naam: z.string(), taal: z.enum(['nl', 'en']) }).nullable(),
    termijnen: z.object({
      nietBehandelenMeldenUiterlijk: z.string(),
      afhandeltermijnOorspronkelijk: z.string(),
      afhandeltermijnEinde: z.string(),
      verdagingWeken: z.number().int(),
      uitstelWeken: z.number().int(),
      informeelContactUiterlijk: z.string(),
      informeelWerkdagen: z.number().int(),
      uitleg: z.array(termijnStapSchema),
    }),
    stappen: z.array(z.object({ volgnummer: z.number().int(), soort: z.string(), gegevens: z.record(z.string(), z.unknown()), doorNaam: z.string().nullable(), op: z.string() })),
    maatregelen: z.array(maatregelSchema),
    brieven: z.array(z.object({ id: z.uuid(), bestandsnaam: z.string(), mediatype: z.string(), grootte: z.number().int(), sha256: z.string(), extern: z.boolean(), aangemaaktOp: z.string() })),
  })
  .meta({ id: 'Klacht' });

export const aangemaakteKlachtSchema = z.object({ id: z.uuid(), identificatie: z.string(), volgcode: z.string(), volglink: z.string() }).meta({ id: 'AangemaakteKlacht' });

export const wachtrijSchema = z
  .object({
    items: z.array(
      z.object({
        ...klachtVelden,
        werkdagenOver: z.number().int().describe('Werkdagen tot het einde van de afhandeltermijn; negatief als die voorbij is'),
        dezeWeek: z.boolean().describe('De afhandeltermijn eindigt uiterlijk komende zondag'),
        risico: z.boolean().describe('Vijf werkdagen of minder over'),
        contactTeLaat: z.boolean().describe('Nog geen gesprek terwijl de norm voor contact voorbij is'),
        nietBehandelenTermijnLoopt: z.boolean().describe('Niet behandelen kan nog binnen vier weken na ontvangst worden gemeld (Awb 9:8)'),
        hoorzittingGepland: z.boolean(),
        uitleg: z.array(termijnStapSchema),
      }),
    ),
  })
  .meta({ id: 'KlachtenWachtrij' });

export const registerSchema = z
  .object({
    jaar: z.number().int(),
    totaal: z.number().int(),
    perCategorie: z.array(z.object({ categorie, aantal: z.number().int() })),
    perTeam: z.array(z.object({ team: z.string(), aantal: z.number().int().nullable().describe('Leeg: verborgen (minder dan vijf, of verborgen zodat een klein aantal niet is uit te rekenen)') })),
    teamsVerborgen: z.boolean(),
    uitkomsten: z.array(z.object({ uitkomst: z.enum(UITKOMSTEN as [string, ...string[]]), aantal: z.number().int() })),
    afgehandeld: z.number().int(),
    binnenTermijn: z.object({ aantal: z.number().int(), percentage: z.number().nullable() }),
    informeelOpgelost: z.object({ aantal: z.number().int(), percentage: z.number().nullable() }),
    maatregelen: z.number().int(),
  })
  .meta({ id: 'Klachtenregister' });

export const instellingSchema = z
  .strictObject({
    informeelWerkdagen: z.number().int().min(1, 'Minstens 1 werkdag.').max(20, 'Hoogstens 20 werkdagen.').describe('Binnen zoveel werkdagen na ontvangst neemt de behandelaar contact op (informele aanpak)'),
    ombudsman: z.strictObject({ naam: tekst(200).describe('Bijvoorbeeld "Nationale ombudsman"'), website: z.url().startsWith('https://', 'Een https-adres.') }),
  })
  .meta({ id: 'KlachtInstelling' });
