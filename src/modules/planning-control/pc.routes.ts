import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX, tekstParser } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import {
  afwijkingenQuery,
  afwijkingenSchema,
  berekendeWaardenSchema,
  berekendeWaardeOvernemenBody,
  documentenLijstSchema,
  documentenQuery,
  financienRegelWijzigingBody,
  hoofdstukSchema,
  importQuery,
  indicatorWijzigingBody,
  nieuweFinancienRegelBody,
  nieuweIndicatorBody,
  nieuweVersieBody,
  onderdeelParams,
  programmaParams,
  programmaSchema,
  programmaWijzigingBody,
  vergelijkingQuery,
  vergelijkingSchema,
  versieParams,
  versieSchema,
  versieWijzigingBody,
} from './pc.schemas.ts';
import { geenHoofdstuk, PcImportFout } from './pc.errors.ts';
import { parseHoofdstuk } from './pc.parser.ts';
import type { PcBerekendService } from './pc.berekend.service.ts';
import type { PcProgramma, PcService } from './pc.service.ts';

const tags = ['Planning en control'];
/** Every staff role of the gemeente reads the register (concepts included); external partners do not. */
const basis = `${API_PREFIX}/gemeenten/:gemeente`;
const versiePad = `${basis}/pc-versies/:id`;
const programmaPad = `${versiePad}/programmas/:programma`;

function programmaAntwoord(reply: FastifyReply, p: PcProgramma) {
  zetEtag(reply, p.etag);
  const { etag: _etag, ...versie } = p.versie;
  return { versieId: p.versie.id, slug: p.slug, naam: p.naam, status: p.versie.status, bewerkbaar: p.versie.status !== 'vastgesteld', versie, hoofdstuk: p.hoofdstuk, etag: p.etag };
}

/**
 * A chapter sent as plain text is read by the importer before the body is checked: a text that is
 * not a chapter in the known layout is a 400 naming the line (`regel`), and nothing is stored.
 */
function leesTekst(request: FastifyRequest<{ Params: { gemeente: string } }>): void {
  if (typeof request.body !== 'string') return;
  try {
    request.body = parseHoofdstuk(request.body, { gemeente: request.params.gemeente });
  } catch (error) {
    if (!(error instanceof PcImportFout)) throw error;
    throw geenHoofdstuk(error);
  }
}

/**
 * The P&C register over /api/v1: documents and versions, chapters and their parts, status
 * changes, new versions, comparison and deviations. Staff read; pc-adviseur and beheerder edit.
 */
export function pcRoutes(app: FastifyInstance, deps: { pc: PcService; berekend: PcBerekendService }): void {
  const { pc, berekend } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${basis}/pc-documenten`, {
    config: { policy: beleid('pcLezen') },
    schema: { tags, summary: 'P&C-documenten met hun versies', params: gemeenteParams, querystring: documentenQuery, response: { 200: documentenLijstSchema } },
    handler: async (request) => ({ items: await pc.documenten(request.params.gemeente, request.query) }),
  });

  app.register(async (tekst) => {
    // Only this route also takes plain text: the chapter as `loket pc import` reads it.
    tekst.addContentTypeParser('text/plain', { parseAs: 'buffer' }, tekstParser);
    tekst.withTypeProvider<ZodTypeProvider>().post(`${basis}/pc-hoofdstukken`, {
      config: { policy: beleid('pcBewerken'), inhoud: 'tekst' },
      preValidation: async (request) => leesTekst(request as FastifyRequest<{ Params: { gemeente: string } }>),
      schema: {
        tags,
        summary: 'Hoofdstuk opslaan als nieuwe conceptversie van zijn document',
        description:
          'Het hoofdstuk als JSON (zoals `loket pc import` het geeft en `loket pc export --format json` het schrijft), of als platte tekst van het hoofdstuk (`Content-Type: text/plain; charset=utf-8`), die de importer eerst leest; een tekst die geen hoofdstuk is geeft 400 met `regel` en `reden`. Het hoofdstuk wordt een nieuwe conceptversie; de andere programma’s van de laatste versie gaan mee.',
        params: gemeenteParams,
        querystring: importQuery,
        body: hoofdstukSchema,
        response: { 201: versieSchema },
      },
      handler: async (request, reply) => {
        const { gemeente } = request.params;
        const v = await pc.importeer(contextVan(request), gemeente, [request.body], { soort: request.query.soort });
        const versie = await pc.versie(gemeente, v.id);
        zetEtag(reply, versie.etag);
        reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/pc-versies/${v.id}`);
        return reply.code(201).send(versie);
      },
    });
  });

  r.get(versiePad, {
    config: { policy: beleid('pcLezen') },
    schema: { tags, summary: 'Eén versie met haar programma’s', params: versieParams, response: { 200: versieSchema } },
    handler: async (request, reply) => {
      const v = await pc.versie(request.params.gemeente, request.params.id);
      zetEtag(reply, v.etag);
      return v;
    },
  });

  r.patch(versiePad, {
    config: { policy: beleid('pcBewerken') },
    schema: {
      tags,
      summary: 'Naam of status van een versie wijzigen',
      description: 'Status: concept → aangeboden → vastgesteld (met de datum van het raadsbesluit). Een aangeboden versie kan terug naar concept (de raad heeft haar nog niet vastgesteld). Een vastgestelde versie verandert niet meer (409).',
      params: versieParams,
      headers: ifMatchHeader,
      body: versieWijzigingBody,
      response: { 200: versieSchema },
    },
    handler: async (request, reply) => {
      const v = await pc.wijzigVersie(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request), request.body);
      zetEtag(reply, v.etag);
      return v;
    },
  });

  r.post(`${versiePad}/opvolgers`, {
    config: { policy: beleid('pcBewerken') },
    schema: { tags, summary: 'Nieuwe conceptversie als kopie van deze versie (begrotingswijziging)', params: versieParams, body: nieuweVersieBody, response: { 201: versieSchema } },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      const v = await pc.nieuweVersie(contextVan(request), gemeente, request.params.id, request.body);
      zetEtag(reply, v.etag);
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/pc-versies/${v.id}`);
      return reply.code(201).send(v);
    },
  });

  r.get(`${versiePad}/vergelijking`, {
    config: { policy: beleid('pcLezen') },
    schema: { tags, summary: 'Verschillen met een andere versie (standaard de vorige)', params: versieParams, querystring: vergelijkingQuery, response: { 200: vergelijkingSchema } },
    handler: async (request) => pc.vergelijk(request.params.gemeente, request.params.id, request.query.met),
  });

  r.get(programmaPad, {
    config: { policy: beleid('pcLezen') },
    schema: { tags, summary: 'Eén programma van een versie', params: programmaParams, response: { 200: programmaSchema } },
    handler: async (request, reply) => programmaAntwoord(reply, await pc.programma(request.params.gemeente, request.params.id, request.params.programma)),
  });

  r.patch(programmaPad, {
    config: { policy: beleid('pcBewerken') },
    schema: {
      tags,
      summary: 'Onderdelen van een programma vervangen',
      description: 'Elk meegegeven onderdeel (visie, paragrafen, doelen, activiteiten, indicatoren, voetnoten, financiën, verdere financiële tabellen, overhevelingen, investeringen) vervangt het oude; de rest blijft. Indicatoren en financiële regels dragen hun aanvullingen (aanvulling, toelichting) zelf mee, dus toevoegen, weghalen en verplaatsen houdt ze bij de juiste indicator of regel.',
      params: programmaParams,
      headers: ifMatchHeader,
      body: programmaWijzigingBody,
      response: { 200: programmaSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id, programma } = request.params;
      return programmaAntwoord(reply, await pc.wijzigProgramma(contextVan(request), gemeente, id, programma, versieUitIfMatch(request), request.body));
    },
  });

  type Ctx = ReturnType<typeof contextVan>;
  /**
   * The routes of one list of a chapter, addressed by position (nr, from 1): POST adds (201),
   * PATCH changes one, DELETE removes one; each with If-Match, each answering the chapter.
   */
  function lijstRoutes<N extends z.ZodType, W extends z.ZodType>(
    lijst: string,
    teksten: { toevoegen: string; wijzigen: string; verwijderen: string; uitleg: string },
    bodies: { nieuw: N; wijziging: W },
    doe: {
      toevoegen: (c: Ctx, gemeente: string, id: string, programma: string, etag: number, b: z.infer<N>) => Promise<PcProgramma>;
      wijzigen: (c: Ctx, gemeente: string, id: string, programma: string, nr: string, etag: number, b: z.infer<W>) => Promise<PcProgramma>;
      verwijderen: (c: Ctx, gemeente: string, id: string, programma: string, nr: string, etag: number) => Promise<PcProgramma>;
    },
  ): void {
    const pad = `${programmaPad}/${lijst}`;
    const basisSchema = { tags, description: teksten.uitleg, headers: ifMatchHeader };
    r.post(pad, {
      config: { policy: beleid('pcBewerken') },
      schema: { ...basisSchema, summary: teksten.toevoegen, params: programmaParams, body: bodies.nieuw, response: { 201: programmaSchema } },
      handler: async (request, reply) => {
        const { gemeente, id, programma } = request.params;
        const p = await doe.toevoegen(contextVan(request), gemeente, id, programma, versieUitIfMatch(request), request.body as z.infer<N>);
        return reply.code(201).send(programmaAntwoord(reply, p));
      },
    });
    r.patch(`${pad}/:nr`, {
      config: { policy: beleid('pcBewerken') },
      schema: { ...basisSchema, summary: teksten.wijzigen, params: onderdeelParams, body: bodies.wijziging, response: { 200: programmaSchema } },
      handler: async (request, reply) => {
        const { gemeente, id, programma, nr } = request.params;
        return programmaAntwoord(reply, await doe.wijzigen(contextVan(request), gemeente, id, programma, nr, versieUitIfMatch(request), request.body as z.infer<W>));
      },
    });
    r.delete(`${pad}/:nr`, {
      config: { policy: beleid('pcBewerken') },
      schema: { ...basisSchema, summary: teksten.verwijderen, params: onderdeelParams, response: { 200: programmaSchema } },
      handler: async (request, reply) => {
        const { gemeente, id, programma, nr } = request.params;
        return programmaAntwoord(reply, await doe.verwijderen(contextVan(request), gemeente, id, programma, nr, versieUitIfMatch(request)));
      },
    });
  }

  lijstRoutes(
    'indicatoren',
    {
      toevoegen: 'Indicator toevoegen (standaard achteraan)',
      wijzigen: 'Eén indicator wijzigen (nr = positie vanaf 1)',
      verwijderen: 'Eén indicator verwijderen (nr = positie vanaf 1)',
      uitleg: 'Naam, soort, waarden met voetnoten en redenen, richting (voor het stoplicht), koppeling, bron, peildatum, toelichting en plaats (positie). De aanvullingen staan in de indicator zelf: toevoegen, weghalen en verplaatsen houdt ze bij de juiste indicator.',
    },
    { nieuw: nieuweIndicatorBody, wijziging: indicatorWijzigingBody },
    { toevoegen: pc.voegIndicatorToe, wijzigen: pc.wijzigIndicator, verwijderen: pc.verwijderIndicator },
  );

  lijstRoutes(
    'financien',
    {
      toevoegen: 'Regel toevoegen aan “Wat heeft het gekost?” (standaard achteraan)',
      wijzigen: 'Eén regel van “Wat heeft het gekost?” wijzigen (nr = positie vanaf 1): naam, bedragen, toelichting, plaats',
      verwijderen: 'Eén regel van “Wat heeft het gekost?” verwijderen (nr = positie vanaf 1)',
      uitleg: 'De controles (saldi, budgetresultaat) worden opnieuw berekend. De toelichting staat in de regel zelf en blijft erbij, ook bij hernoemen of verplaatsen.',
    },
    { nieuw: nieuweFinancienRegelBody, wijziging: financienRegelWijzigingBody },
    { toevoegen: pc.voegFinancienRegelToe, wijzigen: pc.wijzigFinancienRegel, verwijderen: pc.verwijderFinancienRegel },
  );

  r.get(`${programmaPad}/afwijkingen`, {
    config: { policy: beleid('pcLezen') },
    schema: {
      tags,
      summary: 'Afwijkingen van de begroting boven de drempel, met of zonder toelichting',
      params: programmaParams,
      querystring: afwijkingenQuery,
      response: { 200: afwijkingenSchema },
    },
    handler: async (request) => {
      const { gemeente, id, programma } = request.params;
      return pc.afwijkingen(gemeente, id, programma, { bedrag: request.query.drempelBedrag, procent: request.query.drempelProcent });
    },
  });

  r.get(`${versiePad}/berekende-waarden`, {
    config: { policy: beleid('pcLezen') },
    schema: {
      tags,
      summary: 'Waarden die Loket zelf berekent, naast de getypte (ADR 0079)',
      description:
        'Voor elke indicator die aan een KPI gekoppeld is: per realisatiekolom de waarde van die KPI over het kalenderjaar van de kolom (periode kolomjaar) of van het document (documentjaar), met teller en noemer, of "niet-bekend" met de reden. Overnemen kan alleen in een conceptversie.',
      params: versieParams,
      response: { 200: berekendeWaardenSchema },
    },
    handler: async (request) => berekend.voorVersie(request.params.gemeente, request.params.id),
  });

  r.post(`${programmaPad}/indicatoren/:nr/berekende-waarden`, {
    config: { policy: beleid('pcBewerken') },
    schema: {
      tags,
      summary: 'De berekende waarde van één kolom overnemen in een conceptversie',
      description:
        'Zet de waarde die de gekoppelde KPI berekent in de kolom, met de bron: de KPI, haar versie en definitie, de periode en teller en noemer. 409 als de versie geen concept is (een vastgestelde versie verandert nooit stil), als de waarde niet bekend is, of als de periode nog loopt.',
      params: onderdeelParams,
      headers: ifMatchHeader,
      body: berekendeWaardeOvernemenBody,
      response: { 200: programmaSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id, programma, nr } = request.params;
      return programmaAntwoord(reply, await berekend.neemOver(contextVan(request), gemeente, id, programma, nr, versieUitIfMatch(request), request.body.kolom));
    },
  });
}
