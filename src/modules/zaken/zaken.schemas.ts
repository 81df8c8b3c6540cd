import { z } from 'zod';
import { adresInvoer, emailadres, telefoonnummer } from '../../http/contactvelden.ts';
import { GEBEURTENIS_SOORTEN, KANALEN, ROLLEN, VERTROUWELIJKHEDEN } from '../../db/schema.ts';
import { paginaQuery } from '../../http/pagination.ts';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { datum, duur, zaaktypeSchema } from '../zaaktypen/zaaktypen.schemas.ts';

const id = z.uuid('Dit is geen geldige id.');
const tekst = (max: number) => z.string().trim().min(1, 'Vul dit in.').max(max, `Hoogstens ${max} tekens.`);
const optioneleTekst = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional();
/** A one-line name as people see it: control and bidi characters removed (src/tekst.ts). */
const naamTekst = (max: number) => z.string().overwrite(schoneNaam).min(1, 'Vul dit in.').max(max, `Hoogstens ${max} tekens.`);
const tweetalig = z.object({ nl: z.string(), en: z.string() });
const naamRef = z.object({ id: z.uuid(), naam: z.string() });
export const behandelaarKeuze = z
  .union([z.literal('ik'), id])
  .describe("'ik' (de ingelogde medewerker) of de id van een medewerker");

export const zaakParams = z.strictObject({ gemeente: gemeenteCode, id });
export const documentQuery = z.strictObject({
  extern: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Zichtbaar voor de inwoner'),
});
export const documentParams = z.strictObject({ gemeente: gemeenteCode, id, documentId: id });

export const nieuweZaakBody = z
  .strictObject({
    zaaktype: z.string().min(1, 'Kies een zaaktype.').max(60).describe('Code van het zaaktype (de geldende gepubliceerde versie) of de id van een gepubliceerde versie'),
    onderwerp: naamTekst(200),
    omschrijving: optioneleTekst(10_000),
    kanaal: z.enum(KANALEN),
    ontvangstdatum: datum.describe('De dag van ontvangst (de termijn telt vanaf de dag erna)'),
    vertrouwelijkheid: z.enum(VERTROUWELIJKHEDEN).optional().describe('Standaard die van het zaaktype'),
    team: id.optional().describe('Standaard het team van het zaaktype'),
    behandelaar: behandelaarKeuze.optional(),
    betrokkene: z
      .strictObject({
        naam: z.string().overwrite(schoneNaam).max(200, 'Hoogstens 200 tekens.').optional(),
        email: emailadres.optional(),
        telefoon: telefoonnummer.optional(),
        adres: adresInvoer.optional().describe('Het eigen adres van de inwoner, alleen om zijn zaken terug te vinden (ADR 0083); gewist met de contactgegevens'),
        taal: z.enum(['nl', 'en']).default('nl'),
      })
      .optional()
      .describe('De inwoner: alleen de contactgegevens die nodig zijn om hem op de hoogte te houden'),
  })
  .meta({ id: 'NieuweZaak' });

export const werkvoorraadQuery = z.strictObject({
  team: id.optional(),
  behandelaar: z.union([z.literal('ik'), z.literal('geen'), id]).optional().describe("'ik', 'geen' (niet toegewezen) of een medewerker-id"),
  status: z.coerce.number().int('Kies een heel getal.').min(1).max(99).optional().describe('Volgnummer van de huidige status'),
  zaaktype: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Geef de code van een zaaktype.').optional(),
  termijn: z
    .enum(['teLaat', 'vandaag', 'dezeWeek', 'later'])
    .optional()
    .describe('Termijnband, berekend met de dag van vandaag in Nederland; dezeWeek = morgen t/m de vijfde werkdag van de gemeente na vandaag'),
  reactie: z.enum(['nieuw']).optional().describe('nieuw: alleen zaken met een reactie van de inwoner waarop nog niets is gedaan (nieuweReactieOp)'),
  open: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  zoek: z.string().trim().min(2, 'Minstens 2 tekens.').max(100).optional().describe('Zoekt in zaaknummer en onderwerp'),
  identificatie: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^Z-\d{4}-\d{6}$/, 'Geef een zaaknummer als Z-2026-000123.')
    .optional()
    .describe('Precies dit zaaknummer, open of afgesloten (open telt dan niet mee)'),
  cursor: z.string().max(200).optional().describe('Uit _links.next van de vorige pagina'),
  pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(100, 'Maximaal 100 per pagina.').default(20),
});

export const zaakSamenvattingSchema = z
  .object({
    id: z.uuid(),
    identificatie: z.string(),
    zaaktype: z.object({ id: z.uuid(), code: z.string(), versie: z.number().int(), naam: z.string(), naamEn: z.string().describe('De Engelse naam van het zaaktype') }),
    onderwerp: z.string(),
    kanaal: z.enum(KANALEN),
    ontvangstdatum: z.string(),
    registratieOp: z.string(),
    vertrouwelijkheid: z.enum(VERTROUWELIJKHEDEN),
    team: naamRef,
    behandelaar: naamRef.nullable(),
    status: z.object({ volgnummer: z.number().int(), naam: z.string(), naamEn: z.string().describe('Engelse naam van de stap; leeg: niet opgegeven') }),
    oorspronkelijkeEinddatum: z.string(),
    uiterlijkeEinddatum: z.string().describe('Afgeleid uit de geschiedenis, nooit ingetypt'),
    termijnband: z.enum(['teLaat', 'vandaag', 'dezeWeek', 'later']).nullable().describe('null voor een afgesloten of opgeschorte zaak (de termijn staat stil)'),
    opgeschort: z.boolean(),
    afgeslotenOp: z.string().nullable(),
    nieuweReactieOp: z
      .string()
      .nullable()
      .describe('Wanneer de oudste reactie van de inwoner binnenkwam waarop de medewerkers nog niets deden (een toewijzing telt niet); null: geen nieuwe reactie'),
    versie: z.number().int(),
  })
  .meta({ id: 'ZaakSamenvatting' });

export const werkvoorraadSchema = z
  .object({
    items: z.array(zaakSamenvattingSchema),
    pageSize: z.number().int(),
    _links: z.object({ self: z.object({ href: z.string() }), next: z.object({ href: z.string() }).optional() }),
  })
  .meta({ id: 'Werkvoorraad' });

const tijdlijnRegel = z
  .object({
    volgnummer: z.number().int(),
    soort: z.enum(GEBEURTENIS_SOORTEN),
    gegevens: z.record(z.string(), z.unknown()),
    extern: z.boolean().describe('Zichtbaar voor de inwoner'),
    door: z.object({ id: z.uuid().nullable(), naam: z.string() }).nullable(),
    doorInwoner: z.boolean(),
    op: z.string(),
  })
  .meta({ id: 'ZaakGebeurtenis' });

export const zaakSchema = zaakSamenvattingSchema
  .extend({
    omschrijving: z.string(),
    taal: z.enum(['nl', 'en']),
    betrokkene: z
      .object({
        naam: z.string(),
        email: z.string().nullable(),
        telefoon: z.string().nullable(),
        taal: z.enum(['nl', 'en']),
        adres: z
          .object({ postcode: z.string(), huisnummer: z.number().int(), huisnummerToevoeging: z.string().nullable() })
          .nullable()
          .describe('Het eigen adres van de inwoner (ADR 0083); null: niet gegeven of gewist'),
      })
      .nullable(),
    zaaktypeVersie: zaaktypeSchema,
    statussen: z.array(
      z.object({
        volgnummer: z.number().int(),
        naam: z.string(),
        naamEn: z.string(),
        tekst: tweetalig,
        informeren: z.boolean(),
        eindstatus: z.boolean(),
        gezetOp: z.string().nullable(),
        huidig: z.boolean(),
        volgende: z.boolean(),
      }),
    ),
    resultaat: z.object({ id: z.uuid(), naam: z.string(), toelichting: z.string() }).nullable(),
    archiefactiedatum: z.string().nullable(),
    reactieOntvangen: z.boolean().describe('De inwoner reageerde tijdens de lopende opschorting'),
    termijn: z.object({
      norm: z.string().describe('De norm die geldt: die van het zaaktype, die bij registratie is meegegeven (bij een melding de norm van haar categorie), of een andere die het zaaktype toestaat (normKeuze)'),
      ontvangstdatum: z.string(),
      startdatum: z.string().describe('De dag waarna de termijn telt: de ontvangst, of de dag die de behandelaar vastlegde (bij bezwaar het einde van de bezwaartermijn)'),
      normKeuze: z.array(z.string()).describe('De normen die deze zaak kan krijgen'),
      startVastleggen: z.boolean().describe('Het zaaktype laat de behandelaar de dag vastleggen waarna de termijn telt'),
      oorspronkelijkeEinddatum: z.string(),
      uiterlijkeEinddatum: z.string(),
      verlengingen: z.array(z.object({ duur: z.string(), reden: z.string(), op: z.string() })),
      opschortingen: z.array(z.object({ van: z.string(), tot: z.string().nullable(), reden: z.string() })),
      opgeschorteDagen: z.number().int(),
      verschoven: z.array(z.object({ datum: z.string(), reden: z.string(), naam: z.string() })),
      regel: z.string(),
      maxVerlenging: z.string().nullable(),
      opschortingToegestaan: z.boolean(),
      berekendOp: z.string(),
    }),
    tijdlijn: z.array(tijdlijnRegel),
    documenten: z.array(
      z.object({ id: z.uuid(), bestandsnaam: z.string(), mediatype: z.string(), grootte: z.number().int(), sha256: z.string(), extern: z.boolean(), aangemaaktOp: z.string() }),
    ),
    relaties: z.array(z.object({ zaak: z.object({ id: z.uuid(), identificatie: z.string(), onderwerp: z.string() }), soort: z.string() })),
  })
  .meta({ id: 'Zaak' });

export const aangemaakteZaakSchema = zaakSchema
  .extend({
    volgcode: z.string().describe('Alleen nu te zien: de code van de volgpagina (ook gemaild aan de inwoner)'),
    volglink: z.string(),
  })
  .meta({ id: 'AangemaakteZaak' });

export const toewijzingBody = z
  .strictObject({ behandelaar: behandelaarKeuze.nullable().describe("null: niemand (terug naar het team)"), team: id.optional() })
  .meta({ id: 'Toewijzing' });
export const bulkToewijzingBody = z
  .strictObject({
    zaken: z.array(id).min(1, 'Kies minstens één zaak.').max(100, 'Hoogstens 100 zaken tegelijk.'),
    behandelaar: behandelaarKeuze.nullable(),
    team: id.optional(),
  })
  .meta({ id: 'BulkToewijzing' });
export const bulkResultaatSchema = z.object({ items: z.array(z.object({ id: z.uuid(), versie: z.number().int() })) }).meta({ id: 'BulkToewijzingResultaat' });
export const statusBody = z
  .strictObject({ statustype: z.number().int('Kies een heel getal.').min(1).max(99).describe('Volgnummer van het statustype'), toelichting: optioneleTekst(2000) })
  .meta({ id: 'NieuweStatus' });
export const notitieBody = z.strictObject({ tekst: tekst(10_000), extern: z.boolean().default(false).describe('Zichtbaar voor de inwoner') }).meta({ id: 'NieuweNotitie' });
export const berichtBody = z.strictObject({ tekst: tekst(10_000) }).meta({ id: 'NieuwBerichtAanInwoner' });
export const opschortingBody = z.strictObject({ reden: tekst(1000) }).meta({ id: 'NieuweOpschorting' });
export const opschortingEindeBody = z.strictObject({ toelichting: optioneleTekst(1000) }).meta({ id: 'OpschortingEinde' });
export const verlengingBody = z.strictObject({ duur, reden: tekst(1000) }).meta({ id: 'NieuweVerlenging' });
export const termijnBody = z
  .strictObject({
    startdatum: datum.optional().describe('De dag waarna de termijn telt (alleen bij een zaaktype met termijnStart gebeurtenis; bij bezwaar het einde van de bezwaartermijn)'),
    norm: duur.optional().describe('De norm van deze zaak: die van het zaaktype of een uit zijn normKeuze'),
    reden: tekst(1000),
  })
  .refine((b) => b.startdatum !== undefined || b.norm !== undefined, { message: 'Geef een startdatum, een norm of beide.', path: ['startdatum'] })
  .meta({ id: 'TermijnVastleggen' });
export const afsluitingBody = z.strictObject({ resultaattype: id, toelichting: optioneleTekst(5000) }).meta({ id: 'Afsluiting' });
export const omzettingBody = z
  .strictObject({
    zaaktype: z.string().min(1, 'Kies een zaaktype.').max(60).describe('Code van het zaaktype van de nieuwe zaak (de geldende gepubliceerde versie), bijvoorbeeld klacht of bezwaar'),
    onderwerp: naamTekst(200).optional().describe('Onderwerp van de nieuwe zaak; anders dat van deze zaak'),
    team: id.optional().describe('Team van de nieuwe zaak; anders het standaardteam van het zaaktype'),
    reden: tekst(1000).describe('Waarom de zaak een andere soort is (komt in de notitie bij deze zaak)'),
    resultaattype: id.optional().describe('Sluit deze zaak af met dit resultaat van zijn zaaktype; zonder blijft hij open'),
  })
  .meta({ id: 'Omzetting' });
export const relatieBody = z.strictObject({ zaak: id, soort: z.enum(['vervolg', 'onderwerp', 'bijdrage', 'gerelateerd']).default('gerelateerd') }).meta({ id: 'NieuweRelatie' });

const banden = {
  teLaat: z.number().int(),
  vandaag: z.number().int(),
  dezeWeek: z.number().int(),
  later: z.number().int(),
  opgeschort: z.number().int().describe('Opgeschorte zaken: hun termijn staat stil, ze staan in geen termijnband'),
};
export const overzichtSchema = z
  .object({
    peildatum: z.string(),
    teams: z.array(z.object({ team: naamRef, ...banden })),
    behandelaars: z.array(z.object({ behandelaar: naamRef.nullable(), ...banden })),
  })
  .meta({ id: 'ZakenOverzicht' });

export const medewerkersQuery = paginaQuery
  .extend({
    rol: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : v.split(',').map((r) => r.trim())))
      .pipe(z.array(z.enum(ROLLEN, `Kies uit ${ROLLEN.join(', ')}.`)).min(1).optional())
      .describe('Eén rol of meer, met komma’s: wie een van deze rollen heeft. Wie behandelaar kan zijn: behandelaar,teamleider,beheerder'),
    team: id.optional().describe('Alleen de leden van dit team'),
  })
  .strict();

export const medewerkerSchema = z
  .object({ id: z.uuid(), naam: z.string(), rollen: z.array(z.enum(ROLLEN)).describe('Rollen in deze gemeente'), teams: z.array(naamRef) })
  .meta({ id: 'Medewerker' });
