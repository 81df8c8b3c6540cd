import type { ReactNode } from 'react';

type Soort = 'info' | 'ok' | 'warning' | 'error';

/** An Utrecht alert; role="status" for news, role="alert" for errors that need attention now. */
export function Melding({ soort = 'info', rol = 'status', children }: { soort?: Soort; rol?: 'status' | 'alert' | 'none'; children: ReactNode }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${soort}`} role={rol === 'none' ? undefined : rol}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** The news that the last action succeeded (nothing when there is none). */
export function Statusmelding({ tekst }: { tekst: string | undefined }) {
  if (!tekst) return null;
  return (
    <Melding soort="ok">
      <p className="utrecht-paragraph">{tekst}</p>
    </Melding>
  );
}
