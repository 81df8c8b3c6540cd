import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type Antwoord } from './api.ts';
import { Melding } from './components/Melding.tsx';
import { useFoutTekst } from './components/Formulier.tsx';
import { useTaal } from './i18n/i18n.tsx';

interface Staat<T> {
  pad: string;
  antwoord?: Antwoord<T>;
  fout?: ApiError;
  /** How often the resource came from the server (not from zet): forms reset on a new round. */
  ronde: number;
}

/** Loads one API resource (GET); keeps its ETag for a later If-Match. */
export function useLaden<T>(pad: string) {
  const [staat, setStaat] = useState<Staat<T>>();
  const laad = useCallback(
    (signal?: AbortSignal) =>
      api.get<T>(pad, signal ? { signal } : {}).then(
        (antwoord) => setStaat((vorige) => ({ pad, antwoord, ronde: (vorige?.ronde ?? 0) + 1 })),
        (fout: unknown) => {
          if (fout instanceof ApiError) setStaat((vorige) => ({ pad, fout, ronde: vorige?.ronde ?? 0 }));
        },
      ),
    [pad],
  );
  useEffect(() => {
    const afbreken = new AbortController();
    void laad(afbreken.signal);
    return () => afbreken.abort();
  }, [laad]);
  const actueel = staat?.pad === pad ? staat : undefined;
  const zet = useCallback((antwoord: Antwoord<T>) => setStaat((vorige) => ({ pad, antwoord, ronde: vorige?.ronde ?? 0 })), [pad]);
  const herlaad = useCallback(() => void laad(), [laad]);
  return { data: actueel?.antwoord?.data, etag: actueel?.antwoord?.etag, fout: actueel?.fout, ronde: actueel?.ronde ?? 0, zet, herlaad };
}

/** "Laden…" while loading, or the error when loading failed. */
export function Laadstatus({ fout }: { fout: ApiError | undefined }) {
  const { t } = useTaal();
  const tekst = useFoutTekst();
  if (fout) {
    return (
      <Melding soort="error" rol="alert">
        <p className="utrecht-paragraph">{fout.status === 404 ? t('fout.nietGevonden') : tekst(fout)}</p>
      </Melding>
    );
  }
  return (
    <p className="utrecht-paragraph">
      <output>{t('laden')}</output>
    </p>
  );
}
