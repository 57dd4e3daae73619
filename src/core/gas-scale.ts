// The GAS (Goal Attainment Scaling) scale of one objective: levels −2…+2 and their labels, the anchors and scale schemas, and the Turner-Stokes weight.
import * as z from 'zod/mini';
import { text, wholeNumber } from './field-schemas';
import { expected } from './messages';

// [S1] −2 much less than expected … +2 much more than expected.
export const GAS_LEVELS = [-2, -1, 0, 1, 2] as const;
export type GasLevel = (typeof GAS_LEVELS)[number];
export const GAS_LEVEL_LABELS: Record<GasLevel, string> = {
  [-2]: 'much less than expected',
  [-1]: 'less than expected',
  [0]: 'expected outcome',
  [1]: 'more than expected',
  [2]: 'much more than expected',
};

const signed = (level: GasLevel) => `${level > 0 ? '+' : ''}${level}`;
const anchor = (level: GasLevel) => text(`the ${signed(level)} anchor (${GAS_LEVEL_LABELS[level]})`);

export const gasAnchorsSchema = z
  .object(
    { '-2': anchor(-2), '-1': anchor(-1), '0': anchor(0), '1': anchor(1), '2': anchor(2) },
    expected('five GAS anchors keyed -2, -1, 0, 1, 2'),
  )
  .check(
    z.superRefine((anchors, ctx) => {
      // Copy-pasted anchors make two levels indistinguishable at review.
      const seen = new Map<string, GasLevel>();
      for (const level of GAS_LEVELS) {
        const key = String(level) as keyof typeof anchors;
        const value = anchors[key].trim().toLowerCase();
        const earlier = seen.get(value);
        if (earlier !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], input: anchors[key], message: `Expected the ${signed(level)} anchor to differ from the ${signed(earlier)} anchor; got the same text` });
        } else seen.set(value, level);
      }
    }),
  );

export const gasScaleSchema = z.object(
  {
    anchors: gasAnchorsSchema,
    // [S2] baseline −1 when the client has some ability, −2 when none at all.
    baseline: z.literal([-1, -2], expected('a baseline of -1 (some ability) or -2 (none at all)')),
    // [S2] importance (client) and difficulty (therapist) each rated 0–3.
    importance: wholeNumber('importance', 0, 3),
    difficulty: wholeNumber('difficulty', 0, 3),
  },
  expected('a GAS scale (anchors -2…+2, baseline, importance, difficulty)'),
);

/** [S7] Turner-Stokes weight = importance × difficulty, 0–9; 0 on either scale drops the goal from the T-score. */
export function gasWeight(scale: { readonly importance: number; readonly difficulty: number }): number {
  return scale.importance * scale.difficulty;
}

export type GasAnchors = z.infer<typeof gasAnchorsSchema>;
export type GasScale = z.infer<typeof gasScaleSchema>;
