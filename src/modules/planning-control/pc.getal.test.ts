import { describe, expect, it } from 'vitest';
import { prng } from './fixtures/prng.ts';
import { formatteerBedrag, formatteerGetal, lexCellen, leesBedrag, leesGetal, leesWaarde, splitsBedragRegel, splitsWaarden, splitsWaardenMetOpmerking } from './pc.getal.ts';

const geheel = (r: () => number, max: number) => Math.floor(r() * max);
const kies = <T,>(r: () => number, lijst: readonly T[]): T => lijst[geheel(r, lijst.length)] as T;

describe('leesGetal', () => {
  it.each([
    ['1.234', 1234],
    ['7,0', 7],
    ['-13.935', -13935],
    ['71,4', 71.4],
    ['1.234.567,89', 1234567.89],
    ['0', 0],
    ['2023', 2023],
    ['-0,5', -0.5],
  ])('%s = %d', (tekst, getal) => {
    expect(leesGetal(tekst)).toBe(getal);
  });

  it.each(['1.5', '1.23', '1,2,3', '12a', '', '€', '1.2345', '--5', '.5'])('refuses %j', (tekst) => {
    expect(leesGetal(tekst)).toBeNull();
  });
});

describe('leesBedrag', () => {
  it('reads finance cells: "-" is 0, empty is null, text is not an amount', () => {
    expect(leesBedrag('-13.935')).toBe(-13935);
    expect(leesBedrag('722')).toBe(722);
    expect(leesBedrag('-')).toBe(0);
    expect(leesBedrag('')).toBeNull();
    expect(leesBedrag('7,5')).toBeUndefined();
    expect(leesBedrag('abc')).toBeUndefined();
  });
});

describe('leesWaarde', () => {
  const voetnoten = new Set([3, 7, 29, 30, 31]);
  const lees = (tekst: string, naam = 'Een indicator') => leesWaarde(tekst, 'Realisatie 2023', { naam, voetnoten });

  it('reads percentages, with and without a space', () => {
    expect(lees('40%').waarde).toEqual({ kolom: 'Realisatie 2023', tekst: '40%', getal: 40, eenheid: '%', voetnoten: [] });
    expect(lees('19 %').waarde).toMatchObject({ tekst: '19 %', getal: 19, eenheid: '%' });
    expect(lees('71,4%').waarde).toMatchObject({ getal: 71.4, eenheid: '%' });
  });

  it('reads euros', () => {
    expect(lees('€ 979').waarde).toMatchObject({ tekst: '€ 979', getal: 979, eenheid: '€', voetnoten: [] });
    expect(lees('€1.250').waarde).toMatchObject({ getal: 1250, eenheid: '€' });
    expect(lees('-€ 5').waarde).toMatchObject({ getal: -5, eenheid: '€' });
  });

  it('reads a range: getal is the lower bound, tot the upper', () => {
    expect(lees('70-80%').waarde).toEqual({ kolom: 'Realisatie 2023', tekst: '70-80%', getal: 70, tot: 80, eenheid: 'bereik', voetnoten: [] });
    expect(lees('7,5 - 8').waarde).toMatchObject({ getal: 7.5, tot: 8, eenheid: 'bereik' });
  });

  it('decides between rapportcijfer and aantal by the name and the form of the value', () => {
    expect(lees('6,9', 'Tevredenheid burger over de dienstverlening').waarde).toMatchObject({ getal: 6.9, eenheid: 'rapportcijfer' });
    expect(lees('7,0', 'Waardering inwoners algemene gemeentelijke dienstverlening').waarde).toMatchObject({ getal: 7, eenheid: 'rapportcijfer' });
    expect(lees('72', 'Aantal ontvankelijke klachten over gemeentelijke dienstverlening').waarde).toMatchObject({ getal: 72, eenheid: 'aantal' });
    // A number outside 1..10, or a count, is never a rapportcijfer.
    expect(lees('72', 'Tevredenheid over de wachttijd').waarde.eenheid).toBe('aantal');
    expect(lees('6,9', 'Aantal tevreden bezoekers').waarde.eenheid).toBe('aantal');
    expect(lees('6,95', 'Waardering inwoners').waarde.eenheid).toBe('aantal');
    expect(lees('6,9', 'Gemiddelde wachttijd in minuten').waarde.eenheid).toBe('aantal');
    // at the end of a compound word too, but "ontevreden" is no rapportcijfer
    expect(lees('7,2', 'Cliënttevredenheid Wmo').waarde.eenheid).toBe('rapportcijfer');
    expect(lees('7', 'Klantwaardering afvalinzameling').waarde.eenheid).toBe('rapportcijfer');
    expect(lees('7', 'Ontevreden klanten').waarde.eenheid).toBe('aantal');
  });

  it('reads statuses without a number', () => {
    expect(lees('NB').waarde).toEqual({ kolom: 'Realisatie 2023', tekst: 'NB', getal: null, eenheid: null, status: 'NB', voetnoten: [] });
    expect(lees('nnb').waarde).toMatchObject({ getal: null, status: 'nnb' });
    expect(lees('n.v.t.').waarde).toMatchObject({ getal: null, status: 'n.v.t.' });
    expect(lees('Niet beschikbaar, de volgende peiling is in 2025, voor het jaar 2024.').waarde).toMatchObject({
      getal: null,
      eenheid: null,
      status: 'niet beschikbaar',
      reden: 'de volgende peiling is in 2025, voor het jaar 2024.',
    });
    expect(lees('Niet beschikbaar').waarde).not.toHaveProperty('reden');
  });

  it('takes glued footnote numbers off, but only those that exist in the chapter', () => {
    expect(lees('NB29').waarde).toMatchObject({ tekst: 'NB', getal: null, status: 'NB', voetnoten: [29] });
    expect(lees('4%3').waarde).toMatchObject({ tekst: '4%', getal: 4, eenheid: '%', voetnoten: [3] });
    expect(lees('7,2%7').waarde).toMatchObject({ tekst: '7,2%', getal: 7.2, voetnoten: [7] });
    expect(lees('n.v.t.30').waarde).toMatchObject({ status: 'n.v.t.', voetnoten: [30] });
    expect(lees('1.2343').waarde).toMatchObject({ tekst: '1.234', getal: 1234, voetnoten: [3] });
    expect(lees('€ 7.9023').waarde).toMatchObject({ tekst: '€ 7.902', getal: 7902, eenheid: '€', voetnoten: [3] });
    // Footnote 12 does not exist: the cell is not understood, and says why.
    const onbekend = lees('NB12');
    expect(onbekend.waarde).toMatchObject({ tekst: 'NB12', getal: null, eenheid: null, voetnoten: [] });
    expect(onbekend.fout).toMatch(/voetnoot 12/);
    // A bare number never loses digits to a footnote.
    expect(lees('729').waarde).toMatchObject({ getal: 729, voetnoten: [] });
  });

  it('reports text it does not understand instead of guessing', () => {
    expect(lees('ongeveer 5').fout).toBeDefined();
    expect(lees('1.5').fout).toBeDefined();
  });
});

describe('splitsWaarden', () => {
  it('finds exactly n value cells at the end of a line', () => {
    expect(splitsWaarden('NB29 15% 0%', 3)).toEqual({ voor: '', cellen: ['NB29', '15%', '0%'], open: false, openIndex: -1 });
    expect(splitsWaarden('Apparaatskosten per inwoner (verplicht) € 890 € 939 € 979', 3)).toEqual({
      voor: 'Apparaatskosten per inwoner (verplicht)',
      cellen: ['€ 890', '€ 939', '€ 979'],
      open: false,
      openIndex: -1,
    });
    expect(splitsWaarden('% overhead (verplicht) 15 % 17 % 13 %', 3)?.cellen).toEqual(['15 %', '17 %', '13 %']);
    expect(splitsWaarden('Tevredenheid burger over de dienstverlening 6,9 7,0 Niet beschikbaar, de', 3)).toEqual({
      voor: 'Tevredenheid burger over de dienstverlening',
      cellen: ['6,9', '7,0', 'Niet beschikbaar, de'],
      open: true,
      openIndex: 2,
    });
    // The number in the name is not taken as a value when the tail already has n cells.
    expect(splitsWaarden('KCC binnen 30 71,4% 70-80% 73,1%', 3)?.voor).toBe('KCC binnen 30');
    expect(splitsWaarden('% binnenkomende gesprekken KCC binnen 30', 3)).toBeNull();
  });

  it('a free-text status in an earlier column ends where the rest of the line is exactly the remaining cells', () => {
    expect(splitsWaarden('Veiligheidsgevoel (rapportcijfer) Niet beschikbaar, de 7,0 7,2', 3)).toEqual({
      voor: 'Veiligheidsgevoel (rapportcijfer)',
      cellen: ['Niet beschikbaar, de', '7,0', '7,2'],
      open: true,
      openIndex: 0,
    });
    // numbers inside the free text stay in it (longest text first)
    expect(splitsWaarden('Naam 6,9 Niet beschikbaar, peiling in 2025 7,2', 3)?.cellen).toEqual(['6,9', 'Niet beschikbaar, peiling in 2025', '7,2']);
    // "€ 111" stays one cell
    expect(splitsWaarden('Kosten Niet beschikbaar, de € 111 nnb', 3)?.cellen).toEqual(['Niet beschikbaar, de', '€ 111', 'nnb']);
    // a text that ends with a full stop is complete; a last free-text cell after it stays open
    expect(splitsWaarden('Naam Niet bekend. 40% Niet beschikbaar, de', 3)).toEqual({
      voor: 'Naam',
      cellen: ['Niet bekend.', '40%', 'Niet beschikbaar, de'],
      open: true,
      openIndex: 2,
    });
    // only as a fallback: "niet beschikbaar" inside a name does not swallow the values
    expect(splitsWaarden('Aantal woningen niet beschikbaar voor verhuur 12 14 15', 3)).toEqual({
      voor: 'Aantal woningen niet beschikbaar voor verhuur',
      cellen: ['12', '14', '15'],
      open: false,
      openIndex: -1,
    });
    // lower case "niet" never opens a cell before the last column
    expect(splitsWaarden('Naam niet beschikbaar, de 7,0 7,2', 3)).toBeNull();
  });

  it('a remark after the last value may open with a capital; after an earlier value only in lower case or "("', () => {
    expect(splitsWaardenMetOpmerking('Doorlooptijd (dagen) 28 - 31 Bron: Suite4Sociaal Domein', 3)).toEqual({
      voor: 'Doorlooptijd (dagen)',
      cellen: ['28', '-', '31'],
      opmerkingen: [null, null, 'Bron: Suite4Sociaal Domein'],
    });
    expect(splitsWaardenMetOpmerking('Doorlooptijd 28 Bron: eigen 30 31', 3)).toBeNull();
  });

  it('lexes no cells out of plain words', () => {
    expect(lexCellen(['formele', 'behandeling'])).toBeNull();
  });
});

describe('property: a number formatted the Dutch way reads back', () => {
  const EENHEDEN = ['aantal', '%', '% spatie', '€', 'rapportcijfer', 'bereik'] as const;

  it('1000 random values with sign, thousands dots, decimal comma, unit and glued footnote', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const r = prng(seed);
      const soort = kies(r, EENHEDEN);
      const decimalen = soort === 'rapportcijfer' ? 1 : geheel(r, 3);
      const grootte = kies(r, [10, 1000, 1_000_000, 1_000_000_000]);
      let getal = Number((r() * grootte).toFixed(decimalen));
      if (soort === 'rapportcijfer') getal = Number((1 + r() * 9).toFixed(1));
      else if (soort !== 'bereik' && r() < 0.3) getal = -getal;
      const tot = soort === 'bereik' ? Number((getal + r() * 100).toFixed(decimalen)) : undefined;
      const voetnoot = soort === '%' || soort === '% spatie' ? (r() < 0.5 ? 1 + geheel(r, 99) : undefined) : undefined;

      const dutch = formatteerGetal(getal, decimalen);
      let tekst: string;
      if (soort === '%') tekst = `${dutch}%`;
      else if (soort === '% spatie') tekst = `${dutch} %`;
      else if (soort === '€') tekst = getal < 0 ? `-€ ${formatteerGetal(-getal, decimalen)}` : `€ ${dutch}`;
      else if (soort === 'bereik') tekst = `${dutch}-${formatteerGetal(tot ?? 0, decimalen)}%`;
      else tekst = dutch;
      const printed = voetnoot === undefined ? tekst : `${tekst}${voetnoot}`;

      const naam = soort === 'rapportcijfer' ? 'Waardering inwoners' : 'Aantal meldingen';
      const gelezen = leesWaarde(printed, 'K', { naam, voetnoten: new Set(voetnoot === undefined ? [] : [voetnoot]) });
      const verwacht = {
        tekst,
        getal: Object.is(getal, -0) ? 0 : getal,
        eenheid: soort === '% spatie' ? '%' : soort,
        voetnoten: voetnoot === undefined ? [] : [voetnoot],
        ...(tot === undefined ? {} : { tot }),
      };
      expect({ seed, fout: gelezen.fout, ...gelezen.waarde }).toEqual({ seed, fout: undefined, kolom: 'K', ...verwacht });
    }
  });

  it('1000 random finance amounts read back; 0 prints as "-"', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const r = prng(seed * 7919);
      const bedrag = Math.round((r() - 0.5) * kies(r, [0, 10, 10_000, 10_000_000])) || 0;
      const printed = formatteerBedrag(bedrag);
      if (bedrag === 0) expect(printed).toBe('-');
      expect({ seed, printed, bedrag: leesBedrag(printed) }).toEqual({ seed, printed, bedrag });
    }
  });

  it('lines of n formatted cells split back into the same n cells', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = prng(seed * 104729);
      const n = 1 + geheel(r, 6);
      const cellen = Array.from({ length: n }, () => {
        const g = formatteerGetal(Math.round(r() * 100_000) / 10, 1);
        return kies(r, [g, `${g}%`, `${g} %`, `€ ${g}`, 'NB', 'nnb', 'n.v.t.', `NB${1 + geheel(r, 40)}`]);
      });
      const naam = kies(r, ['Aantal klachten', '% binnen 30 seconden', 'Apparaatskosten (verplicht)']);
      const gesplitst = splitsWaarden(`${naam} ${cellen.join(' ')}`, n);
      expect({ seed, ...gesplitst }).toEqual({ seed, voor: naam, cellen, open: false, openIndex: -1 });
    }
  });
});

describe('splitsBedragRegel (overheveling lines)', () => {
  it('reads name, amount and the start of the motivation', () => {
    expect(splitsBedragRegel('Diemen-Zuid 150 De levering van de camera\'s liep vertraging op.')).toEqual({
      naam: 'Diemen-Zuid',
      bedrag: 150,
      euro: false,
      rest: "De levering van de camera's liep vertraging op.",
    });
    expect(splitsBedragRegel('Evenementenbeleid € 45.000')).toEqual({ naam: 'Evenementenbeleid', bedrag: 45000, euro: true, rest: '' });
    expect(splitsBedragRegel('Subsidie festival: -€12.500,50')).toEqual({ naam: 'Subsidie festival', bedrag: -12500.5, euro: true, rest: '' });
    expect(splitsBedragRegel('Onderhoud bruggen - 1.250 (Zie ook investeringen.)')).toEqual({ naam: 'Onderhoud bruggen', bedrag: 1250, euro: false, rest: '(Zie ook investeringen.)' });
    expect(splitsBedragRegel('Training buurtpreventie -25')?.bedrag).toBe(-25);
  });

  it('takes the last qualifying amount: names hold numbers', () => {
    expect(splitsBedragRegel('Fase 2 Diemen-Zuid 80 Uitvoering volgt.')).toMatchObject({ naam: 'Fase 2 Diemen-Zuid', bedrag: 80 });
  });

  it('refuses years, amounts followed by lower case, text without a name, and plain text', () => {
    expect(splitsBedragRegel('Oplevering in 2024')).toBeNull();
    expect(splitsBedragRegel('Wij verwachten 3 maanden vertraging.')).toBeNull();
    expect(splitsBedragRegel('150 De levering')).toBeNull();
    expect(splitsBedragRegel('de post 150 De levering')).toBeNull();
    expect(splitsBedragRegel('Omschrijving Bedrag (x € 1.000) Motivering')).toBeNull();
  });
});
