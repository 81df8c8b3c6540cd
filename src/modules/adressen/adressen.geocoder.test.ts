import { describe, expect, it } from 'vitest';
import { adressenUitPdok } from './adressen.geocoder.ts';

describe('adressenUitPdok', () => {
  it('reads the addresses of a Locatieserver answer (as documented for /free with fl), skipping documents without a point', () => {
    const antwoord = {
      response: {
        numFound: 3,
        docs: [
          { straatnaam: 'Burgemeester Bickerstraat', huisnummer: 12, huisletter: 'A', postcode: '1111AA', woonplaatsnaam: 'Diemen', gemeentecode: '0384', centroide_ll: 'POINT(4.9621 52.3395)' },
          { straatnaam: 'Hartveldseweg', huisnummer: 3, huisnummertoevoeging: '2', postcode: '1111CD', woonplaatsnaam: 'Diemen', centroide_ll: 'POINT(4.968 52.335)' },
          { straatnaam: 'Zonder punt', huisnummer: 1, postcode: '1111ZZ', woonplaatsnaam: 'Diemen' },
        ],
      },
    };
    expect(adressenUitPdok(antwoord)).toEqual([
      { postcode: '1111AA', huisnummer: 12, toevoeging: 'A', straat: 'Burgemeester Bickerstraat', woonplaats: 'Diemen', lat: 52.3395, lon: 4.9621 },
      { postcode: '1111CD', huisnummer: 3, toevoeging: '2', straat: 'Hartveldseweg', woonplaats: 'Diemen', lat: 52.335, lon: 4.968 },
    ]);
    expect(adressenUitPdok({ error: 'x' })).toEqual([]);
    expect(adressenUitPdok(null)).toEqual([]);
  });
});
