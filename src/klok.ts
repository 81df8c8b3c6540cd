/** The clock every service reads, so tests can set the time. */
export interface Klok {
  nu(): Date;
}

export const systeemklok: Klok = { nu: () => new Date() };

/** A clock that stands still until moved (for tests). */
export function vasteKlok(start: Date | string): Klok & { zet(t: Date | string): void; verder(ms: number): void } {
  let nu = new Date(start);
  return {
    nu: () => new Date(nu),
    zet: (t) => {
      nu = new Date(t);
    },
    verder: (ms) => {
      nu = new Date(nu.getTime() + ms);
    },
  };
}
