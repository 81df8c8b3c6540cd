import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { cliContext } from '../audit/audit.service.ts';

// A melding's deadline follows its category's norm in werkdagen, not the zaaktype's default
// (ADR 0051). Monday 2 March 2026; Diemen closes on Wednesday 4 March (a closure day of this test).

const G = 'GM0384';
let loket: TestLoket;
let behandelaar: Ingelogd;
let sleutel: string;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  const beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
  const res = await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/${G}/open311-sleutels`, headers: beheerder.headers, payload: { naam: 'Test' } });
  expect(res.statusCode).toBe(201);
  sleutel = res.json().sleutel;
  await loket.services.termijnen.voegToe(cliContext(), G, { datum: '2026-03-04', naam: 'Sluitingsdag (test)' });
});
afterAll(async () => loket.close());

async function meld(serviceCode: string) {
  const payload = new URLSearchParams({ jurisdiction_id: 'diemen.nl', api_key: sleutel, service_code: serviceCode, address_string: 'Wilhelminaplein 1, Diemen', description: 'Een bank en een matras naast de container.' }).toString();
  const res = await loket.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
  expect(res.statusCode, res.body).toBe(200);
  const nummer = res.json()[0].service_request_id as string;
  const lijst = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken?identificatie=${nummer}`, headers: behandelaar.headers });
  const detail = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken/${lijst.json().items[0].id}`, headers: behandelaar.headers });
  expect(detail.statusCode).toBe(200);
  return detail.json();
}

describe('the category norm sets a melding’s deadline', () => {
  it('3 werkdagen (grofvuil): Tuesday, Thursday, Friday; the closure day is skipped', async () => {
    const zaak = await meld('grofvuil-op-straat');
    expect(zaak.termijn).toMatchObject({ norm: '3wd', ontvangstdatum: '2026-03-02', startdatum: '2026-03-02', oorspronkelijkeEinddatum: '2026-03-06', uiterlijkeEinddatum: '2026-03-06' });
    // Without the closure day it would be Thursday 5 March; the zaaktype's 10 werkdagen would give 17 March.
    expect(zaak.tijdlijn[0].gegevens.termijn).toEqual({ norm: '3wd', reden: 'Norm van de categorie grofvuil-op-straat (versie 1)' });
    expect(zaak.uiterlijkeEinddatum).toBe('2026-03-06');
  });

  it('another category, another norm (zwerfafval 5 werkdagen → Tuesday 10 March); the zaaktype’s own norm is 10 werkdagen', async () => {
    const zaak = await meld('zwerfafval');
    expect(zaak.termijn).toMatchObject({ norm: '5wd', uiterlijkeEinddatum: '2026-03-10' });
    expect(zaak.zaaktypeVersie.norm).toBe('10wd');
  });

  it('keeps the norm when the zaak changes later (the projection reads it from the history)', async () => {
    const zaak = await meld('grofvuil-op-straat');
    const res = await loket.app.inject({
      method: 'POST',
      url: `/api/v1/gemeenten/${G}/zaken/${zaak.id}/notities`,
      headers: { ...behandelaar.headers, 'if-match': `"${zaak.versie}"` },
      payload: { tekst: 'Doorgezet naar de reiniging.' },
    });
    expect(res.statusCode).toBe(200);
    const na = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken/${zaak.id}`, headers: behandelaar.headers });
    expect(na.json().termijn).toMatchObject({ norm: '3wd', uiterlijkeEinddatum: '2026-03-06' });
  });

  it('refuses an invalid norm at registration with a 400 naming it, nothing stored', async () => {
    const wie = { soort: 'systeem' as const, context: cliContext(), naam: 'Test' };
    const invoer = { zaaktype: 'melding-openbare-ruimte', onderwerp: 'X', kanaal: 'web' as const, ontvangstdatum: '2026-03-02', norm: { duur: '0wd', reden: 'fout' } };
    await expect(loket.services.zaken.registreer(wie, G, invoer)).rejects.toMatchObject({ status: 400, invalidParams: [expect.objectContaining({ name: 'norm', code: 'ongeldige-norm' })] });
  });
});
