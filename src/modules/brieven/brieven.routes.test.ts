import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { isQrVan, leesPdf } from '../../../test/pdf.ts';

let loket: TestLoket;
let kcc: Ingelogd;
let petra: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/zaken';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  petra = await logInAls(loket, 'pc@diemen.demo');
});
afterAll(async () => {
  await loket.close();
});

/** A resident without e-mail calls the KCC: the zaak and the tracking code shown once. */
async function zaakZonderEmail(): Promise<{ id: string; versie: number; identificatie: string; volgcode: string }> {
  const res = await loket.app.inject({
    method: 'POST',
    url: basis,
    headers: kcc.headers,
    payload: { zaaktype: 'klacht', onderwerp: 'Niet teruggebeld', kanaal: 'telefoon', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Jan Jansen', telefoon: '020 123 4567', taal: 'nl' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const volgbrief = (zaak: { id: string; versie: number }, opties: { sessie?: Ingelogd; query?: string; gemeente?: string } = {}) =>
  loket.app.inject({
    method: 'POST',
    url: `/api/v1/gemeenten/${opties.gemeente ?? 'GM0384'}/zaken/${zaak.id}/volgbrief${opties.query ?? ''}`,
    headers: { ...(opties.sessie ?? kcc).headers, 'if-match': `"${zaak.versie}"` },
  });

const codeUit = (tekst: string, pad: string): string => {
  const gevonden = new RegExp(`http://127\\.0\\.0\\.1:3000/diemen/${pad}zaken/([a-z2-7]{32})`).exec(tekst);
  expect(gevonden, tekst).not.toBeNull();
  return gevonden?.[1] ?? '';
};

describe('volgbrief', () => {
  it('gives the KCC a letter with a new tracking link, its QR code and the zaak number; the old link stops working', async () => {
    const zaak = await zaakZonderEmail();
    const res = await volgbrief(zaak);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="brief-${zaak.identificatie}.pdf"`);
    expect(res.headers.etag).toBe(`"${zaak.versie + 1}"`);
    const brief = leesPdf(res.rawPayload);
    const tekst = brief.tekst.replace(/\s+/g, ' ');
    for (const verwacht of ['Gemeente Diemen', 'Telefoon 14 020', 'Website www.diemen.nl', 'Datum: 2 maart 2026', `Uw zaaknummer: ${zaak.identificatie}`, 'Onderwerp: Niet teruggebeld', 'Beste Jan Jansen,']) {
      expect(tekst).toContain(verwacht);
    }
    expect(brief.info).toMatch(/Tagged:\s+yes/);
    const code = codeUit(tekst, '');
    expect(code).not.toBe(zaak.volgcode);
    expect(await isQrVan(brief.afbeeldingen[0] ?? Buffer.alloc(0), `http://127.0.0.1:3000/diemen/zaken/${code}`)).toBe(true);
    expect(await loket.services.zaakvolgen.zaak('GM0384', zaak.volgcode)).toBeNull();
    expect(await loket.services.zaakvolgen.zaak('GM0384', code)).toMatchObject({ identificatie: zaak.identificatie });

    const detail = await loket.app.inject({ method: 'GET', url: `${basis}/${zaak.id}`, headers: kcc.headers });
    expect(detail.json().tijdlijn.at(-1)).toMatchObject({ soort: 'volgcode', extern: false, gegevens: { gemaild: false, brief: 'nl' }, door: { naam: 'Kees van het KCC' } });
    expect(detail.body).not.toContain(code);
    const audit = await loket.database.db.selectFrom('audit_log').select('details').where('actie', '=', 'zaak-volgbrief').where('object_id', '=', zaak.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(code);
    const verwerking = await loket.database.db.selectFrom('verwerking_log').select('betrokkene_id').where('naam', '=', 'zaak-volgbrief').execute();
    expect(verwerking.map((v) => v.betrokkene_id)).toContain(zaak.id);
  });

  it('writes the letter and the link in English on request, and each letter replaces the code of the one before', async () => {
    const zaak = await zaakZonderEmail();
    const nl = await volgbrief(zaak);
    const eerste = codeUit(leesPdf(nl.rawPayload).tekst, '');
    const en = await volgbrief({ ...zaak, versie: zaak.versie + 1 }, { query: '?taal=en' });
    expect(en.statusCode, en.body).toBe(200);
    expect(en.headers['content-disposition']).toBe(`inline; filename="letter-${zaak.identificatie}.pdf"`);
    const brief = leesPdf(en.rawPayload);
    const tekst = brief.tekst.replace(/\s+/g, ' ');
    for (const verwacht of ['Municipality of Diemen', 'Date: 2 March 2026', `Your case number: ${zaak.identificatie}`, 'How to follow your case', 'Dear Jan Jansen,']) {
      expect(tekst).toContain(verwacht);
    }
    const tweede = codeUit(tekst, 'en/');
    expect(await isQrVan(brief.afbeeldingen[0] ?? Buffer.alloc(0), `http://127.0.0.1:3000/diemen/en/zaken/${tweede}`)).toBe(true);
    expect(await loket.services.zaakvolgen.zaak('GM0384', eerste)).toBeNull();
    expect(await loket.services.zaakvolgen.zaak('GM0384', tweede)).toMatchObject({ identificatie: zaak.identificatie });
  });

  it('refuses without If-Match, a stale version, an unknown language, a role without the right and another gemeente, and then changes nothing', async () => {
    const zaak = await zaakZonderEmail();
    const zonder = await loket.app.inject({ method: 'POST', url: `${basis}/${zaak.id}/volgbrief`, headers: kcc.headers });
    expect(zonder.statusCode).toBe(428);
    // An empty JSON body is the same request: a new code, which needs If-Match.
    expect((await loket.app.inject({ method: 'POST', url: `${basis}/${zaak.id}/volgbrief`, headers: kcc.headers, payload: {} })).statusCode).toBe(428);
    expect((await volgbrief({ ...zaak, versie: zaak.versie + 5 })).statusCode).toBe(412);
    const taal = await volgbrief(zaak, { query: '?taal=fr' });
    expect(taal.statusCode).toBe(400);
    expect(taal.headers['content-type']).toContain('application/problem+json');
    expect(taal.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['query.taal']);
    expect((await volgbrief(zaak, { sessie: petra })).statusCode).toBe(403);
    // Kees works for Ouder-Amstel too, but this zaak is Diemen's.
    const ander = await volgbrief(zaak, { gemeente: 'GM0437' });
    expect(ander.statusCode).toBe(404);
    expect(ander.headers['content-type']).toContain('application/problem+json');
    expect(await loket.services.zaakvolgen.zaak('GM0384', zaak.volgcode)).toMatchObject({ identificatie: zaak.identificatie });
    const detail = await loket.app.inject({ method: 'GET', url: `${basis}/${zaak.id}`, headers: kcc.headers });
    expect(detail.json().versie).toBe(zaak.versie);
  });

  it('with the code of the registration in the body puts that code on the letter, changes nothing of the zaak, and refuses a code that is not the current one', async () => {
    const zaak = await zaakZonderEmail();
    const metCode = (volgcode: unknown, gemeente = 'GM0384') =>
      loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/${gemeente}/zaken/${zaak.id}/volgbrief?taal=en`, headers: kcc.headers, payload: { volgcode } });
    const res = await metCode(zaak.volgcode);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers.etag).toBe(`"${zaak.versie}"`);
    const brief = leesPdf(res.rawPayload);
    expect(codeUit(brief.tekst, 'en/')).toBe(zaak.volgcode);
    expect(await isQrVan(brief.afbeeldingen[0] ?? Buffer.alloc(0), `http://127.0.0.1:3000/diemen/en/zaken/${zaak.volgcode}`)).toBe(true);
    expect(await loket.services.zaakvolgen.zaak('GM0384', zaak.volgcode)).toMatchObject({ identificatie: zaak.identificatie });
    const detail = await loket.app.inject({ method: 'GET', url: `${basis}/${zaak.id}`, headers: kcc.headers });
    expect(detail.json().versie).toBe(zaak.versie);
    expect(detail.json().tijdlijn.map((g: { soort: string }) => g.soort)).not.toContain('volgcode');
    const audit = await loket.database.db.selectFrom('audit_log').select('details').where('actie', '=', 'zaak-volgbrief').where('object_id', '=', zaak.id).execute();
    expect(audit.map((a) => a.details)).toEqual([{ brief: 'en', nieuweCode: false }]);
    const verwerking = await loket.database.db.selectFrom('verwerking_log').select('betrokkene_id').where('naam', '=', 'zaak-volgbrief').where('betrokkene_id', '=', zaak.id).execute();
    expect(verwerking).toHaveLength(1);

    // A code that is not (or no longer) the zaak's: 400 on the field, no letter; nor in another gemeente, nor for a role without the right.
    const fout = await metCode('a'.repeat(32));
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams).toEqual([expect.objectContaining({ name: 'volgcode', code: 'andere-volgcode' })]);
    const leeg = await metCode('');
    expect(leeg.statusCode).toBe(400);
    expect(leeg.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['volgcode']);
    expect((await metCode(zaak.volgcode, 'GM0437')).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'POST', url: `${basis}/${zaak.id}/volgbrief`, headers: petra.headers, payload: { volgcode: zaak.volgcode } })).statusCode).toBe(403);
    const nieuw = await volgbrief(zaak);
    expect(nieuw.statusCode).toBe(200);
    expect((await metCode(zaak.volgcode)).statusCode).toBe(400);
  });
});
