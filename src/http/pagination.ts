import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Query parameters of every collection: page (from 1) and pageSize (1–100). */
export const paginaQuery = z.strictObject({
  page: z.coerce.number().int('Kies een heel getal.').min(1, 'De eerste pagina is 1.').default(1),
  pageSize: z.coerce.number().int('Kies een heel getal.').min(1, 'Minimaal 1.').max(100, 'Maximaal 100 per pagina.').default(20),
});
export type Pagina = z.infer<typeof paginaQuery>;

const link = z.object({ href: z.string() });

/** The envelope of a paginated collection (items plus page, pageSize, total, links). */
export function paginaSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int(),
      _links: z.object({ self: link, first: link, last: link, next: link.optional(), prev: link.optional() }),
    })
    .meta({ id });
}

/** Builds the collection answer with links that keep the request's other query parameters. */
export function pagina<T>(request: FastifyRequest, pagina: Pagina, items: T[], total: number) {
  const [path, query = ''] = request.url.split('?') as [string, string?];
  const href = (page: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(page));
    params.set('pageSize', String(pagina.pageSize));
    return { href: `${path}?${params.toString()}` };
  };
  const last = Math.max(1, Math.ceil(total / pagina.pageSize));
  return {
    items,
    page: pagina.page,
    pageSize: pagina.pageSize,
    total,
    _links: {
      self: href(pagina.page),
      first: href(1),
      last: href(last),
      ...(pagina.page < last ? { next: href(pagina.page + 1) } : {}),
      ...(pagina.page > 1 ? { prev: href(pagina.page - 1) } : {}),
    },
  };
}
