import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { KOLOMMEN, mappingSchema, type Kolomnamen } from './kcc.gesprekken.csv.ts';
import { bestandGeweigerd, geenUtf8Csv, mappingOngeldig } from './kcc.gesprekken.errors.ts';
import { importQuery, importUitkomstSchema } from './kcc.gesprekken.schemas.ts';
import type { KccGesprekkenService } from './kcc.gesprekken.service.ts';

const tags = ['Klantcontactcentrum'];

/** Largest CSV body: about 400,000 call records; larger files through `loket kcc gesprekken import`, or in parts. */
export const MAX_CSV = 32 * 1024 * 1024;

const CSV = /^text\/csv\s*(;|$)/i;

/** A CSV body as bytes; only UTF-8 (a charset parameter, if any, must say so). */
function csvParser(request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    done(geenUtf8Csv());
    return;
  }
  done(null, body);
}

/** Call records of the telephony platform: the same import as `loket kcc gesprekken import`. */
export function kccGesprekkenRoutes(app: FastifyInstance, deps: { gesprekken: KccGesprekkenService }): void {
  const { gesprekken } = deps;
  app.register(async (csv) => {
    // Only this route takes CSV (and only CSV): the file as the platform exports it.
    csv.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_CSV }, csvParser);
    csv.withTypeProvider<ZodTypeProvider>().post(`${API_PREFIX}/gemeenten/:gemeente/kcc-gesprekken`, {
      config: { policy: beleid('kccGesprekkenImporteren'), inhoud: 'bestand' },
      preValidation: async (request) => {
        if (!CSV.test(request.headers['content-type'] ?? '')) throw geenUtf8Csv();
      },
      schema: {
        tags,
        summary: 'Gesprekken van de telefooncentrale inlezen (CSV)',
        description:
          'Het CSV-bestand van de telefooncentrale als body (`Content-Type: text/csv; charset=utf-8`, hoogstens 32 MB), zoals `loket kcc gesprekken import` het leest: ' +
          'een kop met de kolommen gesprek_id, wachtrij, begin, wachttijd_s, afloop, gespreksduur_s en doorverbonden_naar, gescheiden door komma’s of puntkomma’s (zie docs/kcc-gesprekken.md). ' +
          'Heten de kolommen anders, geef dan per kolom de naam in het bestand mee (bijvoorbeeld `?begin=Starttijd`). ' +
          'Een gesprek dat de gemeente al heeft (zelfde gesprek_id) wordt niet nog eens opgeslagen (`alBekend`). Foute regels staan in `fouten` met hun regelnummer (de kop is regel 1); de andere regels worden opgeslagen. ' +
          'Met `strikt=true` weigert één foute regel het hele bestand: 400, er is niets opgeslagen. Een kop die niet klopt geeft altijd 400.',
        params: gemeenteParams,
        querystring: importQuery,
        response: { 200: importUitkomstSchema },
      },
      handler: async (request) => {
        const { gemeente } = request.params;
        const { strikt, ...namen } = request.query;
        const kolommen: Kolomnamen = Object.fromEntries(KOLOMMEN.filter((k) => namen[k] !== undefined).map((k) => [k, namen[k]]));
        const mapping = mappingSchema.safeParse({ kolommen });
        if (!mapping.success) throw mappingOngeldig(mapping.error.issues.map((i) => ({ name: `query.${String(i.path.at(-1))}`, reason: i.message })));
        const inhoud = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { geweigerd, ...uitkomst } = await gesprekken.importeer(contextVan(request), gemeente, inhoud, { strikt, kolommen });
        if (geweigerd) throw bestandGeweigerd(uitkomst.gelezen, uitkomst.fouten);
        return uitkomst;
      },
    });
  });
}
