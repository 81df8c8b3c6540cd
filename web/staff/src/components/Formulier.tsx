import { useEffect, useId, useRef, useState, type ChangeEvent, type ComponentProps, type FormEvent, type InputHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { ApiError, veldnaam, veldpad } from '../api.ts';
import { useTaal } from '../i18n/i18n.tsx';

export function klassen(...namen: (string | false | undefined)[]): string {
  return namen.filter(Boolean).join(' ');
}

export function beschrijving(id: string, uitleg: unknown, fout: unknown): string | undefined {
  return [uitleg ? `${id}-uitleg` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
}

/** The description and the error of a field (referenced by aria-describedby). */
export function Toelichting({ id, uitleg, fout, inVeld }: { id: string; uitleg: ReactNode; fout: string | undefined; inVeld: boolean }) {
  return (
    <>
      {uitleg && (
        <div id={`${id}-uitleg`} className={klassen(inVeld && 'utrecht-form-field__description', 'utrecht-form-field-description')}>
          {uitleg}
        </div>
      )}
      {fout && (
        <div id={`${id}-fout`} className={klassen(inVeld && 'utrecht-form-field__error-message', 'utrecht-form-field-error-message')}>
          {fout}
        </div>
      )}
    </>
  );
}

interface InvoerProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  uitleg?: ReactNode;
  fout?: string | undefined;
}

/** A labelled input with its description and error tied to it: a text box (label first) or a checkbox (box first). */
function Invoer({ vorm, id, label, uitleg, fout, className, ...input }: InvoerProps & { vorm: 'textbox' | 'checkbox' }) {
  const labelVak = (
    <div className="utrecht-form-field__label">
      <label className={klassen('utrecht-form-label', vorm === 'checkbox' && 'utrecht-form-label--checkbox')} htmlFor={id}>
        {label}
      </label>
    </div>
  );
  const invoerVak = (
    <div className="utrecht-form-field__input">
      <input
        id={id}
        className={klassen(`utrecht-${vorm} utrecht-${vorm}--html-input`, fout && `utrecht-${vorm}--invalid`, className)}
        aria-invalid={fout ? true : undefined}
        aria-describedby={beschrijving(id, uitleg, fout)}
        {...input}
      />
    </div>
  );
  return (
    <div className={klassen(`utrecht-form-field utrecht-form-field--${vorm === 'textbox' ? 'text' : 'checkbox'}`, fout && 'utrecht-form-field--invalid')}>
      {vorm === 'checkbox' && invoerVak}
      {labelVak}
      <Toelichting id={id} uitleg={uitleg} fout={fout} inVeld />
      {vorm === 'textbox' && invoerVak}
    </div>
  );
}

/**
 * A labelled text input with its description and error tied to it (aria-describedby).
 * `required` becomes aria-required: the server checks, so the browser's :invalid styling
 * would only disagree with the errors shown.
 */
export function Veld({ required, ...rest }: InvoerProps) {
  return <Invoer vorm="textbox" aria-required={required || undefined} {...rest} />;
}

/** One checkbox with its label. */
export function Vinkje(props: Omit<InvoerProps, 'type'>) {
  return <Invoer vorm="checkbox" type="checkbox" {...props} />;
}

interface Keuze<T extends string> {
  waarde: T;
  label: string;
}

export interface KeuzesProps<T extends string> {
  id: string;
  legenda: string;
  uitleg?: ReactNode;
  opties: readonly Keuze<T>[];
  gekozen: readonly T[];
  onChange(gekozen: T[]): void;
  fout?: string | undefined;
}

/** A fieldset of checkboxes (e.g. roles); the first box carries the id the error summary links to. */
export function Keuzes<T extends string>({ id, legenda, uitleg, opties, gekozen, onChange, fout }: KeuzesProps<T>) {
  function wissel(waarde: T, aan: boolean) {
    onChange(aan ? [...gekozen, waarde] : gekozen.filter((w) => w !== waarde));
  }
  return (
    <fieldset
      className={klassen('utrecht-form-fieldset utrecht-form-fieldset--html-fieldset', fout && 'utrecht-form-fieldset--invalid')}
      aria-describedby={beschrijving(id, uitleg, fout)}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legenda}</legend>
      <Toelichting id={id} uitleg={uitleg} fout={fout} inVeld={false} />
      {opties.map((optie, index) => (
        <Vinkje
          key={optie.waarde}
          id={index === 0 ? id : `${id}-${optie.waarde}`}
          name={id}
          value={optie.waarde}
          label={optie.label}
          checked={gekozen.includes(optie.waarde)}
          onChange={(event) => wissel(optie.waarde, event.target.checked)}
        />
      ))}
    </fieldset>
  );
}

type KnopSoort = 'primary-action' | 'secondary-action' | 'subtle';

/** The classes of a link that looks like the primary button (e.g. "Nieuwe gebruiker"). */
export const KNOP_LINK = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';

/** An Utrecht button; a busy button stays focusable and says it is busy. */
export function Knop({ soort = 'primary-action', bezig = false, className, type = 'button', ...rest }: ComponentProps<'button'> & { soort?: KnopSoort; bezig?: boolean }) {
  return (
    <button
      type={type}
      className={klassen('utrecht-button', `utrecht-button--${soort}`, bezig && 'utrecht-button--busy', className)}
      aria-disabled={bezig || undefined}
      {...rest}
    />
  );
}

/** After a 412 (someone else changed it first): load the current version. */
export function HerlaadKnop({ fout, onHerlaad }: { fout: ApiError | null; onHerlaad(): void }) {
  const { t } = useTaal();
  if (fout?.status !== 412) return null;
  return (
    <Knop soort="secondary-action" onClick={onHerlaad}>
      {t('opnieuwLaden')}
    </Knop>
  );
}

/** Busy state and error of a form submission. */
export function useVerzenden() {
  const [fout, setFout] = useState<ApiError | null>(null);
  const [bezig, setBezig] = useState(false);
  async function verzend(actie: () => Promise<void>): Promise<void> {
    if (bezig) return;
    setBezig(true);
    setFout(null);
    try {
      await actie();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFout(error);
    } finally {
      setBezig(false);
    }
  }
  return { fout, bezig, verzend };
}

/** A page's own texts for errors: by problem code (`code-al-gebruikt`, from `urn:loket:problem:<code>`) or by status. */
export type Meldingen = Partial<Record<number | string, string>>;

/** The text for an error that has no field: translated for the cases the app knows. */
export function useFoutTekst(): (fout: ApiError, meldingen?: Meldingen) => string {
  const { t } = useTaal();
  return (fout, meldingen = {}) => {
    const eigen = meldingen[fout.problem.type.split(':').at(-1) ?? ''] ?? meldingen[fout.status];
    if (eigen) return eigen;
    if (fout.status === 0) return t('fout.verbinding');
    if (fout.status === 412) return t('fout.verouderd');
    if (fout.status === 429) {
      const seconden = fout.wachtSeconden ?? 60;
      const wacht = seconden >= 120 ? t('fout.minuten', { count: Math.ceil(seconden / 60) }) : t('fout.seconden', { count: seconden });
      return t('fout.teVaak', { wacht });
    }
    if (fout.status >= 500) return t('fout.server');
    return [fout.problem.title, fout.problem.detail].filter(Boolean).join(': ');
  };
}

/** A link in the error summary puts the focus in its field (a plain #anchor would only scroll). */
function naarVeld(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

interface FoutSamenvattingProps {
  fout: ApiError | null;
  /** Field name (or full path, e.g. "betrokkene.email") in invalidParams → id of its input. */
  velden?: Record<string, string>;
  meldingen?: Meldingen;
}

/** The error summary at the top of a form: role="alert", links to the fields with an error. */
export function FoutSamenvatting({ fout, velden = {}, meldingen }: FoutSamenvattingProps) {
  const { t } = useTaal();
  const tekst = useFoutTekst();
  const blok = useRef<HTMLDivElement>(null);
  const kop = useId();
  useEffect(() => {
    if (fout) blok.current?.focus();
  }, [fout]);
  if (!fout) return null;
  const params = fout.problem.invalidParams ?? [];
  return (
    <div ref={blok} tabIndex={-1} role="alert" className="utrecht-alert utrecht-alert--error" aria-labelledby={kop}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id={kop} className="utrecht-heading-2">
            {params.length > 0 ? t('fout.controleer') : t('fout.titel')}
          </h2>
          {params.length === 0 && <p className="utrecht-paragraph">{tekst(fout, meldingen)}</p>}
          {params.length > 0 && (
            <ul className="utrecht-unordered-list">
              {params.map((param) => {
                const id = velden[param.name] ?? velden[veldpad(param.name)] ?? velden[veldnaam(param.name)];
                return (
                  <li key={`${param.name}-${param.code}`} className="utrecht-unordered-list__item">
                    {id ? (
                      <a className="utrecht-link utrecht-link--html-a" href={`#${id}`} onClick={(event) => naarVeld(event, id)}>
                        {param.reason}
                      </a>
                    ) : (
                      param.reason
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

/** The names of the values of type V. */
type NamenVan<W, V> = { [K in keyof W]: W[K] extends V ? K : never }[keyof W] & string;

/**
 * The values of a form, its submission and the errors of the server. A value's name is the id
 * of its field and the name the server gives it in invalidParams.
 */
export function useFormulier<W extends Record<string, unknown>>(begin: W | (() => W)) {
  const [waarden, setWaarden] = useState(begin);
  const verzenden = useVerzenden();
  function zet<K extends keyof W>(naam: K, waarde: W[K]) {
    setWaarden((vorige) => ({ ...vorige, [naam]: waarde }));
  }
  return {
    ...verzenden,
    waarden,
    zet,
    /** The props of a Veld for a text value. */
    tekst: <K extends NamenVan<W, string>>(naam: K) => ({
      id: naam,
      value: String(waarden[naam]),
      onChange: (event: ChangeEvent<HTMLInputElement>) => zet(naam, event.target.value as W[K]),
      fout: verzenden.fout?.veld(naam),
    }),
    /** The props of a Keuzes for a list of choices. */
    keuzes: <K extends NamenVan<W, string[]>>(naam: K) => ({
      id: naam,
      gekozen: waarden[naam],
      onChange: (gekozen: W[K]) => zet(naam, gekozen),
      fout: verzenden.fout?.veld(naam),
    }),
  };
}

export type FormulierStaat<W extends Record<string, unknown>> = ReturnType<typeof useFormulier<W>>;

export interface FormulierProps<W extends Record<string, unknown>> {
  formulier: FormulierStaat<W>;
  /** What sending does; an ApiError it throws is shown in the error summary. */
  onVerstuur(): Promise<void>;
  knop: string;
  /** Buttons beside the submit button. */
  knoppen?: ReactNode;
  /** invalidParams name → field id, where it is not the name of a value. */
  velden?: Record<string, string>;
  meldingen?: Meldingen;
  children: ReactNode;
}

/** A form: its error summary, its fields and its submit button (busy while sending). */
export function Formulier<W extends Record<string, unknown>>({ formulier, onVerstuur, knop, knoppen, velden, meldingen, children }: FormulierProps<W>) {
  const { fout, bezig, verzend, waarden } = formulier;
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(onVerstuur);
  }
  return (
    <form className="loket-form" onSubmit={verstuur} noValidate>
      <FoutSamenvatting fout={fout} velden={velden ?? Object.fromEntries(Object.keys(waarden).map((naam) => [naam, naam]))} meldingen={meldingen} />
      {children}
      <div className={knoppen ? 'utrecht-button-group' : undefined}>
        <Knop type="submit" bezig={bezig}>
          {knop}
        </Knop>
        {knoppen}
      </div>
    </form>
  );
}
