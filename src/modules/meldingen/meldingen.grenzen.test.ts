import { describe, expect, it } from 'vitest';
import { GRENSMARGE_M, gemeentegrenzen } from './meldingen.grenzen.ts';

const grenzen = gemeentegrenzen();

describe('gemeentegrenzen (CBS/Kadaster 2024, generalised)', () => {
  it('accepts a point well inside Diemen, Ouder-Amstel and Uithoorn', () => {
    expect(grenzen.controleer('GM0384', 52.335, 4.99)).toEqual({ uitkomst: 'binnen' });
    expect(grenzen.controleer('GM0437', 52.3, 4.91)).toEqual({ uitkomst: 'binnen' });
    expect(grenzen.controleer('GM0451', 52.235, 4.8)).toEqual({ uitkomst: 'binnen' });
  });

  it('refuses a point in another gemeente, with how far outside it lies', () => {
    expect(grenzen.controleer('GM0384', 52.373, 4.893)).toEqual({ uitkomst: 'buiten', afstandM: 5348 });
    expect(grenzen.controleer('GM0384', 52.235, 4.8)).toMatchObject({ uitkomst: 'buiten' });
  });

  it(`flags a point within ${GRENSMARGE_M} m of the line, inside or just outside; beyond that outside is refused`, () => {
    expect(grenzen.controleer('GM0384', 52.3445, 5.0125)).toEqual({ uitkomst: 'nabij-grens', afstandM: 0, binnen: true });
    expect(grenzen.controleer('GM0384', 52.344, 5.01)).toEqual({ uitkomst: 'nabij-grens', afstandM: 33, binnen: false });
    expect(grenzen.controleer('GM0384', 52.3452, 5.0115)).toEqual({ uitkomst: 'nabij-grens', afstandM: 99, binnen: false });
    expect(grenzen.controleer('GM0384', 52.3462, 5.011)).toEqual({ uitkomst: 'buiten', afstandM: 185 });
  });

  it('says so when a gemeente has no boundary', () => {
    expect(grenzen.controleer('GM9999', 52, 4)).toEqual({ uitkomst: 'geen-grens' });
  });
});
