import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';

// The resident's melding form as a browser without JavaScript uses it: GET a step, POST it,
// follow the 303. Bad input is a page with the problem (4xx), never a 5xx, and stores nothing.

let loket: TestLoket;
const NU = '2026-03-02T09:00:00Z';

beforeAll(async () => {
  loket = await testLoket({ nu: NU });
  await laadDemo(loket);
});
afterAll(async () => loket.close());

const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const verstuur = (url: string, velden: Record<string, string>) =>
  loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(velden).toString() });

/** A multipart/form-data body as a browser sends it: text fields and files. */
function multipart(velden: Record<string, string>, bestanden: { naam: string; type: string; inhoud: Buffer }[]) {
  const grens = '----loketgrens7MA4YWxkTrZu0gW';
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries(velden)) delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const b of bestanden) delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="fotos"; filename="${b.naam}"\r\nContent-Type: ${b.type}\r\n\r\n`), b.inhoud, Buffer.from('\r\n'));
  delen.push(Buffer.from(`--${grens}--\r\n`));
  return { payload: Buffer.concat(delen), headers: { 'content-type': `multipart/form-data; boundary=${grens}`, accept: 'text/html' } };
}
const stuurFotos = (url: string, bestanden: { naam: string; type: string; inhoud: Buffer }[]) => loket.app.inject({ method: 'POST', url, ...multipart({}, bestanden) });

/** A JPEG as a phone writes it: EXIF with the GPS position and the camera. */
const telefoonJpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'Telefoonmerk' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 20/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 58/1 30/1' } })
    .toBuffer();
const heeftGps = (exif: Buffer | undefined) => exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

const tel = async (tabel: 'melding' | 'melding_concept' | 'melding_concept_foto' | 'melding_volger') =>
  Number((await loket.database.db.selectFrom(tabel).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

/** Starts a concept with a description; answers the path of its steps. */
async function begin(beschrijving: string, basis = '/diemen/melding'): Promise<string> {
  const r = await verstuur(basis, { beschrijving });
  expect(r.statusCode, r.body).toBe(303);
  const locatie = String(r.headers.location);
  expect(locatie).toMatch(new RegExp(`^${basis}/[A-Za-z0-9_-]{43}/categorie$`));
  return locatie.replace(/\/categorie$/, '');
}

/** The check page's signed snapshot of the concept, as its form sends it. */
const opnameVan = (pagina: string): string => {
  const opname = /<input type="hidden" name="concept" value="([A-Za-z0-9_.-]+)">/.exec(pagina)?.[1] ?? '';
  expect(opname).not.toBe('');
  return opname;
};

/** Category (without questions) and an address of the demo gazetteer. */
async function totFotos(pad: string, categorie: string, postcode: string, huisnummer: string): Promise<void> {
  expect((await verstuur(`${pad}/categorie`, { categorie })).headers.location).toBe(`${pad}/waar`);
  const zoek = await haal(`${pad}/waar?postcode=${encodeURIComponent(postcode)}&huisnummer=${huisnummer}`);
  expect(zoek.statusCode, zoek.body).toBe(200);
  const adres = /name="adres" value="([^"]+)"/.exec(zoek.body)?.[1] ?? '';
  expect(adres).not.toBe('');
  const gekozen = await verstuur(`${pad}/waar`, { adres });
  expect(gekozen.headers.location, gekozen.body).toBe(`${pad}/dubbel`);
}

describe('the melding form without JavaScript', () => {
  it('walks description → category (suggested) → questions → address → photo → contact → check → receipt, through the meldingen service', async () => {
    const start = await haal('/diemen/melding');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Wat wilt u melden?');
    expect(start.body).toContain('<link rel="manifest" href="/diemen/melding.webmanifest">');
    expect(start.headers['cache-control']).toBe('no-store');

    const pad = await begin('De lantaarnpaal voor de deur is kapot, het is helemaal donker.');
    const categorie = await haal(`${pad}/categorie`);
    expect(categorie.statusCode).toBe(200);
    // The suggestion with its explanation; nothing is chosen for the resident.
    expect(categorie.body).toMatch(/Wij denken dat uw melding gaat over: Lantaarnpaal/);
    expect(categorie.body).toMatch(/lantaarnpaal \(een woord bij dit onderwerp\), donker \(een woord bij dit onderwerp\)/);
    expect(categorie.body).not.toContain(' checked');

    expect((await verstuur(`${pad}/categorie`, { categorie: 'lantaarnpaal-kapot' })).headers.location).toBe(`${pad}/vragen`);
    const vragen = await haal(`${pad}/vragen`);
    expect(vragen.body).toContain('name="antwoord.mastnummer"');
    const fout = await verstuur(`${pad}/vragen`, { 'antwoord.mastnummer': 'geen nummer!', 'antwoord.aantal_lampen': 'twee' });
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('utrecht-alert--error');
    expect(fout.body).toMatch(/id="vraag-mastnummer-fout">Dit antwoord klopt niet\./);
    expect((await verstuur(`${pad}/vragen`, { 'antwoord.mastnummer': 'A123', 'antwoord.aantal_lampen': '1' })).headers.location).toBe(`${pad}/waar`);

    // The place by street search.
    const straat = await haal(`${pad}/waar?straat=hartveld&straatHuisnummer=25`);
    expect(straat.statusCode).toBe(200);
    expect(straat.body).toContain('Hartveldseweg 25, 1111 CD Diemen');
    expect((await verstuur(`${pad}/waar`, { adres: '1111CD|25|' })).headers.location).toBe(`${pad}/dubbel`);
    expect((await haal(`${pad}/dubbel`)).headers.location).toBe(`${pad}/fotos`);

    const fotos = await haal(`${pad}/fotos`);
    expect(fotos.body).toMatch(/<input [^>]*type="file" id="fotos" name="fotos" accept="image\/\*" multiple/);
    const jpeg = await telefoonJpeg();
    expect(heeftGps((await sharp(jpeg).metadata()).exif)).toBe(true);
    const geplaatst = await stuurFotos(`${pad}/fotos`, [{ naam: 'IMG_0001.jpg', type: 'image/jpeg', inhoud: jpeg }]);
    expect(geplaatst.statusCode, geplaatst.body).toBe(303);
    const foto = await haal(`${pad}/foto/1`);
    expect(foto.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(foto.rawPayload).metadata()).exif).toBeUndefined();
    expect((await verstuur(`${pad}/fotos`, { verder: 'ja' })).headers.location).toBe(`${pad}/contact`);

    const zonderToestemming = await verstuur(`${pad}/contact`, { email: 'inwoner@example.nl', telefoon: '' });
    expect(zonderToestemming.statusCode).toBe(400);
    expect(zonderToestemming.body).toMatch(/id="toestemming-fout">Zet een vinkje/);
    expect((await verstuur(`${pad}/contact`, { email: 'inwoner@example.nl', telefoon: '0612345678', toestemming: 'ja' })).headers.location).toBe(`${pad}/controle`);

    const controle = await haal(`${pad}/controle`);
    expect(controle.statusCode).toBe(200);
    expect(controle.body).toContain('Controleer uw antwoorden');
    expect(controle.body).toContain(`href="${pad}/waar"`);
    expect(controle.body).toContain('Hartveldseweg 25, Diemen');
    expect(controle.body).toContain('1 foto(&#39;s)');

    // The button sends the page's signed snapshot of what it shows (ADR 0100).
    const ontvangen = await verstuur(`${pad}/controle`, { concept: opnameVan(controle.body) });
    expect(ontvangen.statusCode, ontvangen.body).toBe(200);
    const nummer = /Het nummer van uw melding is (Z-2026-\d{6})\./.exec(ontvangen.body)?.[1] ?? '';
    expect(nummer).not.toBe('');
    expect(ontvangen.body).toMatch(/href="http:\/\/127\.0\.0\.1:3000\/diemen\/zaken\/[a-z2-7]{32}"/);

    const melding = (await loket.services.meldingen.opIdentificatie('GM0384', [nummer]))[0];
    expect(melding).toMatchObject({ categorieCode: 'lantaarnpaal-kapot', lat: 52.3352, lon: 4.9682, adres: 'Hartveldseweg 25, Diemen' });
    const rij = await loket.database.db.selectFrom('melding').select(['bron', 'antwoorden', 'locatie_controle']).where('identificatie', '=', nummer).executeTakeFirstOrThrow();
    expect(rij).toEqual({ bron: 'formulier', antwoorden: { mastnummer: 'A123', aantal_lampen: '1' }, locatie_controle: 'binnen' });
    // The photo is a document of the zaak, without any EXIF.
    const documenten = await loket.database.db.selectFrom('zaak_document').select(['mediatype', 'inhoud']).where('zaak_id', '=', melding?.zaakId ?? '').execute();
    expect(documenten.map((d) => d.mediatype)).toEqual(['image/jpeg']);
    expect((await sharp(documenten[0]?.inhoud).metadata()).exif).toBeUndefined();
    // The receipt mail with the number, through the outbox; the concept and its photo are gone.
    const mails = await loket.database.db.selectFrom('bericht').select(['onderwerp', 'tekst']).where('aan', '=', 'inwoner@example.nl').execute();
    expect(mails.some((m) => m.onderwerp.includes(nummer))).toBe(true);
    expect(await tel('melding_concept_foto')).toBe(0);
    // The same address again: the concept is gone.
    expect((await haal(`${pad}/controle`)).statusCode).toBe(404);
  });

  it('works in English, and refuses bad input with a B1 message at the field, storing nothing and never a 5xx', async () => {
    const voor = await tel('melding');
    const concepten = await tel('melding_concept');
    const en = await haal('/diemen/en/report');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('What do you want to report?');

    const teLang = await verstuur('/diemen/melding', { beschrijving: 'x'.repeat(4001) });
    expect(teLang.statusCode).toBe(400);
    expect(teLang.body).toMatch(/id="beschrijving-fout">Uw beschrijving is te lang\. U mag hoogstens 4000 tekens gebruiken\. Nu zijn het er 4001\./);
    expect(teLang.body).toContain('href="#beschrijving"');
    expect((await verstuur('/diemen/melding', { beschrijving: '   ' })).statusCode).toBe(400);
    expect(await tel('melding_concept')).toBe(concepten);

    const pad = await begin('Rommel op straat', '/diemen/en/report');
    const onbekend = await verstuur(`${pad}/categorie`, { categorie: 'ruimtevaart' });
    expect(onbekend.statusCode).toBe(400);
    expect(onbekend.body).toContain('Choose a subject.');
    // Before a category there is no place step.
    expect((await haal(`${pad}/waar`)).headers.location).toBe(`${pad}/categorie`);
    expect((await verstuur(`${pad}/categorie`, { categorie: 'zwerfafval' })).statusCode).toBe(303);

    // A point in Amsterdam, far outside Diemen; a postcode that is no postcode; an address not chosen from the list.
    const buiten = await verstuur(`${pad}/waar`, { lat: '52.3731', lon: '4.8922' });
    expect(buiten.statusCode).toBe(400);
    expect(buiten.body).toMatch(/This place is not in the municipality of Diemen, but about \d+ metres outside its border\./);
    const postcode = await haal(`${pad}/waar?postcode=ABC&huisnummer=`);
    expect(postcode.statusCode).toBe(400);
    expect(postcode.body).toContain('id="postcode-fout">This postcode is not right.');
    expect(postcode.body).toContain('id="huisnummer-fout">Fill in a house number.');
    expect((await haal(`${pad}/waar?postcode=9999ZZ&huisnummer=1`)).body).toContain('We did not find an address');
    expect((await verstuur(`${pad}/waar`, { adres: '1011AB|1|' })).statusCode).toBe(400);
    expect((await verstuur(`${pad}/waar`, { lat: 'NaN', lon: '4' })).statusCode).toBe(400);

    // Near the boundary is accepted (flagged when stored).
    expect((await verstuur(`${pad}/waar`, { lat: '52.3395', lon: '4.9621' })).headers.location).toBe(`${pad}/dubbel`);

    // A PNG that is a ZIP, four photos, a multipart body that is broken.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    const nep = await stuurFotos(`${pad}/fotos`, [{ naam: 'foto.png', type: 'image/png', inhoud: zip }]);
    expect(nep.statusCode).toBe(400);
    expect(nep.body).toContain('The file foto.png is not a photo we can use.');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    const achterZip = await stuurFotos(`${pad}/fotos`, [{ naam: 'a.png', type: 'image/png', inhoud: png }, { naam: 'b.png', type: 'image/png', inhoud: zip }]);
    expect(achterZip.statusCode).toBe(400);
    const vier = await stuurFotos(`${pad}/fotos`, Array.from({ length: 4 }, (_, i) => ({ naam: `${i}.png`, type: 'image/png', inhoud: png })));
    expect(vier.statusCode).toBe(400);
    expect(vier.body).toContain('You can add at most 3 photos.');
    expect((await haal(`${pad}/fotos`)).body).not.toContain('<img');
    const kapot = await loket.app.inject({ method: 'POST', url: `${pad}/fotos`, headers: { 'content-type': 'multipart/form-data; boundary=abc', accept: 'text/html' }, payload: '--abc\r\nrommel' });
    expect(kapot.statusCode).toBe(400);
    expect((await haal(`${pad}/foto/1`)).statusCode).toBe(404);
    expect((await haal('/diemen/melding/ditiseensleuteldienietbestaat0123456789abcd/controle')).statusCode).toBe(404);
    expect(await tel('melding')).toBe(voor);
  });

  it('shows an open melding of the same category nearby and lets the resident follow it instead; its status mails reach them', async () => {
    const zaken = loket.services.meldingen;
    const bestaand = await zaken.meld(cliContext(), 'Test', 'GM0384', {
      categorie: 'zwerfafval',
      beschrijving: 'Blikjes',
      lat: 52.3396,
      lon: 4.9623,
      antwoorden: {},
      kanaal: 'web',
      bron: 'open311',
    });
    const pad = await begin('Overal rommel en blikjes');
    await totFotos(pad, 'zwerfafval', '1111 aa', '3');
    const dubbel = await haal(`${pad}/dubbel`);
    expect(dubbel.statusCode, dubbel.body).toBe(200);
    expect(dubbel.body).toContain(`Melding ${bestaand.identificatie}: Zwerfafval`);
    expect(dubbel.body).toMatch(/Op ongeveer \d+ meter\./);
    const leeg = await verstuur(`${pad}/dubbel`, { zaak: bestaand.zaakId, email: '' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.body).toContain('Vul uw e-mailadres in.');
    const gevolgd = await verstuur(`${pad}/dubbel`, { zaak: bestaand.zaakId, email: 'buur@example.nl' });
    expect(gevolgd.statusCode).toBe(200);
    expect(gevolgd.body).toContain(`U volgt melding ${bestaand.identificatie}`);
    expect(await loket.database.db.selectFrom('melding_volger').select('email').where('zaak_id', '=', bestaand.zaakId).execute()).toEqual([{ email: 'buur@example.nl' }]);
    expect((await haal(`${pad}/fotos`)).statusCode).toBe(404);

    // A status change of that melding mails the follower too (without the tracking link).
    await loket.services.zaken.zetStatus({ context: cliContext(), gebruiker: null, naam: 'Test', rollen: ['beheerder'] }, 'GM0384', bestaand.zaakId, 1, { statustype: 2 });
    const mails = await loket.database.db.selectFrom('bericht').select(['onderwerp', 'tekst']).where('aan', '=', 'buur@example.nl').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.onderwerp).toContain(bestaand.identificatie);
    expect(mails[0]?.tekst).not.toMatch(/\/zaken\/[a-z2-7]{32}/);

    // Another category at the same place is no duplicate; "something else" goes on to the photos.
    const ander = await begin('Een losse tegel');
    await totFotos(ander, 'losse-stoeptegel', '1111AA', '3');
    expect((await haal(`${ander}/dubbel`)).headers.location).toBe(`${ander}/fotos`);
    const zelfde = await begin('Nog meer blikjes');
    await totFotos(zelfde, 'zwerfafval', '1111AA', '1');
    expect((await verstuur(`${zelfde}/dubbel`, { nieuw: 'ja' })).headers.location).toBe(`${zelfde}/fotos`);
  });

  it('sends what the check page showed, once: a second send, a concept followed instead or two sends at once register nothing more; a bad snapshot falls back to the stored concept', async () => {
    const aantal = async () => Number((await loket.database.db.selectFrom('melding').select((eb) => eb.fn.countAll<string>().as('n')).where('bron', '=', 'formulier').executeTakeFirstOrThrow()).n);
    /** A concept at the check page (no photos, no contact); answers its path and the page's snapshot. */
    const totControle = async (beschrijving: string, huisnummer: string) => {
      const pad = await begin(beschrijving);
      await totFotos(pad, 'gat-in-de-weg', '1111AA', huisnummer);
      await verstuur(`${pad}/dubbel`, { nieuw: 'ja' });
      expect((await verstuur(`${pad}/contact`, { email: '', telefoon: '' })).headers.location).toBe(`${pad}/controle`);
      const pagina = await haal(`${pad}/controle`);
      expect(pagina.statusCode, pagina.body).toBe(200);
      return { pad, opname: opnameVan(pagina.body) };
    };
    const voor = await aantal();

    // Sent twice (a double click, the back button): the second finds the concept gone.
    const eerste = await totControle('Een tegel steekt omhoog', '1');
    expect((await verstuur(`${eerste.pad}/controle`, { concept: eerste.opname })).statusCode).toBe(200);
    const nogEens = await verstuur(`${eerste.pad}/controle`, { concept: eerste.opname });
    expect(nogEens.statusCode).toBe(404);
    expect(nogEens.body).toContain('al verstuurd');
    expect(await aantal()).toBe(voor + 1);

    // Two sends at once: one melding.
    const tegelijk = await totControle('Twee tegels los', '3');
    const statussen = await Promise.all([0, 1].map(() => verstuur(`${tegelijk.pad}/controle`, { concept: tegelijk.opname }).then((r) => r.statusCode)));
    expect(statussen.toSorted()).toEqual([200, 404]);
    expect(await aantal()).toBe(voor + 2);

    // A snapshot changed by hand, or another concept's, is not used: the stored concept is sent.
    const ander = await totControle('Tegel ligt scheef', '1');
    const [inhoud = '', ...handtekening] = ander.opname.split('.');
    const vervalst = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(inhoud, 'base64url').toString()), gegevens: { beschrijving: 'Iets heel anders' } })).toString('base64url');
    const metVervalst = await verstuur(`${ander.pad}/controle`, { concept: [vervalst, ...handtekening].join('.') });
    expect(metVervalst.statusCode, metVervalst.body).toBe(200);
    const nummer = /Het nummer van uw melding is (Z-2026-\d{6})\./.exec(metVervalst.body)?.[1] ?? '';
    expect((await loket.database.db.selectFrom('zaak').select('omschrijving').where('identificatie', '=', nummer).executeTakeFirstOrThrow()).omschrijving).toBe('Tegel ligt scheef');
    const derde = await totControle('Tegel kapot bij de bank', '3');
    const metAndermans = await verstuur(`${derde.pad}/controle`, { concept: tegelijk.opname });
    expect(metAndermans.statusCode, metAndermans.body).toBe(200);
    const nummer2 = /Het nummer van uw melding is (Z-2026-\d{6})\./.exec(metAndermans.body)?.[1] ?? '';
    expect((await loket.database.db.selectFrom('zaak').select('omschrijving').where('identificatie', '=', nummer2).executeTakeFirstOrThrow()).omschrijving).toBe('Tegel kapot bij de bank');
    expect(await aantal()).toBe(voor + 4);

    // The resident followed a duplicate in another tab: the old check page sends nothing.
    const bestaand = await loket.services.meldingen.meld(cliContext(), 'Test', 'GM0384', { categorie: 'zwerfafval', beschrijving: 'Blikjes', lat: 52.3396, lon: 4.9623, antwoorden: {}, kanaal: 'web', bron: 'open311' });
    const gevolgd = await begin('Blikjes overal');
    await totFotos(gevolgd, 'zwerfafval', '1111AA', '3');
    await verstuur(`${gevolgd}/dubbel`, { nieuw: 'ja' });
    await verstuur(`${gevolgd}/contact`, { email: '', telefoon: '' });
    const oud = opnameVan((await haal(`${gevolgd}/controle`)).body);
    expect((await verstuur(`${gevolgd}/dubbel`, { zaak: bestaand.zaakId, email: 'tab@example.nl' })).statusCode).toBe(200);
    expect((await verstuur(`${gevolgd}/controle`, { concept: oud })).statusCode).toBe(404);
    expect(await aantal()).toBe(voor + 4);
  });

  it('serves the web app manifest and its icons, and the portal home links to the form', async () => {
    const manifest = await haal('/diemen/melding.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json()).toMatchObject({ start_url: '/diemen/melding', display: 'standalone', icons: [{ sizes: '192x192' }, { sizes: '512x512' }] });
    const icoon = await haal('/static/melding/icoon-512.png');
    expect(icoon.headers['content-type']).toBe('image/png');
    expect((await sharp(icoon.rawPayload).metadata()).width).toBe(512);
    expect((await haal('/diemen/')).body).toContain('href="/diemen/melding"');
    expect((await haal('/diemen/en/')).body).toContain('href="/diemen/en/report"');
  });
});
