import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { KLEINE_PDF, multipartBody, type TestBestand } from '../../../test/multipart.ts';

let loket: TestLoket;
let bea: Ingelogd;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  bea = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterAll(async () => {
  await loket?.close();
});

const API = '/api/v1/gemeenten/GM0384/formulieren';
const tt = (nl: string) => ({ nl, en: `${nl} (en)` });
const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const stuur = (url: string, velden: Record<string, string>, bestanden: TestBestand[] = []) => loket.app.inject({ method: 'POST', url, ...multipartBody(velden, bestanden) });
const post = (url: string) => loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: '' });

/** A JPEG as a phone writes it: EXIF with the camera make and a GPS position. */
const telefoonJpeg = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'Telefoonmerk' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 20/1 2/1' } })
    .toBuffer();

const bestandVeld = (id: string, verplicht = true) => ({ id, soort: 'bestand', label: tt(id === 'bewijs' ? 'Stuur een bewijsstuk' : 'Nog een bestand'), verplicht });
const definitie = {
  titel: tt('Bewijsstuk sturen'),
  inleiding: tt(''),
  stappen: [
    { id: 'gegevens', titel: tt('Uw gegevens'), velden: [{ id: 'naam', soort: 'tekst', label: tt('Wat is uw naam?') }, bestandVeld('bewijs'), bestandVeld('extra', false)] },
    { id: 'vraag', titel: tt('Uw vraag'), velden: [{ id: 'vraag', soort: 'lange-tekst', label: tt('Wat is uw vraag?'), verplicht: false }] },
  ],
  contact: { naam: 'naam' },
};

const bestanden = (concept: string) => loket.database.db.selectFrom('formulier_bestand').select(['veld', 'bestandsnaam', 'mediatype', 'inhoud']).where('concept_id', '=', concept).execute();

describe('a file upload field in a form (ADR 0078)', { shuffle: false }, () => {
  let stap1 = '';
  let basis = '';
  let conceptId = '';

  it('beheerders add file fields (at most 3 per step) and publish the form', async () => {
    const zaaktypen = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaaktypen', headers: bea.headers })).json().items;
    const vraag = zaaktypen.find((z: { code: string }) => z.code === 'vraag');
    const teVeel = await loket.app.inject({
      method: 'POST',
      url: API,
      headers: bea.headers,
      payload: { code: 'bewijs-vier', zaaktype: vraag.id, definitie: { ...definitie, stappen: [{ id: 's', titel: tt('S'), velden: ['a', 'b', 'c', 'd'].map((id) => ({ ...bestandVeld(id), id })) }] } },
    });
    expect(teVeel.statusCode).toBe(400);
    expect(teVeel.json().invalidParams).toContainEqual(expect.objectContaining({ name: 'definitie.stappen.0.velden', reason: 'Hoogstens 3 bestanden per stap.' }));
    // A file field has no choices or limits.
    const metOpties = await loket.app.inject({
      method: 'POST',
      url: API,
      headers: bea.headers,
      payload: { code: 'bewijs-fout', zaaktype: vraag.id, definitie: { ...definitie, stappen: [{ id: 's', titel: tt('S'), velden: [{ ...bestandVeld('a'), max: 3 }] }] } },
    });
    expect(metOpties.statusCode).toBe(400);

    const gemaakt = await loket.app.inject({ method: 'POST', url: API, headers: bea.headers, payload: { code: 'bewijsstuk', zaaktype: vraag.id, definitie } });
    expect(gemaakt.statusCode, gemaakt.body).toBe(201);
    const f = gemaakt.json();
    expect((await loket.app.inject({ method: 'POST', url: `${API}/${f.id}/publicatie`, headers: { ...bea.headers, 'if-match': `"${f.revisie}"` } })).statusCode).toBe(200);
  });

  it('the step is a multipart form with a file input that works without JavaScript', async () => {
    const start = await post('/diemen/formulieren/bewijsstuk');
    expect(start.statusCode).toBe(303);
    stap1 = start.headers.location as string;
    basis = stap1.replace(/\/stap\/1$/, '');
    const [concept] = await loket.database.db.selectFrom('formulier_concept').select('id').orderBy('aangemaakt_op', 'desc').execute();
    conceptId = concept?.id ?? '';
    const pagina = await haal(stap1);
    expect(pagina.body).toContain('enctype="multipart/form-data"');
    expect(pagina.body).toContain('type="file" id="bewijs" name="bewijs" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"');
    expect(pagina.body).toContain('Een PDF, JPG of PNG van hoogstens 10 MB.');
    expect(pagina.body).not.toContain('<script');
  });

  it('bad files: a B1 error next to the field, nothing stored (not the other answers either)', async () => {
    const gevallen: [TestBestand[], Record<string, string>, string][] = [
      [[], {}, 'Kies een bestand.'],
      // A name typed into the form under the field's name is no file.
      [[], { bewijs: 'nep.pdf' }, 'Kies een bestand.'],
      [[{ veld: 'bewijs', naam: 'brief.pdf', type: 'application/pdf', inhoud: Buffer.from('Dit is gewone tekst, geen PDF.') }], {}, 'Dit soort bestand nemen wij niet aan. Kies een PDF, JPG of PNG.'],
      [[{ veld: 'bewijs', naam: 'foto.png', type: 'image/png', inhoud: Buffer.from('PK\u0003\u0004 een archief') }], {}, 'Dit soort bestand nemen wij niet aan. Kies een PDF, JPG of PNG.'],
      [[{ veld: 'bewijs', naam: 'half.pdf', type: 'application/pdf', inhoud: KLEINE_PDF.subarray(0, 60) }], {}, 'Dit bestand is beschadigd of niet compleet. Kies een ander bestand.'],
      [[{ veld: 'bewijs', naam: 'leeg.jpg', type: 'image/jpeg', inhoud: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]) }], {}, 'Dit bestand is beschadigd of niet compleet. Kies een ander bestand.'],
      [[{ veld: 'bewijs', naam: 'groot.pdf', type: 'application/pdf', inhoud: Buffer.concat([KLEINE_PDF, Buffer.alloc(10 * 1024 * 1024)]) }], {}, 'Dit bestand is te groot. Het mag hoogstens 10 MB zijn.'],
    ];
    for (const [bijlagen, extra, fout] of gevallen) {
      const res = await stuur(stap1, { naam: 'Anna de Vries', ...extra }, bijlagen);
      expect(res.statusCode, fout).toBe(400);
      expect(res.body).toContain(`id="bewijs-fout">${fout}</p>`);
      expect(res.body).toContain(`href="#bewijs">Stuur een bewijsstuk: ${fout}</a>`);
      expect(res.body).toContain('aria-invalid="true"');
    }
    expect(await bestanden(conceptId)).toEqual([]);
    const concept = await loket.database.db.selectFrom('formulier_concept').select('antwoorden').where('id', '=', conceptId).executeTakeFirstOrThrow();
    expect(concept.antwoorden).toEqual({});
  });

  it('a good photo is stored re-encoded without its metadata, listed on the check page and kept when the step is sent again without a file', async () => {
    const foto = await telefoonJpeg();
    expect(foto.includes(Buffer.from('Telefoonmerk'))).toBe(true);
    const res = await stuur(stap1, { naam: 'Anna de Vries' }, [
      { veld: 'bewijs', naam: 'mijn-fotos/foto', type: 'image/jpeg', inhoud: foto },
      { veld: 'extra', naam: 'brief.pdf', type: 'application/pdf', inhoud: KLEINE_PDF },
    ]);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${basis}/stap/2`);
    const opgeslagen = await bestanden(conceptId);
    expect(opgeslagen.map((b) => [b.veld, b.bestandsnaam, b.mediatype])).toEqual([
      ['bewijs', 'foto.jpg', 'image/jpeg'],
      ['extra', 'brief.pdf', 'application/pdf'],
    ]);
    const bewijs = Buffer.from(opgeslagen[0]?.inhoud ?? []);
    expect(bewijs.includes(Buffer.from('Telefoonmerk'))).toBe(false);
    expect((await sharp(bewijs).metadata()).exif).toBeUndefined();

    expect((await haal(stap1)).body).toContain('U heeft al gestuurd: foto.jpg.');
    // Sent again without a file: the stored one stays the answer.
    expect((await stuur(stap1, { naam: 'Anna de Vries' })).statusCode).toBe(303);
    expect((await stuur(`${basis}/stap/2`, { vraag: 'Is dit genoeg?' })).headers.location).toBe(`${basis}/controleer`);
    const controle = await haal(`${basis}/controleer`);
    expect(controle.body).toContain('foto.jpg');
    expect(controle.body).toContain('brief.pdf');
  });

  it('on submit the files become documents of the zaak (through the zaken module) and leave the draft', async () => {
    const verstuurd = await post(`${basis}/controleer`);
    expect(verstuurd.statusCode, verstuurd.body).toBe(303);
    const concept = await loket.database.db.selectFrom('formulier_concept').select('ingediend_zaak_id').where('id', '=', conceptId).executeTakeFirstOrThrow();
    const documenten = await loket.database.db
      .selectFrom('zaak_document')
      .select(['bestandsnaam', 'mediatype', 'extern', 'inhoud'])
      .where('zaak_id', '=', concept.ingediend_zaak_id ?? '')
      .execute();
    expect(documenten.map((d) => [d.bestandsnaam, d.mediatype, d.extern]).toSorted((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['brief.pdf', 'application/pdf', true],
      [expect.stringMatching(/^formulier-Z-\d{4}-\d{6}\.pdf$/), 'application/pdf', true],
      ['foto.jpg', 'image/jpeg', true],
    ]);
    const foto = documenten.find((d) => d.bestandsnaam === 'foto.jpg');
    expect(Buffer.from(foto?.inhoud ?? []).includes(Buffer.from('Telefoonmerk'))).toBe(false);
    // Each document has its entry in the zaak's history.
    const gebeurtenissen = await loket.database.db.selectFrom('zaak_gebeurtenis').select('soort').where('zaak_id', '=', concept.ingediend_zaak_id ?? '').where('soort', '=', 'document').execute();
    expect(gebeurtenissen).toHaveLength(3);
    expect(await bestanden(conceptId)).toEqual([]);
  });
});
