import { Fragment, type ReactNode } from 'react';
import { api, type Antwoord } from '../api.ts';
import { Formulier, HerlaadKnop, type FormulierProps } from './Formulier.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { useLaden } from '../laden.tsx';
import { Sectie, useSectieMelding } from './Sectie.tsx';

/** What the form of one section gets: the loaded version, and a change of it with If-Match. */
export interface Wijziging<T> {
  data: T;
  /**
   * Sends a change (to the resource's path + `deel`) with If-Match: its ETag. The answer becomes
   * the current version; the section shows `melding` (by default "opgeslagen"). Throws ApiError (412: changed by someone else).
   */
  stuur(methode: 'patch' | 'put' | 'post' | 'delete', deel: string, body?: unknown, melding?: string): Promise<void>;
  /** Loads the current version (after a 412): the forms start again from it. */
  herlaad(): void;
}

/** A resource loaded with its ETag, shown in sections that each save a change of it. */
export function useVersieBron<T>(pad: string) {
  const { t } = useTaal();
  const { data, etag, fout, ronde, zet, herlaad } = useLaden<T>(pad);
  const { meld, meldingVoor } = useSectieMelding();
  const bron =
    data === undefined
      ? undefined
      : {
          data,
          ronde,
          meldingVoor,
          /** Takes a version the server answered elsewhere (e.g. a procedure step that returns the zaak with its ETag). */
          vervang: (antwoord: Antwoord<T>) => zet(antwoord),
          wijziging: (sectie: string): Wijziging<T> => ({
            data,
            herlaad,
            stuur: async (methode, deel, body, melding = t('opgeslagen')) => {
              zet(await api[methode]<T>(pad + deel, { body, ifMatch: etag }));
              meld(sectie, melding);
            },
          }),
        };
  return { bron, fout };
}

export type VersieBron<T> = NonNullable<ReturnType<typeof useVersieBron<T>>['bron']>;

/** A section of the page of a resource: its h2, the message of its last change, and its form (new for each loaded version). */
export function VersieSectie<T>({ bron, naam, titel, children }: { bron: VersieBron<T>; naam: string; titel: string; children(wijziging: Wijziging<T>): ReactNode }) {
  return (
    <Sectie titel={titel} melding={bron.meldingVoor(naam)}>
      <Fragment key={bron.ronde}>{children(bron.wijziging(naam))}</Fragment>
    </Sectie>
  );
}

interface WijzigFormulierProps<T, W extends Record<string, unknown>> extends Omit<FormulierProps<W>, 'onVerstuur' | 'knoppen'> {
  wijziging: Wijziging<T>;
  methode: 'patch' | 'put';
  /** Below the resource's path (e.g. "/rollen"). */
  deel?: string;
  /** The body from the form's values (by default the values themselves). */
  body?(waarden: W): unknown;
}

/** The form of a section: sends its values as a change with If-Match; after a 412 it offers to load the current version. */
export function WijzigFormulier<T, W extends Record<string, unknown>>({ wijziging, methode, deel = '', body = (waarden) => waarden, ...props }: WijzigFormulierProps<T, W>) {
  const { waarden, fout } = props.formulier;
  return (
    <Formulier
      {...props}
      onVerstuur={() => wijziging.stuur(methode, deel, body(waarden))}
      knoppen={<HerlaadKnop fout={fout} onHerlaad={wijziging.herlaad} />}
    />
  );
}
