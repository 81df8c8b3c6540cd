import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { KLEINE_PDF, multipartBody, type TestBestand } from '../../../test/multipart.ts';
import { registreerZaak, zaakDetail } from '../../../test/zaken.ts';

let loket: TestLoket;
let kcc: Ingelogd;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
});
afterAll(async () => loket?.close());

const nieuweKlacht = () =>
  registreerZaak(loket.app, kcc, { zaaktype: 'klacht', onderwerp: 'Stoep kapot', kanaal: 'balie', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' } });
const pad = (code: string) => `/diemen/zaken/${code}`;
const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const token = (body: string) => /name="formulier" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** Fetches the page for a fresh form token, then posts the reply with its files as the browser does (multipart). */
async function reageer(code: string, tekst: string, bestanden: TestBestand[]) {
  const pagina = await haal(pad(code));
  return loket.app.inject({ method: 'POST', url: pad(code), ...multipartBody({ tekst, formulier: token(pagina.body) }, bestanden) });
}

const foto = () =>
  sharp({ create: { width: 30, height: 20, channels: 3, background: { r: 200, g: 20, b: 20 } } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'Telefoonmerk' } })
    .toBuffer();

describe('files with a reply on the tracking page (ADR 0078)', () => {
  it('the reply form takes files without JavaScript; they become external documents of the zaak that staff see, metadata gone', async () => {
    const zaak = await nieuweKlacht();
    const pagina = await haal(pad(zaak.volgcode));
    expect(pagina.body).toContain('enctype="multipart/form-data"');
    expect(pagina.body).toContain('type="file" id="bijlagen" name="bijlagen" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"');
    expect(pagina.body).not.toContain('<script');

    const res = await reageer(zaak.volgcode, 'Hierbij de foto en de brief.', [
      { veld: 'bijlagen', naam: 'stoep.jpg', type: 'image/jpeg', inhoud: await foto() },
      { veld: 'bijlagen', naam: 'brief', type: 'application/pdf', inhoud: KLEINE_PDF },
    ]);
    expect(res.statusCode, res.body).toBe(303);
    const detail = await zaakDetail(loket.app, kcc, zaak);
    const documenten = detail.documenten.map((d: { bestandsnaam: string; mediatype: string; extern: boolean }) => [d.bestandsnaam, d.mediatype, d.extern]);
    expect(documenten).toEqual(
      expect.arrayContaining([
        ['stoep.jpg', 'image/jpeg', true],
        ['brief.pdf', 'application/pdf', true],
      ]),
    );
    expect(documenten).toHaveLength(2);
    const opgeslagen = await loket.database.db.selectFrom('zaak_document').select(['bestandsnaam', 'inhoud']).where('zaak_id', '=', zaak.id).execute();
    expect(Buffer.from(opgeslagen.find((d) => d.bestandsnaam === 'stoep.jpg')?.inhoud ?? []).includes(Buffer.from('Telefoonmerk'))).toBe(false);
    // The resident sees the reply and what they sent, in their own words.
    const na = (await haal(pad(zaak.volgcode))).body;
    expect(na).toContain('Hierbij de foto en de brief.');
    expect(na).toContain('U heeft een bestand gestuurd: stoep.jpg');
    expect(na).toContain('brief.pdf');
  });

  it('a bad file or too many: a B1 error at the file field, the text kept, nothing stored (not the reply either)', async () => {
    const zaak = await nieuweKlacht();
    const versie = (await zaakDetail(loket.app, kcc, zaak)).versie;
    const gevallen: [TestBestand[], string][] = [
      [[{ veld: 'bijlagen', naam: 'virus.pdf', type: 'application/pdf', inhoud: Buffer.from('MZ\u0090\u0000 geen pdf') }], 'Het bestand virus.pdf nemen wij niet aan. Kies een PDF, JPG of PNG.'],
      [[{ veld: 'bijlagen', naam: '', type: 'application/octet-stream', inhoud: Buffer.alloc(0) }], ''],
      [[{ veld: 'bijlagen', naam: 'leeg.png', type: 'image/png', inhoud: Buffer.alloc(0) }], 'Het bestand leeg.png is leeg. Kies een ander bestand.'],
      [Array.from({ length: 4 }, (_, i) => ({ veld: 'bijlagen', naam: `brief-${i}.pdf`, type: 'application/pdf', inhoud: KLEINE_PDF })), 'U heeft te veel bestanden gekozen. U kunt er hoogstens 3 tegelijk sturen.'],
    ];
    for (const [bestanden, fout] of gevallen) {
      const res = await reageer(zaak.volgcode, 'Zie bijlage.', bestanden);
      // A file input left empty (no name, no content) is no file: the reply goes through without one.
      if (!fout) {
        expect(res.statusCode).toBe(303);
        continue;
      }
      expect(res.statusCode, fout).toBe(400);
      expect(res.body).toContain(`id="bijlagen-fout">${fout}</div>`);
      expect(res.body).toContain('href="#bijlagen"');
      expect(res.body).toContain('>Zie bijlage.</textarea>');
    }
    const detail = await zaakDetail(loket.app, kcc, zaak);
    expect(detail.documenten).toEqual([]);
    // Only the one reply without a file (the empty file input) changed the zaak.
    expect(detail.versie).toBe(versie + 1);
    expect(detail.tijdlijn.filter((g: { soort: string }) => g.soort === 'reactie')).toHaveLength(1);
  });
});
