import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { pagina } from '../../http/pagination.ts';
import { rollenIn } from '../../http/policy.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import {
  gemeenteKpiParams,
  gemeenteKpisSchema,
  kpiDefinitieMetVersiesSchema,
  kpiDefinitiesSchema,
  kpiNormInvoer,
  kpiNormSchema,
  kpiParams,
  kpiReeksQuery,
  kpiReeksSchema,
  kpiWaardeQuery,
  kpiWaardeSchema,
  kpiZakenQuery,
  kpiZakenSchema,
} from './kpi.schemas.ts';
import { reeksAlsCsv, waardeAlsCsv, zakenAlsCsv } from './kpi.csv.ts';
import { gemeenteOnbekend } from './kpi.errors.ts';
import type { KpiService } from './kpi.service.ts';

const tags = ['KPI'];
const publiek = { toegang: 'publiek' } as const;
const basis = `${API_PREFIX}/gemeenten/:gemeente/kpis`;
const CSV = ' Met `Accept: text/csv` dezelfde gegevens als CSV (`;`, UTF-8 met BOM), zoals de open data van servicenormen.';

/** The dashboards' CSV (ADR 0082): asked for with `Accept: text/csv`, as the survey report does. */
const wilCsv = (request: FastifyRequest) => /\btext\/csv\b/i.test(request.headers.accept ?? '');
function stuurCsv(reply: FastifyReply, naam: string, tekst: string) {
  return (
    reply
      .type('text/csv; charset=utf-8; header=present')
      .header('Content-Disposition', `attachment; filename="${naam}.csv"`)
      .header('Cache-Control', 'no-store')
      // A text, not the JSON schema: this serializer replaces the schema's for this answer only.
      .serializer((x: unknown) => String(x))
      .send(tekst as never)
  );
}

/**
 * The KPI register: definitions and the gemeente's norms are public (they hold no data), and so
 * are the values of the KPIs marked public (the open KPI API, ADR 0067; rate limited as every
 * public route); every value, its series and the norms' changes are for those who lead or
 * account for the work.
 */
export function kpiRoutes(app: FastifyInstance, deps: { kpi: KpiService; gemeenten: GemeentenRepository }): void {
  const { kpi, gemeenten } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const bestaat = async (gemeente: string) => {
    if (!(await gemeenten.opCode(gemeente))) throw gemeenteOnbekend(gemeente);
  };

  r.get(`${API_PREFIX}/kpi-definities`, {
    config: { policy: publiek },
    schema: { tags, summary: 'De KPI-definities (de nieuwste versie van elke KPI)', response: { 200: kpiDefinitiesSchema } },
    handler: async () => ({ items: await kpi.definities() }),
  });

  r.get(`${API_PREFIX}/kpi-definities/:kpi`, {
    config: { policy: publiek },
    schema: { tags, summary: 'Eén KPI-definitie, met elke versie die ooit gebruikt is', params: kpiParams, response: { 200: kpiDefinitieMetVersiesSchema } },
    handler: async (request) => kpi.definitie(request.params.kpi),
  });

  r.get(basis, {
    config: { policy: publiek },
    schema: {
      tags,
      summary: 'De KPI’s met de norm die voor de gemeente geldt (openbaar)',
      description: 'Elke KPI-definitie met de norm die vandaag voor de gemeente geldt en haar eigen normen door de tijd. Geen waarden: die van de openbare KPI’s (`publiek: true`) staan op `…/kpis/{kpi}`.',
      params: gemeenteParams,
      response: { 200: gemeenteKpisSchema },
    },
    handler: async (request) => {
      await bestaat(request.params.gemeente);
      return { items: await kpi.voorGemeente(request.params.gemeente) };
    },
  });

  r.get(`${basis}/:kpi`, {
    config: { policy: publiek },
    schema: {
      tags,
      summary: 'Een openbare KPI: definitie en waarden per periode (openbaar)',
      description:
        'Alleen voor KPI’s met `publiek: true`; een andere geeft 404. Geef de periode als bij `…/waarden` (`periode`, of `periodeVan` en `periodeTot`) en met `per` de grootte van elke periode (standaard maand): een waarde per periode, hoogstens 62. Zonder persoonsgegevens: alleen tellingen.',
      params: gemeenteKpiParams,
      querystring: kpiReeksQuery,
      response: { 200: kpiReeksSchema },
    },
    handler: async (request) => {
      await bestaat(request.params.gemeente);
      return kpi.reeks(request.params.gemeente, request.params.kpi, request.query, { publiek: true });
    },
  });

  r.get(`${basis}/:kpi/reeks`, {
    config: { policy: beleid('kpiLezen') },
    schema: {
      tags,
      summary: 'De waarden van een KPI per periode (een trend), voor medewerkers',
      description: `Als \`…/kpis/{kpi}\`, voor elke KPI (ook niet-openbare), met dezelfde selecties en uitsplitsingen als \`…/waarden\`.${CSV}`,
      params: gemeenteKpiParams,
      querystring: kpiReeksQuery,
      response: { 200: kpiReeksSchema },
    },
    handler: async (request, reply) => {
      const reeks = await kpi.reeks(request.params.gemeente, request.params.kpi, request.query, { publiek: false });
      return wilCsv(request) ? stuurCsv(reply, `${reeks.code}-${reeks.periode.van}-${reeks.periode.tot}-per-${reeks.per}`, reeksAlsCsv(reeks)) : reeks;
    },
  });

  r.get(`${basis}/:kpi/waarden`, {
    config: { policy: beleid('kpiLezen') },
    schema: {
      tags,
      summary: 'De waarde van een KPI over een periode, nu berekend uit de gegevens',
      description:
        `Geef \`periode\` (2026, 2026-Q1, 2026-03, 2026-W10, 2026-03-02) of \`periodeVan\` en \`periodeTot\` (dagen, beide inbegrepen, Europe/Amsterdam). Een waarde is een getal met teller en noemer, of \`niet-bekend\` met de reden; nooit een schatting. \`uitsplitsing=zaaktype\` geeft ook een waarde per zaaktype; bij de KCC-maten van de telefonie geeft \`uitsplitsing=wachtrij\` een waarde per wachtrij en kiest \`wachtrij\` één wachtrij; zo ook \`team\` en \`kanaal\` (het kanaal waarlangs een zaak binnenkwam) bij de maten die die uitsplitsing noemen.${CSV}`,
      params: gemeenteKpiParams,
      querystring: kpiWaardeQuery,
      response: { 200: kpiWaardeSchema },
    },
    handler: async (request, reply) => {
      const waarde = await kpi.waarde(request.params.gemeente, request.params.kpi, request.query);
      const { uitsplitsing } = request.query;
      return wilCsv(request) ? stuurCsv(reply, `${waarde.code}-${waarde.periode.van}-${waarde.periode.tot}${uitsplitsing ? `-per-${uitsplitsing}` : ''}`, waardeAlsCsv(waarde, uitsplitsing)) : waarde;
    },
  });

  r.get(`${basis}/:kpi/zaken`, {
    config: { policy: beleid('kpiZakenInzien') },
    schema: {
      tags,
      summary: 'De zaken achter de waarde van een KPI (drill-down)',
      description:
        `De zaken die de waarde telt, met dezelfde query als de waarde zelf: \`deel=noemer\` alle zaken die meetellen, \`deel=teller\` die boven de streep. \`geteld\` is gelijk aan de noemer of teller van \`…/waarden\` voor dezelfde periode en selectie; de cel van een uitsplitsing is haar selectie (\`zaaktype=…\`). Een zaak die twee keer telt (twee opschortingen) staat er twee keer. Een vertrouwelijke zaak die u niet mag zien telt mee in \`verborgen\` maar staat niet in de lijst. Alleen voor KPI's die zaken tellen (\`zakenLijst\` op \`…/kpis\`); een andere geeft 404. Wat getoond wordt, komt in het verwerkingenlogboek.${CSV} De CSV heeft alle zaken die u mag zien, zonder pagina's.`,
      params: gemeenteKpiParams,
      querystring: kpiZakenQuery,
      response: { 200: kpiZakenSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, kpi: code } = request.params;
      const { page, pageSize, ...invoer } = request.query;
      const principal = request.principal;
      const lezer = { context: contextVan(request), gebruiker: principal?.type === 'gebruiker' ? principal.id : null, rollen: principal ? rollenIn(principal, gemeente) : [] };
      if (wilCsv(request)) {
        const alles = await kpi.zaken(lezer, gemeente, code, invoer);
        return stuurCsv(reply, `${alles.code}-${alles.periode.van}-${alles.periode.tot}-${alles.deel}`, zakenAlsCsv(alles));
      }
      const { zaken, zichtbaar, ...lijst } = await kpi.zaken(lezer, gemeente, code, invoer, { offset: (page - 1) * pageSize, limit: pageSize });
      return { ...lijst, ...pagina(request, { page, pageSize }, zaken, zichtbaar) };
    },
  });

  r.post(`${basis}/:kpi/normen`, {
    config: { policy: beleid('kpiBeheren') },
    schema: {
      tags,
      summary: 'Een norm of streefwaarde van de gemeente vastleggen, vanaf een datum',
      description: 'Een eerdere norm blijft gelden voor de perioden ervoor. Een norm verandert niet: een nieuwe norm krijgt een nieuwe datum.',
      params: gemeenteKpiParams,
      body: kpiNormInvoer,
      response: { 201: kpiNormSchema },
    },
    handler: async (request, reply) => {
      const norm = await kpi.voegNormToe(contextVan(request), request.params.gemeente, request.params.kpi, request.body);
      return reply.code(201).send(norm);
    },
  });
}
