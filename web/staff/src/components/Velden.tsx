import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { beschrijving, klassen, Toelichting } from './Formulier.tsx';

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

/** A labelled multi-line text field with its description and error tied to it. */
export function Tekstvak({ id, label, uitleg, fout, required, className, ...rest }: VeldBasis & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Vak id={id} label={label} uitleg={uitleg} fout={fout} soort="text">
      <textarea
        id={id}
        className={klassen('utrecht-textarea utrecht-textarea--html-textarea', fout && 'utrecht-textarea--invalid', className)}
        aria-invalid={fout ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={beschrijving(id, uitleg, fout)}
        rows={4}
        {...rest}
      />
    </Vak>
  );
}

/** A labelled select with its description and error tied to it. */
export function Keuzelijst<T extends string>({
  id,
  label,
  uitleg,
  fout,
  opties,
  waarde,
  onKies,
  ...rest
}: VeldBasis & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { opties: readonly { waarde: T; label: string }[]; waarde: T; onKies(waarde: T): void }) {
  return (
    <Vak id={id} label={label} uitleg={uitleg} fout={fout} soort="select">
      <select
        id={id}
        className={klassen('utrecht-select utrecht-select--html-select', fout && 'utrecht-select--invalid')}
        aria-invalid={fout ? true : undefined}
        aria-describedby={beschrijving(id, uitleg, fout)}
        value={waarde}
        onChange={(event) => onKies(event.target.value as T)}
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
