import { useEffect, useId, useRef, useState, type ComponentProps, type InputHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { ApiError, veldnaam } from '../api.ts';
import { useTaal } from '../i18n/i18n.tsx';

function klassen(...namen: (string | false | undefined)[]): string {
  return namen.filter(Boolean).join(' ');
}

function beschrijving(id: string, uitleg: unknown, fout: unknown): string | undefined {
  return [uitleg ? `${id}-uitleg` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
}

interface VeldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  uitleg?: ReactNode;
  fout?: string | undefined;
}

/**
 * A labelled text input with its description and error tied to it (aria-describedby).
 * `required` becomes aria-required: the server checks, so the browser's :invalid styling
 * would only disagree with the errors shown.
 */
export function Veld({ id, label, uitleg, fout, className, required, ...input }: VeldProps) {
  return (
    <div className={klassen('utrecht-form-field utrecht-form-field--text', fout && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {uitleg && (
        <div id={`${id}-uitleg`} className="utrecht-form-field__description utrecht-form-field-description">
          {uitleg}
        </div>
      )}
      {fout && (
        <div id={`${id}-fout`} className="utrecht-form-field__error-message utrecht-form-field-error-message">
          {fout}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <input
          id={id}
          className={klassen('utrecht-textbox utrecht-textbox--html-input', fout && 'utrecht-textbox--invalid', className)}
          aria-invalid={fout ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={beschrijving(id, uitleg, fout)}
          {...input}
        />
      </div>
    </div>
  );
}

interface VinkjeProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  label: string;
  uitleg?: ReactNode;
  fout?: string | undefined;
}

/** One checkbox with its label. */
export function Vinkje({ id, label, uitleg, fout, ...input }: VinkjeProps) {
  return (
    <div className={klassen('utrecht-form-field utrecht-form-field--checkbox', fout && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="checkbox"
          className={klassen('utrecht-checkbox utrecht-checkbox--html-input', fout && 'utrecht-checkbox--invalid')}
          aria-invalid={fout ? true : undefined}
          aria-describedby={beschrijving(id, uitleg, fout)}
          {...input}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
      {uitleg && (
        <div id={`${id}-uitleg`} className="utrecht-form-field__description utrecht-form-field-description">
          {uitleg}
        </div>
      )}
      {fout && (
        <div id={`${id}-fout`} className="utrecht-form-field__error-message utrecht-form-field-error-message">
          {fout}
        </div>
      )}
    </div>
  );
}

interface Keuze<T extends string> {
  waarde: T;
  label: string;
}

interface KeuzesProps<T extends string> {
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
      {uitleg && (
        <div id={`${id}-uitleg`} className="utrecht-form-field-description">
          {uitleg}
        </div>
      )}
      {fout && (
        <div id={`${id}-fout`} className="utrecht-form-field-error-message">
          {fout}
        </div>
      )}
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
export function HerlaadKnop({ zichtbaar, onHerlaad }: { zichtbaar: boolean; onHerlaad(): void }) {
  const { t } = useTaal();
  if (!zichtbaar) return null;
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
  return { fout, bezig, verzend, setFout };
}

/** The text for an error that has no field: translated for the cases the app knows. */
export function useFoutTekst(): (fout: ApiError, meldingen?: Partial<Record<number, string>>) => string {
  const { t } = useTaal();
  return (fout, meldingen = {}) => {
    const eigen = meldingen[fout.status];
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
  /** Field name in invalidParams → id of its input. */
  velden?: Record<string, string>;
  meldingen?: Partial<Record<number, string>>;
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
                const id = velden[veldnaam(param.name)];
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
