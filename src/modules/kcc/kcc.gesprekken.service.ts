import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { alsUtf8, leesGesprekken, type Kolomnamen, type Regelfout } from './kcc.gesprekken.csv.ts';
import { gemeenteOnbekend, GesprekkenBestandFout } from './kcc.gesprekken.errors.ts';
import type { KccGesprekkenRepository } from './kcc.gesprekken.repository.ts';
import { kccGesprekkenMaten, type KccGesprekkenRollup } from './kcc.gesprekken.maten.ts';

/** What an import did, as `loket kcc gesprekken import --json` prints it and the API answers it. */
export interface ImportUitkomst {
  /** Records read after the header. */
  gelezen: number;
  /** Stored now. */
  nieuw: number;
  /** Already stored for this gemeente (an earlier import), or repeated in the file: not stored again. */
  alBekend: number;
  /** Lines that were not imported, with the reason. */
  fouten: Regelfout[];
}

export interface ImportOpties {
  /** Any bad line refuses the whole file: nothing is stored. */
  strikt: boolean;
  /** The file's names of the columns (the mapping file). */
  kolommen?: Kolomnamen | undefined;
}

/**
 * Call records of the telephony platform (ADR 0031): import from CSV, idempotent on
 * (gemeente, gesprek_id), and the measures on them.
 */
export function kccGesprekkenService(deps: {
  repository: KccGesprekkenRepository;
  gemeenten: GemeentenRepository;
  audit: AuditService;
  klok: Klok;
  /** The rollup the measures read when it is current (ADR 0066); without, they are live. */
  rollup?: KccGesprekkenRollup | undefined;
}) {
  const { repository, gemeenten, audit, klok } = deps;
  return {
    /**
     * Reads and stores a file of call records. `geweigerd`: nothing was stored, because the file
     * as a whole could not be read (not UTF-8, a wrong header) or, with `strikt`, a line was bad;
     * otherwise the good lines are stored in one transaction and the bad ones are in `fouten`.
     * Either way the import is in the audit log.
     */
    async importeer(context: Context, gemeente: string, inhoud: string | Uint8Array, opties: ImportOpties): Promise<ImportUitkomst & { geweigerd: boolean }> {
      // Checked once here: the table has no foreign key to gemeente (one check per row, ADR 0031).
      if (!(await gemeenten.opCode(gemeente))) throw gemeenteOnbekend(gemeente);
      let gelezen;
      try {
        gelezen = leesGesprekken(typeof inhoud === 'string' ? inhoud : alsUtf8(inhoud), { kolommen: opties.kolommen });
      } catch (error) {
        if (!(error instanceof GesprekkenBestandFout)) throw error;
        const uitkomst = { gelezen: 0, nieuw: 0, alBekend: 0, fouten: [{ regel: error.regel, reden: error.reden }] };
        await audit.log(context, { gemeente, actie: 'kcc-gesprekken-importeren', objectType: 'kcc-gesprekken', resultaat: 'geweigerd', details: { ...uitkomst, fouten: 1, strikt: opties.strikt, reden: error.reden } });
        return { ...uitkomst, geweigerd: true };
      }
      const { gesprekken, fouten, herhaald } = gelezen;
      if (opties.strikt && fouten.length > 0) {
        const uitkomst = { gelezen: gelezen.gelezen, nieuw: 0, alBekend: 0, fouten };
        await audit.log(context, { gemeente, actie: 'kcc-gesprekken-importeren', objectType: 'kcc-gesprekken', resultaat: 'geweigerd', details: { ...uitkomst, fouten: fouten.length, strikt: true } });
        return { ...uitkomst, geweigerd: true };
      }
      const nieuw = await repository.voegToe(gemeente, gesprekken, klok.nu().toISOString());
      const uitkomst = { gelezen: gelezen.gelezen, nieuw, alBekend: gesprekken.length - nieuw + herhaald, fouten };
      await audit.log(context, {
        gemeente,
        actie: 'kcc-gesprekken-importeren',
        objectType: 'kcc-gesprekken',
        details: { ...uitkomst, fouten: fouten.length, strikt: opties.strikt, scheidingsteken: gelezen.scheidingsteken },
      });
      return { ...uitkomst, geweigerd: false };
    },

    maten: kccGesprekkenMaten(repository, deps.rollup),
  };
}

export type KccGesprekkenService = ReturnType<typeof kccGesprekkenService>;
