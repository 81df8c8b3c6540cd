import type { Kysely, Transaction } from 'kysely';
import { BRIEF_GROEPEN, type BriefGroep, type DB } from '../../db/schema.ts';
import { TALEN, type Taal } from '../../i18n/i18n.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Klok } from '../../klok.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import type { Wie, ZakenService } from '../zaken/zaken.service.ts';
import { maakBrief, type BriefWoorden } from './brieven.pdf.ts';
import type { BriefTekst, BrievenRepository } from './brieven.repository.ts';

/**
 * Letters made from zaken (ADR 0050). The zaak is changed only through the zaken service; this
 * module turns the outcome into a PDF. The rendering itself (`maakBrief`) is pure and generic.
 */
export function brievenService(deps: { zaken: ZakenService; klok: Klok; repository: BrievenRepository; audit: AuditService }) {
  return {
    /** Every group and language with the gemeente's wording (null where the default holds). */
    async teksten(gemeente: string): Promise<BriefTekst[]> {
      const rijen = await deps.repository.teksten(gemeente);
      return BRIEF_GROEPEN.flatMap((groep) =>
        TALEN.map((taal) => rijen.find((r) => r.groep === groep && r.taal === taal) ?? { groep, taal, inleiding: null, contact: null, ondertekening: null, gewijzigdOp: null }),
      );
    },

    /** Sets the wording of one group and language (empty fields: the default again). */
    async zetTekst(wie: Wie, gemeente: string, tekst: Omit<BriefTekst, 'gewijzigdOp'>): Promise<BriefTekst> {
      const op = deps.klok.nu().toISOString();
      await deps.repository.zetTekst(gemeente, tekst, wie.gebruiker, op);
      await deps.audit.log(wie.context, { gemeente, actie: 'brieftekst-wijzigen', details: { groep: tekst.groep, taal: tekst.taal } });
      return { ...tekst, gewijzigdOp: op };
    },

    /**
     * The tracking letter (issue 11): a new tracking code through the zaken service (ADR 0019:
     * the old link stops working), or the current code the caller holds (ADR 0058), then a letter
     * with the link, its QR code and the zaak number.
     */
    async volgbrief(wie: Wie, gemeente: string, id: string, taal: Taal | undefined, code: { versie: () => number } | { huidig: string }) {
      // With the code of the registration (ADR 0058) the letter carries that code; otherwise a new one.
      const uitkomst =
        'huidig' in code
          ? await deps.zaken.huidigeVolgcode(wie, gemeente, id, code.huidig, taal)
          : await deps.zaken.geefNieuweVolgcode(wie, gemeente, id, code.versie(), { brief: taal ? { taal } : {} });
      const { zaak, volglink, taal: briefTaal } = uitkomst;
      const pdf = await maakBrief({
        gemeente: uitkomst.gemeente,
        taal: briefTaal,
        sjabloon: 'volgcode',
        gegevens: { referentie: zaak.identificatie, onderwerp: zaak.onderwerp, naam: zaak.betrokkene?.naam || null, link: volglink },
        datum: kalenderdag(deps.klok.nu()),
        woorden: await briefWoorden(deps.repository, gemeente, briefTaal, 'algemeen'),
      });
      return { zaak, pdf, bestandsnaam: `${briefTaal === 'en' ? 'letter' : 'brief'}-${zaak.identificatie}.pdf` };
    },
  };
}

export type BrievenService = ReturnType<typeof brievenService>;

/**
 * The wording a letter of `groep` gets in `taal` (ADR 0071): the group's own field where set, else
 * the general one, else nothing (the default layout). Read inside the caller's transaction when
 * given, so a letter made in a step sees what was set before it.
 */
export async function briefWoorden(repository: BrievenRepository, gemeente: string, taal: Taal, groep: BriefGroep, d?: Kysely<DB> | Transaction<DB>): Promise<BriefWoorden> {
  const rijen = (await repository.teksten(gemeente, d)).filter((r) => r.taal === taal);
  const eigen = rijen.find((r) => r.groep === groep);
  const algemeen = rijen.find((r) => r.groep === 'algemeen');
  const kies = (veld: 'inleiding' | 'contact' | 'ondertekening') => eigen?.[veld] ?? algemeen?.[veld] ?? null;
  return { inleiding: kies('inleiding'), contact: kies('contact'), ondertekening: kies('ondertekening') };
}
