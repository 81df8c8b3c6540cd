import { useEffect, useRef, useState } from 'react';
import { ApiError, api, gemeentePad, type Kennisartikel, type KennisZoekresultaat, type SessieGemeente } from '../../api.ts';
import { Knop, Veld } from '../../components/Formulier.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { BASIS } from '../../router.tsx';

/** Waits this long after the last key before searching (the search itself answers in milliseconds). */
const WACHT_MS = 150;

/** An article's text as paragraphs (the knowledge base keeps plain text). */
export function Artikeltekst({ tekst }: { tekst: string }) {
  return (
    <>
      {tekst
        .split(/\n{2,}/)
        .filter((alinea) => alinea.trim())
        .map((alinea, index) => (
          <p key={index} className="utrecht-paragraph loket-alinea">
            {alinea}
          </p>
        ))}
    </>
  );
}

/**
 * Search as you type: the best `limit` articles for the words, asked WACHT_MS after the last key
 * (an earlier question is cancelled). The results belong to the words they were asked for.
 */
export function useKennisZoeken(gemeente: SessieGemeente, zoekterm: string, limit: number) {
  const term = zoekterm.trim();
  const [staat, setStaat] = useState<{ term: string; items?: KennisZoekresultaat[]; fout?: string }>();
  useEffect(() => {
    if (!term) return;
    const afbreken = new AbortController();
    const wacht = setTimeout(() => {
      api.get<{ items: KennisZoekresultaat[] }>(`${gemeentePad(gemeente.code)}/kennisartikelen/zoeken?q=${encodeURIComponent(term)}&limit=${limit}`, { signal: afbreken.signal }).then(
        ({ data }) => setStaat({ term, items: data.items }),
        (error: unknown) => {
          if (error instanceof ApiError) setStaat({ term, fout: error.veld('q') ?? error.problem.title });
        },
      );
    }, WACHT_MS);
    return () => {
      clearTimeout(wacht);
      afbreken.abort();
    };
  }, [term, limit, gemeente.code]);
  const actueel = term && staat?.term === term ? staat : undefined;
  return { resultaten: actueel?.items, fout: actueel?.fout };
}

/**
 * The knowledge base beside the KCC form: search as you type, the results as buttons (arrow keys
 * move between them), the chosen article to read in place. Escape goes back to the form.
 */
export function KennisPaneel({ gemeente, onTerug, onOnderwerp }: { gemeente: SessieGemeente; onTerug(): void; onOnderwerp(onderwerp: string): void }) {
  const { t } = useTaal();
  const [zoekterm, setZoekterm] = useState('');
  const [artikel, setArtikel] = useState<Kennisartikel>();
  const [fout, setFout] = useState<string>();
  const lijst = useRef<HTMLUListElement>(null);
  const artikelKop = useRef<HTMLHeadingElement>(null);

  const { resultaten, fout: zoekFout } = useKennisZoeken(gemeente, zoekterm, 8);
  const paneel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (artikel) artikelKop.current?.focus();
  }, [artikel]);

  async function open(id: string) {
    try {
      setArtikel((await api.get<Kennisartikel>(`${gemeentePad(gemeente.code)}/kennisartikelen/${id}`)).data);
    } catch (error) {
      if (error instanceof ApiError) setFout(error.problem.title);
    }
  }

  const knoppen = () => [...(lijst.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  function toets(event: KeyboardEvent) {
    if (!paneel.current?.contains(document.activeElement)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onTerug();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const alle = knoppen();
    if (alle.length === 0) return;
    event.preventDefault();
    const huidig = alle.indexOf(document.activeElement as HTMLButtonElement);
    const volgende = huidig === -1 ? (event.key === 'ArrowDown' ? 0 : alle.length - 1) : (huidig + (event.key === 'ArrowDown' ? 1 : -1) + alle.length) % alle.length;
    alle[volgende]?.focus();
  }
  useEffect(() => {
    document.addEventListener('keydown', toets);
    return () => document.removeEventListener('keydown', toets);
  });

  return (
    <aside className="loket-kcc__kennis" aria-labelledby="kennis-kop" ref={paneel}>
      <h2 id="kennis-kop" className="utrecht-heading-2">
        {t('kennisbank.titel')}
      </h2>
      <Veld id="kennis-zoek" type="search" label={t('kcc.kennisZoek')} uitleg={t('kcc.kennisZoekUitleg')} autoComplete="off" value={zoekterm} onChange={(e) => setZoekterm(e.target.value)} fout={zoekFout ?? fout} />
      <p className="utrecht-paragraph" aria-live="polite">
        {resultaten ? t('kennisbank.gevonden', { count: resultaten.length }) : ''}
      </p>
      {resultaten && resultaten.length > 0 && (
        <ul ref={lijst} className="loket-kennis-resultaten" aria-label={t('kennisbank.resultaten')}>
          {resultaten.map((r) => (
            <li key={r.id}>
              <button type="button" className="loket-kennis-resultaat" aria-current={artikel?.id === r.id ? 'true' : undefined} onClick={() => void open(r.id)}>
                <span className="loket-kennis-resultaat__titel">{r.titel}</span>
                <span className="loket-kennis-resultaat__meta">
                  {t(`kennisbank.soorten.${r.soort}`)} · {r.onderwerp}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {artikel && (
        <article className="loket-kennis-artikel" aria-labelledby="kennis-artikel-kop">
          <h3 id="kennis-artikel-kop" className="utrecht-heading-3" tabIndex={-1} ref={artikelKop}>
            {artikel.titel}
          </h3>
          <p className="utrecht-paragraph loket-kennis-resultaat__meta">
            {t(`kennisbank.soorten.${artikel.soort}`)} · {artikel.onderwerp} · {t('kennisbank.eigenaar', { team: artikel.team.naam })}
          </p>
          <Artikeltekst tekst={artikel.inhoud} />
          {artikel.url && (
            <p className="utrecht-paragraph">
              <a className="utrecht-link utrecht-link--html-a loket-breek" href={artikel.url} target="_blank" rel="noreferrer">
                {artikel.url}
              </a>
            </p>
          )}
          <div className="utrecht-button-group">
            <Knop soort="secondary-action" onClick={() => onOnderwerp(artikel.onderwerp)}>
              {t('kcc.onderwerpOvernemen', { onderwerp: artikel.onderwerp })}
            </Knop>
            {/* In a new tab: the call being registered stays as it is. */}
            <a className="utrecht-link utrecht-link--html-a" href={`${BASIS}/${gemeente.code}/kennisbank/${artikel.id}`} target="_blank" rel="noreferrer">
              {t('kcc.artikelMelden')}
            </a>
          </div>
        </article>
      )}
    </aside>
  );
}
