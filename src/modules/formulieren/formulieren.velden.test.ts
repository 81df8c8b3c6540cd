import { describe, expect, it } from 'vitest';
import { definitieSchema, type Veld } from './formulieren.schemas.ts';
import { eersteOnvolledigeStap, elfproef, geldigeAntwoorden, ibanControle, leesDatum, leesStap, leesVeld, zichtbareStappen } from './formulieren.velden.ts';

const VANDAAG = '2026-12-06';
const tt = (nl: string) => ({ nl, en: nl });
const veld = (soort: Veld['soort'], extra: Partial<Veld> = {}): Veld => ({ id: 'v', soort, label: tt('Vraag'), verplicht: true, ...extra });
const lees = (v: Veld, waarde: string | Record<string, string>) => leesVeld(v, typeof waarde === 'string' ? { v: waarde } : waarde, VANDAAG);
const code = (v: Veld, waarde: string | Record<string, string>) => lees(v, waarde).fout?.code;
const opties = [
  { waarde: 'a', label: tt('A') },
  { waarde: 'b', label: tt('B') },
];

describe('every field kind refuses bad values with a code, and keeps good ones in their normal form', () => {
  it('tekst and lange-tekst: required, length in characters, spaces tidied', () => {
    expect(code(veld('tekst'), '   ')).toBe('verplicht');
    expect(code(veld('tekst'), 'x'.repeat(201))).toBe('te-lang');
    expect(lees(veld('tekst'), 'x'.repeat(201)).fout?.waarden).toEqual({ max: 200 });
    expect(code(veld('tekst', { min: 3 }), 'ab')).toBe('te-kort');
    expect(lees(veld('tekst'), ' Jan   de  Vries ').antwoord).toBe('Jan de Vries');
    expect(lees(veld('tekst'), '😀'.repeat(200)).antwoord).toBeDefined();
    expect(code(veld('lange-tekst'), 'x'.repeat(4001))).toBe('te-lang');
    expect(lees(veld('lange-tekst'), 'regel 1\r\nregel 2').antwoord).toBe('regel 1\nregel 2');
    expect(lees(veld('tekst', { verplicht: false }), '')).toEqual({});
  });
  it('getal: digits with a comma or point, within min and max', () => {
    expect(code(veld('getal'), 'twee')).toBe('geen-getal');
    expect(code(veld('getal'), '1e5')).toBe('geen-getal');
    expect(code(veld('getal'), 'NaN')).toBe('geen-getal');
    expect(code(veld('getal', { min: 1 }), '0')).toBe('te-klein');
    expect(code(veld('getal', { max: 10 }), '10,5')).toBe('te-groot');
    expect(lees(veld('getal'), '3,5').antwoord).toBe('3.5');
  });
  it('datum: a real date, in the past or future when asked', () => {
    expect(code(veld('datum'), '31-02-2026')).toBe('geen-datum');
    expect(code(veld('datum'), 'morgen')).toBe('geen-datum');
    expect(code(veld('datum'), '2026-13-01')).toBe('geen-datum');
    expect(code(veld('datum', { datum: 'verleden' }), '7-12-2026')).toBe('datum-niet-in-verleden');
    expect(code(veld('datum', { datum: 'toekomst' }), '5-12-2026')).toBe('datum-niet-in-toekomst');
    expect(lees(veld('datum'), '1-3-2020').antwoord).toBe('2020-03-01');
    expect(leesDatum('2024-02-29')).toBe('2024-02-29');
    expect(leesDatum('2023-02-29')).toBeUndefined();
  });
  it('keuze, ja-nee and meerkeuze: only the offered values', () => {
    expect(code(veld('keuze', { opties }), '')).toBe('verplicht-keuze');
    expect(code(veld('keuze', { opties }), 'c')).toBe('geen-keuze');
    expect(lees(veld('keuze', { opties }), 'b').antwoord).toBe('b');
    expect(code(veld('ja-nee'), 'misschien')).toBe('geen-keuze');
    expect(code(veld('ja-nee'), '')).toBe('verplicht-keuze');
    expect(code(veld('meerkeuze', { opties }), {})).toBe('verplicht-keuze');
    expect(code(veld('meerkeuze', { opties }), { 'v.c': 'ja' })).toBe('geen-keuze');
    expect(lees(veld('meerkeuze', { opties }), { 'v.a': 'ja', 'v.b': 'ja' }).antwoord).toEqual(['a', 'b']);
  });
  it('email and telefoon', () => {
    for (const fout of ['jan', 'jan@', '@voorbeeld.nl', 'jan@voorbeeld', 'jan de vries@voorbeeld.nl', `${'x'.repeat(250)}@a.nl`]) expect(code(veld('email'), fout)).toBe('email');
    expect(lees(veld('email'), ' jan@voorbeeld.nl ').antwoord).toBe('jan@voorbeeld.nl');
    for (const fout of ['12345', 'nul zes', '06-1234567', '+31']) expect(code(veld('telefoon'), fout)).toBe('telefoon');
    expect(lees(veld('telefoon'), '06 - 12 34 56 78').antwoord).toBe('0612345678');
    expect(lees(veld('telefoon'), '+31 20 123 4567').antwoord).toBe('+31201234567');
  });
  it('adres: a Dutch postcode (not SA, SD, SS) and a house number', () => {
    const adres = veld('adres');
    expect(code(adres, {})).toBe('verplicht');
    expect(code(adres, { 'v.postcode': '0123 AB', 'v.huisnummer': '1' })).toBe('postcode');
    expect(code(adres, { 'v.postcode': '1234 SS', 'v.huisnummer': '1' })).toBe('postcode');
    expect(code(adres, { 'v.postcode': '1234AB', 'v.huisnummer': '0' })).toBe('huisnummer');
    expect(lees(adres, { 'v.postcode': '1234AB', 'v.huisnummer': '' }).fout).toEqual({ invoer: 'v.huisnummer', code: 'huisnummer' });
    expect(lees(adres, { 'v.postcode': '1111ab', 'v.huisnummer': '12 A' }).antwoord).toEqual({ postcode: '1111 AB', huisnummer: '12 A' });
  });
  it('bsn: 9 digits (8 with a leading zero) and the elfproef', () => {
    expect(code(veld('bsn'), '12345')).toBe('bsn');
    expect(code(veld('bsn'), '12345678a')).toBe('bsn');
    expect(code(veld('bsn'), '111222334')).toBe('bsn-elfproef');
    expect(code(veld('bsn'), '000000000')).toBe('bsn-elfproef');
    expect(lees(veld('bsn'), '111 222 333').antwoord).toBe('111222333');
    expect(elfproef('999993653')).toBe(true);
    expect(elfproef('999993654')).toBe(false);
  });
  it('iban: the Dutch form and the mod-97 check', () => {
    expect(code(veld('iban'), 'NL91ABNA041716430')).toBe('iban');
    expect(code(veld('iban'), 'NL91ABNA0417164301')).toBe('iban-controle');
    expect(code(veld('iban'), 'rekening')).toBe('iban');
    expect(lees(veld('iban'), 'nl91 abna 0417 1643 00').antwoord).toBe('NL91ABNA0417164300');
    expect(ibanControle('DE89370400440532013000')).toBe(true);
    expect(ibanControle('DE89370400440532013001')).toBe(false);
  });
  it('toestemming: the box ticked when required', () => {
    expect(code(veld('toestemming'), '')).toBe('toestemming');
    expect(code(veld('toestemming'), 'nee')).toBe('toestemming');
    expect(lees(veld('toestemming'), 'ja').antwoord).toBe('ja');
  });
});

const definitie = definitieSchema.parse({
  titel: tt('Test'),
  inleiding: tt(''),
  stappen: [
    {
      id: 'een',
      titel: tt('Een'),
      velden: [
        { id: 'hulp', soort: 'ja-nee', label: tt('Hulp?') },
        { id: 'soort', soort: 'meerkeuze', label: tt('Welke?'), opties, verplicht: false },
      ],
    },
    { id: 'twee', titel: tt('Twee'), toonAls: { veld: 'hulp', is: 'ja' }, velden: [{ id: 'wat', soort: 'tekst', label: tt('Wat?') }] },
    {
      id: 'drie',
      titel: tt('Drie'),
      velden: [
        { id: 'naam', soort: 'tekst', label: tt('Naam') },
        { id: 'b-extra', soort: 'tekst', label: tt('Over B'), toonAls: { veld: 'soort', is: 'b' } },
        { id: 'wat-extra', soort: 'tekst', label: tt('Meer'), toonAls: { veld: 'wat', is: ['veel', 'heel veel'] }, verplicht: false },
      ],
    },
  ],
});

describe('conditions', () => {
  it('a step and a field show only when an earlier answer has the value; a multiple choice counts when one of its values is chosen', () => {
    expect(zichtbareStappen(definitie, { hulp: 'nee' })).toEqual([0, 2]);
    expect(zichtbareStappen(definitie, { hulp: 'ja' })).toEqual([0, 1, 2]);
    const drie = definitie.stappen[2]!;
    expect(leesStap(drie, {}, { soort: ['a'] }, VANDAAG).fouten.map((f) => f.veld)).toEqual(['naam']);
    expect(leesStap(drie, {}, { soort: ['a', 'b'] }, VANDAAG).fouten.map((f) => f.veld)).toEqual(['naam', 'b-extra']);
    // A hidden field's input is ignored.
    expect(leesStap(drie, { naam: 'Jan', 'b-extra': 'x' }, {}, VANDAAG).antwoorden).toEqual({ naam: 'Jan' });
  });
  it('an answer of a field no longer shown is dropped, and so are the answers that depended on it', () => {
    const antwoorden = { hulp: 'nee', wat: 'veel', 'wat-extra': 'nog meer', naam: 'Jan' };
    expect(geldigeAntwoorden(definitie, antwoorden)).toEqual({ hulp: 'nee', naam: 'Jan' });
    expect(geldigeAntwoorden(definitie, { ...antwoorden, hulp: 'ja' })).toEqual({ ...antwoorden, hulp: 'ja' });
    // A condition with a list holds for each of its values.
    expect(geldigeAntwoorden(definitie, { ...antwoorden, hulp: 'ja', wat: 'heel veel' })['wat-extra']).toBe('nog meer');
    expect(geldigeAntwoorden(definitie, { ...antwoorden, hulp: 'ja', wat: 'weinig' })['wat-extra']).toBeUndefined();
  });
  it('the first incomplete step follows the conditions', () => {
    expect(eersteOnvolledigeStap(definitie, {})).toBe(0);
    expect(eersteOnvolledigeStap(definitie, { hulp: 'ja' })).toBe(1);
    expect(eersteOnvolledigeStap(definitie, { hulp: 'nee' })).toBe(2);
    expect(eersteOnvolledigeStap(definitie, { hulp: 'nee', naam: 'Jan' })).toBeUndefined();
    expect(eersteOnvolledigeStap(definitie, { hulp: 'nee', naam: 'Jan', soort: ['b'] })).toBe(2);
  });
});

describe('a definition is checked as a whole', () => {
  it('refuses duplicate ids, choices without options, conditions on a later or the same step, and contact fields of the wrong kind', () => {
    const fout = definitieSchema.safeParse({
      titel: tt('T'),
      inleiding: tt(''),
      stappen: [
        {
          id: 's',
          titel: tt('S'),
          velden: [
            { id: 'a', soort: 'keuze', label: tt('A') },
            { id: 'a', soort: 'tekst', label: tt('A'), opties, toonAls: { veld: 'b', is: 'x' } },
            { id: 'c', soort: 'tekst', label: tt('C'), max: 9999 },
          ],
        },
        { id: 's', titel: tt('S'), velden: [{ id: 'b', soort: 'tekst', label: tt('B'), toonAls: { veld: 'b', is: 'x' } }] },
      ],
      contact: { email: 'a' },
    });
    expect(fout.success).toBe(false);
    const paden = fout.error?.issues.map((i) => i.path.join('.')).toSorted();
    expect(paden).toEqual([
      'contact.email',
      'stappen.0.velden.0.opties',
      'stappen.0.velden.1.id',
      'stappen.0.velden.1.opties',
      'stappen.0.velden.1.toonAls.veld',
      'stappen.0.velden.2.max',
      'stappen.1.id',
      'stappen.1.velden.0.toonAls.veld',
    ]);
  });
});
