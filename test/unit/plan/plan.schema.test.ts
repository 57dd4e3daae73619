// Specification of the goal-plan schemas: what a valid plan is and which dotted field paths an invalid one reports.
import * as z from 'zod/mini';
import { fieldErrors } from '../../../src/core/messages';
import { planInputSchema, planSchema } from '../../../src/core/plan';
import { clone, validPlan } from './fixtures';

const errorsOf = (value: unknown) => fieldErrors(z.safeParse(planSchema, value));

describe('planSchema', () => {
  test('accepts a complete plan', () => {
    expect(errorsOf(validPlan())).toEqual({});
  });

  test('reports a non-ISO deadline at its dotted path, saying what was expected and what came', () => {
    const plan = clone(validPlan());
    (plan.goals[0].objectives[2] as { deadline: string }).deadline = 'next week';
    expect(errorsOf(plan)).toEqual({ 'goals.0.objectives.2.deadline': 'Expected a deadline from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got "next week"' });
  });

  test('rejects an impossible calendar date', () => {
    const plan = clone(validPlan());
    plan.goals[0].deadline = '2026-02-30';
    expect(Object.keys(errorsOf(plan))).toEqual(['goals.0.deadline']);
  });

  test('reports an empty GAS anchor at goals.N.objectives.N.gas.anchors.<level>', () => {
    const plan = clone(validPlan());
    plan.goals[0].objectives[2].gas.anchors['1'] = '  ';
    const errors = errorsOf(plan);
    expect(Object.keys(errors)).toEqual(['goals.0.objectives.2.gas.anchors.1']);
    expect(errors['goals.0.objectives.2.gas.anchors.1']).toMatch(/^Expected the \+1 anchor \(more than expected\).*; got empty text/);
  });

  test('reports a missing anchor for a negative level at anchors.-2', () => {
    const plan = clone(validPlan());
    delete (plan.goals[0].objectives[0].gas.anchors as Partial<Record<string, string>>)['-2'];
    expect(errorsOf(plan)['goals.0.objectives.0.gas.anchors.-2']).toMatch(/got nothing$/);
  });

  test('rejects two identical anchors, naming the later level', () => {
    const plan = clone(validPlan());
    plan.goals[0].objectives[0].gas.anchors['1'] = '5 walks';
    expect(errorsOf(plan)).toEqual({ 'goals.0.objectives.0.gas.anchors.1': 'Expected the +1 anchor to differ from the 0 anchor; got the same text' });
  });

  test('accepts a baseline of -1 or -2 only', () => {
    const plan = clone(validPlan());
    (plan.goals[0].objectives[0].gas as { baseline: number }).baseline = 0;
    expect(errorsOf(plan)).toEqual({ 'goals.0.objectives.0.gas.baseline': 'Expected a baseline of -1 (some ability) or -2 (none at all); got 0' });
    plan.goals[0].objectives[0].gas.baseline = -2;
    expect(errorsOf(plan)).toEqual({});
  });

  test('accepts importance and difficulty as whole numbers 0–3 only', () => {
    const plan = clone(validPlan());
    plan.goals[0].objectives[0].gas.importance = 4;
    plan.goals[0].objectives[1].gas.difficulty = 1.5;
    expect(errorsOf(plan)).toEqual({
      'goals.0.objectives.0.gas.importance': 'Expected importance as a whole number 0–3; got 4',
      'goals.0.objectives.1.gas.difficulty': 'Expected difficulty as a whole number 0–3; got 1.5',
    });
  });

  test('requires a numeric target value', () => {
    const plan = clone(validPlan());
    (plan.goals[0].objectives[1].target as { value: unknown }).value = 'lots';
    expect(errorsOf(plan)).toEqual({ 'goals.0.objectives.1.target.value': 'Expected a numeric target such as 20; got "lots"' });
  });

  test('allows 1–5 objectives per long-term goal', () => {
    const plan = clone(validPlan());
    const o = plan.goals[0].objectives[0];
    plan.goals[0].objectives = [o, o, o, o, o, o];
    expect(errorsOf(plan)).toEqual({ 'goals.0.objectives': 'Expected 1–5 short-term objectives per goal; got 6' });
    plan.goals[0].objectives = [];
    expect(errorsOf(plan)).toEqual({ 'goals.0.objectives': 'Expected 1–5 short-term objectives per goal; got 0' });
  });

  test('requires a reason for every status except active', () => {
    const plan = clone(validPlan());
    plan.goals[0].objectives[1].status = 'retired';
    plan.goals[0].status = 'achieved';
    expect(errorsOf(plan)).toEqual({
      'goals.0.objectives.1.statusReason': 'Expected a reason for status "retired" (why it was retired); got nothing',
      'goals.0.statusReason': 'Expected a reason for status "achieved" (why it was achieved); got nothing',
    });
    plan.goals[0].objectives[1].statusReason = 'Replaced by a graded version';
    plan.goals[0].statusReason = 'PHQ-9 below 10 at two reviews';
    expect(errorsOf(plan)).toEqual({});
  });

  test('reports a missing status reason alongside unrelated field errors', () => {
    const plan = clone(validPlan());
    plan.goals[0].objectives[0].status = 'modified';
    plan.goals[0].objectives[0].frequency = '';
    expect(Object.keys(errorsOf(plan)).sort()).toEqual(['goals.0.objectives.0.frequency', 'goals.0.objectives.0.statusReason']);
  });

  test('requires the modality name when modality is "other"', () => {
    const plan = clone(validPlan());
    plan.goals[0].modality = 'other';
    expect(errorsOf(plan)).toEqual({ 'goals.0.modalityOther': 'Expected the modality\'s name when modality is "other"; got nothing' });
    plan.goals[0].modalityOther = 'Schema therapy';
    expect(errorsOf(plan)).toEqual({});
  });

  test('names the allowed values when an enum field is wrong', () => {
    const plan = clone(validPlan());
    (plan.goals[0] as { domain: string }).domain = 'social';
    (plan.goals[0].objectives[0] as { type: string }).type = 'proces';
    expect(errorsOf(plan)).toEqual({
      'goals.0.domain': 'Expected a domain (behavioral, cognitive, emotional); got "social"',
      'goals.0.objectives.0.type': 'Expected a goal type (process, outcome); got "proces"',
    });
  });

  test('limits free text to 500 characters', () => {
    const plan = clone(validPlan());
    plan.goals[0].values = 'x'.repeat(501);
    expect(Object.keys(errorsOf(plan))).toEqual(['goals.0.values']);
  });

  test('rejects an unknown instrument id and a repeated one', () => {
    const plan = clone(validPlan());
    (plan.measures as string[]) = ['phq9', 'bdi2'];
    expect(errorsOf(plan)).toEqual({ 'measures.1': 'Expected an instrument id (phq9, gad7, pcl5, k10, dass21, core10, wsas, ors, srs, oq45); got "bdi2"' });
    plan.measures = ['phq9', 'phq9'];
    expect(Object.keys(errorsOf(plan))).toEqual(['measures']);
  });

  test('requires a valid client code', () => {
    const plan = clone(validPlan());
    plan.clientCode = 'Jane Smith';
    expect(errorsOf(plan)).toEqual({ clientCode: 'Expected a client code of 2–20 letters, digits, "-" or "_" (e.g. "C-0142"); got "Jane Smith"' });
  });

  test('requires ids on a stored plan', () => {
    const plan = clone(validPlan()) as Partial<ReturnType<typeof validPlan>>;
    delete plan.id;
    expect(Object.keys(errorsOf(plan))).toEqual(['id']);
  });

  test('reports a non-object at the root path ""', () => {
    expect(errorsOf('plan')).toEqual({ '': 'Expected a plan; got "plan"' });
  });
});

describe('planInputSchema (what the sidebar sends)', () => {
  test('accepts a plan with no plan, goal or objective ids', () => {
    const plan = clone(validPlan()) as unknown as { id?: string; goals: { id?: string; objectives: { id?: string }[] }[] };
    delete plan.id;
    for (const g of plan.goals) {
      delete g.id;
      for (const o of g.objectives) delete o.id;
    }
    expect(fieldErrors(z.safeParse(planInputSchema, plan))).toEqual({});
  });

  test('still validates every other field', () => {
    const plan = clone(validPlan());
    plan.goals[0].objectives[0].deadline = '12/03/2026';
    expect(fieldErrors(z.safeParse(planInputSchema, plan))).toEqual({ 'goals.0.objectives.0.deadline': 'Expected a deadline from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got "12/03/2026"' });
  });
});

describe('fieldErrors', () => {
  test('returns an empty record for a successful parse', () => {
    expect(fieldErrors({ success: true })).toEqual({});
  });

  test('keeps the first message when one path has several issues', () => {
    const result = { success: false, error: { issues: [{ path: ['a', 0], message: 'first' }, { path: ['a', 0], message: 'second' }] } };
    expect(fieldErrors(result)).toEqual({ 'a.0': 'first' });
  });
});
