import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../src/db/database.ts';
import type { Ingelogd } from './login.ts';

/** A zaak registered through the API, with its tracking code (shown only at registration). */
export interface NieuweZaak {
  id: string;
  identificatie: string;
  volgcode: string;
  volglink: string;
  versie: number;
}

const basis = (gemeente: string) => `/api/v1/gemeenten/${gemeente}/zaken`;

/** Registers a zaak as the given staff member (POST /zaken). */
export async function registreerZaak(app: FastifyInstance, wie: Ingelogd, invoer: Record<string, unknown>, gemeente = 'GM0384'): Promise<NieuweZaak> {
  const res = await app.inject({ method: 'POST', url: basis(gemeente), headers: wie.headers, payload: invoer });
  expect(res.statusCode, res.body).toBe(201);
  const zaak = res.json();
  return { id: zaak.id, identificatie: zaak.identificatie, volgcode: zaak.volgcode, volglink: zaak.volglink, versie: zaak.versie };
}

/** One action on a zaak (POST /zaken/{id}/{actie}) with the current version as If-Match; returns the new version. */
export async function zaakActie(app: FastifyInstance, wie: Ingelogd, zaak: { id: string }, actie: string, payload: Record<string, unknown>, gemeente = 'GM0384'): Promise<number> {
  const huidig = await app.inject({ method: 'GET', url: `${basis(gemeente)}/${zaak.id}`, headers: wie.headers });
  expect(huidig.statusCode, huidig.body).toBe(200);
  const res = await app.inject({
    method: 'POST',
    url: `${basis(gemeente)}/${zaak.id}/${actie}`,
    headers: { ...wie.headers, 'if-match': huidig.headers.etag as string },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().versie as number;
}

/** The staff view of a zaak (GET /zaken/{id}). */
export async function zaakDetail(app: FastifyInstance, wie: Ingelogd, zaak: { id: string }, gemeente = 'GM0384') {
  const res = await app.inject({ method: 'GET', url: `${basis(gemeente)}/${zaak.id}`, headers: wie.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function gebruikerId(database: Database, email: string): Promise<string> {
  const rij = await database.db.selectFrom('gebruiker').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return rij.id;
}

/** The outbox rows to one address, oldest first. */
export async function postvak(database: Database, aan: string) {
  return database.db.selectFrom('bericht').select(['onderwerp', 'tekst', 'aangemaakt_op']).where('aan', '=', aan).orderBy('aangemaakt_op').orderBy('id').execute();
}
