import { readFileSync } from 'node:fs';
import type { PcHoofdstuk } from '../planning-control/pc.hoofdstuk.ts';
import type { IndicatorAanvulling } from '../planning-control/pc.schemas.ts';

/**
 * Demo P&C data: programme "Samen besturen" of Diemen (public documents) in the Jaarstukken 2023
 * and the Programmabegrotingen 2022 and 2024, as the importer reads them (demo.pc.json holds the
 * importer's output, not the documents' text; demo.pc.test.ts re-imports the documents when
 * they are at hand and compares). All three are vastgesteld; only the Begroting 2024 prints its
 * council date, so the others carry none.
 */
export const DEMO_PC_HOOFDSTUKKEN: readonly PcHoofdstuk[] = JSON.parse(readFileSync(new URL('./demo.pc.json', import.meta.url), 'utf8'));

/** Which direction is better, per indicator code, for the traffic lights of the demo chapters. */
export const DEMO_PC_RICHTING: Record<string, IndicatorAanvulling['richting']> = {
  '1.1.1': 'lager', // % gegrond verklaarde bezwaarschriften
  '1.1.2': 'hoger', // % ingetrokken na informele behandeling
  '1.3.1': 'hoger', // % vertrouwen in het bestuur
  '2.1': 'hoger', // tevredenheid over de dienstverlening
  '2.2': 'lager', // aantal ontvankelijke klachten
  '2.1.1': 'hoger', // % gesprekken binnen 30 seconden beantwoord
  '2.2.1': 'hoger', // e-mail binnen 5 werkdagen
  A1: 'hoger',
  A2: 'hoger',
  A3: 'lager', // apparaatskosten per inwoner
  A4: 'lager', // externe inhuur
  A5: 'lager', // % overhead
};
