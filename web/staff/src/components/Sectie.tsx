import { useId, useState, type ReactNode } from 'react';
import { Statusmelding } from './Melding.tsx';

/** A part of a page with its h2 and the status message of its last action. */
export function Sectie({ titel, melding, children }: { titel: string; melding?: string | undefined; children: ReactNode }) {
  const id = useId();
  return (
    <section className="loket-sectie" aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">
        {titel}
      </h2>
      <Statusmelding tekst={melding} />
      {children}
    </section>
  );
}

/** Which section's last action succeeded, with its message (one message on the page at a time). */
export function useSectieMelding() {
  const [melding, setMelding] = useState<{ sectie: string; tekst: string }>();
  return {
    meld: (sectie: string, tekst: string) => setMelding({ sectie, tekst }),
    meldingVoor: (sectie: string) => (melding?.sectie === sectie ? melding.tekst : undefined),
  };
}
