/**
 * A zaak's deadline (uiterlijke einddatum) derived from its history: the norm counted from the
 * day of receipt, every extension (verlenging, Awb 4:14 / 7:10 / 9:11) added once, and every
 * suspension (opschorting, Awb 4:15) moving the end by the days it lasted. Never typed by hand.
 */
import {
  berekenTermijn,
  dagenTussen,
  naarWerkdag,
  plusDagen,
  telOp,
  telWerkdagenNa,
  werkdagenTussen,
  type Duur,
  type Sluitingsdagen,
  type VrijeDag,
} from './kalender.ts';

export interface Opschorting {
  /** The first day the clock stood still. */
  van: string;
  /** The day the clock ran again; null while the suspension lasts (counted up to `vandaag`). */
  tot: string | null;
}

export interface EinddatumInvoer {
  ontvangstdatum: string;
  norm: Duur;
  verlengingen: Duur[];
  opschortingen: Opschorting[];
  /** Today in Europe/Amsterdam: an open suspension counts up to here. */
  vandaag: string;
  sluitingsdagen?: Sluitingsdagen;
}

export interface Einddatum {
  /** The deadline from the norm alone. */
  oorspronkelijk: string;
  einddatum: string;
  /** Days the clock stood still (calendar days for a statutory term, werkdagen for a norm in werkdagen). */
  opgeschorteDagen: number;
  /** The free days the end moved past at the last step. */
  verschoven: VrijeDag[];
}

export function leidEinddatumAf(invoer: EinddatumInvoer): Einddatum {
  const { ontvangstdatum, norm, sluitingsdagen } = invoer;
  const basis = berekenTermijn(ontvangstdatum, norm, sluitingsdagen);
  const geschorst = invoer.opschortingen.map((opschorting) => ({ van: opschorting.van, tot: opschorting.tot ?? plusDagen(invoer.vandaag, 1) }));

  if (norm.soort === 'werkdagen') {
    let einde = basis.einddatum;
    for (const verlenging of invoer.verlengingen) {
      einde = verlenging.soort === 'werkdagen' ? telWerkdagenNa(einde, verlenging.aantal, sluitingsdagen).datum : naarWerkdag(telOp(einde, verlenging)).datum;
    }
    const opgeschorteDagen = geschorst.reduce((som, { van, tot }) => som + werkdagenTussen(van, plusDagen(tot, -1), sluitingsdagen), 0);
    einde = telWerkdagenNa(einde, opgeschorteDagen, sluitingsdagen).datum;
    return { oorspronkelijk: basis.einddatum, einddatum: einde, opgeschorteDagen, verschoven: [] };
  }

  // Statutory term: extensions and suspended days extend the calendar term; the Algemene
  // termijnenwet then applies to where it ends.
  let einde = basis.kalendereinde ?? basis.einddatum;
  for (const verlenging of invoer.verlengingen) {
    einde = verlenging.soort === 'werkdagen' ? telWerkdagenNa(einde, verlenging.aantal).datum : telOp(einde, verlenging);
  }
  const opgeschorteDagen = geschorst.reduce((som, { van, tot }) => som + Math.max(0, dagenTussen(van, tot)), 0);
  einde = plusDagen(einde, opgeschorteDagen);
  if (invoer.verlengingen.length === 0 && opgeschorteDagen === 0) {
    return { oorspronkelijk: basis.einddatum, einddatum: basis.einddatum, opgeschorteDagen, verschoven: basis.verschoven };
  }
  const verschoven = naarWerkdag(einde);
  return { oorspronkelijk: basis.einddatum, einddatum: verschoven.datum, opgeschorteDagen, verschoven: verschoven.verschoven };
}
