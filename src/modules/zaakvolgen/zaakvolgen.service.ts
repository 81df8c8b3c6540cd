import type { Context } from '../audit/audit.service.ts';
import type { ZakenService } from '../zaken/zaken.service.ts';

export interface ZaakvolgenDeps {
  zaken: Pick<ZakenService, 'zaakVoorInwoner' | 'reactieVanInwoner' | 'documentVoorInwoner'>;
  /** The date the deadline watcher promised the resident after a missed deadline, if any. */
  beloofdeDatum?: (gemeente: string, zaakId: string, einddatum: string) => Promise<string | null>;
}

export type InwonerZaak = NonNullable<Awaited<ReturnType<ZakenService['zaakVoorInwoner']>>>;

/** What the tracking page shows: the resident view of the zaken service and a promised date. */
export interface VolgZaak extends InwonerZaak {
  /** After a missed deadline: the date we told the resident they will hear from us by. */
  beloofdeDatum: string | null;
}

/**
 * The resident's tracking page behind a tracking code: what they may see of their zaak and
 * their replies. Lookups go by the code's hash (zaken service); an unknown code is null.
 */
export function zaakvolgenService(deps: ZaakvolgenDeps) {
  const { zaken } = deps;
  return {
    async zaak(gemeente: string, code: string): Promise<VolgZaak | null> {
      const zaak = await zaken.zaakVoorInwoner(gemeente, code);
      if (!zaak) return null;
      const beloofdeDatum = zaak.verwachteEinddatum && deps.beloofdeDatum ? await deps.beloofdeDatum(gemeente, zaak.zaakId, zaak.verwachteEinddatum) : null;
      return { ...zaak, beloofdeDatum };
    },

    /** A reply through the tracking page: null for an unknown code; throws 409 when the zaak is closed. */
    reageer: (gemeente: string, code: string, tekst: string, context: Context) => zaken.reactieVanInwoner(gemeente, code, { tekst }, context),

    document: (gemeente: string, code: string, documentId: string) => zaken.documentVoorInwoner(gemeente, code, documentId),
  };
}

export type ZaakvolgenService = ReturnType<typeof zaakvolgenService>;
