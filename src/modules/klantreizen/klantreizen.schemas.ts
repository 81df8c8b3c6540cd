import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { productCode } from '../producten/producten.schemas.ts';

export const klantreisQuery = z.strictObject({
  email: z.email({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' }).max(320, 'Een e-mailadres is hoogstens 320 tekens.').describe('Het e-mailadres van de inwoner'),
});

const stapSchema = z.object({
  op: z.string(),
  soort: z.enum(['contact', 'zaak-ontvangen', 'status', 'bericht', 'reactie', 'afgesloten']).describe('contact: met het KCC; zaak-ontvangen, status, afgesloten: de zaak; bericht: aan de inwoner; reactie: van de inwoner'),
  kanaal: z.string().nullable(),
  tekst: z.string(),
  contact: z.object({ id: z.uuid(), onderwerp: z.string(), uitkomst: z.string(), herhaal: z.boolean().describe('Een tweede contact over hetzelfde onderwerp binnen 7 dagen (herhaalcontact)') }).nullable(),
  zaak: z.object({ id: z.uuid(), identificatie: z.string(), zaaktype: z.string(), onderwerp: z.string() }).nullable(),
});

export const klantreisSchema = z
  .object({
    email: z.string(),
    samenvatting: z.object({
      contacten: z.number().int(),
      herhaalcontacten: z.number().int(),
      zaken: z.number().int().describe('De zaken die de medewerker mag zien'),
      eersteAntwoordMediaanUren: z.number().nullable().describe('Mediaan van de tijd van registratie tot het eerste bericht aan de inwoner of de afsluiting, in uren'),
    }),
    stappen: z.array(stapSchema).describe('Oudste eerst'),
  })
  .meta({ id: 'Klantreis' });

/* Aggregated journeys per product (ADR 0081). */

const tweetalig = z.object({ nl: z.string(), en: z.string() });

export const klantreisKeuzesSchema = z
  .object({
    producten: z.array(z.object({ code: z.string(), naam: tweetalig, zaaktype: z.string().nullable().describe('De code van het zaaktype van het product; null: het product leidt niet tot een zaak') })),
    zaaktypen: z.array(z.object({ code: z.string(), naam: tweetalig })).describe('Zaaktypen die geen product noemt'),
  })
  .meta({ id: 'KlantreisKeuzes' });

export const klantreisProductParams = z.strictObject({ gemeente: gemeenteCode, product: productCode });
export const klantreisZaaktypeParams = z.strictObject({
  gemeente: gemeenteCode,
  zaaktype: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Een zaaktypecode is kleine letters, cijfers en streepjes, bijvoorbeeld klacht.').max(50, 'Een zaaktypecode is hoogstens 50 tekens.'),
});

export const klantreisStroomQuery = z.strictObject({
  periode: z
    .string()
    .max(10, 'Een periode is JJJJ, JJJJ-Qn, JJJJ-MM, JJJJ-Www of JJJJ-MM-DD.')
    .optional()
    .describe('De zaken die in deze periode zijn geregistreerd: jaar (2026), kwartaal (2026-Q1), maand (2026-03), ISO-week (2026-W10) of dag (2026-03-02)'),
  periodeVan: z.string().max(10, 'Geef een datum als JJJJ-MM-DD.').optional().describe('Eerste dag (JJJJ-MM-DD, Europe/Amsterdam), met periodeTot'),
  periodeTot: z.string().max(10, 'Geef een datum als JJJJ-MM-DD.').optional().describe('Laatste dag (JJJJ-MM-DD, inbegrepen), met periodeVan'),
});

const STAP_UITLEG =
  'contact-voor: een klantcontact voor de registratie; zaak-geregistreerd; status-{volgnummer}: een status van het zaaktype; bericht: een bericht aan de inwoner; reactie: van de inwoner; contact-tijdens: een klantcontact terwijl de zaak open was; opschorting; afgesloten; tevreden, ontevreden: het antwoord op de vraag na afsluiten; contact-na: een klantcontact na de afsluiting; heropend; klacht: een klacht over de zaak';

export const klantreisStroomSchema = z
  .object({
    product: z.object({ code: z.string(), naam: tweetalig }).nullable(),
    zaaktype: z.object({ code: z.string(), naam: tweetalig }).nullable(),
    reden: z.string().nullable().describe('Waarom er geen klantreizen kunnen zijn (een product zonder zaaktype)'),
    periode: z.object({ van: z.string(), tot: z.string() }).describe('De dagen (beide inbegrepen, Europe/Amsterdam) waarin de zaken zijn geregistreerd; stappen daarna tellen mee tot nu'),
    berekendOp: z.string(),
    samenvatting: z.object({
      reizen: z.number().int().describe('Zaken in de periode die de medewerker mag zien: één klantreis per zaak'),
      afgesloten: z.number().int(),
      open: z.number().int(),
      openTeLaat: z.number().int().describe('Open, na de uiterste einddatum en niet opgeschort'),
      metContactVooraf: z.number().int(),
      zonderContact: z.number().int().describe('Reizen zonder enig klantcontact'),
      mediaanDoorlooptijdUren: z.number().nullable().describe('Van registratie tot de (eerste) afsluiting, over de afgesloten reizen'),
    }),
    stappen: z
      .array(
        z.object({
          sleutel: z.string().describe(STAP_UITLEG),
          soort: z.enum(['contact-voor', 'zaak-geregistreerd', 'status', 'bericht', 'reactie', 'contact-tijdens', 'opschorting', 'afgesloten', 'tevreden', 'ontevreden', 'contact-na', 'heropend', 'klacht']),
          naam: z.string().nullable().describe('Bij een status: de naam'),
          reizen: z.number().int().describe('Reizen die deze stap passeerden (elk één keer)'),
          mediaanUrenVanafVorige: z.number().nullable().describe('Mediaan van de tijd sinds de vorige stap van dezelfde reis, in uren'),
          wachtend: z.number().int().describe('Open reizen waarvan dit tot nu de laatste stap is'),
          mediaanWachtUren: z.number().nullable().describe('Hoe lang die reizen sinds deze stap wachten (mediaan, uren, tot nu)'),
          teLaat: z.number().int().describe('Daarvan na de uiterste einddatum en niet opgeschort'),
        }),
      )
      .describe('In de gewone volgorde van een reis'),
    overgangen: z.array(z.object({ van: z.string(), naar: z.string(), reizen: z.number().int(), mediaanUren: z.number() })).describe('Stappen die in een reis op elkaar volgden, de meeste reizen eerst'),
    kanalenVooraf: z.array(z.object({ kanaal: z.string(), reizen: z.number().int() })).describe('Kanalen van de contacten voor de zaak: reizen met minstens één contact op dat kanaal'),
    haperingen: z
      .array(z.object({ sleutel: z.string(), wachtend: z.number().int(), mediaanWachtUren: z.number().nullable(), teLaat: z.number().int() }))
      .describe('Stappen waar open reizen blijven staan, de meeste eerst'),
  })
  .meta({ id: 'KlantreisStroom' });
