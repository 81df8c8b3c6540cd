import { describe, expect, it } from 'vitest';
import { alsUtf8, leesGesprekken, mappingSchema } from './kcc.gesprekken.csv.ts';
import { GesprekkenBestandFout } from './kcc.gesprekken.errors.ts';
import { amsterdamMomenten, leesBegin } from './kcc.gesprekken.tijd.ts';

const KOP = 'gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar';
const csv = (...regels: string[]) => [KOP, ...regels].join('\n');

function weigering(f: () => unknown): GesprekkenBestandFout {
  try {
    f();
  } catch (error) {
    if (error instanceof GesprekkenBestandFout) return error;
    throw error;
  }
  throw new Error('niet geweigerd');
}

describe('begin: ISO 8601, without offset Europe/Amsterdam', () => {
  it('reads Z, an offset and a fraction of a second', () => {
    expect(leesBegin('2026-03-01T08:15:00Z')).toEqual({ moment: '2026-03-01T08:15:00.000Z' });
    expect(leesBegin('2026-03-01T09:15:00+01:00')).toEqual({ moment: '2026-03-01T08:15:00.000Z' });
    expect(leesBegin('2026-03-01T09:15:00+0100')).toEqual({ moment: '2026-03-01T08:15:00.000Z' });
    expect(leesBegin('2026-03-01T03:15-05')).toEqual({ moment: '2026-03-01T08:15:00.000Z' });
    expect(leesBegin('2026-03-01 08:15:00.1234z')).toEqual({ moment: '2026-03-01T08:15:00.123Z' });
  });

  it('reads a time without offset as Dutch time: winter +01:00, summer +02:00', () => {
    // 00:30 on the first of the month is still the last day of the month before in UTC.
    expect(leesBegin('2026-03-01T00:30:00')).toEqual({ moment: '2026-02-28T23:30:00.000Z' });
    expect(leesBegin('2026-07-01 00:30')).toEqual({ moment: '2026-06-30T22:30:00.000Z' });
    expect(leesBegin('2026-12-31T23:59:59')).toEqual({ moment: '2026-12-31T22:59:59.000Z' });
  });

  it('on the days the clocks change: the skipped hour is refused, the repeated hour is its first (summer) time', () => {
    // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(leesBegin('2026-03-29T01:59:59')).toEqual({ moment: '2026-03-29T00:59:59.000Z' });
    expect(leesBegin('2026-03-29T03:00:00')).toEqual({ moment: '2026-03-29T01:00:00.000Z' });
    const gat = leesBegin('2026-03-29T02:30:00');
    expect(gat).toEqual({ fout: expect.stringContaining('02:30 op 29 maart 2026 bestaat niet in Nederland') });
    expect(amsterdamMomenten(Date.UTC(2026, 2, 29, 2, 30))).toEqual([]);
    // The same time with an offset is fine.
    expect(leesBegin('2026-03-29T02:30:00+01:00')).toEqual({ moment: '2026-03-29T01:30:00.000Z' });
    // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(amsterdamMomenten(Date.UTC(2026, 9, 25, 2, 30))).toEqual([Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]);
    expect(leesBegin('2026-10-25T02:30:00')).toEqual({ moment: '2026-10-25T00:30:00.000Z' });
    expect(leesBegin('2026-10-25T03:00:00')).toEqual({ moment: '2026-10-25T02:00:00.000Z' });
    expect(leesBegin('2026-10-25T01:59:00')).toEqual({ moment: '2026-10-24T23:59:00.000Z' });
  });

  it('refuses what is not a time, with the reason', () => {
    expect(leesBegin('1-3-2026 9:15')).toEqual({ fout: expect.stringContaining('is geen tijdstip') });
    expect(leesBegin('2026-02-29T09:00:00Z')).toEqual({ fout: 'De datum 2026-02-29 bestaat niet.' });
    expect(leesBegin('2026-03-01T24:00:00Z')).toEqual({ fout: 'De tijd 24:00:00 bestaat niet.' });
    expect(leesBegin('2026-03-01T09:00:00+15:00')).toEqual({ fout: 'De tijdzone +15:00 bestaat niet.' });
    expect(leesBegin('1900-03-01T09:00:00Z')).toEqual({ fout: expect.stringContaining('Het jaar 1900 kan niet') });
  });
});

describe('leesGesprekken', () => {
  it('reads the default format with , and with ; (the header decides), a BOM and CRLF', () => {
    const komma = leesGesprekken(csv('g1,Algemeen,2026-03-01T09:00:00+01:00,12,beantwoord,300,', 'g2,Algemeen,2026-03-01T09:01:00Z,7,opgehangen,0,'));
    expect(komma.scheidingsteken).toBe(',');
    expect(komma.gelezen).toBe(2);
    expect(komma.fouten).toEqual([]);
    expect(komma.gesprekken[0]).toEqual({ regel: 2, gesprekId: 'g1', wachtrij: 'Algemeen', begin: '2026-03-01T08:00:00.000Z', wachttijdS: 12, afloop: 'beantwoord', gespreksduurS: 300, doorverbondenNaar: null });

    const puntkomma = leesGesprekken(`\uFEFF${KOP.replaceAll(',', ';')}\r\ng1;Burgerzaken, balie;2026-03-01 09:00;12;Beantwoord;300;Team Vergunningen\r\n`);
    expect(puntkomma.scheidingsteken).toBe(';');
    expect(puntkomma.gesprekken[0]).toMatchObject({ wachtrij: 'Burgerzaken, balie', afloop: 'beantwoord', doorverbondenNaar: 'Team Vergunningen', begin: '2026-03-01T08:00:00.000Z' });
  });

  it('reads quoted fields: separators, doubled quotes and line breaks inside; line numbers stay those of the file', () => {
    const tekst = csv(
      '"g1","Balie; ""snel""",2026-03-01T09:00:00Z,1,beantwoord,2,"Team A, B"',
      ' "g2" , "twee',
      'regels",2026-03-01T09:00:00Z,1,beantwoord,2,',
      'g3,Algemeen,2026-03-01T09:00:00Z,-1,beantwoord,2,',
    );
    const r = leesGesprekken(tekst);
    expect(r.gesprekken.map((g) => [g.regel, g.gesprekId, g.wachtrij, g.doorverbondenNaar])).toEqual([
      [2, 'g1', 'Balie; "snel"', 'Team A, B'],
      [3, 'g2', 'twee\nregels', null],
    ]);
    expect(r.fouten).toEqual([{ regel: 5, reden: 'wachttijd_s is -1: een aantal seconden kan niet negatief zijn.' }]);
    expect(r.gelezen).toBe(3);
  });

  it('reports every bad line with its line number and all its reasons, and reads the rest', () => {
    const r = leesGesprekken(
      csv(
        'g1,Algemeen,2026-03-01T09:00:00Z,30,beantwoord,60,',
        '',
        'g2,Algemeen,2026-03-01T09:00:00Z,1.5,gemist,,',
        'g3,,niet-een-datum,10,opgehangen,0,',
        'g4,Algemeen,2026-03-01T09:00:00Z,10,opgehangen',
        'g5,Algemeen,2026-03-01T09:00:00Z,"10"x,opgehangen,0,',
        'g6,Algemeen,2026-03-01T09:00:00Z,10,opgehangen,0,"open',
      ),
    );
    expect(r.gesprekken.map((g) => g.gesprekId)).toEqual(['g1']);
    expect(r.gelezen).toBe(6);
    expect(r.fouten).toEqual([
      { regel: 4, reden: 'wachttijd_s is 1.5: geef hele seconden, zonder komma of punt. afloop "gemist" kan niet; kies beantwoord, opgehangen of buiten-openingstijd. gespreksduur_s is leeg; geef het aantal seconden (0 of meer).' },
      { regel: 5, reden: expect.stringMatching(/^wachtrij is leeg\. begin: "niet-een-datum" is geen tijdstip\./) },
      { regel: 6, reden: 'Deze regel heeft 5 velden, de kop heeft er 7. Staat er een komma in een waarde? Zet die waarde dan tussen aanhalingstekens (").' },
      { regel: 7, reden: 'Na een afsluitend aanhalingsteken (") hoort een komma of het einde van de regel.' },
      { regel: 8, reden: 'Een waarde begint met een aanhalingsteken (") maar wordt niet afgesloten.' },
    ]);
  });

  it('checks the numbers and texts at their limits', () => {
    const r = leesGesprekken(
      csv(
        `g1,Algemeen,2026-03-01T09:00:00Z,0,buiten-openingstijd,2147483647,${'x'.repeat(200)}`,
        'g2,Algemeen,2026-03-01T09:00:00Z,2147483648,beantwoord,0,',
        `${'y'.repeat(201)},Algemeen,2026-03-01T09:00:00Z,1,beantwoord,0,`,
        'g4,Alge\u0000meen,2026-03-01T09:00:00Z,1,beantwoord,0,',
        'g5,Algemeen,2026-03-01T09:00:00Z,abc,beantwoord,0,',
      ),
    );
    expect(r.gesprekken.map((g) => [g.gesprekId, g.wachttijdS, g.gespreksduurS])).toEqual([['g1', 0, 2147483647]]);
    expect(r.fouten).toEqual([
      { regel: 3, reden: 'wachttijd_s "2147483648" is te groot.' },
      { regel: 4, reden: 'gesprek_id is langer dan 200 tekens.' },
      { regel: 5, reden: 'wachtrij bevat een teken dat niet mag (zoals een nul-teken).' },
      { regel: 6, reden: 'wachttijd_s "abc" is geen aantal seconden.' },
    ]);
  });

  it('counts a record repeated in the file once; the same id with other data is an error', () => {
    const r = leesGesprekken(
      csv(
        'g1,Algemeen,2026-03-01T09:00:00Z,30,beantwoord,60,',
        'g1,Algemeen,2026-03-01T10:00:00+01:00,30,beantwoord,60,',
        'g1,Algemeen,2026-03-01T09:00:00Z,31,beantwoord,60,',
      ),
    );
    expect(r.gesprekken).toHaveLength(1);
    expect(r.herhaald).toBe(1);
    expect(r.fouten).toEqual([{ regel: 4, reden: 'gesprek_id g1 staat ook op regel 2, met andere gegevens.' }]);
  });

  it('refuses a file whose header does not name the columns, saying which are missing', () => {
    expect(weigering(() => leesGesprekken('id;wachtrij;start\n1;a;b')).reden).toBe(
      'De kop mist de kolommen gesprek_id, begin, wachttijd_s, afloop, gespreksduur_s, doorverbonden_naar. De kop moet zijn: gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar (gescheiden door komma\'s of puntkomma\'s). Gevonden: id, wachtrij, start.',
    );
    expect(weigering(() => leesGesprekken('')).regel).toBe(1);
    expect(weigering(() => leesGesprekken('\nKOP')).reden).toMatch(/^Regel 1 is leeg/);
    expect(weigering(() => leesGesprekken(`${KOP},begin\n`)).reden).toBe('De kop noemt begin meer dan één keer.');
    // Extra columns and another order are fine; names are compared without case.
    const r = leesGesprekken('Afloop,extra,GESPREK_ID,wachtrij,begin,wachttijd_s,gespreksduur_s,doorverbonden_naar\nbeantwoord,x,g1,A,2026-03-01T09:00:00Z,3,4,\n');
    expect(r.gesprekken[0]).toMatchObject({ gesprekId: 'g1', afloop: 'beantwoord', wachttijdS: 3, gespreksduurS: 4 });
  });

  it('reads other column names through a mapping', () => {
    const kolommen = mappingSchema.parse({ kolommen: { gesprek_id: 'CallID', begin: 'Starttijd', wachttijd_s: 'Wachttijd (s)' } }).kolommen;
    const r = leesGesprekken('CallID;wachtrij;Starttijd;Wachttijd (s);afloop;gespreksduur_s;doorverbonden_naar\nc1;A;2026-03-01 09:00;5;opgehangen;0;\nc2;A;2026-03-01 09:00;x;opgehangen;0;\n', { kolommen });
    expect(r.gesprekken[0]).toMatchObject({ gesprekId: 'c1', wachttijdS: 5 });
    expect(r.fouten).toEqual([{ regel: 3, reden: 'Wachttijd (s) "x" is geen aantal seconden.' }]);
    expect(weigering(() => leesGesprekken(csv(), { kolommen })).reden).toMatch(/^De kop mist de kolommen CallID, Starttijd, Wachttijd \(s\)\./);
    expect(mappingSchema.safeParse({ kolommen: { begin: 'X', afloop: 'x' } }).error?.issues[0]?.message).toBe('De kolom "x" is al gekoppeld aan begin.');
    expect(mappingSchema.safeParse({ kolommen: { start: 'X' } }).success).toBe(false);
    expect(mappingSchema.safeParse({ kolommen: { begin: '' } }).success).toBe(false);
  });

  it('refuses bytes that are not UTF-8, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from(`${KOP}\ng1,Caf`), Buffer.from([0xe9]), Buffer.from(',2026-03-01T09:00:00Z,1,beantwoord,1,\n')]);
    const fout = weigering(() => alsUtf8(bytes));
    expect(fout.regel).toBe(2);
    expect(fout.reden).toMatch(/^Regel 2 bevat tekens die geen UTF-8 zijn/);
    expect(alsUtf8(Buffer.from('é'))).toBe('é');
  });
});
