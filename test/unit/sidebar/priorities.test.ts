// Sidebar priority helpers: rows from saved priorities, core's ranking over the rated goals, titles, and the savePriorities input with its error mapping.
import type { ClientDetail, GoalView } from '../../../src/contract';
import { EMPTY_ROW, goalTitle, isRated, rank, rowsFromDetail, toPrioritiesInput, type PriorityRow } from '../../../sidebar/model/priorities';

const goal = (id: string, title = id) => ({ id, title }) as GoalView;
const row = (u: string, i: string, r: string, tier: PriorityRow['tier'] = ''): PriorityRow => ({ urgency: u, importance: i, readiness: r, tier });

describe('rowsFromDetail', () => {
  it('turns saved numbers into typed text, a missing tier into none', () => {
    const detail = { priorities: [{ goalId: 'g1', urgency: 5, importance: 4, readiness: 3, tier: 'skills', score: 60, rank: 1 }] } as unknown as ClientDetail;
    expect(rowsFromDetail(detail)).toEqual({ g1: row('5', '4', '3', 'skills') });
    expect(rowsFromDetail(null)).toEqual({});
  });
});

describe('rank', () => {
  const goals = [goal('a'), goal('b'), goal('c'), goal('d')];
  it('ranks rated goals (tier first, then the product) and lists the rest as unrated', () => {
    const { ranked, unrated } = rank(goals, { a: row('3', '3', '3'), b: row('5', '5', '1'), c: row('1', '1', '1', 'life-threatening'), d: row('5', '', '5') });
    expect(ranked.map((r) => [r.goal.id, r.n, r.score, r.rank])).toEqual([
      ['c', 3, 1, 1],
      ['a', 1, 27, 2],
      ['b', 2, 25, 3],
    ]);
    expect(unrated.map((u) => u.n)).toEqual([4]);
  });
  it('treats a goal with no row as unrated', () => {
    expect(rank([goal('x')], {}).unrated).toHaveLength(1);
    expect(isRated(EMPTY_ROW)).toBe(false);
  });
});

describe('goalTitle', () => {
  it('falls back to "Goal n" for a blank title', () => {
    expect(goalTitle(goal('a', '  '), 2)).toBe('Goal 2');
    expect(goalTitle(goal('a', 'Walk'), 2)).toBe('Walk');
  });
});

describe('toPrioritiesInput', () => {
  it('sends rated goals only and maps error indices back to screen positions', () => {
    const { input, remap } = toPrioritiesInput('C-01', [goal('a'), goal('b'), goal('c')], { a: row('1', '', ''), b: row('2', '3', '4'), c: row('5', '5', '5', 'skills') });
    expect(input).toEqual({
      clientCode: 'C-01',
      items: [
        { goalId: 'b', urgency: 2, importance: 3, readiness: 4, tier: '' },
        { goalId: 'c', urgency: 5, importance: 5, readiness: 5, tier: 'skills' },
      ],
    });
    expect(remap({ 'items.0.urgency': 'u', 'items.1': 'x', 'items.7.tier': 'y', clientCode: 'z' })).toEqual({ 'items.1.urgency': 'u', 'items.2': 'x', 'items.7.tier': 'y', clientCode: 'z' });
  });
});
