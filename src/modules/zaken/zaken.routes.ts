import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { pagina, paginaSchema } from '../../http/pagination.ts';
import { rollenIn, type Policy } from '../../http/policy.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import {
  aangemaakteZaakSchema,
  afsluitingBody,
  berichtBody,
  nieuweZaakBody,
  bulkResultaatSchema,
  bulkToewijzingBody,
  documentParams,
  documentQuery,
  medewerkerSchema,
  medewerkersQuery,
  notitieBody,
  opschortingBody,
  opschortingEindeBody,
  overzichtSchema,
  omzettingBody,
  relatieBody,
  statusBody,
  toewijzingBody,
  verlengingBody,
  termijnBody,
  werkvoorraadQuery,
  werkvoorraadSchema,
  zaakParams,
  zaakSchema,
} from './zaken.schemas.ts';
import { bestandsnaamUit, controleerDocument, MAX_DOCUMENT } from './zaken.documenten.ts';
import type { Wie, ZakenService } from './zaken.service.ts';

const tags = ['Zaken'];
const lezen = beleid('zakenLezen');
const registreren = beleid('zakenRegistreren');
const behandelen = beleid('zakenBehandelen');
const leiding = beleid('zakenLeiden');
const basis = `${API_PREFIX}/gemeenten/:gemeente/zaken`;

/** Who calls: the audit context, the staff user id (not for API tokens) and the roles in this gemeente. */
export function wieVan(request: FastifyRequest, gemeente: string): Wie {
  const principal = request.principal;
  return {
    context: contextVan(request),
    gebruiker: principal?.type === 'gebruiker' ? principal.id : null,
    naam: principal?.naam ?? null,
    rollen: principal ? rollenIn(principal, gemeente) : [],
  };
}

/** Zaken: registration, work queues, detail, every action, the teamleider overview. */
/** The answer to any route that makes a zaak (registration, conversion, a procedure's registration): 201 with its ETag, Location, code and link. */
export function stuurNieuweZaak<Z extends { id: string; versie: number }>(reply: FastifyReply, gemeente: string, nieuw: { zaak: Z; volgcode: string | null; volglink: string | null }) {
  zetEtag(reply, nieuw.zaak.versie);
  reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/zaken/${nieuw.zaak.id}`);
  return reply.code(201).send({ ...nieuw.zaak, volgcode: nieuw.volgcode, volglink: nieuw.volglink });
}

export function zakenRoutes(app: FastifyInstance, deps: { zaken: ZakenService }): void {
  const { zaken } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(basis, {
    config: { policy: registreren },
    schema: { tags, summary: 'Zaak registreren (stuurt de ontvangstbevestiging)', params: gemeenteParams, body: nieuweZaakBody, response: { 201: aangemaakteZaakSchema } },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      return stuurNieuweZaak(reply, gemeente, await zaken.registreer(wieVan(request, gemeente), gemeente, request.body));
    },
  });

  r.get(basis, {
    config: { policy: lezen },
    schema: { tags, summary: 'Werkvoorraad: zaken gesorteerd op uiterlijke einddatum (keyset-paginering)', params: gemeenteParams, querystring: werkvoorraadQuery, response: { 200: werkvoorraadSchema } },
    handler: async (request) => {
      const { gemeente } = request.params;
      // A heavy read: from the read replica when it has this caller's own writes (ADR 0028).
      const { items, volgende } = await request.lees(() => zaken.werkvoorraad(wieVan(request, gemeente), gemeente, request.query));
      const [pad, query = ''] = request.url.split('?') as [string, string?];
      const href = (cursor?: string) => {
        const params = new URLSearchParams(query);
        params.delete('cursor');
        if (cursor) params.set('cursor', cursor);
        const tekst = params.toString();
        return { href: tekst ? `${pad}?${tekst}` : pad };
      };
      return { items, pageSize: request.query.pageSize, _links: { self: { href: request.url }, ...(volgende ? { next: href(volgende) } : {}) } };
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/zaken-overzicht`, {
    config: { policy: leiding },
    schema: { tags, summary: 'Open zaken per team en per behandelaar, per termijnband', params: gemeenteParams, response: { 200: overzichtSchema } },
    handler: async (request) => request.lees(() => zaken.overzicht(request.params.gemeente)),
  });

  r.post(`${API_PREFIX}/gemeenten/:gemeente/zaken/toewijzingen`, {
    config: { policy: leiding },
    schema: { tags, summary: 'Zaken in één keer toewijzen (alles of niets)', params: gemeenteParams, body: bulkToewijzingBody, response: { 200: bulkResultaatSchema } },
    handler: async (request) => {
      const { gemeente } = request.params;
      return zaken.wijsToeInBulk(wieVan(request, gemeente), gemeente, request.body);
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: lezen },
    schema: { tags, summary: 'Eén zaak met tijdlijn, statussen en termijnuitleg', params: zaakParams, response: { 200: zaakSchema } },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const zaak = await zaken.detail(wieVan(request, gemeente), gemeente, id);
      zetEtag(reply, zaak.versie);
      return zaak;
    },
  });

  /** An action on one zaak: If-Match required; answers the changed zaak with its new ETag. */
  function actie<B extends z.ZodType>(
    pad: string,
    summary: string,
    policy: Policy,
    body: B,
    uitvoeren: (wie: Wie, gemeente: string, id: string, versie: number, invoer: z.infer<B>) => Promise<z.infer<typeof zaakSchema>>,
  ) {
    r.post(`${basis}/:id/${pad}`, {
      config: { policy },
      schema: { tags, summary, params: zaakParams, body, headers: ifMatchHeader, response: { 200: zaakSchema } },
      handler: async (request, reply) => {
        const { gemeente, id } = request.params;
        const zaak = await uitvoeren(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request), request.body as z.infer<B>);
        zetEtag(reply, zaak.versie);
        return zaak;
      },
    });
  }

  actie('toewijzing', 'Zaak oppakken (behandelaar "ik") of toewijzen', behandelen, toewijzingBody, (w, g, id, v, b) => zaken.wijsToe(w, g, id, v, b));
  actie('statussen', 'Status zetten (alleen vooruit; informeert de inwoner als het statustype dat zegt)', behandelen, statusBody, (w, g, id, v, b) => zaken.zetStatus(w, g, id, v, b));
  actie('notities', 'Notitie toevoegen (intern, of extern: zichtbaar voor de inwoner)', registreren, notitieBody, (w, g, id, v, b) => zaken.voegNotitieToe(w, g, id, v, b));
  actie('berichten', 'Bericht aan de inwoner (per e-mail, en in de tijdlijn)', behandelen, berichtBody, (w, g, id, v, b) => zaken.stuurBericht(w, g, id, v, b));
  actie('opschortingen', 'Termijn opschorten (Awb 4:15)', behandelen, opschortingBody, (w, g, id, v, b) => zaken.schortOp(w, g, id, v, b));
  actie('opschortingen/einde', 'Opschorting beëindigen', behandelen, opschortingEindeBody, (w, g, id, v, b) => zaken.beeindigOpschorting(w, g, id, v, b));
  actie('verlengingen', 'Termijn verlengen (met reden; de inwoner krijgt bericht)', behandelen, verlengingBody, (w, g, id, v, b) => zaken.verleng(w, g, id, v, b));
  actie('termijnen', 'Termijn vastleggen: vanaf welke dag hij telt en welke norm van het zaaktype geldt (bijvoorbeeld bij bezwaar, Awb 7:10)', behandelen, termijnBody, (w, g, id, v, b) =>
    zaken.stelTermijnVast(w, g, id, v, b),
  );
  actie('afsluiting', 'Zaak afsluiten met een resultaat', behandelen, afsluitingBody, (w, g, id, v, b) => zaken.sluitAf(w, g, id, v, b));
  app.register(async (bestanden) => {
    // Only these routes take a raw body of any type; the type is checked by its magic bytes.
    bestanden.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT }, (_request, body, done) => done(null, body));
    const b = bestanden.withTypeProvider<ZodTypeProvider>();
    b.post(`${basis}/:id/documenten`, {
      config: { policy: behandelen, inhoud: 'bestand' },
      schema: {
        tags,
        summary: 'Document toevoegen: het bestand als body, met Content-Type en Content-Disposition (bestandsnaam); hoogstens 10 MB',
        params: zaakParams,
        querystring: documentQuery,
        headers: ifMatchHeader,
        response: { 201: zaakSchema },
      },
      handler: async (request, reply) => {
        const { gemeente, id } = request.params;
        const versie = versieUitIfMatch(request);
        await zaken.controleerZichtbaar(wieVan(request, gemeente), gemeente, id);
        const bestandsnaam = bestandsnaamUit(request.headers['content-disposition']);
        const mediatype = controleerDocument(request.body, request.headers['content-type']);
        const { documentId, zaak } = await zaken.voegDocumentToe(wieVan(request, gemeente), gemeente, id, versie, {
          bestandsnaam,
          mediatype,
          inhoud: request.body as Buffer,
          extern: request.query.extern,
        });
        zetEtag(reply, zaak.versie);
        reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/zaken/${id}/documenten/${documentId}`);
        return reply.code(201).send(zaak);
      },
    });
  });

  r.get(`${basis}/:id/documenten/:documentId`, {
    config: { policy: lezen },
    schema: { tags, summary: 'Document downloaden', params: documentParams },
    handler: async (request, reply) => {
      const { gemeente, id, documentId } = request.params;
      const document = await zaken.document(wieVan(request, gemeente), gemeente, id, documentId);
      return reply
        .type(document.mediatype)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.bestandsnaam)}`)
        .header('Content-Length', String(document.inhoud.length))
        .send(document.inhoud);
    },
  });

  r.post(`${basis}/:id/volgcode`, {
    config: { policy: beleid('volgcodeVernieuwen') },
    schema: {
      tags,
      summary: 'Nieuwe volgcode (de oude werkt niet meer); de inwoner krijgt de nieuwe link per e-mail',
      params: zaakParams,
      headers: ifMatchHeader,
      response: { 200: aangemaakteZaakSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const { zaak, volgcode, volglink } = await zaken.geefNieuweVolgcode(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request));
      zetEtag(reply, zaak.versie);
      return { ...zaak, volgcode, volglink };
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/medewerkers`, {
    config: { policy: lezen },
    schema: {
      tags,
      summary: 'Medewerkers met een rol in de gemeente (voor het kiezen van een behandelaar), met hun rollen en teams',
      params: gemeenteParams,
      querystring: medewerkersQuery,
      response: { 200: paginaSchema(medewerkerSchema, 'MedewerkersPagina') },
    },
    handler: async (request) => {
      const { page, pageSize, rol, team } = request.query;
      const { rijen, total } = await zaken.medewerkers(contextVan(request), request.params.gemeente, { rollen: rol, team, offset: (page - 1) * pageSize, limit: pageSize });
      return pagina(request, request.query, rijen, total);
    },
  });

  actie('relaties', 'Zaak relateren aan een andere zaak', behandelen, relatieBody, (w, g, id, v, b) => zaken.voegRelatieToe(w, g, id, v, b));

  r.post(`${basis}/:id/omzettingen`, {
    config: { policy: behandelen },
    schema: {
      tags,
      summary: 'Zaak omzetten in een nieuwe zaak van een ander zaaktype (bijvoorbeeld een e-mail die een klacht of bezwaar blijkt)',
      description:
        'De nieuwe zaak krijgt de ontvangstdatum van deze zaak (de termijnen tellen daarvan), het kanaal, de inwoner en de vertrouwelijkheid; beide zaken worden aan elkaar gerelateerd (vervolg) en deze zaak krijgt een notitie, en wordt afgesloten als u een resultaat meegeeft. Alles of niets (ADR 0062). If-Match is de versie van deze zaak; het antwoord is de nieuwe zaak.',
      params: zaakParams,
      body: omzettingBody,
      headers: ifMatchHeader,
      response: { 201: aangemaakteZaakSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      return stuurNieuweZaak(reply, gemeente, await zaken.zetOm(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request), request.body));
    },
  });
}

