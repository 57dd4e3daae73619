// Specification of the SMART check: one actionable hint per missing or vague part of an objective.
import { smartCheck, VAGUE_PHRASES, type SmartInput } from '../../../src/core/smart';
import { validObjective } from './fixtures';

const complete = (): SmartInput => {
  const { statement, behaviour, measure, target, frequency, deadline } = validObjective();
  return { statement, behaviour, measure, target, frequency, deadline };
};
const codes = (input: SmartInput, today?: string) => smartCheck(input, today).hints.map((h) => `${h.field}:${h.code}`);

describe('smartCheck', () => {
  test('passes a complete, specific objective with no hints', () => {
    expect(smartCheck(complete(), '2026-01-29')).toEqual({ ok: true, hints: [] });
  });

  test('flags "feel better" and asks what someone would see the client doing', () => {
    const result = smartCheck({ ...complete(), statement: 'I want to feel better' });
    expect(result.ok).toBe(false);
    expect(result.hints).toEqual([
      {
        field: 'statement',
        code: 'vague-wording',
        message: `"feel better" describes a hope, not something anyone could see. Name what someone would see you doing when you feel better, e.g. 'walk 20 minutes' or 'phone a friend'.`,
      },
    ]);
  });

  test.each([
    ['be happier', 'Just be happier'],
    ['do my best', 'Do my best at work'],
    ['try to', 'Try to go out more'],
  ])('flags "%s" even when the objective is measured', (phrase, statement) => {
    const hints = smartCheck({ ...complete(), statement }).hints;
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ field: 'statement', code: 'vague-wording' });
    expect(hints[0].message).toContain(`"${phrase}"`);
  });

  test.each(['Be more confident', 'Be less anxious at work', 'Improve my sleep'])('flags %p when there is no measure', (statement) => {
    const { measure: _drop, ...rest } = complete();
    expect(codes({ ...rest, statement })).toEqual(['statement:vague-wording', 'measure:missing-measure']);
  });

  test('accepts "less anxious" once a measure and numeric target are given', () => {
    expect(smartCheck({ ...complete(), statement: 'Be less anxious on the bus', measure: 'Anxiety 0–10 after each trip' }).hints).toEqual([]);
  });

  test('checks the behaviour field for vague wording too', () => {
    expect(codes({ ...complete(), behaviour: 'Tries to feel better' })).toEqual(['behaviour:vague-wording']);
  });

  test('matches whole words only', () => {
    expect(smartCheck({ ...complete(), statement: 'Country walks' }).hints).toEqual([]);
  });

  test('keeps the vague phrases as data, each family with a prompt', () => {
    expect(VAGUE_PHRASES.length).toBeGreaterThanOrEqual(10);
    for (const family of VAGUE_PHRASES) {
      expect(family.phrases.length).toBeGreaterThan(0);
      expect(family.prompt).toMatch(/e\.g\./);
    }
  });

  test('asks for an observable behaviour when none is given', () => {
    const { behaviour: _drop, ...rest } = complete();
    expect(smartCheck(rest).hints).toEqual([
      { field: 'behaviour', code: 'missing-behaviour', message: "Add the observable behaviour: what would someone see you doing? e.g. 'walk for 20 minutes after lunch'." },
    ]);
  });

  test('asks for a measure when none is given', () => {
    expect(codes({ ...complete(), measure: '  ' })).toEqual(['measure:missing-measure']);
  });

  test('asks for a target when none is given', () => {
    const { target: _drop, ...rest } = complete();
    expect(codes(rest)).toEqual(['target:missing-target']);
  });

  test('asks for a numeric target when the value is not a number, quoting it', () => {
    const hints = smartCheck({ ...complete(), target: { value: 'more', unit: 'walks' } }).hints;
    expect(hints).toEqual([{ field: 'target', code: 'target-not-numeric', message: 'Give the target as a number with a unit, e.g. 20 (minutes); got "more".' }]);
  });

  test('asks for the unit of a numeric target', () => {
    expect(codes({ ...complete(), target: { value: 20 } })).toEqual(['target:missing-target-unit']);
  });

  test('asks for a frequency when none is given', () => {
    const { frequency: _drop, ...rest } = complete();
    expect(codes(rest)).toEqual(['frequency:missing-frequency']);
  });

  test('asks for a deadline when none is given', () => {
    const { deadline: _drop, ...rest } = complete();
    expect(codes(rest)).toEqual(['deadline:missing-deadline']);
  });

  test('flags a deadline before today', () => {
    expect(smartCheck(complete(), '2026-03-13').hints).toEqual([
      {
        field: 'deadline',
        code: 'deadline-past',
        message: 'The deadline 2026-03-12 is before today (2026-03-13); set a date from 2026-03-13 on, or review the objective as achieved, modified or retired.',
      },
    ]);
  });

  test('accepts a deadline of today', () => {
    expect(smartCheck(complete(), '2026-03-12').ok).toBe(true);
  });

  test('skips the overdue check when no today is given', () => {
    expect(smartCheck({ ...complete(), deadline: '2000-01-01' }).ok).toBe(true);
  });

  test('flags a deadline that is not a date', () => {
    expect(codes({ ...complete(), deadline: 'next week' })).toEqual(['deadline:invalid-deadline']);
  });

  test('accepts a template deadline in whole weeks and rejects a non-positive one', () => {
    const { deadline: _drop, ...rest } = complete();
    expect(smartCheck({ ...rest, deadlineWeeks: 6 }).ok).toBe(true);
    expect(codes({ ...rest, deadlineWeeks: 0 })).toEqual(['deadline:invalid-deadline']);
  });

  test('gives one hint per missing field for an empty draft', () => {
    expect(codes({})).toEqual(['behaviour:missing-behaviour', 'measure:missing-measure', 'target:missing-target', 'frequency:missing-frequency', 'deadline:missing-deadline']);
  });

  test('throws when today is not an ISO date, rather than reading the clock', () => {
    expect(() => smartCheck(complete(), '29/01/2026')).toThrow('smartCheck: expected today as YYYY-MM-DD; got "29/01/2026"');
  });
});
