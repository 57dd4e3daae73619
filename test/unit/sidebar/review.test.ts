// Sidebar review, discharge and export helpers: the cadence sentence, signed changes, error-path names and the CSV-or-problem answer.
import type { OutcomeRow, ReviewCadenceView } from '../../../src/contract';
import { reviewWords } from '../../../src/core/review-cadence';
import { cadenceText, csvOrProblem, describeRelapsePreventionPath, describeReviewPath, emptyContact, RELAPSE_PREVENTION_LISTS, signedChange } from '../../../sidebar/model/review';

const cadence = (p: Partial<ReviewCadenceView>): ReviewCadenceView => {
  const c = { everySessions: 4, due: false, overdue: false, sessionsSince: 1, lastReviewSession: 0, lastReviewDate: '', ...p };
  return { ...c, words: reviewWords(c) };
};

describe('cadenceText', () => {
  it('counts down to the next review', () => {
    expect(cadenceText(cadence({ sessionsSince: 1 }))).toBe('Review: At session 4. 1 attended session since the start; the next review is due in 3 attended sessions (every 4).');
    expect(cadenceText(cadence({ sessionsSince: 3, lastReviewSession: 4, lastReviewDate: '2024-05-01' }))).toBe(
      'Review: At session 8. 3 attended sessions since the last review (session 4, 2024-05-01); the next review is due in 1 attended session (every 4).',
    );
  });
  it('says due and overdue', () => {
    expect(cadenceText(cadence({ sessionsSince: 4, due: true }))).toBe('Review: Due. 4 attended sessions since the start; reviews are due every 4.');
    expect(cadenceText(cadence({ sessionsSince: 6, due: true, overdue: true }))).toBe('Review: Overdue. 6 attended sessions since the start; reviews are due every 4.');
  });
});

describe('signedChange', () => {
  it('signs with a plus or a true minus, one decimal', () => {
    expect(signedChange(4.25)).toBe('+4.3');
    expect(signedChange(0)).toBe('+0.0');
    expect(signedChange(-1)).toBe('−1.0');
  });
});

describe('describeReviewPath', () => {
  it('names goal fields and the review fields', () => {
    expect(describeReviewPath('goals.1.reason')).toBe('Goal 2 › Reason');
    expect(describeReviewPath('goals.0.gasLevel')).toBe('Goal 1 › GAS level');
    expect(describeReviewPath('goals.0.other')).toBe('Goal 1 › other');
    expect(describeReviewPath('goals.1.reason', ['Goal 1', 'Objective 1.1'])).toBe('Objective 1.1 › Reason');
    expect(['goals', 'date', 'sessionNumber', '', 'x'].map((p) => describeReviewPath(p))).toEqual(['Goals', 'Review date', 'Session', 'Review', 'x']);
  });
});

describe('describeRelapsePreventionPath', () => {
  it('names contacts, lists and plan fields', () => {
    expect(describeRelapsePreventionPath('contacts.0.who')).toBe('Contact 1 › Who');
    expect(describeRelapsePreventionPath('contacts.2.how')).toBe('Contact 3 › How to reach them');
    expect(describeRelapsePreventionPath('contacts.1.when')).toBe('Contact 2 › When');
    expect(describeRelapsePreventionPath('warningSigns')).toBe('Early warning signs');
    expect(['date', 'contacts', 'clientCode', '', 'x'].map(describeRelapsePreventionPath)).toEqual(['Plan date', 'Contacts', 'Client', 'Plan', 'x']);
  });
  it('lists the five plan lists, high-risk situations optional', () => {
    expect(RELAPSE_PREVENTION_LISTS.map((l) => l.key)).toEqual(['whatHelped', 'warningSigns', 'highRiskSituations', 'copingStrategies', 'ifTheyReturn']);
    expect(RELAPSE_PREVENTION_LISTS.filter((l) => l.optional).map((l) => l.key)).toEqual(['highRiskSituations']);
    expect(emptyContact()).toEqual({ who: '', how: '', when: '' });
  });
});

describe('csvOrProblem', () => {
  it('gives the CSV for no rows, and the reason core refuses a row', () => {
    expect(csvOrProblem([], false).problem).toBeNull();
    const bad = [{ clientCode: 'Jane Smith', date: 'not a date' }] as unknown as OutcomeRow[];
    const r = csvOrProblem(bad, false);
    expect(r.csv).toBe('');
    expect(r.problem).toEqual(expect.any(String));
  });
});
