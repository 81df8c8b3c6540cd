import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { beschrijving, klassen, Toelichting, type FormulierStaat } from './Formulier.tsx';

interface VeldBasis {
  id: string;
  label: string;
  uitleg?: ReactNode;
  fout?: string | undefined;
}

/** The label, description, error and control of one form field (label first). */
function Vak({ id, label, uitleg, fout, soort, children }: VeldBasis & { soort: string; children: ReactNode }) {
  return (
    <div className={klassen(`utrecht-form-field utrecht-form-field--${soort}`, fout && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <Toelichting id={id} uitleg={uitleg} fout={fout} inVeld />
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

/** A labelled multi-line text field; `required` becomes aria-required (the server checks). */
export function Tekstvak({ id, label, uitleg, fout, required, className, ...rest }: VeldBasis & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Vak id={id} label={label} uitleg={uitleg} fout={fout} soort="text">
      <textarea
        id={id}
        rows={4}
        className={klassen('utrecht-textarea utrecht-textarea--html-textarea', fout && 'utrecht-textarea--invalid', className)}
        aria-invalid={fout ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={beschrijving(id, uitleg, fout)}
        {...rest}
      />
    </Vak>
  );
}

export interface Optie {
  waarde: string;
  label: string;
}

/** A labelled select. Choosing only changes the value: the form's button acts (WCAG 3.2.2). */
export function Keuzelijst({ id, label, uitleg, fout, opties, required, className, ...rest }: VeldBasis & SelectHTMLAttributes<HTMLSelectElement> & { opties: readonly Optie[] }) {
  return (
    <Vak id={id} label={label} uitleg={uitleg} fout={fout} soort="select">
      <select
        id={id}
        className={klassen('utrecht-select utrecht-select--html-select', fout && 'utrecht-select--invalid', className)}
        aria-invalid={fout ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={beschrijving(id, uitleg, fout)}
        {...rest}
      >
        {opties.map((optie) => (
          <option key={optie.waarde} value={optie.waarde}>
            {optie.label}
          </option>
        ))}
      </select>
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

/** An onChange for a Keuzelijst whose options are all of type T. */
export function kies<T extends string>(zet: (waarde: T) => void) {
  return (event: { target: { value: string } }) => zet(event.target.value as T);
}
