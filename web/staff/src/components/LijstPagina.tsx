import type { ReactNode } from 'react';
import { gemeentePad, type SessieGemeente } from '../api.ts';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { Link } from '../router.tsx';
import { KNOP_LINK } from './Formulier.tsx';
import { Pagina } from './Pagina.tsx';
import { LijstTabel, useLijst } from './Paginering.tsx';
import type { Kolom } from './Tabel.tsx';

/** Where a list page is; its columns may link or act on its items. */
export interface Lijst {
  /** The path of the list in the app (an item's page is below it). */
  basis: string;
  /** The path of the collection in the API. */
  apiPad: string;
  herlaad(): void;
}

interface LijstPaginaProps<T> {
  gemeente: SessieGemeente;
  zoek: URLSearchParams;
  /** The list is at /{code}/{sectie} in the app and at gemeenten/{code}/{apiSectie} in the API. */
  sectie: string;
  apiSectie?: string;
  /** Prefix of its texts (default: the section): .titel, .bijschrift, .leeg, and .uitleg and .nieuw when asked for. */
  teksten?: string;
  uitleg?: boolean;
  /** A link to the form for a new item at /{code}/{sectie}/nieuw. */
  nieuw?: boolean;
  kolommen(lijst: Lijst): Kolom<T>[];
  /** Extra query parameters for the API and the pagination links, e.g. "alleVersies=true". */
  query?: string | undefined;
  /** Instead of the .bijschrift text. */
  bijschrift?: string | undefined;
  /** Shown above the table. */
  children?: ReactNode;
}

/** A page with one page of a collection as a table (page number in the URL) and the pagination below it. */
export function LijstPagina<T extends { id: string | number }>(props: LijstPaginaProps<T>) {
  const { gemeente, zoek, sectie, apiSectie = sectie, teksten = sectie, uitleg = false, nieuw = false, kolommen, children, query, bijschrift } = props;
  const { t } = useTaal();
  const basis = `/${gemeente.code}/${sectie}`;
  const apiPad = `${gemeentePad(gemeente.code)}/${apiSectie}`;
  const metQuery = (pad: string) => (query ? `${pad}?${query}` : pad);
  const { data, fout, herlaad } = useLijst<T>(metQuery(apiPad), zoek);
  return (
    <Pagina titel={t(`${teksten}.titel`)}>
      {uitleg && <p className="utrecht-paragraph">{t(`${teksten}.uitleg`)}</p>}
      {nieuw && (
        <p className="utrecht-paragraph">
          <Link naar={`${basis}/nieuw`} className={KNOP_LINK}>
            {t(`${teksten}.nieuw`)}
          </Link>
        </p>
      )}
      {children}
      {data ? (
        <LijstTabel
          pagina={data}
          pad={metQuery(basis)}
          bijschrift={bijschrift ?? t(`${teksten}.bijschrift`, { gemeente: gemeente.naam })}
          leeg={t(`${teksten}.leeg`)}
          kolommen={kolommen({ basis, apiPad, herlaad })}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
