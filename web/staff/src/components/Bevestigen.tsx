import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTaal } from '../i18n/i18n.tsx';
import { FoutSamenvatting, Knop, useVerzenden } from './Formulier.tsx';

interface BevestigenProps {
  /** The button text, and its accessible name (which says what it acts on). */
  knop: string;
  knopLabel: string;
  /** The confirm button's text, e.g. "Ja, verwijderen". */
  ja: string;
  /** What confirming does; an ApiError it throws is shown above the buttons. */
  onBevestig(): Promise<void>;
}

/** A destructive action in a table row with a confirm step (focus moves to the confirm button). */
export function Bevestigen({ knop, knopLabel, ja, onBevestig }: BevestigenProps) {
  const { t } = useTaal();
  const [vragen, setVragen] = useState(false);
  const { fout, bezig, verzend } = useVerzenden();
  const jaKnop = useRef<HTMLButtonElement>(null);
  function vraag() {
    flushSync(() => setVragen(true));
    jaKnop.current?.focus();
  }
  if (!vragen) {
    return (
      <Knop soort="secondary-action" onClick={vraag} aria-label={knopLabel}>
        {knop}
      </Knop>
    );
  }
  return (
    <>
      <FoutSamenvatting fout={fout} />
      <div className="loket-rij-acties">
        <Knop ref={jaKnop} bezig={bezig} onClick={() => void verzend(onBevestig)}>
          {ja}
        </Knop>
        <Knop soort="secondary-action" onClick={() => setVragen(false)}>
          {t('annuleren')}
        </Knop>
      </div>
    </>
  );
}
