import { cloneElement, ReactElement, useId } from 'react';

type Control = ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;

/** A labelled control with the API's complaint about it right below, tied by aria-describedby. */
export function Field({ label, name, error, children, testId }: { label: string; name: string; error?: string; children: Control; testId?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field" data-field={name} data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <span id={errorId} className="field-error error" role="alert" data-testid={`field-error-${name}`}>
          {error}
        </span>
      )}
    </div>
  );
}
