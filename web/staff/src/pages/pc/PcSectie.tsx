import type { ReactNode } from 'react';
import type { SectieProps } from '../../secties.tsx';
import { PcAfwijkingen } from './PcAfwijkingen.tsx';
import { PcDocumenten } from './PcDocumenten.tsx';
import { PcHoofdstuk } from './PcHoofdstuk.tsx';
import { PcIndicator } from './PcIndicator.tsx';
import { PcVergelijking } from './PcVergelijking.tsx';
import { PcVersiePagina } from './PcVersie.tsx';

/**
 * The P&C editor's pages: documents, /{versie}, /{versie}/vergelijking, /{versie}/{programma},
 * /{versie}/{programma}/afwijkingen and /{versie}/{programma}/indicatoren/{nr}. Null: not found
 * (a plain function, not a component, so the shell can show its page for that).
 */
export function pcPagina({ gemeente, id, zoek, verder }: SectieProps): ReactNode {
  const [a, b, c, ...rest] = verder;
  if (!id) return verder.length ? null : <PcDocumenten gemeente={gemeente} />;
  if (a === undefined) return <PcVersiePagina gemeente={gemeente} id={id} />;
  if (a === 'vergelijking' && b === undefined) return <PcVergelijking gemeente={gemeente} id={id} met={zoek.get('met') ?? undefined} />;
  if (b === undefined) return <PcHoofdstuk gemeente={gemeente} id={id} slug={a} />;
  if (b === 'afwijkingen' && c === undefined) return <PcAfwijkingen gemeente={gemeente} id={id} slug={a} zoek={zoek} />;
  if (b === 'indicatoren' && c !== undefined && rest.length === 0) return <PcIndicator gemeente={gemeente} id={id} slug={a} nr={c} />;
  return null;
}
