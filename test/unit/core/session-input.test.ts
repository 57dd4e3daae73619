// recordSession's core rules: zod's index paths re-keyed by goal and instrument id, duplicates refused by id, and one item reader giving structured item problems.
import { clinicChoices, bandNeedsSettings } from '../../../src/core/instruments/clinic-choices';
import { BUILT_IN_INSTRUMENTS, findInstrument } from '../../../src/core/instruments/registry';
import { itemProblems, scoreItems } from '../../../src/core/instruments/score';
import { planRowProblems, savePlanSchema } from '../../../src/core/plan-rows';
import { keyByIds, sessionProblems, type RecordSessionInput } from '../../../src/core/session-input';
import * as z from 'zod/mini';

const session = (over: Partial<RecordSessionInput> = {}): RecordSessionInput => ({ clientCode: 'C-1', date: '2026-01-12', clinician: 'Dr A', attended: true, note: '', ratings: [], measures: [], ...over });

describe('keyByIds', () => {
  test('ratings.<i> and measures.<i> become ratings.<goalId> and measures.<instrument>, as sent', () => {
    const input = { ratings: [{ goalId: 'C-1.G1' }, { goalId: 'C-1.G1.O2' }], measures: [{ instrument: 'gad7' }, { instrument: 'phq9' }] };
    expect(keyByIds({ 'ratings.1.rating': 'r', 'measures.1.items.3': 'm', date: 'd' }, input)).toEqual({ 'ratings.C-1.G1.O2.rating': 'r', 'measures.phq9.items.3': 'm', date: 'd' });
  });

  test('an entry without a usable id keeps its index', () => {
    expect(keyByIds({ 'ratings.0.goalId': 'x', 'measures.0': 'y' }, { ratings: [{ goalId: 7 }], measures: ['phq9'] })).toEqual({ 'ratings.0.goalId': 'x', 'measures.0': 'y' });
  });
});

describe('sessionProblems', () => {
  test('a goal rated twice and an instrument given twice are named by id', () => {
    const s = session({ ratings: [{ goalId: 'G1', rating: 1, gasLevel: null }, { goalId: 'G1', rating: 2, gasLevel: null }], measures: [{ instrument: 'phq9', items: [] }, { instrument: 'PHQ9', items: [] }] });
    expect(Object.keys(sessionProblems(s))).toEqual(['ratings.G1.goalId', 'measures.PHQ9.instrument']);
  });
});

describe('itemProblems: the scorer’s own reader, structured', () => {
  const phq9 = findInstrument('phq9');

  test('each bad answer says which item, what was expected and what came; blanks (null) are fine', () => {
    expect(itemProblems(phq9, [0, 1, 2, 7, null, 0, 0, 0.5, 0])).toEqual([
      { index: 3, what: 'item 4', expected: 'a whole number from 0 to 3', got: 7 },
      { index: 7, what: 'item 8', expected: 'a whole number from 0 to 3', got: 0.5 },
    ]);
  });

  test('a wrong count and a bad extra', () => {
    expect(itemProblems(phq9, [1, 1])).toEqual([{ index: null, what: 'item values', expected: '9 PHQ-9 item values (or 10 with Functional difficulty)', got: 2 }]);
    expect(itemProblems(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0, 9])[0]).toMatchObject({ index: 9, what: 'Functional difficulty', got: 9 });
  });

  test('what itemProblems accepts, scoreItems scores (and what it refuses, scoreItems throws for)', () => {
    expect(itemProblems(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([]);
    expect(scoreItems(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1]).total).toBe(9);
    expect(() => scoreItems(phq9, [0, 1, 2, 7, 0, 0, 0, 0, 0])).toThrow('PHQ-9 item 4 must be a whole number from 0 to 3; got 7');
  });
});

describe('bandNeedsSettings: derived from the definition, no per-id branches', () => {
  test('the instruments with a clinic choice, and which choice', () => {
    expect(BUILT_IN_INSTRUMENTS.filter(bandNeedsSettings).map((d) => d.id)).toEqual(['pcl5', 'k10', 'core10', 'ors', 'srs', 'oq45']);
    expect(clinicChoices(findInstrument('k10'))).toEqual({ bandScheme: true, cutoff: false, atCutoff: false });
    expect(clinicChoices(findInstrument('pcl5')).cutoff).toBe(true);
    expect(clinicChoices(findInstrument('ors')).atCutoff).toBe(true);
  });
});

describe('planRowProblems: core’s plan rules for flat rows', () => {
  const row = { id: '', parentId: '', title: 'Goal', horizon: 'long', type: 'outcome', domain: 'behavioral', category: 'mood', modality: 'CBT', values: 'Why', behaviour: '', measure: '', target: '', frequency: '', deadline: '2026-03-01', anchors: ['', '', '', '', ''], baseline: null, importance: null, difficulty: null, status: 'active', statusReason: '' };

  test('an objective needs a parent in the plan, SMART fields and distinct anchors', () => {
    const plan = z.parse(savePlanSchema, { clientCode: 'C-1', goals: [{ ...row, id: 'new-1' }, { ...row, horizon: 'short', parentId: 'new-2', anchors: ['a', 'a', 'b', 'c', 'd'] }] });
    const errors = planRowProblems(plan.goals);
    expect(errors['goals.1.parentId']).toBe('Expected the id of a long-term goal in this plan; got "new-2"');
    expect(errors['goals.1.anchors.1']).toBe('Expected the -1 anchor to differ from the -2 anchor; got the same text');
    expect(errors['goals.1.behaviour']).toMatch(/^Expected an observable behaviour/);
    expect(errors['goals.1.baseline']).toMatch(/^Expected a baseline/);
  });
});
