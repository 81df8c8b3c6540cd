import { describe, expect, it } from 'vitest';
import type { Gebeurtenis } from './zaken.gebeurtenis.ts';
import { binnenMaxVerlenging, eindeDezeWeek, projecteer, termijnband } from './zaken.projectie.ts';
import { kalenderdag } from '../termijnen/kalender.ts';

let n = 0;
/** An event with only the data the projection reads (the rest of its `gegevens` does not matter here). */
const g = (soort: Gebeurtenis['soort'], op: string, gegevens: Record<string, unknown> = {}): Gebeurtenis =>
  ({ volgnummer: ++n, soort, gegevens, extern: true, doorGebruiker: null, doorNaam: null, doorInwoner: false, op }) as Gebeurtenis;
const aangemaakt = g('aangemaakt', '2026-03-02T09:00:00Z', { status: 1, team: 'team-a', behandelaar: null });

const staf = (soort: Gebeurtenis['soort'], op: string, gegevens: Record<string, unknown> = {}) => ({ ...g(soort, op, gegevens), doorGebruiker: 'bo', doorNaam: 'Bo' });
const inwoner = (op: string, tekst: string) => ({ ...g('reactie', op, { tekst }), doorInwoner: true });
const nieuw = (gebeurtenissen: Gebeurtenis[]) => projecteer({ ontvangstdatum: '2026-03-02', norm: '10wd', gebeurtenissen, vandaag: '2026-03-06' }).nieuweReactieOp;

describe('projectie van een zaak', () => {
  it('derives the statutory deadline: six weeks after receipt (Awb 9:11), moved past a holiday', () => {
    const p = projecteer({ ontvangstdatum: '2026-03-02', norm: 'P6W', gebeurtenissen: [aangemaakt], vandaag: '2026-03-02' });
    expect(p).toMatchObject({ statusVolgnummer: 1, teamId: 'team-a', behandelaarId: null, opgeschort: false, uiterlijkeEinddatum: '2026-04-13' });
    // Received 20 November 2026: five weeks end on Eerste Kerstdag, and move past Tweede Kerstdag and Sunday.
    const kerst = projecteer({ ontvangstdatum: '2026-11-20', norm: 'P5W', gebeurtenissen: [aangemaakt], vandaag: '2026-11-20' });
    expect(kerst.uiterlijkeEinddatum).toBe('2026-12-28');
    expect(kerst.verschoven.map((v) => v.naam)).toEqual(['Eerste Kerstdag', 'Tweede Kerstdag', 'zondag']);
  });

  it('adds an extension once and moves the end by suspended calendar days', () => {
    const verlengd = projecteer({
      ontvangstdatum: '2026-03-02',
      norm: 'P6W',
      gebeurtenissen: [aangemaakt, g('verlenging', '2026-04-01T10:00:00Z', { duur: 'P4W', reden: 'Hoorzitting' })],
      vandaag: '2026-04-01',
    });
    expect(verlengd.oorspronkelijkeEinddatum).toBe('2026-04-13');
    expect(verlengd.uiterlijkeEinddatum).toBe('2026-05-11');
    expect(verlengd.verlengingen).toEqual([{ duur: 'P4W', reden: 'Hoorzitting', op: '2026-04-01T10:00:00Z' }]);

    const opgeschort = projecteer({
      ontvangstdatum: '2026-03-02',
      norm: 'P6W',
      gebeurtenissen: [aangemaakt, g('opschorting', '2026-03-10T08:00:00Z', { reden: 'Wacht op stukken' }), g('opschorting-einde', '2026-03-17T15:00:00Z')],
      vandaag: '2026-03-20',
    });
    expect(opgeschort.opschortingen).toEqual([{ van: '2026-03-10', tot: '2026-03-17', reden: 'Wacht op stukken' }]);
    expect(opgeschort.opgeschorteDagen).toBe(7);
    expect(opgeschort.uiterlijkeEinddatum).toBe('2026-04-20');
    expect(opgeschort.opgeschort).toBe(false);
  });

  it('counts a running suspension up to today, and notes a reply from the resident', () => {
    const gebeurtenissen = [aangemaakt, g('opschorting', '2026-03-03T08:00:00Z', { reden: 'Wacht op foto' }), g('reactie', '2026-03-04T12:00:00Z', { tekst: 'Hier is de foto' })];
    const p = projecteer({ ontvangstdatum: '2026-03-02', norm: '5wd', gebeurtenissen, vandaag: '2026-03-05' });
    expect(p.opgeschort).toBe(true);
    expect(p.reactieOntvangen).toBe(true);
    // 5 werkdagen from Monday 2 March: Monday 9 March; 3 werkdagen suspended (3, 4, 5 March).
    expect(p.opgeschorteDagen).toBe(3);
    expect(p.uiterlijkeEinddatum).toBe('2026-03-12');
    const later = projecteer({ ontvangstdatum: '2026-03-02', norm: '5wd', gebeurtenissen, vandaag: '2026-03-06' });
    expect(later.uiterlijkeEinddatum).toBe('2026-03-13');
  });

  it('marks a reply of the resident as new until staff act on the zaak (an assignment does not count)', () => {
    const eerste = inwoner('2026-03-03T09:00:00Z', 'Waar blijft het?');
    const tweede = inwoner('2026-03-04T09:00:00Z', 'Nog een vraag');
    expect(nieuw([aangemaakt])).toBeNull();
    // The oldest reply not acted on counts; a system event (no author) changes nothing.
    expect(nieuw([aangemaakt, eerste, g('notitie', '2026-03-03T10:00:00Z'), tweede])).toBe('2026-03-03T09:00:00Z');
    expect(nieuw([aangemaakt, eerste, staf('toewijzing', '2026-03-03T11:00:00Z', { behandelaar: 'bo' })])).toBe('2026-03-03T09:00:00Z');
    expect(nieuw([aangemaakt, eerste, staf('bericht', '2026-03-03T12:00:00Z', { tekst: 'Volgende week' })])).toBeNull();
    expect(nieuw([aangemaakt, eerste, staf('notitie', '2026-03-03T12:00:00Z'), tweede])).toBe('2026-03-04T09:00:00Z');
  });

  it('follows status, assignment and the result', () => {
    const p = projecteer({
      ontvangstdatum: '2026-03-02',
      norm: 'P6W',
      gebeurtenissen: [
        aangemaakt,
        g('toewijzing', '2026-03-02T10:00:00Z', { team: 'team-b', behandelaar: 'bo' }),
        g('status', '2026-03-03T10:00:00Z', { volgnummer: 2 }),
        g('resultaat', '2026-03-20T10:00:00Z', { resultaattype: 'gegrond', status: 4, volgnummer: 4 }),
      ],
      vandaag: '2026-03-20',
    });
    expect(p).toMatchObject({ teamId: 'team-b', behandelaarId: 'bo', statusVolgnummer: 4, resultaattypeId: 'gegrond', afgeslotenOp: '2026-03-20T10:00:00Z' });
  });

  it('checks extensions against the maximum, across kinds of duration', () => {
    expect(binnenMaxVerlenging('2026-03-02', 'P6W', ['P4W'], 'P4W')).toBe(true);
    expect(binnenMaxVerlenging('2026-03-02', 'P6W', ['P2W', 'P2W'], 'P4W')).toBe(true);
    expect(binnenMaxVerlenging('2026-03-02', 'P6W', ['P2W', 'P3W'], 'P4W')).toBe(false);
    expect(binnenMaxVerlenging('2026-03-02', 'P6W', ['P29D'], 'P4W')).toBe(false);
    expect(binnenMaxVerlenging('2026-03-02', '10wd', ['10wd'], '10wd')).toBe(true);
    expect(binnenMaxVerlenging('2026-03-02', '10wd', ['11wd'], '10wd')).toBe(false);
  });
});

describe('termijnbanden', () => {
  it('splits deadlines into te laat, vandaag, the coming five working days and later', () => {
    // Monday 2 March 2026: the fifth working day after it is Monday 9 March.
    const grens = eindeDezeWeek('2026-03-02');
    expect(grens).toBe('2026-03-09');
    expect(termijnband('2026-03-01', '2026-03-02', grens)).toBe('teLaat');
    expect(termijnband('2026-03-02', '2026-03-02', grens)).toBe('vandaag');
    expect(termijnband('2026-03-09', '2026-03-02', grens)).toBe('dezeWeek');
    expect(termijnband('2026-03-10', '2026-03-02', grens)).toBe('later');
  });

  it('is not empty on a Sunday or a Friday: it reaches to the fifth working day ahead', () => {
    // Sunday 8 March: Monday 9 to Friday 13 March.
    expect(eindeDezeWeek('2026-03-08')).toBe('2026-03-13');
    expect(termijnband('2026-03-09', '2026-03-08', eindeDezeWeek('2026-03-08'))).toBe('dezeWeek');
    expect(termijnband('2026-03-13', '2026-03-08', eindeDezeWeek('2026-03-08'))).toBe('dezeWeek');
    expect(termijnband('2026-03-16', '2026-03-08', eindeDezeWeek('2026-03-08'))).toBe('later');
    // Friday 6 March: the whole next week.
    expect(eindeDezeWeek('2026-03-06')).toBe('2026-03-13');
  });

  it('skips public holidays and the gemeente’s closure days', () => {
    // Hemelvaartsdag Thursday 14 May 2026: from Friday 8 May the band runs to Monday 18 May.
    expect(eindeDezeWeek('2026-05-08')).toBe('2026-05-18');
    expect(eindeDezeWeek('2026-05-11')).toBe('2026-05-19');
    // A closure day (Friday 15 May, brugdag) moves it one more working day.
    expect(eindeDezeWeek('2026-05-11', new Map([['2026-05-15', 'Brugdag']]))).toBe('2026-05-20');
  });

  it('takes the calendar day in Amsterdam, not in UTC', () => {
    expect(kalenderdag('2026-03-01T23:30:00Z')).toBe('2026-03-02');
    expect(kalenderdag('2026-07-01T21:59:00Z')).toBe('2026-07-01');
    expect(kalenderdag('2026-07-01T22:00:00Z')).toBe('2026-07-02');
  });
});

describe('heropening (ADR 0074)', () => {
  it('opens a closed zaak again at the given status, clears the result, and starts a new term from that Amsterdam day with the given norm', () => {
    const gebeurtenissen = [
      aangemaakt,
      g('status', '2026-03-03T09:00:00Z', { volgnummer: 3 }),
      g('verlenging', '2026-03-04T09:00:00Z', { duur: '10wd', reden: 'Onderdeel besteld' }),
      g('resultaat', '2026-03-05T09:00:00Z', { resultaattype: 'opgelost', status: 4, volgnummer: 4 }),
      // 9 March 23:30 UTC is Tuesday 10 March in Amsterdam.
      g('heropening', '2026-03-09T23:30:00Z', { status: 1, norm: '2wd', reden: 'Niet tevreden', toelichting: '' }),
    ];
    const dicht = projecteer({ ontvangstdatum: '2026-03-02', norm: '10wd', gebeurtenissen: gebeurtenissen.slice(0, 4), vandaag: '2026-03-05' });
    expect(dicht).toMatchObject({ afgeslotenOp: '2026-03-05T09:00:00Z', resultaattypeId: 'opgelost', statusVolgnummer: 4 });
    const open = projecteer({ ontvangstdatum: '2026-03-02', norm: '10wd', gebeurtenissen, vandaag: '2026-03-10' });
    // Two werkdagen after Tuesday 10 March; the earlier extension no longer counts.
    expect(open).toMatchObject({ afgeslotenOp: null, resultaattypeId: null, statusVolgnummer: 1, termijnStart: '2026-03-10', norm: '2wd', verlengingen: [], uiterlijkeEinddatum: '2026-03-12' });
  });
});
