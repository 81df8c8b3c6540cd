import { describe, expect, it } from 'vitest';
import { vertaler } from '../../i18n/i18n.ts';
import { leesAntwoord, MAX_TOELICHTING, STANDAARD_OPZET, vraagtekst, type KtoOpzet } from './kto.regels.ts';

const eigen: KtoOpzet = {
  vraag: { nl: 'Welk cijfer geeft u ons?', en: 'What mark do you give us?' },
  keuzes: [
    { sleutel: 'wachttijd', nl: 'Hoe lang ik moest wachten', en: 'How long I had to wait' },
    { sleutel: 'toon', nl: 'De toon', en: 'The tone' },
  ],
  toelichtingVragen: false,
};

describe('the question a zaaktype configures', () => {
  it('reads its own text in the page language, else the standard text of the form', () => {
    expect(vraagtekst(vertaler('nl', 'kto'), 'nl', 'score-10', eigen)).toBe('Welk cijfer geeft u ons?');
    expect(vraagtekst(vertaler('en', 'kto'), 'en', 'score-10', eigen)).toBe('What mark do you give us?');
    expect(vraagtekst(vertaler('nl', 'kto'), 'nl', 'score-10', STANDAARD_OPZET)).toBe('Welk rapportcijfer geeft u? 1 is heel slecht, 10 is heel goed.');
    expect(vraagtekst(vertaler('en', 'kto'), 'en', 'ja-nee', STANDAARD_OPZET)).toBe('Are you satisfied with how we handled your case?');
  });

  it('takes a choice of its own list only, keeping the key and the Dutch label; the text only when asked', () => {
    expect(leesAntwoord('score-10', eigen, { score: '10', punt: 'toon', toelichting: 'Niet gevraagd' })).toEqual({
      antwoord: { score: 10, tevreden: true, punt: 'toon', puntTekst: 'De toon', toelichting: null },
    });
    expect(leesAntwoord('score-10', eigen, { score: '0', punt: 'snelheid' })).toEqual({
      fouten: [
        { veld: 'score', code: 'verplicht' },
        { veld: 'punt', code: 'verplicht' },
      ],
    });
    // A text the zaaktype does not ask for is never too long.
    expect(leesAntwoord('score-10', eigen, { score: '6', punt: 'wachttijd', toelichting: 'x'.repeat(MAX_TOELICHTING + 1) })).toMatchObject({ antwoord: { tevreden: false, toelichting: null } });
  });

  it('without a list asks no choice: no error without one, and a posted one is not kept', () => {
    const zonder: KtoOpzet = { ...STANDAARD_OPZET, keuzes: [] };
    expect(leesAntwoord('ja-nee', zonder, { score: '1' })).toEqual({ antwoord: { score: 1, tevreden: true, punt: null, puntTekst: null, toelichting: null } });
    expect(leesAntwoord('ja-nee', zonder, { score: '0', punt: 'snelheid', toelichting: ' Mail me op a@b.nl ' })).toEqual({
      antwoord: { score: 0, tevreden: false, punt: null, puntTekst: null, toelichting: 'Mail me op [e-mailadres]' },
    });
  });

  it('the standard list is the six options of the first version', () => {
    expect(STANDAARD_OPZET.keuzes.map((k) => k.sleutel)).toEqual(['snelheid', 'duidelijkheid', 'bejegening', 'uitkomst', 'bereikbaarheid', 'anders']);
    expect(leesAntwoord('score-5', STANDAARD_OPZET, { score: '4', punt: 'bejegening' })).toMatchObject({ antwoord: { punt: 'bejegening', puntTekst: 'Hoe wij u behandelden' } });
  });
});
