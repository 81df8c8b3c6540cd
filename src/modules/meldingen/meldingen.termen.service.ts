import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { termenVan, type Termen } from '../meldingformulier/meldingformulier.suggestie.ts';
import type { MeldingTermenRepository } from './meldingen.termen.repository.ts';

/** A word is kept for a category once it occurred in at least this many of its closed meldingen (fewer says nothing). */
export const MIN_TERM_AANTAL = 2;
const BLOK = 1000;

/**
 * What the category suggestion learns from earlier meldingen (ADR 0075): per gemeente the words of
 * the descriptions of closed meldingen, counted once per melding per category (document
 * frequency). Rebuilt whole by the housekeeping job, so a category a team corrected counts as it
 * was closed; the classifier (meldingformulier.suggestie.ts) reads only the counts of the words of
 * the description at hand.
 */
export function meldingTermenService(deps: { repository: MeldingTermenRepository; audit: AuditService; klok: Klok }) {
  const { repository, audit, klok } = deps;
  return {
    /** Counts the words of every closed melding of the gemeente afresh; answers the number of terms kept. */
    async herbouw(context: Context, gemeente: string): Promise<number> {
      const tellingen = new Map<string, number>();
      let meldingen = 0;
      let na: string | undefined;
      for (;;) {
        const rijen = await repository.gesloten(gemeente, na, BLOK);
        for (const r of rijen) {
          meldingen++;
          for (const term of termenVan(r.omschrijving)) {
            const sleutel = `${r.categorie}\u0000${term}`;
            tellingen.set(sleutel, (tellingen.get(sleutel) ?? 0) + 1);
          }
        }
        const laatste = rijen.at(-1);
        if (rijen.length < BLOK || !laatste) break;
        na = laatste.zaakId;
      }
      const termen = [...tellingen]
        .filter(([, aantal]) => aantal >= MIN_TERM_AANTAL)
        .map(([sleutel, aantal]) => {
          const [categorie = '', term = ''] = sleutel.split('\u0000');
          return { categorie, term, aantal };
        })
        .toSorted((a, b) => (a.term === b.term ? a.categorie.localeCompare(b.categorie) : a.term < b.term ? -1 : 1));
      const vorige = await repository.stand(gemeente);
      await repository.vervang(gemeente, termen, { nu: klok.nu().toISOString(), meldingen });
      // Logged when something changed: housekeeping that found nothing leaves no trace (onderhoud.service).
      if ((vorige?.meldingen ?? 0) !== meldingen || (vorige?.termen ?? 0) !== termen.length) await audit.log(context, { gemeente, actie: 'melding-termen-herbouwen', details: { meldingen, termen: termen.length } });
      return termen.length;
    },

    /** The learnt counts of the words of this description. */
    termenVoor: (gemeente: string, beschrijving: string): Promise<Termen> => repository.voor(gemeente, termenVan(beschrijving).slice(0, 200)),

    stand: (gemeente: string) => repository.stand(gemeente),
  };
}

export type MeldingTermenService = ReturnType<typeof meldingTermenService>;
