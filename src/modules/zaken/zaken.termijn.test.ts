import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { registreerZaak, zaakDetail } from '../../../test/zaken.ts';
import { bezwaarTermijnen } from '../bezwaar/bezwaar.termijnen.ts';

// The zaken engine for procedures whose term does not start at receipt and whose norm is chosen
// per zaak (issue 13, ADR 0036): the demo's bezwaar zaaktype (termijnStart 'gebeurtenis',
// normKeuze P12W, verdaging at most P6W) and its klacht (neither). Today: Friday 20 March 2026.
let loket: TestLoket;
let tim: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/zaken';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-20T09:00:00Z' });
  await laadDemo(loket);
  tim = await logInAls(loket, 'teamleider@diemen.demo');
});
afterAll(async () => loket.close());

const actie = (zaak: { id: string }, versie: number, pad: string, payload: Record<string, unknown>) =>
  loket.app.inject({ method: 'POST', url: `${basis}/${zaak.id}/${pad}`, headers: { ...tim.headers, 'if-match': `"${versie}"` }, payload });
const fouten = (body: { invalidParams?: { name: string; code: string }[] }) => (body.invalidParams ?? []).map((p) => `${p.name}:${p.code}`).toSorted();

describe('a term that starts at another event than receipt, with a norm chosen per zaak', () => {
  it('counts a bezwaar from the end of the bezwaartermijn, with 12 weeks and a verdaging, as the Awb module does', async () => {
    const zaak = await registreerZaak(loket.app, tim, { zaaktype: 'bezwaar', onderwerp: 'Bezwaar tegen parkeerboete', kanaal: 'post', ontvangstdatum: '2026-03-20' });
    const begin = await zaakDetail(loket.app, tim, zaak);
    // Until a start is recorded: 6 weeks from receipt, Friday 1 May.
    expect(begin.termijn).toMatchObject({ startdatum: '2026-03-20', norm: 'P6W', normKeuze: ['P6W', 'P12W'], startVastleggen: true, uiterlijkeEinddatum: '2026-05-01' });

    // The besluit was bekendgemaakt on 2 March: the bezwaartermijn ends 13 April; 6 weeks later is Tweede Pinksterdag.
    const awb = bezwaarTermijnen({ bekendmaking: '2026-03-02', ontvangen: '2026-03-20' });
    const start = await actie(zaak, begin.versie, 'termijnen', { startdatum: awb.bezwaartermijnEinde, reden: 'Einde bezwaartermijn (Awb 7:10 lid 1)' });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({ uiterlijkeEinddatum: awb.beslistermijnEinde, termijn: { startdatum: '2026-04-13', norm: 'P6W', oorspronkelijkeEinddatum: '2026-05-26' } });
    expect(start.json().termijn.verschoven).toEqual([{ datum: '2026-05-25', reden: 'feestdag', naam: 'Tweede Pinksterdag' }]);

    const twaalf = await actie(zaak, start.json().versie, 'termijnen', { norm: 'P12W', reden: 'Adviescommissie ingeschakeld; aangekondigd in de ontvangstbevestiging' });
    expect(twaalf.statusCode, twaalf.body).toBe(200);
    expect(twaalf.json()).toMatchObject({ uiterlijkeEinddatum: bezwaarTermijnen({ bekendmaking: '2026-03-02', ontvangen: '2026-03-20', commissie: true }).beslistermijnEinde, termijn: { startdatum: '2026-04-13', norm: 'P12W' } });
    expect(twaalf.json().uiterlijkeEinddatum).toBe('2026-07-06');

    const verdaagd = await actie(zaak, twaalf.json().versie, 'verlengingen', { duur: 'P6W', reden: 'Verdaging (Awb 7:10 lid 3)' });
    expect(verdaagd.statusCode, verdaagd.body).toBe(200);
    const metVerdaging = bezwaarTermijnen({ bekendmaking: '2026-03-02', ontvangen: '2026-03-20', commissie: true, verdagingWeken: 6 });
    expect(verdaagd.json().uiterlijkeEinddatum).toBe(metVerdaging.beslistermijnEinde);
    expect(metVerdaging.beslistermijnEinde).toBe('2026-08-17');

    // A verdaging beyond the law (7:10 lid 3: at most six weeks in all): 400, nothing changed.
    const teLang = await actie(zaak, verdaagd.json().versie, 'verlengingen', { duur: 'P1W', reden: 'Nog een week' });
    expect(teLang.statusCode).toBe(400);
    expect(fouten(teLang.json())).toEqual(['duur:verlenging-te-lang']);
    const na = await zaakDetail(loket.app, tim, zaak);
    expect(na.versie).toBe(verdaagd.json().versie);
    expect(na.uiterlijkeEinddatum).toBe('2026-08-17');
    expect(na.termijn.verlengingen).toHaveLength(1);
    // The recorded terms are in the staff timeline, not on the resident's page.
    const termijnen = na.tijdlijn.filter((r: { soort: string }) => r.soort === 'termijn');
    expect(termijnen).toHaveLength(2);
    expect(termijnen.every((r: { extern: boolean }) => !r.extern)).toBe(true);
  });

  it('refuses a norm the zaaktype does not offer and a start too far from receipt, all at once, changing nothing', async () => {
    const zaak = await registreerZaak(loket.app, tim, { zaaktype: 'bezwaar', onderwerp: 'Bezwaar tegen aanslag', kanaal: 'post', ontvangstdatum: '2026-03-19' });
    const voor = await zaakDetail(loket.app, tim, zaak);
    const fout = await actie(zaak, voor.versie, 'termijnen', { startdatum: '2027-06-01', norm: 'P8W', reden: 'Proef' });
    expect(fout.statusCode).toBe(400);
    expect(fouten(fout.json())).toEqual(['norm:norm-niet-toegestaan', 'startdatum:startdatum-te-ver']);
    expect(fout.json().invalidParams.find((p: { name: string }) => p.name === 'norm').reason).toBe('Bij dit zaaktype kan de termijn alleen P6W of P12W zijn.');
    const leeg = await actie(zaak, voor.versie, 'termijnen', { reden: 'Niets' });
    expect(leeg.statusCode).toBe(400);
    expect(fouten(leeg.json())).toEqual(['startdatum:custom']);
    const onzin = await actie(zaak, voor.versie, 'termijnen', { startdatum: '2026-02-30', norm: '12 weken', reden: '' });
    expect(onzin.statusCode).toBe(400);
    expect(fouten(onzin.json()).map((f) => f.split(':')[0])).toEqual(['norm', 'reden', 'startdatum']);
    const na = await zaakDetail(loket.app, tim, zaak);
    expect(na.versie).toBe(voor.versie);
    expect(na.termijn).toEqual(voor.termijn);
  });

  it('keeps a klacht counting from receipt: no start, no other norm', async () => {
    const zaak = await registreerZaak(loket.app, tim, { zaaktype: 'klacht', onderwerp: 'Klacht over de balie', kanaal: 'telefoon', ontvangstdatum: '2026-03-20' });
    const voor = await zaakDetail(loket.app, tim, zaak);
    expect(voor.termijn).toMatchObject({ startdatum: '2026-03-20', normKeuze: [voor.termijn.norm], startVastleggen: false });
    const fout = await actie(zaak, voor.versie, 'termijnen', { startdatum: '2026-03-25', norm: 'P10W', reden: 'Commissie' });
    expect(fout.statusCode).toBe(400);
    expect(fouten(fout.json())).toEqual(['norm:norm-niet-toegestaan', 'startdatum:startdatum-niet-toegestaan']);
    expect((await zaakDetail(loket.app, tim, zaak)).versie).toBe(voor.versie);
  });

  it('shows the zaaktype settings in the catalogue', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaaktypen?pageSize=100', headers: tim.headers });
    expect(res.statusCode, res.body).toBe(200);
    const bezwaar = res.json().items.find((z: { code: string }) => z.code === 'bezwaar');
    expect(bezwaar).toMatchObject({ termijnStart: 'gebeurtenis', normKeuze: ['P12W'], maxVerlenging: 'P6W' });
    const klacht = res.json().items.find((z: { code: string }) => z.code === 'klacht');
    expect(klacht).toMatchObject({ termijnStart: 'ontvangst', normKeuze: [] });
  });
});
