/**
 * The resident's reply form as a request handles it, shared by the tracking page and a zaak of
 * "Mijn zaken" (ADR 0014, 0077, 0078): text and at most MAX_BIJLAGEN files, multipart or
 * urlencoded, without JavaScript; the same checks and the same errors at the field on both pages.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ONGELDIGE_TEKENS } from '../../http/invoer.ts';
import { multipartParser, type MultipartBody } from '../../http/multipart.ts';
import { ProblemError } from '../../http/problem.ts';
import { metVervangenTekens } from '../../tekst.ts';
import { BIJLAGE_MAX_BYTES } from '../zaken/zaken.bijlagen.ts';
import { controleerReactie, reactieFormulierSchema } from './zaakvolgen.schemas.ts';
import { MAX_BIJLAGEN, type ReactieUitkomst, type VolgZaak } from './zaakvolgen.service.ts';
import type { Formulier } from './zaakvolgen.views.ts';

/** The reply form posts multipart/form-data: its text and at most MAX_BIJLAGEN files (ADR 0078). Call in the routes' scope. */
export function reactieBijlagen(scope: FastifyInstance): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_BIJLAGEN * BIJLAGE_MAX_BYTES + 256 * 1024 }, multipartParser(MAX_BIJLAGEN + 10));
}

/** A multipart body (the reply form with files) or a urlencoded one. */
const isMultipart = (body: unknown): body is MultipartBody => !!body && typeof body === 'object' && 'bestanden' in body && Array.isArray((body as MultipartBody).bestanden);
/** The text fields of either. */
const tekstVelden = (body: unknown): unknown => (isMultipart(body) ? body.velden : (body ?? {}));

/**
 * Refused text in the reply (ADR 0020), refused at the edge before the handler: the text as the
 * page shows it again (with � where a refused character was), or the error again when it is not
 * about the form's fields.
 */
export function geweigerdeTekst(error: FastifyError, request: FastifyRequest): string {
  const velden = error instanceof ProblemError && error.code === ONGELDIGE_TEKENS ? (error.invalidParams ?? []).map((p) => p.name) : [];
  if (velden.length === 0 || !velden.every((veld) => veld.startsWith('body'))) throw error;
  return metVervangenTekens(reactieFormulierSchema.safeParse(tekstVelden(request.body)).data?.tekst ?? '');
}

export type ReactieAfloop =
  | { uitkomst: 'verstuurd' }
  | { uitkomst: 'onbekend' }
  /** The page again with this status and the form's error (the text kept). */
  | { uitkomst: 'fout'; zaak: VolgZaak; status: number; formulier: Omit<Formulier, 'token'> };

/**
 * A posted reply: 409 on a closed zaak, 400 for an expired form, an empty or too long text, or a
 * refused file (nothing stored), else sent. `reageer` writes it; `opnieuw` reads the zaak again
 * after it was closed meanwhile.
 */
export async function verwerkReactie(
  request: FastifyRequest,
  opties: {
    zaak: VolgZaak;
    tokenKlopt(formulier: string): boolean;
    reageer(tekst: string, bestanden: { bestandsnaam: string; inhoud: Buffer }[]): Promise<ReactieUitkomst | null>;
    opnieuw(): Promise<VolgZaak | null>;
  },
): Promise<ReactieAfloop> {
  const { zaak } = opties;
  const invoer = reactieFormulierSchema.safeParse(tekstVelden(request.body));
  const { tekst, formulier } = invoer.success ? invoer.data : { tekst: '', formulier: '' };
  const bestanden = isMultipart(request.body) ? request.body.bestanden.filter((b) => b.veld === 'bijlagen') : [];
  if (zaak.afgeslotenOp) return { uitkomst: 'fout', zaak, status: 409, formulier: { fout: 'afgesloten' } };
  if (!opties.tokenKlopt(formulier)) return { uitkomst: 'fout', zaak, status: 400, formulier: { fout: 'verlopen', tekst } };
  const gecontroleerd = controleerReactie(tekst);
  if ('fout' in gecontroleerd) return { uitkomst: 'fout', zaak, status: 400, formulier: { fout: gecontroleerd.fout, lengte: gecontroleerd.lengte, tekst } };
  try {
    const uitkomst = await opties.reageer(gecontroleerd.tekst, bestanden);
    if (!uitkomst) return { uitkomst: 'onbekend' };
    // A bad file: nothing was stored; the page again with the text kept and the problem at the file field.
    if ('bijlageFout' in uitkomst) return { uitkomst: 'fout', zaak, status: 400, formulier: { fout: 'bijlage', bijlage: uitkomst.bijlageFout, tekst } };
  } catch (error) {
    // Closed between showing the page and sending: say so, keep nothing half-done.
    if (!(error instanceof ProblemError) || error.status !== 409) throw error;
    return { uitkomst: 'fout', zaak: (await opties.opnieuw()) ?? zaak, status: 409, formulier: { fout: 'afgesloten' } };
  }
  return { uitkomst: 'verstuurd' };
}
