// recordSession's core rules: zod's index paths re-keyed by goal and instrument id, duplicates refused by id, one item reader giving structured item problems, and the questions asked before saving (blank safety item, same date, future date, empty session).
import { clinicChoices, bandNeedsSettings } from '../../../src/core/instruments/clinic-choices';
import { BUILT_IN_INSTRUMENTS, findInstrument } from '../../../src/core/instruments/registry';
import { itemProblems, scoreItems, unansweredCritical } from '../../../src/core/instruments/score';
import { planRowProblems, savePlanSchema } from '../../../src/core/plan-rows';
import {
  CONFIRM_FUTURE_DATE,
  CONFIRM_SAME_DATE,
  confirmedSummary,
  confirmUnansweredKey,
  dateQuestions,
  emptySessionMessage,
  isAnswered,
  isConfirmKey,
  isRated,
  keyByIds,
  recordSessionSchema,
  sessionProblems,
  unansweredSafetyQuestion,
  type RecordSessionInput,
  type SessionMeasure,
  type SessionRating,
} from '../../../src/core/session-input';
import fc from 'fast-check';
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

describe('the questions asked before saving a session', () => {
  const phq9 = findInstrument('phq9');
  const answered = (over: Partial<RecordSessionInput> = {}) => session({ note: 'seen', ...over });

  test('the schema takes the confirmations as true or false, and refuses anything else with a plain message', () => {
    expect(z.safeParse(recordSessionSchema, answered({ confirmSameDate: true, confirmFutureDate: false, measures: [{ instrument: 'phq9', items: [], confirmUnanswered: true }] })).success).toBe(true);
    const bad = z.safeParse(recordSessionSchema, { ...answered(), confirmSameDate: 'yes' });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error)).toContain('Expected confirmSameDate as true or false');
  });

  test('unansweredCritical names the blank safety items of every built-in instrument, and only those', () => {
    for (const def of BUILT_IN_INSTRUMENTS) {
      const critical = (def.critical ?? []).map((c) => c.item);
      const blank = new Array<number | null>(def.items.count).fill(null);
      expect(unansweredCritical(def, blank)).toEqual(critical);
      expect(unansweredCritical(def, new Array<number>(def.items.count).fill(def.items.min))).toEqual([]);
    }
    expect(unansweredCritical(phq9, [0, 0, 0, 0, 0, 0, 0, 0, null])).toEqual([9]);
    expect(unansweredCritical(phq9, [null, null, null, null, null, null, null, null, 0])).toEqual([]);
  });

  test('a PHQ-9 with item 9 blank is asked about, naming the item and the button; confirmed or answered, it is not', () => {
    const items = [1, 1, 1, 1, 1, 1, 1, 1, null];
    expect(unansweredSafetyQuestion(phq9, { instrument: 'phq9', items })).toBe(
      'Expected an answer to PHQ-9 item 9, its safety question; it is blank. Ask it and choose the answer, or choose "Save without item 9" if it was not asked',
    );
    expect(unansweredSafetyQuestion(phq9, { instrument: 'phq9', items, confirmUnanswered: true })).toBeNull();
    expect(unansweredSafetyQuestion(phq9, { instrument: 'phq9', items: [...items.slice(0, 8), 0] })).toBeNull();
    expect(unansweredSafetyQuestion(findInstrument('gad7'), { instrument: 'gad7', items: [1, null, 1, 1, 1, 1, 1] })).toBeNull();
  });

  test('a session is empty exactly when attended with no rating, no answer and no note (a missed session records the absence)', () => {
    const rating = fc.constantFrom<SessionRating[]>([], [{ goalId: 'G1', rating: null, gasLevel: null }], [{ goalId: 'G1', rating: 3, gasLevel: null }], [{ goalId: 'G1', rating: null, gasLevel: -1 }]);
    const measure = fc.constantFrom<SessionMeasure[]>([], [{ instrument: 'gad7', items: new Array(7).fill(null) }], [{ instrument: 'gad7', items: [0, null, null, null, null, null, null] }]);
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom('', '  ', 'seen'), rating, measure, (attended, note, ratings, measures) => {
        const s = session({ attended, note, ratings, measures });
        const recordsSomething = !attended || note.trim() !== '' || ratings.some(isRated) || measures.some(isAnswered);
        expect(emptySessionMessage(s) === null).toBe(recordsSomething);
      }),
    );
    expect(emptySessionMessage(session())).toBe('Nothing to save: this session has no goal rating, no questionnaire answer and no note. Enter at least one, or untick "Client attended" to record a missed session');
  });

  test('a date that already has sessions and a date after today are each asked about, unless confirmed', () => {
    const s = answered({ date: '2026-12-02' });
    expect(dateQuestions(s, [], '2026-12-02')).toEqual({});
    expect(dateQuestions(s, [3], '2026-12-02')).toEqual({
      confirmSameDate: 'Expected one session per date; C-1 already has session 3 on 2026-12-02. Change the date, or choose "Save another session on 2026-12-02" if there really were two',
    });
    expect(dateQuestions(s, [3, 4], '2026-12-01')).toEqual({
      confirmSameDate: expect.stringContaining('already has sessions 3, 4 on 2026-12-02'),
      confirmFutureDate: 'Expected a date no later than today (2026-12-01); got 2026-12-02, which is in the future. Correct the date, or choose "Save with a future date" if it is right',
    });
    expect(dateQuestions({ ...s, confirmSameDate: true, confirmFutureDate: true }, [3], '2026-12-01')).toEqual({});
  });

  test('each question key is the input flag that answers it', () => {
    expect([CONFIRM_SAME_DATE, CONFIRM_FUTURE_DATE, confirmUnansweredKey('phq9')].every(isConfirmKey)).toBe(true);
    expect(['date', 'measures.phq9.items.8', 'note', 'confirmed', 'measures.phq9.instrument'].some(isConfirmKey)).toBe(false);
    const answers: Record<string, unknown> = { ...answered({ measures: [{ instrument: 'phq9', items: [] }] }) };
    answers[CONFIRM_SAME_DATE] = true;
    answers[CONFIRM_FUTURE_DATE] = true;
    (answers.measures as Record<string, unknown>[])[0][confirmUnansweredKey('phq9').split('.').pop()!] = true;
    expect(z.parse(recordSessionSchema, answers)).toMatchObject({ confirmSameDate: true, confirmFutureDate: true, measures: [{ confirmUnanswered: true }] });
  });

  test('the Audit summary says what was confirmed, and nothing when nothing was asked', () => {
    const s = answered({ date: '2026-12-02' });
    expect(confirmedSummary(s, false, false, [])).toBe('');
    expect(confirmedSummary(s, true, true, ['PHQ-9 item 9'])).toBe('another session on 2026-12-02 (confirmed); future date 2026-12-02 (confirmed); saved without PHQ-9 item 9 (confirmed)');
  });
});

describe('unset confirmations as google.script.run may send them', () => {
  test('a null confirmation is read as not confirmed, never as a field error', () => {
    const parsed = z.safeParse(recordSessionSchema, session({ note: 'seen', confirmSameDate: null, confirmFutureDate: null, measures: [{ instrument: 'phq9', items: [], confirmUnanswered: null }] }));
    expect(parsed.success).toBe(true);
  });
});
