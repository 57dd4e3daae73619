// Shared goal-field groups: classification (type, domain, category, modality), values, status with reason; used by the plan editor for goals and objectives.
import { DOMAINS, GOAL_TYPES, MODALITIES, GOAL_STATUSES as STATUSES, SUGGESTED_CATEGORIES } from '../../src/core/vocabularies';
import type { GoalDraft } from '../model/plan';
import { SelectField, TextArea, TextField, type Option } from './Field';

export interface GoalFieldProps {
  /** Field-id prefix, e.g. "plan-goals-0-objectives-1". */
  base: string;
  goal: GoalDraft;
  errors: Record<string, string>;
  /** Error-path prefix, e.g. "goals.0.objectives.1". */
  path: string;
  onPatch(patch: Partial<GoalDraft>): void;
}

const TYPE_LABELS: Record<string, string> = { process: 'Process', outcome: 'Outcome' };
const DOMAIN_LABELS: Record<string, string> = { behavioral: 'Behavioral', cognitive: 'Cognitive', emotional: 'Emotional' };
const STATUS_LABELS: Record<string, string> = { active: 'Active', achieved: 'Achieved', modified: 'Modified', retired: 'Retired' };

/** Options for a fixed list, keeping a loaded value that is not in it so nothing is silently changed. */
export function withCurrent(options: Option[], current: string): Option[] {
  return current === '' || options.some((o) => o.value === current) ? options : [...options, { value: current, label: current }];
}

export const modalityOptions = (current: string) => withCurrent(MODALITIES.map((m) => ({ value: m, label: m })), current);

export function ClassificationFields({ base, goal, errors, path, onPatch }: GoalFieldProps) {
  const err = (k: string) => errors[`${path}.${k}`];
  return (
    <>
      <div class="row">
        <SelectField id={`${base}-type`} label="Type" describedBy="goal-type-hint" value={goal.type} onChange={(v) => onPatch({ type: v as GoalDraft['type'] })} options={GOAL_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] ?? t }))} error={err('type')} />
        <SelectField id={`${base}-domain`} label="Domain" value={goal.domain} onChange={(v) => onPatch({ domain: v as GoalDraft['domain'] })} options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] ?? d }))} error={err('domain')} />
      </div>
      <div class="row">
        <div>
          <TextField id={`${base}-category`} label="Category" value={goal.category} onInput={(v) => onPatch({ category: v })} error={err('category')} maxLength={60} describedBy="category-suggestions-hint" />
        </div>
        <SelectField id={`${base}-modality`} label="Modality" value={goal.modality} onChange={(v) => onPatch({ modality: v })} options={modalityOptions(goal.modality)} placeholder="—" error={err('modality')} />
      </div>
    </>
  );
}

/** The shared hints for goal type and category (one per page, referenced by every type and category field). */
export function CategoryHint() {
  return (
    <>
      <p id="goal-type-hint" class="muted small">
        Process goals are actions the client controls (e.g. walk 3 times a week); outcome goals are end results (e.g. PHQ-9 below 10).
      </p>
      <p id="category-suggestions-hint" class="muted small">
        Categories, for example: {SUGGESTED_CATEGORIES.join(', ')}.
      </p>
    </>
  );
}

export function ValuesField({ base, goal, errors, path, onPatch }: GoalFieldProps) {
  return (
    <TextArea
      id={`${base}-values`}
      label="Why this matters (values)"
      hint="In the client's words: what this goal is for."
      value={goal.values}
      onInput={(v) => onPatch({ values: v })}
      error={errors[`${path}.values`]}
      maxLength={500}
    />
  );
}

export function StatusFields({ base, goal, errors, path, onPatch }: GoalFieldProps) {
  return (
    <>
      <SelectField id={`${base}-status`} label="Status" value={goal.status} onChange={(v) => onPatch({ status: v as GoalDraft['status'] })} options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s }))} error={errors[`${path}.status`]} />
      {goal.status !== 'active' || goal.statusReason !== '' || errors[`${path}.statusReason`] ? (
        <TextArea id={`${base}-statusReason`} label="Reason for this status" value={goal.statusReason} onInput={(v) => onPatch({ statusReason: v })} error={errors[`${path}.statusReason`]} maxLength={500} />
      ) : null}
    </>
  );
}
