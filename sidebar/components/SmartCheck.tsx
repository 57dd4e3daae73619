// Live SMART check beside an objective: core's smartCheck hints for what the objective still needs (specific, measurable, time-bound).
import { useMemo } from 'preact/hooks';
import { smartCheck, type SmartHint } from '../../src/core/smart';
import { parseTarget, type GoalDraft } from '../model/plan';

const FIELD_NAMES: Record<string, string> = {
  statement: 'Objective',
  behaviour: 'Behaviour',
  measure: 'Measure',
  target: 'Target',
  frequency: 'Frequency',
  deadline: 'Deadline',
};

/** Hints for one objective draft; never throws (a bad date is itself a hint). */
export function smartHints(goal: GoalDraft, today: string): SmartHint[] {
  try {
    return smartCheck(
      {
        statement: goal.title,
        behaviour: goal.behaviour,
        measure: goal.measure,
        target: parseTarget(goal.target),
        frequency: goal.frequency,
        deadline: goal.deadline,
      },
      /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined,
    ).hints;
  } catch (e) {
    return [{ field: 'statement', code: 'vague-wording', message: e instanceof Error ? e.message : String(e) }];
  }
}

export function SmartCheck({ id, goal, today }: { id: string; goal: GoalDraft; today: string }) {
  const hints = useMemo(() => smartHints(goal, today), [goal, today]);
  return (
    <div id={id} class={`smart ${hints.length === 0 ? 'smart-ok' : 'smart-hints'}`} aria-live="polite" aria-atomic="true">
      {hints.length === 0 ? (
        <p>
          <strong>SMART check:</strong> specific, measurable and time-bound. ✓
        </p>
      ) : (
        <>
          <p>
            <strong>SMART check:</strong> {hints.length} thing{hints.length === 1 ? '' : 's'} to sharpen
          </p>
          <ul>
            {hints.map((h, i) => (
              <li key={`${h.code}-${i}`}>
                <span class="sr-only">{FIELD_NAMES[h.field] ?? h.field}: </span>
                {h.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
