// NHS Talking Therapies (IAPT) outcome for a PHQ-9 + GAD-7 pair: caseness, reliable improvement/deterioration, recovery.
import { fail } from './errors';

// [S40a] fixed programme constants, not recomputed per service
export const TT_PHQ9_CASENESS = 10; // [S40a] PHQ-9 ≥ 10
export const TT_GAD7_CASENESS = 8; // [S40a] GAD-7 ≥ 8
export const TT_PHQ9_RELIABLE = 6; // [S40a] [S40b] [S40c] PHQ-9 change ≥ 6
export const TT_GAD7_RELIABLE = 4; // [S40a] [S40b] [S40c] GAD-7 change ≥ 4

export type TalkingTherapiesLabel = 'Not a case at intake' | 'Reliable deterioration' | 'Reliable recovery' | 'Recovery' | 'Reliable improvement' | 'No reliable change';

export interface TalkingTherapiesResult {
  caseAtIntake: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  recovery: boolean;
  reliableRecovery: boolean;
  outcome: TalkingTherapiesLabel;
}

function total(v: unknown, name: string, max: number): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= max) || v % 1 !== 0) fail(name, `a whole number from 0 to ${max}`, v);
  return v;
}

/**
 * One outcome label, the first that applies in the order of TalkingTherapiesLabel.
 * Unverified (§7.2): whether official reliable improvement also needs no reliable deterioration on the other measure.
 * Here a reliable deterioration on either measure is reported first, so a mixed change never reads as improvement or recovery.
 */
export function talkingTherapiesOutcome(phq9Before: unknown, phq9After: unknown, gad7Before: unknown, gad7After: unknown): TalkingTherapiesResult {
  const p0 = total(phq9Before, 'PHQ-9 before', 27);
  const p1 = total(phq9After, 'PHQ-9 after', 27);
  const g0 = total(gad7Before, 'GAD-7 before', 21);
  const g1 = total(gad7After, 'GAD-7 after', 21);
  // [S40a] [S40d] a case if above caseness on either measure
  const caseAtIntake = p0 >= TT_PHQ9_CASENESS || g0 >= TT_GAD7_CASENESS;
  // [S40a] decrease of ≥6 (PHQ-9) and/or ≥4 (GAD-7)
  const reliableImprovement = p0 - p1 >= TT_PHQ9_RELIABLE || g0 - g1 >= TT_GAD7_RELIABLE;
  // [S40a] deterioration: a rise by the same amounts
  const reliableDeterioration = p1 - p0 >= TT_PHQ9_RELIABLE || g1 - g0 >= TT_GAD7_RELIABLE;
  // [S40b] [S40c] [S40e] a case at intake, below caseness on both at the end
  const recovery = caseAtIntake && p1 < TT_PHQ9_CASENESS && g1 < TT_GAD7_CASENESS;
  // [S40b] reliable recovery = recovery and reliable improvement
  const reliableRecovery = recovery && reliableImprovement;
  const outcome: TalkingTherapiesLabel = !caseAtIntake
    ? 'Not a case at intake'
    : reliableDeterioration
      ? 'Reliable deterioration'
      : reliableRecovery
        ? 'Reliable recovery'
        : recovery
          ? 'Recovery'
          : reliableImprovement
            ? 'Reliable improvement'
            : 'No reliable change';
  return { caseAtIntake, reliableImprovement, reliableDeterioration, recovery, reliableRecovery, outcome };
}
