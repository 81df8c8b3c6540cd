import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo, logInAls } from '../../../test/demo.ts';
import { huisnummerVan, postcodeVan, toevoegingVan } from '../../http/contactvelden.ts';
import { cliContext } from '../audit/audit.service.ts';
import type { Wie } from '../zaken/zaken.service.ts';
import { zoekZakenQuery } from './klantcontacten.schemas.ts';

// The resident's address on a zaak (issue 11, ADR 0083): given by a form, by the KCC or not at
// all; found by the KCC's search by postcode and huisnummer; erased by the housekeeping with the
// other contact data one year after the zaak closed. One database for the file, in order.
let loket: TestLoket;
let kcc: Wie;
let bo: Wie;
const G = 'GM0384';
const tt = (nl: string) => ({ nl, en: nl });

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await demoWie(loket, 'kcc@duoplus.demo');
  bo = await demoWie(loket, 'behandelaar@diemen.demo');
});
afterAll(async () => loket?.close());

/** The KCC's search as the route gives it to the service: the query parsed by its schema. */
const zoek = async (query: Record<string, string>) =>
  (await loket.services.klantcontacten.zoekZaken(kcc, G, zoekZakenQuery.parse({ ...query, pageSize: '100' }))).items.map((z) => z.identificatie).toSorted();
const adresVan = (zaakId: string) =>
  loket.database.db.selectFrom('betrokkene').select(['postcode', 'huisnummer', 'huisnummertoevoeging', 'email']).where('gemeente', '=', G).where('zaak_id', '=', zaakId).executeTakeFirst();

describe('normal form of an address', () => {
  it('writes postcode, huisnummer and toevoeging one way, whatever the resident typed', () => {
    expect(['1111 ab', '1111AB', ' 1111  aB ', '1111ab'].map(postcodeVan)).toEqual(['1111AB', '1111AB', '1111AB', '1111AB']);
    expect(['0111AB', '1111A', '11111AB', '1111SS', '1111 SA', ''].map(postcodeVan)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(['12', '12a', '12 A', '12-a', '12 - 2', '12 a 2', '99999'].map(huisnummerVan)).toEqual([
      { huisnummer: 12, huisnummerToevoeging: null },
      { huisnummer: 12, huisnummerToevoeging: 'A' },
      { huisnummer: 12, huisnummerToevoeging: 'A' },
      { huisnummer: 12, huisnummerToevoeging: 'A' },
      { huisnummer: 12, huisnummerToevoeging: '2' },
      { huisnummer: 12, huisnummerToevoeging: 'A-2' },
      { huisnummer: 99999, huisnummerToevoeging: null },
    ]);
    expect(['0', '', 'a12', '100000', '12 a/b'].map(huisnummerVan)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(['a', '-2', 'A-2', 'bis', 'abcdefghijk', 'a/b'].map(toevoegingVan)).toEqual(['A', '2', 'A-2', 'BIS', undefined, undefined]);
    expect(zoekZakenQuery.parse({ postcode: '1111 ab', huisnummer: '12', huisnummerToevoeging: 'a' })).toMatchObject({ postcode: '1111AB', huisnummer: 12, huisnummerToevoeging: 'A' });
  });
});

describe('zaken with and without an address', { shuffle: false }, () => {
  let viaFormulier: string;
  let viaKcc: { id: string; identificatie: string };
  let zonder: { id: string; identificatie: string };

  it('takes the address from the form field named as the resident’s own, normalised', async () => {
    const bea = await logInAls(loket, 'beheerder@duoplus.demo');
    const API = `/api/v1/gemeenten/${G}/formulieren`;
    const vraag = (await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaaktypen`, headers: bea.headers })).json().items.find((z: { code: string }) => z.code === 'vraag');
    const definitie = {
      titel: tt('Adresvraag'),
      inleiding: tt(''),
      stappen: [
        {
          id: 'stap',
          titel: tt('Uw gegevens'),
          velden: [
            { id: 'naam', soort: 'tekst', label: tt('Naam'), verplicht: true },
            { id: 'woonadres', soort: 'adres', label: tt('Wat is uw adres?'), verplicht: true },
            { id: 'boomadres', soort: 'adres', label: tt('Waar staat de boom?'), verplicht: false },
          ],
        },
      ],
      contact: { naam: 'naam', adres: 'woonadres' },
    };
    // The named field must be an address field.
    const fout = await loket.app.inject({ method: 'POST', url: API, headers: bea.headers, payload: { code: 'adresvraag', zaaktype: vraag.id, definitie: { ...definitie, contact: { naam: 'naam', adres: 'naam' } } } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['definitie.contact.adres']);
    const gemaakt = await loket.app.inject({ method: 'POST', url: API, headers: bea.headers, payload: { code: 'adresvraag', zaaktype: vraag.id, definitie } });
    expect(gemaakt.statusCode, gemaakt.body).toBe(201);
    const f = gemaakt.json();
    const publicatie = await loket.app.inject({ method: 'POST', url: `${API}/${f.id}/publicatie`, headers: { ...bea.headers, 'if-match': `"${f.revisie}"` } });
    expect(publicatie.statusCode, publicatie.body).toBe(200);

    const post = (url: string, velden: Record<string, string> = {}) =>
      loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(velden).toString() });
    const start = await post('/diemen/formulieren/adresvraag');
    expect(start.statusCode, start.body).toBe(303);
    const stap = start.headers.location as string;
    const basis = stap.replace(/\/stap\/1$/, '');
    // The tree's address is another place: it is not the resident's.
    const ingevuld = await post(stap, { naam: 'Anna de Vries', 'woonadres.postcode': '1111 aa', 'woonadres.huisnummer': '5 a', 'boomadres.postcode': '1111BC', 'boomadres.huisnummer': '10' });
    expect(ingevuld.headers.location).toBe(`${basis}/controleer`);
    const verstuurd = await post(`${basis}/controleer`);
    expect(verstuurd.statusCode, verstuurd.body).toBe(303);
    const rij = await loket.database.db.selectFrom('formulier_concept').select('ingediend_identificatie').where('gemeente', '=', G).executeTakeFirstOrThrow();
    viaFormulier = rij.ingediend_identificatie ?? '';
    const zaak = await loket.database.db.selectFrom('zaak').select('id').where('gemeente', '=', G).where('identificatie', '=', viaFormulier).executeTakeFirstOrThrow();
    expect(await adresVan(zaak.id)).toEqual({ postcode: '1111AA', huisnummer: 5, huisnummertoevoeging: 'A', email: null });
  });

  it('takes the address the KCC gave when registering a zaak from a call, and none when none was given', async () => {
    const metAdres = await loket.services.klantcontacten.registreer(kcc, G, {
      kanaal: 'telefoon',
      onderwerp: 'Boom',
      vraag: '',
      antwoord: '',
      uitkomst: 'zaak-aangemaakt',
      persoon: { naam: 'Bert Bakker', email: 'bert@example.nl' },
      zaken: [],
      zaak: { zaaktype: 'melding-openbare-ruimte', taal: 'nl', adres: { postcode: '1111AA', huisnummer: 5, huisnummerToevoeging: null } },
    });
    viaKcc = metAdres.zaak ?? { id: '', identificatie: '' };
    expect(await adresVan(viaKcc.id)).toEqual({ postcode: '1111AA', huisnummer: 5, huisnummertoevoeging: null, email: 'bert@example.nl' });
    // The contact keeps no address: only the zaak, to be found by it.
    expect(JSON.stringify(await loket.services.klantcontacten.haal(cliContext(), G, metAdres.id))).not.toContain('1111AA');

    const zonderAdres = await loket.services.klantcontacten.registreer(kcc, G, {
      kanaal: 'telefoon',
      onderwerp: 'Stoep',
      vraag: '',
      antwoord: '',
      uitkomst: 'zaak-aangemaakt',
      persoon: { naam: 'Cor de Groot' },
      zaken: [],
      zaak: { zaaktype: 'melding-openbare-ruimte', taal: 'nl' },
    });
    zonder = zonderAdres.zaak ?? { id: '', identificatie: '' };
    expect(await adresVan(zonder.id)).toEqual({ postcode: null, huisnummer: null, huisnummertoevoeging: null, email: null });
  });

  it('finds them by postcode and huisnummer however written; with a toevoeging only that one', async () => {
    expect(await zoek({ postcode: '1111 aa', huisnummer: '5' })).toEqual([viaFormulier, viaKcc.identificatie].toSorted());
    expect(await zoek({ postcode: '1111AA', huisnummer: '5' })).toEqual(await zoek({ postcode: '1111 aa', huisnummer: '5' }));
    expect(await zoek({ postcode: '1111aa', huisnummer: '5', huisnummerToevoeging: 'a' })).toEqual([viaFormulier]);
    expect(await zoek({ postcode: '1111AA', huisnummer: '6' })).toEqual([]);
    // The place of the tree in the form is not the resident's address.
    expect(await zoek({ postcode: '1111BC', huisnummer: '10' })).toEqual([]);
    // Another gemeente has none of them.
    const anders = await loket.services.klantcontacten.zoekZaken(await demoWie(loket, 'kcc@duoplus.demo', 'GM0437'), 'GM0437', zoekZakenQuery.parse({ postcode: '1111AA', huisnummer: '5' }));
    expect(anders.items).toEqual([]);
  });

  it('moves the address with a zaak converted to another zaaktype', async () => {
    const detail = await loket.services.zaken.detail(bo, G, viaKcc.id);
    const nieuw = await loket.services.zaken.zetOm(bo, G, viaKcc.id, detail.versie, { zaaktype: 'klacht', reden: 'Eigenlijk een klacht' });
    expect(nieuw.zaak.betrokkene?.adres).toEqual({ postcode: '1111AA', huisnummer: 5, huisnummerToevoeging: null });
  });

  it('erases the address with e-mail and telephone one year after the zaak closed, by the housekeeping job', async () => {
    const zaak = await loket.services.zaken.detail(bo, G, zonder.id);
    const metAdres = await loket.services.zaken.registreer(bo, G, {
      zaaktype: 'e-mailvraag',
      onderwerp: 'Afgesloten',
      kanaal: 'telefoon',
      ontvangstdatum: '2026-03-02',
      behandelaar: 'ik',
      betrokkene: { naam: 'Dirk', telefoon: '0612345678', adres: { postcode: '1111BC', huisnummer: 12, huisnummerToevoeging: 'B' }, taal: 'nl' },
    });
    const beantwoord = metAdres.zaak.zaaktypeVersie.resultaattypen.find((r) => r.naam === 'Beantwoord');
    await loket.services.zaken.sluitAf(bo, G, metAdres.zaak.id, metAdres.zaak.versie, { resultaattype: beantwoord?.id ?? '' });
    expect(zaak.betrokkene?.adres).toBeNull();

    loket.klok.verder(360 * 24 * 3600 * 1000);
    await loket.services.onderhoud.ruimOp(cliContext());
    expect(await adresVan(metAdres.zaak.id)).toMatchObject({ postcode: '1111BC', huisnummer: 12, huisnummertoevoeging: 'B' });
    loket.klok.verder(10 * 24 * 3600 * 1000);
    await loket.services.onderhoud.ruimOp(cliContext());
    expect(await adresVan(metAdres.zaak.id)).toEqual({ postcode: null, huisnummer: null, huisnummertoevoeging: null, email: null });
    expect(await zoek({ postcode: '1111BC', huisnummer: '12' })).toEqual([]);
    // The open zaken keep theirs.
    expect(await zoek({ postcode: '1111AA', huisnummer: '5', huisnummerToevoeging: 'A' })).toEqual([viaFormulier]);
  });
});
