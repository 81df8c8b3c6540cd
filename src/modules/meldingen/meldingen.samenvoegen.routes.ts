import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteCode, gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { meldingParams } from './meldingen.behandeling.schemas.ts';
import { DUBBEL_STRAAL_M } from './meldingen.service.ts';
import { MAX_SAMENVOEGEN, type MeldingSamenvoegenService } from './meldingen.samenvoegen.service.ts';

const tags = ['Meldingen'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/meldingen`;
const id = z.uuid('Dit is geen geldige id.');
const tweetalig = z.object({ nl: z.string(), en: z.string() });

const kandidatenQuery = z.strictObject({
  straal: z.coerce.number().int('Kies een heel aantal meters.').min(1, 'Minimaal 1 meter.').max(1000, 'Hoogstens 1000 meter.').default(DUBBEL_STRAAL_M).describe('Straal in meters (standaard 50)'),
});
const kandidatenSchema = z
  .object({
    items: z.array(z.object({ zaakId: z.uuid(), identificatie: z.string(), adres: z.string(), afstandM: z.number(), ontvangenOp: z.string(), statusTekst: tweetalig })),
  })
  .meta({ id: 'SamenvoegKandidaten' });

const samenvoegBody = z
  .strictObject({
    meldingen: z.array(id).min(1, 'Kies minstens één melding om samen te voegen.').max(MAX_SAMENVOEGEN, `Hoogstens ${MAX_SAMENVOEGEN} meldingen tegelijk.`).describe('De meldingen die in deze (hoofd)melding opgaan'),
    toelichting: z.string().trim().max(2000, 'Hoogstens 2000 tekens.').default('').describe('Extra tekst voor de melders van de samengevoegde meldingen'),
  })
  .meta({ id: 'MeldingenSamenvoegen' });
const verwijzing = z.object({ zaakId: z.uuid(), identificatie: z.string() });
const samenvoegingSchema = z.object({ hoofd: verwijzing, samengevoegd: z.array(verwijzing) }).meta({ id: 'Samenvoeging' });

const verzoekSchema = z
  .object({
    id: z.uuid(),
    zaakId: z.uuid(),
    aangevraagdOp: z.string(),
    status: z.enum(['open', 'geaccepteerd', 'afgewezen']),
    beslotenOp: z.string().nullable(),
    beslotenNaam: z.string().nullable(),
    reden: z.string(),
  })
  .meta({ id: 'Heropenverzoek' });
const verzoekenQuery = z.strictObject({ status: z.enum(['open', 'geaccepteerd', 'afgewezen'], 'Kies open, geaccepteerd of afgewezen.').optional() });
const verzoekParams = z.strictObject({ gemeente: gemeenteCode, zaakId: id, verzoekId: id });
const besluitBody = z
  .strictObject({
    besluit: z.enum(['accepteren', 'afwijzen'], 'Kies accepteren of afwijzen.'),
    reden: z.string().trim().max(2000, 'Hoogstens 2000 tekens.').default('').describe('Bij afwijzen verplicht: de melder krijgt deze reden per e-mail'),
  })
  .superRefine((b, ctx) => {
    if (b.besluit === 'afwijzen' && b.reden === '') ctx.addIssue({ code: 'custom', path: ['reden'], message: 'Geef de reden: de melder krijgt die per e-mail.' });
  })
  .meta({ id: 'HeropenBesluit' });

/**
 * Merging duplicate meldingen and reopen requests (ADR 0074): candidates near a melding, the
 * merge itself, the reopen requests after a "nee" and the team's decision on one.
 */
export function meldingSamenvoegenRoutes(app: FastifyInstance, deps: { samenvoegen: MeldingSamenvoegenService }): void {
  const { samenvoegen } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${basis}/:zaakId/samenvoeg-kandidaten`, {
    config: { policy: beleid('zakenLezen') },
    schema: {
      tags,
      summary: 'Open meldingen van dezelfde categorie dichtbij (dichtstbijzijnde eerst, hoogstens 10): kandidaten om in deze melding samen te voegen',
      params: meldingParams,
      querystring: kandidatenQuery,
      response: { 200: kandidatenSchema },
    },
    handler: async (request) => samenvoegen.kandidaten(request.params.gemeente, request.params.zaakId, request.query.straal),
  });

  r.post(`${basis}/:zaakId/samenvoegingen`, {
    config: { policy: beleid('meldingenSamenvoegen') },
    schema: {
      tags,
      summary:
        'Dubbele meldingen samenvoegen in deze (hoofd)melding: ze worden afgesloten met een verwijzing, hun melders en volgers krijgen voortaan de berichten van de hoofdmelding. Niet ongedaan te maken.',
      params: meldingParams,
      body: samenvoegBody,
      response: { 201: samenvoegingSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, zaakId } = request.params;
      return reply.code(201).send(await samenvoegen.samenvoegen(wieVan(request, gemeente), gemeente, zaakId, request.body));
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/melding-heropenverzoeken`, {
    config: { policy: beleid('zakenLezen') },
    schema: {
      tags,
      summary: 'Verzoeken om heropenen: de melder zei "nee" op de vraag na afhandeling, binnen 14 dagen na het afsluiten (nieuwste eerst)',
      params: gemeenteParams,
      querystring: verzoekenQuery,
      response: { 200: z.object({ items: z.array(verzoekSchema) }).meta({ id: 'Heropenverzoeken' }) },
    },
    handler: async (request) => ({ items: await samenvoegen.heropenverzoeken(request.params.gemeente, request.query.status ? { status: request.query.status } : {}) }),
  });

  r.post(`${basis}/:zaakId/heropenverzoeken/:verzoekId/besluiten`, {
    config: { policy: beleid('meldingenSamenvoegen') },
    schema: {
      tags,
      summary: 'Besluit over een verzoek om heropenen: accepteren (de melding gaat opnieuw open met een nieuwe termijn volgens de norm van de categorie) of afwijzen met een reden (de melder krijgt een e-mail)',
      params: verzoekParams,
      body: besluitBody,
      response: { 201: verzoekSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, zaakId, verzoekId } = request.params;
      const wie = wieVan(request, gemeente);
      const uitkomst =
        request.body.besluit === 'accepteren'
          ? await samenvoegen.accepteer(wie, gemeente, zaakId, verzoekId, { toelichting: request.body.reden })
          : await samenvoegen.wijsAf(wie, gemeente, zaakId, verzoekId, { reden: request.body.reden });
      return reply.code(201).send(uitkomst);
    },
  });
}
