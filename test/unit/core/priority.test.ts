// Specification of goal priorities: the U×I×R product and the DBT tier override.
import { dbtTierRank, priorityScore, rankPriorities } from '../../../src/core/priority';

describe('priority score', () => {
  test('urgency × importance × readiness: 5 × 4 × 3 = 60', () => {
    expect(priorityScore(5, 4, 3)).toBe(60);
  });

  test('the range is 1–125', () => {
    expect([priorityScore(1, 1, 1), priorityScore(5, 5, 5)]).toEqual([1, 125]);
  });

  test('the product quirk: (3, 3, 3) = 27 outranks (5, 5, 1) = 25', () => {
    expect(rankPriorities([{ urgency: 5, importance: 5, readiness: 1 }, { urgency: 3, importance: 3, readiness: 3 }])).toEqual([2, 1]);
  });

  test.each([[0], [6], [2.5], ['3'], ['']])('a rating of %p is refused, naming it', (v) => {
    expect(() => priorityScore(v, 3, 3)).toThrow(/^urgency must be a whole number from 1 to 5; got /);
  });
});

describe('ranking', () => {
  test('a life-threatening target with product 6 outranks a quality-of-life target with 125', () => {
    expect(
      rankPriorities([
        { urgency: 5, importance: 5, readiness: 5, tier: 'quality-of-life' },
        { urgency: 1, importance: 2, readiness: 3, tier: 'Life-threatening' },
      ]),
    ).toEqual([2, 1]);
  });

  test('tiers order life-threatening > therapy-interfering > quality-of-life > skills > none', () => {
    const g = (tier: string) => ({ urgency: 1, importance: 1, readiness: 1, tier });
    expect(rankPriorities([g(''), g('skills'), g('quality of life'), g('therapy_interfering'), g('life threatening')])).toEqual([5, 4, 3, 2, 1]);
  });

  test('within a tier the higher product ranks first', () => {
    expect(rankPriorities([{ urgency: 2, importance: 2, readiness: 2 }, { urgency: 4, importance: 4, readiness: 4 }])).toEqual([2, 1]);
  });

  test('ties keep the original order', () => {
    const g = { urgency: 2, importance: 3, readiness: 2, tier: 'skills' };
    expect(rankPriorities([g, { ...g }, { ...g }])).toEqual([1, 2, 3]);
  });

  test('an unknown tier is refused, naming it and the goal', () => {
    expect(() => rankPriorities([{ urgency: 1, importance: 1, readiness: 1, tier: 'urgent' }])).toThrow(
      'DBT tier must be one of life-threatening, therapy-interfering, quality-of-life, skills or none; got "urgent" (goal 1)',
    );
  });

  test('"none" and blank both mean no tier', () => {
    expect([dbtTierRank('none'), dbtTierRank('')]).toEqual([4, 4]);
  });
});
