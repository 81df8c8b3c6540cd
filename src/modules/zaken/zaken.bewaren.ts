/**
 * Retention (ADR 0013): how long a closed zaak is kept (its result's Selectielijst term) and the
 * erasure of the resident's contact data one year after closing (the housekeeping job).
 */
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { plusMaanden } from '../termijnen/kalender.ts';
import type { ResultaattypeRecord } from '../zaaktypen/zaaktypen.repository.ts';
import type { ZakenRepository } from './zaken.repository.ts';

/** The day the zaak may be destroyed: close date + bewaartermijn; null for blijvend bewaren. */
export function archiefactiedatum(resultaattype: ResultaattypeRecord, afsluitdatum: string): string | null {
  if (resultaattype.archiefnominatie === 'blijvend_bewaren' || !resultaattype.bewaartermijn) return null;
  const match = /^P(\d+)([YM])$/.exec(resultaattype.bewaartermijn);
  if (!match) return null;
  const aantal = Number(match[1]);
  return plusMaanden(afsluitdatum, match[2] === 'Y' ? aantal * 12 : aantal);
}

export function zakenBewaren(deps: { repository: Pick<ZakenRepository, 'wisContactgegevens'>; audit: AuditService; klok: Klok }) {
  return {
    /**
     * E-mail, telephone, BSN key and address of residents are erased one year after the zaak
     * closed; name and language stay with the zaak for its own term. Logged in the audit log.
     */
    async ruimContactgegevensOp(context: Context, gemeente: string): Promise<number> {
      const grens = new Date(deps.klok.nu());
      grens.setUTCFullYear(grens.getUTCFullYear() - 1);
      const aantal = await deps.repository.wisContactgegevens(gemeente, grens.toISOString());
      if (aantal > 0) await deps.audit.log(context, { gemeente, actie: 'contactgegevens-inwoners-wissen', details: { aantal, geslotenVoor: grens.toISOString() } });
      return aantal;
    },
  };
}
