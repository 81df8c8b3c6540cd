import { badRequest, notFound, type ProblemError } from '../../http/problem.ts';

// The staff API of Open311 keys (problem+json, like every /api/v1 answer).
export const sleutelOnbekend = (): ProblemError => notFound('Deze Open311-sleutel bestaat niet in deze gemeente.');
export const verlooptInHetVerleden = (): ProblemError =>
  badRequest([{ name: 'verlooptOp', code: 'in-het-verleden', reason: 'Kies een moment in de toekomst, of geen: dan verloopt de sleutel niet.' }]);

/**
 * An Open311 error (GeoReport v2): HTTP status and the list of `{code, description}` the client
 * reads, in XML `<errors><error>` or as a JSON array. Not a ProblemError: the /open311/v2/ answers
 * follow the Open311 specification, not the NLGov rules (ADR 0041).
 */
export class Open311Fout extends Error {
  readonly status: 400 | 403 | 404;
  readonly fouten: { code: number; description: string }[];
  constructor(status: 400 | 403 | 404, fouten: { code: number; description: string }[]) {
    super(fouten.map((f) => f.description).join('; '));
    this.status = status;
    this.fouten = fouten;
  }
}

const fout = (status: 400 | 403 | 404, description: string) => new Open311Fout(status, [{ code: status, description }]);

export const geenJurisdictie = () => fout(400, 'jurisdiction_id: vul het domein van de gemeente in, bijvoorbeeld diemen.nl.');
export const onbekendeJurisdictie = () => fout(404, 'jurisdiction_id: er is geen gemeente met dit domein.');
export const sleutelOngeldig = () => fout(403, 'api_key: deze sleutel ontbreekt, klopt niet, is verlopen of is ingetrokken.');
export const onbekendeDienst = () => fout(404, 'service_code: deze dienst bestaat niet in deze gemeente.');
export const geenDefinitie = () => fout(404, 'service_code: deze dienst heeft geen extra vragen (metadata is false).');
export const onbekendVerzoek = () => fout(404, 'service_request_id: deze melding bestaat niet in deze gemeente.');
export const onbekendToken = () => fout(404, 'token: dit token kennen we niet.');
export const onbekendFormaat = () => fout(404, 'Onbekend formaat: gebruik .xml of .json.');
export const onbekendAdres = () => fout(404, 'Dit adres bestaat niet.');
export const ongeldigeParameter = (description: string) => fout(400, description);
