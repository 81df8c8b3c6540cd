import { verouderd } from '../../http/etag.ts';
import type { Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import { codeVast, gemeenteOnbekend, productBestaat, productOnbekend, zaaktypeOnbekend } from './producten.errors.ts';
import type { ProductGegevens, ProductRecord, ProductenRepository } from './producten.repository.ts';
import type { ProductInvoer } from './producten.schemas.ts';

/** A product's public face in one language (the API's PubliekProduct, the pages). */
export interface PubliekProduct {
  code: string;
  naam: string;
  thema: ProductRecord['thema'];
  omschrijving: string;
  voorWie: string;
  kosten: string;
  meenemen: string;
  hoeAanvragen: string;
  aanvragen: ProductRecord['aanvragen'];
  afspraak: boolean;
  online: boolean;
  afspraakMinuten: number | null;
  ambtenaarKiezen: boolean;
  zaaktype: string | null;
  formulierUrl: string | null;
}

/** Whether a product can be booked at the balie. */
export const isTeBoeken = (p: Pick<ProductRecord, 'aanvragen' | 'afspraakMinuten' | 'gepubliceerd'>): boolean =>
  p.gepubliceerd && p.aanvragen !== 'formulier' && p.afspraakMinuten !== null;

export function inTaal(p: ProductRecord, taal: Taal): PubliekProduct {
  return {
    code: p.code,
    naam: p.naam[taal],
    thema: p.thema,
    omschrijving: p.omschrijving[taal],
    voorWie: p.voorWie[taal],
    kosten: p.kosten[taal],
    meenemen: p.meenemen[taal],
    hoeAanvragen: p.hoeAanvragen[taal],
    aanvragen: p.aanvragen,
    afspraak: isTeBoeken(p),
    online: p.aanvragen !== 'afspraak',
    afspraakMinuten: p.afspraakMinuten,
    ambtenaarKiezen: p.ambtenaarKiezen,
    zaaktype: p.zaaktype,
    formulierUrl: p.formulierUrl,
  };
}

/** Lower case without accents, for searching ("ID-kaart" finds "id kaart", "é" finds "e"). */
const vormZoek = (tekst: string): string =>
  tekst
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Every word of the query in the product's name, description or audience (either language). */
export function zoekProducten<T extends PubliekProduct>(producten: readonly T[], zoek: string): T[] {
  const woorden = vormZoek(zoek).split(' ').filter(Boolean);
  if (woorden.length === 0) return [...producten];
  return producten.filter((p) => {
    const hooiberg = vormZoek(`${p.naam} ${p.omschrijving} ${p.voorWie} ${p.code}`);
    return woorden.every((w) => hooiberg.includes(w));
  });
}

const publiekeLijst = (producten: readonly ProductRecord[], taal: Taal): PubliekProduct[] =>
  producten.map((p) => inTaal(p, taal)).toSorted((a, b) => a.naam.localeCompare(b.naam, taal));

function gegevens(invoer: ProductInvoer): ProductGegevens {
  return { ...invoer };
}

/**
 * The product catalogue of a gemeente (producten- en dienstencatalogus): what residents can ask
 * for, how, and what it costs. Beheerders and webredacteuren edit it; residents and other
 * websites read the published products (pages and the public API).
 */
export function productenService(deps: {
  repository: ProductenRepository;
  gemeenten: { opCode(code: string): Promise<Gemeente | undefined> };
  zaaktypeBestaat: (gemeente: string, code: string) => Promise<boolean>;
  audit: AuditService;
  klok: Klok;
}) {
  const { repository, gemeenten, audit, klok } = deps;

  async function bestaand(gemeente: string, code: string): Promise<ProductRecord> {
    const product = await repository.opCode(gemeente, code);
    if (!product) throw productOnbekend();
    return product;
  }

  async function controleer(gemeente: string, invoer: ProductInvoer) {
    if (invoer.zaaktype !== null && !(await deps.zaaktypeBestaat(gemeente, invoer.zaaktype))) throw zaaktypeOnbekend();
  }

  return {
    /** Every product, published or not (for staff). */
    lijst: (gemeente: string) => repository.lijst(gemeente, { alleenGepubliceerd: false }),

    haal: bestaand,

    /** The published products in one language; an unknown gemeente is a 404. Read on `lezen` (call inside request.lees). */
    async publiek(gemeente: string, taal: Taal): Promise<{ gemeente: Gemeente; producten: PubliekProduct[] }> {
      const g = await gemeenten.opCode(gemeente);
      if (!g) throw gemeenteOnbekend();
      return { gemeente: g, producten: publiekeLijst(await repository.lijst(gemeente, { alleenGepubliceerd: true }), taal) };
    },

    /** The published products for the pages of a gemeente found by its slug. */
    publiekeLijst: async (gemeente: string, taal: Taal): Promise<PubliekProduct[]> => publiekeLijst(await repository.lijst(gemeente, { alleenGepubliceerd: true }), taal),

    /** One published product in one language, or a 404. */
    async publiekProduct(gemeente: string, code: string, taal: Taal): Promise<{ gemeente: Gemeente; product: PubliekProduct }> {
      const g = await gemeenten.opCode(gemeente);
      if (!g) throw gemeenteOnbekend();
      const product = await repository.opCode(gemeente, code, 'lezen');
      if (!product?.gepubliceerd) throw productOnbekend();
      return { gemeente: g, product: inTaal(product, taal) };
    },

    async maak(context: Context, gemeente: string, invoer: ProductInvoer): Promise<ProductRecord> {
      await controleer(gemeente, invoer);
      if (!(await repository.maak(gemeente, gegevens(invoer), klok.nu().toISOString()))) throw productBestaat();
      await audit.log(context, { gemeente, actie: 'product-aanmaken', objectType: 'product', objectId: invoer.code, details: { naam: invoer.naam.nl } });
      return bestaand(gemeente, invoer.code);
    },

    async wijzig(context: Context, gemeente: string, code: string, revisie: number, invoer: ProductInvoer): Promise<ProductRecord> {
      await bestaand(gemeente, code);
      if (invoer.code !== code) throw codeVast();
      await controleer(gemeente, invoer);
      if (!(await repository.vervang(gemeente, revisie, gegevens(invoer), klok.nu().toISOString()))) throw verouderd();
      await audit.log(context, { gemeente, actie: 'product-wijzigen', objectType: 'product', objectId: code, details: { naam: invoer.naam.nl, gepubliceerd: invoer.gepubliceerd } });
      return bestaand(gemeente, code);
    },
  };
}

export type ProductenService = ReturnType<typeof productenService>;
