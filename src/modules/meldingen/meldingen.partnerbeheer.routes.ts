import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteCode, gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { partnerInvoer, partnerSchema } from './meldingen.behandeling.schemas.ts';
import type { MeldingPartnerbeheerService } from './meldingen.partnerbeheer.service.ts';

const tags = ['Meldingen'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/melding-partners`;
const params = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') });

const partnerMetCategorieen = partnerSchema
  .extend({ categorieen: z.array(z.object({ code: z.string(), naam: z.object({ nl: z.string(), en: z.string() }) })).describe('Subcategorieën waarvan de meldingen standaard naar deze partner gaan') })
  .meta({ id: 'MeldingPartnerDetail' });

const partnerWijziging = partnerInvoer
  .extend({
    categorieen: z
      .array(z.string().regex(/^[a-z0-9-]{1,50}$/, 'Geef de code van een subcategorie.'))
      .max(200)
      .default([])
      .describe('Codes van de subcategorieën die standaard naar deze partner gaan; elke categorie die verandert krijgt een nieuwe, gepubliceerde versie'),
  })
  .meta({ id: 'MeldingPartnerWijziging' });

/** Beheerders manage the external partners of meldingen: their details, members and the categories routed to them. */
export function meldingenPartnerbeheerRoutes(app: FastifyInstance, deps: { partnerbeheer: MeldingPartnerbeheerService }): void {
  const { partnerbeheer } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${API_PREFIX}/gemeenten/:gemeente/melding-partner-gebruikers`, {
    config: { policy: beleid('beheer') },
    schema: {
      tags,
      summary: 'Gebruikers met de rol externe-partner: zij kunnen voor een partner werken',
      params: gemeenteParams,
      response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), naam: z.string(), email: z.string() })) }).meta({ id: 'MeldingPartnerGebruikers' }) },
    },
    handler: async (request) => ({ items: await partnerbeheer.partnerGebruikers(request.params.gemeente) }),
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Eén externe partner, met haar gebruikers en de categorieën die naar haar gaan', params, response: { 200: partnerMetCategorieen } },
    handler: async (request) => partnerbeheer.partner(request.params.gemeente, request.params.id),
  });

  r.put(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Externe partner wijzigen: naam, e-mailadres, gebruikers en de categorieën die naar haar gaan', params, body: partnerWijziging, response: { 200: partnerMetCategorieen } },
    handler: async (request) => partnerbeheer.wijzig(contextVan(request), request.params.gemeente, request.params.id, request.body),
  });
}
