// Specification of the GAS weight: importance × difficulty, each rated 0–3 [S2][S7].
import fc from 'fast-check';
import * as z from 'zod/mini';
import { gasScaleSchema, gasWeight } from '../../../src/core/gas-scale';

const rating = fc.integer({ min: 0, max: 3 });

describe('gasWeight', () => {
  test('is importance × difficulty and lies in 0..9 for every valid scale', () => {
    fc.assert(
      fc.property(rating, rating, fc.constantFrom(-1 as const, -2 as const), (importance, difficulty, baseline) => {
        const scale = { anchors: { '-2': 'a', '-1': 'b', '0': 'c', '1': 'd', '2': 'e' }, baseline, importance, difficulty };
        expect(z.safeParse(gasScaleSchema, scale).success).toBe(true);
        const w = gasWeight(scale);
        expect(w).toBe(importance * difficulty);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(9);
      }),
    );
  });

  test('is 0 when either rating is 0, so the goal drops out of the T-score', () => {
    expect(gasWeight({ importance: 0, difficulty: 3 })).toBe(0);
    expect(gasWeight({ importance: 3, difficulty: 0 })).toBe(0);
  });
});
