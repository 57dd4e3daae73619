// Shared labelled form fields: text, text area, number, date, select and checkbox, each with a hint and an error wired through aria-describedby.
import type { ComponentChildren } from 'preact';
import { MAX_ISO_DATE, MIN_ISO_DATE } from '../../src/core/iso-dates';

/** Props every field shares: a stable id (also used for the hint and error ids), a label, an optional hint and error. */
interface BaseProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** Extra description ids (e.g. a live warning), joined to the hint and error ids. */
  describedBy?: string;
  class?: string;
}

function describedBy(p: BaseProps): string | undefined {
  const ids = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : '', p.describedBy ?? ''].filter((s) => s !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The attributes every control shares: id and name, required, disabled, and its invalid state and descriptions. */
function controlProps(p: BaseProps) {
  return { id: p.id, name: p.id, required: p.required, disabled: p.disabled, 'aria-invalid': p.error ? ('true' as const) : undefined, 'aria-describedby': describedBy(p) };
}

/** The typed text of an input, text area or select. */
const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** The label above, then the control, its hint and its error below it (help text never squeezes the control at 300 px). */
function Wrap(p: BaseProps & { children: ComponentChildren }) {
  return (
    <div class={`field ${p.class ?? ''}`}>
      <label for={p.id}>
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {p.children}
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <FieldError id={p.id} error={p.error} />
    </div>
  );
}

/** A field's error line; the input points at it with aria-describedby. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

/** A one-line text input; `suggestions` offers earlier values (a datalist) while any text stays allowed. */
export function TextField(p: BaseProps & { value: string; onInput: (value: string) => void; placeholder?: string; maxLength?: number; autoComplete?: string; suggestions?: readonly string[] }) {
  const listId = p.suggestions && p.suggestions.length > 0 ? `${p.id}-list` : undefined;
  return (
    <Wrap {...p}>
      {listId ? (
        <datalist id={listId}>
          {p.suggestions!.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ) : null}
      <input
        {...controlProps(p)}
        type="text"
        list={listId}
        value={p.value}
        placeholder={p.placeholder}
        maxLength={p.maxLength}
        autoComplete={p.autoComplete ?? 'off'}
        spellcheck={false}
        onInput={(e) => p.onInput(valueOf(e))}
      />
    </Wrap>
  );
}

export function TextArea(p: BaseProps & { value: string; onInput: (value: string) => void; rows?: number; maxLength?: number }) {
  return (
    <Wrap {...p}>
      <textarea
        {...controlProps(p)}
        value={p.value}
        rows={p.rows ?? 2}
        maxLength={p.maxLength}
        onInput={(e) => p.onInput(valueOf(e))}
      />
    </Wrap>
  );
}

/** A date as YYYY-MM-DD text from the browser's date input (never a Date object), bounded like core's isoDate (1900–2100). */
export function DateField(p: BaseProps & { value: string; onInput: (value: string) => void }) {
  return (
    <Wrap {...p}>
      <input
        {...controlProps(p)}
        type="date"
        value={p.value}
        min={MIN_ISO_DATE}
        max={MAX_ISO_DATE}
        onInput={(e) => p.onInput(valueOf(e))}
      />
    </Wrap>
  );
}

/** A number typed as text, so a half-typed value is never lost; the caller parses it. */
export function NumberField(p: BaseProps & { value: string; onInput: (value: string) => void; min?: number; max?: number; step?: number | 'any' }) {
  return (
    <Wrap {...p}>
      <input
        {...controlProps(p)}
        type="number"
        value={p.value}
        min={p.min}
        max={p.max}
        step={p.step}
        inputMode="decimal"
        onInput={(e) => p.onInput(valueOf(e))}
      />
    </Wrap>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(p: BaseProps & { value: string; onChange: (value: string) => void; options: readonly Option[]; placeholder?: string }) {
  return (
    <Wrap {...p}>
      <select
        {...controlProps(p)}
        value={p.value}
        onChange={(e) => p.onChange(valueOf(e))}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckboxField(p: Omit<BaseProps, 'hint'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="field">
      <div class="check">
        <input
          type="checkbox"
          id={p.id}
          name={p.id}
          checked={p.checked}
          disabled={p.disabled}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={[p.error ? `${p.id}-error` : '', p.describedBy ?? ''].filter((x) => x !== '').join(' ') || undefined}
          onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={p.id}>{p.label}</label>
      </div>
      <FieldError id={p.id} error={p.error} />
    </div>
  );
}

/** Options for a whole-number range, e.g. 1–5. */
export function rangeOptions(min: number, max: number, label?: (n: number) => string): Option[] {
  const out: Option[] = [];
  for (let n = min; n <= max; n++) out.push({ value: String(n), label: label ? label(n) : String(n) });
  return out;
}
