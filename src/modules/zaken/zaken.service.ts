import { zakenActies } from './zaken.acties.ts';
import { zakenBewaren } from './zaken.bewaren.ts';
import { zakenInwoner } from './zaken.inwoner.ts';
import { zakenKern, type ZakenDeps } from './zaken.kern.ts';
import { zakenRegistratie } from './zaken.registratie.ts';
import { zakenWerkvoorraad } from './zaken.werkvoorraad.ts';

export type { Actor, AfgeslotenZaak, Inwoner, NaAfsluiten, Systeem, Wie, ZakenDeps } from './zaken.kern.ts';
export { nieuweVolgcode, VERWERKING_ZAKEN, volgcodeHash } from './zaken.kern.ts';
export type { BijRegistratie, NieuweZaakInvoer, SysteemDocument, SysteemZaak } from './zaken.registratie.ts';
export type { ProcedureInhoud, ProcedureUitkomst, ProcedureZaak } from './zaken.acties.ts';
export type { WerkvoorraadInvoer } from './zaken.werkvoorraad.ts';

/**
 * The zaken module's public face: every read and every write of zaken, for the routes and for
 * other modules. All writes go through here (ADR 0012): staff actions (zaken.acties.ts),
 * registration and system events (zaken.registratie.ts), the resident's reply
 * (zaken.inwoner.ts); reads for staff in zaken.werkvoorraad.ts; retention in zaken.bewaren.ts.
 * Each change appends events to the history, recomputes the stored projection and bumps the
 * version, in one transaction (the frame `wijzig` in zaken.kern.ts).
 */
export function zakenService(deps: ZakenDeps) {
  const kern = zakenKern(deps);
  const werkvoorraad = zakenWerkvoorraad(kern);
  return {
    ...werkvoorraad,
    ...zakenActies(kern, werkvoorraad.detail),
    ...zakenRegistratie(kern, werkvoorraad.detail),
    ...zakenInwoner(kern),
    ...zakenBewaren(deps),
  };
}

export type ZakenService = ReturnType<typeof zakenService>;
