// Sidebar GAS builder helpers: level text, a draft's weight and missing scale parts, GAS error paths, and the T-score preview.
import { gasTScoreOrBlank } from '../../../src/core/gas';
import { draftWeight, formatT, gasFieldObjective, gasMissing, goalEntries, levelLabel, levelText, tPreview } from '../../../sidebar/model/gas';
import { blankGoal, blankLongGoal, refKey, type GoalDraft } from '../../../sidebar/model/plan';

const scaled = (p: Partial<GoalDraft>): GoalDraft => ({ ...blankGoal('short'), status: 'active', anchors: ['a', 'b', 'c', 'd', 'e'], baseline: '-1', importance: '2', difficulty: '3', ...p });

describe('levelText and levelLabel', () => {
  it('signs levels with a true minus and a plus', () => {
    expect([-2, -1, 0, 1, 2].map(levelText)).toEqual(['−2', '−1', '0', '+1', '+2']);
  });
  it('adds the standard wording', () => {
    expect(levelLabel(0)).toMatch(/^0 \S/);
    expect(levelLabel(2).startsWith('+2 ')).toBe(true);
  });
  it('formats a T-score to one decimal or a dash', () => {
    expect(formatT(null)).toBe('—');
    expect(formatT(50)).toBe('50.0');
  });
});

describe('draftWeight', () => {
  it('is importance × difficulty once both are rated', () => {
    expect(draftWeight(scaled({ importance: '2', difficulty: '3' }))).toBe(6);
  });
  it('is null while either is blank or not a number', () => {
    expect(draftWeight(scaled({ importance: '' }))).toBeNull();
    expect(draftWeight(scaled({ difficulty: 'x' }))).toBeNull();
  });
});

describe('gasMissing', () => {
  it('is empty for a complete scale', () => {
    expect(gasMissing(scaled({}))).toEqual([]);
  });
  it('lists what is still needed, counting anchors', () => {
    expect(gasMissing(scaled({ anchors: ['a', '', ' ', 'd', ''], baseline: '', importance: '', difficulty: '' }))).toEqual(['anchors (2 of 5)', 'baseline', 'importance', 'difficulty']);
  });
});

describe('gasFieldObjective', () => {
  it('names the objective of a GAS field error', () => {
    expect(gasFieldObjective('goals.0.objectives.1.baseline')).toBe('goals.0.objectives.1');
    expect(gasFieldObjective('goals.2.objectives.10.anchors.3')).toBe('goals.2.objectives.10');
  });
  it('is null for other fields and for long-term goals', () => {
    expect(gasFieldObjective('goals.0.objectives.1.title')).toBeNull();
    expect(gasFieldObjective('goals.0.baseline')).toBeNull();
  });
});

describe('goalEntries', () => {
  it('lists each goal followed by its objectives, with refs', () => {
    const g = blankLongGoal({ title: 'Sleep' });
    g.objectives.push(blankGoal('short', { title: 'Bed by 11' }));
    const e = goalEntries([g]);
    expect(e.map((x) => refKey(x.ref))).toEqual(['0', '0.0', '0.1']);
    expect(e[0].goal).toBe(g);
  });
});

describe('tPreview', () => {
  const a = { goal: scaled({ baseline: '-1', importance: '2', difficulty: '3' }), key: 'a' };
  const b = { goal: scaled({ baseline: '-2', importance: '1', difficulty: '1' }), key: 'b' };
  it('leaves out goals without a baseline or not active', () => {
    const p = tPreview([a, { goal: scaled({ baseline: '' }), key: 'c' }, { goal: scaled({ status: 'retired' }), key: 'd' }], 'a', 0, 0.3);
    expect(p.goals).toBe(1);
  });
  it("computes baseline, this goal's and every goal's T with core", () => {
    const p = tPreview([a, b], 'a', 1, 0.3);
    expect(p.baseline).toBe(gasTScoreOrBlank([-1, -2], [6, 1], 0.3, false));
    expect(p.thisGoal).toBe(gasTScoreOrBlank([1, -2], [6, 1], 0.3, false));
    expect(p.everyGoal).toBe(gasTScoreOrBlank([1, 1], [6, 1], 0.3, false));
    expect(p.problem).toBeNull();
  });
  it('is empty with no scaled goal', () => {
    expect(tPreview([], '', 0, 0.3)).toEqual({ goals: 0, baseline: null, thisGoal: null, everyGoal: null, problem: null });
  });
});
