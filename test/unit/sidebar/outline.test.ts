// The one numbering rule (sidebar/model/outline.ts): goals 1, 2 … in row order, each followed by its objectives 1.1, 1.2 …; the same numbers on every screen, ranks never bare numbers.
import type { GoalView } from '../../../src/contract';
import { draftFromGoals } from '../../../sidebar/model/plan';
import { arrange, entryTitle, outline, outlineOf, rankLabel } from '../../../sidebar/model/outline';
import { rank } from '../../../sidebar/model/priorities';

const g = (id: string, parentId = '', title = id, status: GoalView['status'] = 'active') => ({ id, parentId, title, status }) as GoalView;

// Rows as a clinic's Goals tab may hold them: goal 2 written before goal 1's objectives.
const rows = [g('G1'), g('G2'), g('G1.O1', 'G1'), g('G2.O1', 'G2'), g('G1.O2', 'G1')];

describe('outline', () => {
  it('puts each objective under its goal, whatever the row order: objective 1.1 comes before goal 2', () => {
    expect(outline(rows).map((e) => [e.goal.id, e.label])).toEqual([
      ['G1', 'Goal 1'],
      ['G1.O1', 'Objective 1.1'],
      ['G1.O2', 'Objective 1.2'],
      ['G2', 'Goal 2'],
      ['G2.O1', 'Objective 2.1'],
    ]);
  });
  it('numbers an objective whose goal is missing as a goal of its own, after the others (nothing is hidden)', () => {
    expect(outline([g('G1'), g('X.O1', 'X')]).map((e) => [e.goal.id, e.number, e.isObjective])).toEqual([
      ['G1', '1', false],
      ['X.O1', '2', false],
    ]);
  });
  it('gives the Plan editor\u2019s order and numbering (draftFromGoals)', () => {
    const drafts = draftFromGoals(rows);
    const planOrder = drafts.flatMap((d, gi) => [[d.id, `${gi + 1}`], ...d.objectives.map((o, oi) => [o.id, `${gi + 1}.${oi + 1}`])]);
    expect(outline(rows).map((e) => [e.goal.id, e.number])).toEqual(planOrder);
  });
});

describe('outlineOf and arrange', () => {
  it('keeps whole-plan numbers when a screen shows only some goals (a retired goal keeps its place)', () => {
    const all = [g('G1', '', 'G1', 'retired'), g('G2'), g('G2.O1', 'G2'), g('G1.O1', 'G1')];
    expect(outlineOf(all, (x) => x.status === 'active').map((e) => e.label)).toEqual(['Objective 1.1', 'Goal 2', 'Objective 2.1']);
  });
  it('orders a screen\u2019s own list by the outline and keeps each item\u2019s position for its field ids', () => {
    const review = [{ goalId: 'G2' }, { goalId: 'G1.O1' }, { goalId: 'G1' }];
    const parent: Record<string, string> = { G2: '', 'G1.O1': 'G1', G1: '' };
    expect(arrange(rows, review, (r) => ({ id: r.goalId, parentId: parent[r.goalId] })).map(({ i, entry }) => [i, entry.label])).toEqual([
      [2, 'Goal 1'],
      [1, 'Objective 1.1'],
      [0, 'Goal 2'],
    ]);
  });
});

describe('labels', () => {
  it('titles an entry with its label, or the label alone while untitled', () => {
    const [first] = outline([g('G1', '', 'Sleep better')]);
    expect(entryTitle(first)).toBe('Goal 1: Sleep better');
    expect(entryTitle({ ...first, goal: { title: '  ' } })).toBe('Goal 1');
  });
  it('never shows a rank as a bare number beside a goal number', () => {
    expect(rankLabel(2)).toBe('Rank 2');
    const entries = outline(rows);
    const { ranked } = rank(entries.map((e) => e.goal), { G2: { urgency: '5', importance: '5', readiness: '5', tier: '' } }, entries);
    expect([rankLabel(ranked[0].rank), ranked[0].label]).toEqual(['Rank 1', 'Goal 2']);
  });
});
