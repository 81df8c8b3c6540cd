import type { ReactNode } from 'react';
import { Formulier, HerlaadKnop, type FormulierStaat } from '../../components/Formulier.tsx';
import { useTaal } from '../../i18n/i18n.tsx';

/** Sends one step of a procedure (klacht, bezwaar) with its body; the zaak page then shows and focuses `melding`. */
export type StuurStap = (body: Record<string, unknown>, melding: string) => Promise<void>;

/**
 * The form of one procedure step (klachten ADR 0060, bezwaar ADR 0063): its values become the
 * body; a 412 says someone else changed the zaak and offers the newest version; `meldingen` adds
 * the procedure's own texts for other statuses.
 */
export function StapFormulier<W extends Record<string, unknown>>({
  formulier,
  stuur,
  herlaad,
  body,
  melding,
  knop,
  velden,
  meldingen = {},
  children,
}: {
  formulier: FormulierStaat<W>;
  stuur: StuurStap;
  herlaad(): void;
  body(waarden: W): Record<string, unknown>;
  melding: string;
  knop: string;
  velden: Record<string, string>;
  meldingen?: Record<number, string>;
  children: ReactNode;
}) {
  const { t } = useTaal();
  return (
    <Formulier
      formulier={formulier}
      onVerstuur={() => stuur(body(formulier.waarden), melding)}
      knop={knop}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={herlaad} />}
      meldingen={{ 412: t('zaak.verouderd'), ...meldingen }}
      velden={velden}
    >
      {children}
    </Formulier>
  );
}
