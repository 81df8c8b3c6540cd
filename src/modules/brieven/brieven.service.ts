import type { Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import type { Wie, ZakenService } from '../zaken/zaken.service.ts';
import { maakBrief } from './brieven.pdf.ts';

/**
 * Letters made from zaken (ADR 0050). The zaak is changed only through the zaken service; this
 * module turns the outcome into a PDF. The rendering itself (`maakBrief`) is pure and generic.
 */
export function brievenService(deps: { zaken: ZakenService; klok: Klok }) {
  return {
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
      });
      return { zaak, pdf, bestandsnaam: `${briefTaal === 'en' ? 'letter' : 'brief'}-${zaak.identificatie}.pdf` };
    },
  };
}

export type BrievenService = ReturnType<typeof brievenService>;
