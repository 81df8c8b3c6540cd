import { z } from 'zod';
import { adresInvoer, emailadres, huisnummer, huisnummerToevoeging, postcode, telefoonnummer } from '../../http/contactvelden.ts';
import { KLANTCONTACT_KANALEN, KLANTCONTACT_UITKOMSTEN, VERTROUWELIJKHEDEN } from '../../db/schema.ts';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { behandelaarKeuze } from '../zaken/zaken.schemas.ts';
import { datum } from '../zaaktypen/zaaktypen.schemas.ts';

const id = z.uuid('Dit is geen geldige id.');
/** A one-line text as people see it: control and bidi characters removed (src/tekst.ts). */
const regel = (max: number) => z.string().overwrite(schoneNaam).min(1, 'Vul dit in.').max(max, `Hoogstens ${max} tekens.`);
const vrijeTekst = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`);

export const klantcontactParams = z.strictObject({ gemeente: gemeenteCode, id });

const kanaal = z.enum(KLANTCONTACT_KANALEN, { error: (issue) => (issue.input === undefined ? 'Kies het kanaal van het contact.' : `Kies een van: ${KLANTCONTACT_KANALEN.join(', ')}.`) });
const uitkomst = z.enum(KLANTCONTACT_UITKOMSTEN, {
  error: (issue) => (issue.input === undefined ? 'Kies de uitkomst van het contact.' : `Kies een van: ${KLANTCONTACT_UITKOMSTEN.join(', ')}.`),
});

const persoonInvoer = z
  .strictObject({
    naam: z.string().overwrite(schoneNaam).max(200, 'Hoogstens 200 tekens.').optional(),
    email: emailadres.optional(),
    telefoon: telefoonnummer.optional(),
  })
  .refine((p) => Boolean(p.naam || p.email || p.telefoon), 'Geef een naam, e-mailadres of telefoonnummer, of laat de persoon weg.')
  .describe('De persoon (mag anoniem blijven): alleen wat nodig is om terug te bellen of te mailen. Wordt na een jaar gewist.');

const zaakInvoer = z
  .strictObject({
    zaaktype: z.string().min(1, 'Kies een zaaktype.').max(60, 'Hoogstens 60 tekens.').describe('Code van het zaaktype (de geldende gepubliceerde versie) of de id van een gepubliceerde versie'),
    onderwerp: regel(200).optional().describe('Standaard het onderwerp van het contact'),
    omschrijving: vrijeTekst(10_000).optional().describe('Standaard de vraag van het contact'),
    vertrouwelijkheid: z.enum(VERTROUWELIJKHEDEN).optional().describe('Standaard die van het zaaktype'),
    team: id.optional().describe('Standaard het team van het zaaktype'),
    behandelaar: behandelaarKeuze.optional(),
    taal: z.enum(['nl', 'en']).default('nl').describe('De taal van de ontvangstbevestiging aan de persoon'),
    adres: adresInvoer
      .optional()
      .describe('Het eigen adres van de persoon (postcode, huisnummer, toevoeging), alleen om de zaak later op adres te vinden (ADR 0083); niet bij het contact bewaard'),
  })
  .describe('Registreer uit dit contact een zaak, in dezelfde transactie: lukt de zaak niet, dan wordt ook het contact niet vastgelegd');

export const nieuwKlantcontactBody = z
  .strictObject({
    kanaal,
    onderwerp: regel(200).describe('Waar het contact over ging'),
    vraag: vrijeTekst(10_000).default('').describe('De vraag van de inwoner (zonder persoonsgegevens)'),
    antwoord: vrijeTekst(10_000).default('').describe('Het antwoord dat is gegeven'),
    uitkomst,
    op: z.iso
      .datetime({ offset: true, error: 'Geef een tijdstip als 2026-03-02T10:15:00+01:00.' })
      .optional()
      .describe('Wanneer het contact plaatsvond; standaard nu. Niet in de toekomst.'),
    persoon: persoonInvoer.optional(),
    zaken: z.array(id).max(20, 'Hoogstens 20 zaken.').default([]).describe('Bestaande zaken waar het contact over ging'),
    zaak: zaakInvoer.optional(),
  })
  .superRefine((k, ctx) => {
    if (k.zaak && k.uitkomst !== 'zaak-aangemaakt') {
      ctx.addIssue({ code: 'custom', path: ['uitkomst'], message: 'Wie een zaak aanmaakt, kiest de uitkomst zaak-aangemaakt.' });
    }
    if (k.uitkomst === 'zaak-aangemaakt' && !k.zaak && k.zaken.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['uitkomst'], message: 'Bij de uitkomst zaak-aangemaakt hoort een zaak: geef zaak, of koppel de zaak in zaken.' });
    }
    k.zaken.forEach((zaak, i) => {
      if (k.zaken.indexOf(zaak) !== i) ctx.addIssue({ code: 'custom', path: ['zaken', i], message: 'Deze zaak staat er al.' });
    });
  })
  .meta({ id: 'NieuwKlantcontact' });
export type NieuwKlantcontactInvoer = z.output<typeof nieuwKlantcontactBody>;

export const klantcontactenQuery = z
  .strictObject({
    kanaal: z.enum(KLANTCONTACT_KANALEN).optional(),
    uitkomst: z.enum(KLANTCONTACT_UITKOMSTEN).optional(),
    van: datum.optional().describe('Eerste dag (JJJJ-MM-DD, Nederlandse tijd), inbegrepen'),
    tot: datum.optional().describe('Laatste dag (JJJJ-MM-DD, Nederlandse tijd), inbegrepen'),
    cursor: z.string().max(200).optional().describe('Uit _links.next van de vorige pagina'),
    pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(100, 'Maximaal 100 per pagina.').default(20),
  })
  .refine((q) => q.van === undefined || q.tot === undefined || q.van <= q.tot, { path: ['tot'], message: 'De laatste dag ligt voor de eerste.' });
export type KlantcontactenFilter = z.output<typeof klantcontactenQuery>;

export const zoekZakenQuery = z
  .strictObject({
    zaaknummer: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^Z-\d{4}-\d{6}$/, 'Geef een zaaknummer als Z-2026-000123.')
      .optional()
      .describe('Precies dit zaaknummer, open of afgesloten'),
    email: emailadres.optional().describe('De zaken van de inwoner met dit e-mailadres, open of afgesloten'),
    postcode: postcode.optional().describe('Met huisnummer: de zaken van de inwoner op dit adres, open of afgesloten (1111AA of 1111 aa)'),
    huisnummer: huisnummer.optional().describe('Met postcode'),
    huisnummerToevoeging: huisnummerToevoeging.optional().describe('Met postcode en huisnummer: alleen deze toevoeging (A, 2, A-2); zonder: elke toevoeging op dat huisnummer'),
    cursor: z.string().max(200).optional().describe('Uit _links.next van de vorige pagina'),
    pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(100, 'Maximaal 100 per pagina.').default(20),
  })
  .superRefine(
    (q, ctx) => {
      // Runs also when a field is wrong (`when`), so every error comes in one answer; it looks only at which keys are given.
      const opAdres = q.postcode !== undefined || q.huisnummer !== undefined || q.huisnummerToevoeging !== undefined;
      const manieren = [q.zaaknummer !== undefined, q.email !== undefined, opAdres].filter(Boolean).length;
      if (manieren === 0) ctx.addIssue({ code: 'custom', path: [], message: 'Zoek op zaaknummer, op email, of op postcode en huisnummer.' });
      if (manieren > 1) ctx.addIssue({ code: 'custom', path: [], message: 'Zoek op één manier tegelijk: zaaknummer, email, of postcode en huisnummer.' });
      if (opAdres && q.postcode === undefined) ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Geef ook de postcode.' });
      if (opAdres && q.huisnummer === undefined) ctx.addIssue({ code: 'custom', path: ['huisnummer'], message: 'Geef ook het huisnummer.' });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type ZoekZakenInvoer = z.output<typeof zoekZakenQuery>;

const door = z.object({ type: z.enum(['gebruiker', 'token', 'cli', 'systeem']), id: z.uuid().nullable(), naam: z.string().nullable() }).describe('Wie het contact registreerde');
const gekoppeldeZaak = z.object({ id: z.uuid(), identificatie: z.string(), aangemaakt: z.boolean().describe('De zaak is uit dit contact geregistreerd') });

export const klantcontactSamenvattingSchema = z
  .object({
    id: z.uuid(),
    kanaal,
    onderwerp: z.string(),
    uitkomst,
    op: z.string().describe('Wanneer het contact plaatsvond (UTC)'),
    geregistreerdOp: z.string(),
    geregistreerdDoor: door,
    metPersoon: z.boolean().describe('Er zijn gegevens van de persoon (zie het contact zelf)'),
    zaken: z.array(gekoppeldeZaak),
  })
  .meta({ id: 'KlantcontactSamenvatting' });

export const klantcontactenSchema = z
  .object({
    items: z.array(klantcontactSamenvattingSchema),
    pageSize: z.number().int(),
    _links: z.object({ self: z.object({ href: z.string() }), next: z.object({ href: z.string() }).optional() }),
  })
  .meta({ id: 'Klantcontacten' });

export const klantcontactSchema = klantcontactSamenvattingSchema
  .extend({
    vraag: z.string(),
    antwoord: z.string(),
    persoon: z.object({ naam: z.string(), email: z.string().nullable(), telefoon: z.string().nullable() }).nullable().describe('Null: anoniem, of gewist na de bewaartermijn (zie geschiedenis)'),
    geschiedenis: z.array(
      z.object({
        volgnummer: z.number().int(),
        soort: z.enum(['geregistreerd', 'persoon-gewist']),
        gegevens: z.record(z.string(), z.unknown()),
        door: z.object({ id: z.uuid().nullable(), naam: z.string() }).nullable(),
        op: z.string(),
      }),
    ),
  })
  .meta({ id: 'Klantcontact' });

export const geregistreerdKlantcontactSchema = klantcontactSchema
  .extend({
    zaak: z
      .object({
        id: z.uuid(),
        identificatie: z.string(),
        uiterlijkeEinddatum: z.string(),
        volgcode: z.string().describe('Alleen nu te zien: de code van de volglink'),
        volglink: z.string().describe('Alleen nu te zien: geef deze link aan de inwoner (of stuur hem in een brief)'),
      })
      .nullable()
      .describe('De zaak die uit dit contact is geregistreerd'),
  })
  .meta({ id: 'GeregistreerdKlantcontact' });
