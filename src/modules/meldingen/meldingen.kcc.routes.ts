import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { badRequest, type ProblemError } from '../../http/problem.ts';
import { beleid } from '../../http/rechten.ts';
import { vertaler } from '../../i18n/i18n.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { MAX_FOTOS, type MeldingformulierService } from '../meldingformulier/meldingformulier.service.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { kccMeldingBody, meldingDetailSchema, meldingParams } from './meldingen.behandeling.schemas.ts';
import type { MeldingenBehandelingService } from './meldingen.behandeling.service.ts';
import { FOTO_MAX_BYTES } from './meldingen.fotos.ts';
import { meldingNietGevonden } from './meldingen.errors.ts';
import { EMAIL, type MeldingenService } from './meldingen.service.ts';

const tags = ['Meldingen'];
const basis = `${API_PREFIX}/gemeenten/:gemeente`;
const tweetalig = z.object({ nl: z.string(), en: z.string() });

const suggestieQuery = z.strictObject({
  beschrijving: z.string().max(4000, 'Hoogstens 4000 tekens.').describe('Wat de beller meldt'),
  taal: z.enum(['nl', 'en']).default('nl').describe('Taal van de namen van de categorieën'),
});
const suggestieSchema = z
  .object({
    suggestie: z
      .object({
        categorie: z.object({ code: z.string(), naam: tweetalig, hoofdcategorie: z.string().nullable() }),
        zekerheid: z.number().describe('Aandeel van alle punten (0–1); alleen boven de drempel wordt iets voorgesteld'),
        uitleg: z.array(
          z.object({
            woord: z.string(),
            bron: z.enum(['trefwoord', 'eerdere-meldingen']),
            punten: z.number(),
            meldingen: z.object({ categorie: z.number().int(), totaal: z.number().int() }).optional().describe('Bij eerdere meldingen: in hoeveel van deze categorie en van alle categorieën'),
          }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'MeldingSuggestie' });

const adressenQuery = z.strictObject({
  postcode: z.string().max(20).default(''),
  huisnummer: z.string().max(20).default(''),
  straat: z.string().max(100).default('').describe('Deel van de straatnaam (minstens 3 letters); dan zonder postcode'),
});
const adresSchema = z.object({ postcode: z.string(), huisnummer: z.number().int(), toevoeging: z.string(), straat: z.string(), woonplaats: z.string(), lat: z.number(), lon: z.number() });

const dubbelenQuery = z.strictObject({
  categorie: z.string().regex(/^[a-z0-9-]{1,50}$/, 'Geef de code van een subcategorie.'),
  lat: z.coerce.number('Geef een getal.').min(-90).max(90),
  lon: z.coerce.number('Geef een getal.').min(-180).max(180),
});
const dubbelSchema = z.object({
  zaakId: z.uuid(),
  identificatie: z.string(),
  afstandM: z.number().int(),
  adres: z.string(),
  ontvangenOp: z.string(),
  status: z.string().describe('De status van de zaak'),
});

const volgerBody = z
  .strictObject({
    email: z.string().trim().max(254, 'Hoogstens 254 tekens.').regex(EMAIL, 'Dit is geen geldig e-mailadres.'),
    taal: z.enum(['nl', 'en']).default('nl'),
  })
  .meta({ id: 'MeldingVolger' });

/** A photo of the caller, sent along as base64 (one request: the melding and its photos in one transaction). */
const kccMeldingMetFotos = kccMeldingBody
  .extend({
    fotos: z
      .array(z.strictObject({ bestandsnaam: z.string().max(200).default('foto'), inhoud: z.base64('Geen geldige base64.').max(Math.ceil((FOTO_MAX_BYTES * 4) / 3) + 4, 'De foto is te groot (hoogstens 10 MB).') }))
      .max(MAX_FOTOS, `Hoogstens ${MAX_FOTOS} foto's.`)
      .default([]),
  })
  .meta({ id: 'KccMeldingMetFotos' });

/** The resident form's problem codes (meldingformulier.service) as invalidParams, with the B1 texts of the form. */
function adresFout(fouten: readonly { veld: string; code: string }[]): ProblemError {
  const t = vertaler('nl', 'melding');
  return badRequest(fouten.map((f) => ({ name: f.veld, code: f.code, reason: t(`fout.${f.code}`) })));
}

/**
 * The KCC registers a melding on a caller's behalf (issue 12, ADR 0058 and 0075) in the same flow
 * as the resident's form and through the same services: the category suggestion, the address
 * search, nearby duplicates (the caller may follow one instead) and the registration itself
 * (meldingformulier.meldNamens → meldingen.meld).
 */
export function meldingenKccRoutes(app: FastifyInstance, deps: { formulier: MeldingformulierService; meldingen: MeldingenService; behandeling: MeldingenBehandelingService }): void {
  const { formulier, meldingen, behandeling } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${basis}/melding-suggesties`, {
    config: { policy: beleid('zakenRegistreren') },
    schema: { tags, summary: 'Voorstel van een categorie bij een beschrijving, met de woorden die telden en waar ze vandaan komen (trefwoorden, eerdere meldingen)', params: gemeenteParams, querystring: suggestieQuery, response: { 200: suggestieSchema } },
    handler: async (request) => {
      const s = await formulier.suggestie(request.params.gemeente, request.query.beschrijving, request.query.taal);
      return {
        suggestie: s ? { categorie: { code: s.categorie.code, naam: s.categorie.naam, hoofdcategorie: s.categorie.hoofdcategorie }, zekerheid: s.zekerheid, uitleg: s.uitleg } : null,
      };
    },
  });

  r.get(`${basis}/melding-adressen`, {
    config: { policy: beleid('zakenRegistreren') },
    schema: {
      tags,
      summary: 'Adressen zoeken voor een melding: op postcode en huisnummer, of op (een deel van) de straatnaam',
      params: gemeenteParams,
      querystring: adressenQuery,
      response: { 200: z.object({ items: z.array(adresSchema) }).meta({ id: 'MeldingAdressen' }) },
    },
    handler: async (request) => {
      const uitkomst = await formulier.zoekAdres(request.params.gemeente, request.query);
      if (uitkomst.fouten.length > 0) throw adresFout(uitkomst.fouten);
      return { items: uitkomst.adressen };
    },
  });

  r.get(`${basis}/melding-dubbelen`, {
    config: { policy: beleid('zakenRegistreren') },
    schema: {
      tags,
      summary: 'Open meldingen van dezelfde categorie dichtbij (de laatste 12 weken), dichtstbijzijnde eerst',
      params: gemeenteParams,
      querystring: dubbelenQuery,
      response: { 200: z.object({ items: z.array(dubbelSchema) }).meta({ id: 'MeldingDubbelen' }) },
    },
    handler: async (request) => {
      const { categorie, lat, lon } = request.query;
      const dubbelen = await meldingen.dubbelen(request.params.gemeente, categorie, { lat, lon }, { straalM: formulier.dubbelStraalM });
      return { items: dubbelen.map((d) => ({ zaakId: d.zaakId, identificatie: d.identificatie, afstandM: d.afstandM, adres: d.adres, ontvangenOp: d.ontvangenOp, status: d.stand.statusNaam })) };
    },
  });

  r.post(`${basis}/meldingen/:zaakId/volgers`, {
    config: { policy: beleid('zakenRegistreren') },
    schema: {
      tags,
      summary: 'De beller volgt een open melding in plaats van een nieuwe te doen ("de beller wil deze volgen"): hij krijgt de berichten over de voortgang',
      params: meldingParams,
      body: volgerBody,
      response: { 201: z.object({ identificatie: z.string() }).meta({ id: 'MeldingGevolgd' }) },
    },
    handler: async (request, reply) => {
      const { gemeente, zaakId } = request.params;
      const gevolgd = await meldingen.volg(contextVan(request), gemeente, zaakId, request.body);
      if (!gevolgd) throw meldingNietGevonden();
      return reply.code(201).send(gevolgd);
    },
  });

  r.post(`${basis}/meldingen`, {
    // The photos come along as base64: up to MAX_FOTOS of 10 MB each.
    bodyLimit: Math.ceil((MAX_FOTOS * FOTO_MAX_BYTES * 4) / 3) + 256 * 1024,
    config: { policy: beleid('zakenRegistreren') },
    schema: {
      tags,
      summary: 'Melding registreren namens een beller of bezoeker (kanaal telefoon of balie): dezelfde controles als het formulier voor inwoners, foto’s (base64) zonder metadata opgeslagen',
      params: gemeenteParams,
      body: kccMeldingMetFotos,
      response: { 201: meldingDetailSchema },
    },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      const wie = wieVan(request, gemeente);
      const { fotos, ...rest } = request.body;
      const melding = await formulier.meldNamens(contextVan(request), wie.naam ?? 'Medewerker', gemeente, {
        ...rest,
        fotos: fotos.map((f) => ({ bestandsnaam: f.bestandsnaam, inhoud: Buffer.from(f.inhoud, 'base64') })),
      });
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/meldingen/${melding.zaakId}`);
      return reply.code(201).send(await behandeling.melding(gemeente, melding.zaakId));
    },
  });
}
