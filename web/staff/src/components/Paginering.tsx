import type { Pagina } from '../api.ts';
import { useTaal } from '../i18n/i18n.tsx';
import { useLaden } from '../laden.tsx';
import { Link } from '../router.tsx';
import { Tabel, type Kolom } from './Tabel.tsx';

/** Previous/next links for a paginated list; the page number lives in the URL (?page=). */
export function Paginering({ pagina, pad }: { pagina: Pagina<unknown>; pad: string }) {
  const { t } = useTaal();
  const laatste = Math.max(1, Math.ceil(pagina.total / pagina.pageSize));
  const scheiding = pad.includes('?') ? '&' : '?';
  if (pagina.total === 0) return null;
  if (laatste === 1) return <p className="utrecht-paragraph">{t('paginering.totaal', { count: pagina.total })}</p>;
  return (
    <nav className="loket-paginering utrecht-pagination" aria-label={t('paginering.label')}>
      {pagina.page > 1 && (
        <Link naar={`${pad}${scheiding}page=${pagina.page - 1}`} rel="prev">
          {t('paginering.vorige')}
        </Link>
      )}
      <span>{t('paginering.positie', { pagina: pagina.page, laatste, count: pagina.total })}</span>
      {pagina.page < laatste && (
        <Link naar={`${pad}${scheiding}page=${pagina.page + 1}`} rel="next">
          {t('paginering.volgende')}
        </Link>
      )}
    </nav>
  );
}

/** The page number from the URL (1 when absent or not a whole number ≥ 1). */
export function paginaNummer(zoek: URLSearchParams): number {
  const page = Number(zoek.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

const PAGINAGROOTTE = 20;

/** One page of an API collection; the page number comes from the URL. */
export function useLijst<T>(apiPad: string, zoek: URLSearchParams) {
  return useLaden<Pagina<T>>(`${apiPad}${apiPad.includes('?') ? '&' : '?'}page=${paginaNummer(zoek)}&pageSize=${PAGINAGROOTTE}`);
}

interface LijstTabelProps<T> {
  pagina: Pagina<T>;
  /** The app path of the list (the pagination links add ?page=). */
  pad: string;
  bijschrift: string;
  leeg: string;
  kolommen: Kolom<T>[];
}

/** The table of one page plus the pagination below it. */
export function LijstTabel<T extends { id: string | number }>({ pagina, pad, bijschrift, leeg, kolommen }: LijstTabelProps<T>) {
  const { t } = useTaal();
  const titel = pagina.total > pagina.pageSize ? t('paginering.bijschrift', { bijschrift, pagina: pagina.page }) : bijschrift;
  return (
    <>
      <Tabel bijschrift={titel} leeg={leeg} rijen={pagina.items} kolommen={kolommen} />
      <Paginering pagina={pagina} pad={pad} />
    </>
  );
}
