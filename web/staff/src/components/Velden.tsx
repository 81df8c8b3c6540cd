import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FormulierStaat } from './Formulier.tsx';

function klassen(...namen: (string | false | undefined)[]): string {
  return namen.filter(Boolean).join(' ');
}

interface VakProps {
  id: string;
  label: string;
  uitleg?: ReactNode;
  fout?: string | undefined;
}

/** Label, description, error and the control of one form field (the control gets aria-describedby). */
function Vak({ id, label, uitleg, fout, soort, children }: VakProps & { soort: string; children(beschreven: string | undefined): ReactNode }) {
  const beschreven = [uitleg ? `${id}-uitleg` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={klassen(`utrecht-form-field utrecht-form-field--${soort}`, fout && 'utrecht-form-field--invalid')}>
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
      <div className="utrecht-form-field__input">{children(beschreven)}</div>
    </div>
  );
}

/** A labelled multi-line text field; `required` becomes aria-required (the server checks). */
export function Tekstvak({ id, label, uitleg, fout, required, className, ...rest }: VakProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Vak id={id} label={label} uitleg={uitleg} fout={fout} soort="text">
      {(beschreven) => (
        <textarea
          id={id}
          rows={4}
          className={klassen('utrecht-textarea utrecht-textarea--html-textarea', fout && 'utrecht-textarea--invalid', className)}
          aria-invalid={fout ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={beschreven}
          {...rest}
        />
      )}
    </Vak>
  );
}

export interface Optie {
  waarde: string;
  label: string;
}

/** A labelled select. Choosing only changes the value: the form's button acts (WCAG 3.2.2). */
export function Keuzelijst({ id, label, uitleg, fout, opties, required, className, ...rest }: VakProps & SelectHTMLAttributes<HTMLSelectElement> & { opties: readonly Optie[] }) {
  return (
    <Vak id={id} label={label} uitleg={uitleg} fout={fout} soort="select">
      {(beschreven) => (
        <select
          id={id}
          className={klassen('utrecht-select utrecht-select--html-select', fout && 'utrecht-select--invalid', className)}
          aria-invalid={fout ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={beschreven}
          {...rest}
        >
          {opties.map((optie) => (
            <option key={optie.waarde} value={optie.waarde}>
              {optie.label}
            </option>
          ))}
        </select>
      )}
    </Vak>
  );
}

/** Value, change and server error of a text value of a form, for a Tekstvak, Keuzelijst or Veld (its error may come under another name). */
export function koppel<W extends Record<string, unknown>, K extends keyof W & string>(formulier: FormulierStaat<W>, naam: K, foutNaam: string = naam) {
  return {
    value: String(formulier.waarden[naam]),
    onChange: (event: { target: { value: string } }) => formulier.zet(naam, event.target.value as W[K]),
    fout: formulier.fout?.veld(foutNaam),
  };
}
