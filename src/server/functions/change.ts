// Change custom functions: reliable change by points, Jacobson–Truax category, raw RCI, NHS Talking Therapies outcome.
import { instrumentChangeCategory, instrumentReliableChange, rci } from '../../core/change';
import { instrumentNamed } from './instruments';
import { talkingTherapiesOutcome } from '../../core/talking-therapies';
import { elementwise, single, type Out } from './cells';

/**
 * Reliable change on an instrument's total, using its points threshold (PHQ-9 6, GAD-7 4, CORE-10 6, ORS 5, OQ-45 14, PCL-5 10).
 * @param {string} instrument Instrument name, e.g. "PHQ-9".
 * @param {number[][]} before Total(s) before.
 * @param {number[][]} after Total(s) after, same shape.
 * @return {string} "Reliable improvement", "No reliable change" or "Reliable deterioration", cell by cell.
 * @customfunction
 */
export function RELIABLE_CHANGE(instrument: unknown, before: unknown, after: unknown): Out {
  const def = instrumentNamed(single(instrument, 'instrument'));
  return elementwise([before, after], ['before', 'after'], (b, a) => instrumentReliableChange(def, b, a));
}

/**
 * Jacobson–Truax category: Recovered, Improved, Unchanged, Deteriorated or Non-reliably recovered.
 * @param {string} instrument Instrument name, e.g. "CORE-10".
 * @param {number[][]} before Total(s) before.
 * @param {number[][]} after Total(s) after, same shape.
 * @return {string} The category, cell by cell.
 * @customfunction
 */
export function CHANGE_CATEGORY(instrument: unknown, before: unknown, after: unknown): Out {
  const def = instrumentNamed(single(instrument, 'instrument'));
  return elementwise([before, after], ['before', 'after'], (b, a) => instrumentChangeCategory(def, b, a));
}

/**
 * Jacobson–Truax reliable change index: (after − before) ÷ (SD · √2 · √(1 − reliability)).
 * @param {number[][]} before Score(s) before.
 * @param {number[][]} after Score(s) after, same shape.
 * @param {number} sd Pre-treatment standard deviation (above 0).
 * @param {number} reliability Reliability (alpha or test–retest), 0 up to 1.
 * @return {number[][]} The RCI, cell by cell; |RCI| ≥ 1.96 is reliable.
 * @customfunction
 */
export function RCI(before: unknown, after: unknown, sd: unknown, reliability: unknown): Out {
  return elementwise([before, after, sd, reliability], ['before', 'after', 'sd', 'reliability'], (b, a, s, r) => rci(b as number, a as number, s as number, r as number));
}

/**
 * NHS Talking Therapies outcome for a PHQ-9 + GAD-7 pair at intake and at the end.
 * @param {number[][]} phq9_before PHQ-9 total(s) at intake.
 * @param {number[][]} phq9_after PHQ-9 total(s) at the end.
 * @param {number[][]} gad7_before GAD-7 total(s) at intake.
 * @param {number[][]} gad7_after GAD-7 total(s) at the end.
 * @return {string} Not a case at intake, Reliable deterioration, Reliable recovery, Recovery, Reliable improvement or No reliable change.
 * @customfunction
 */
export function TALKING_THERAPIES_OUTCOME(phq9_before: unknown, phq9_after: unknown, gad7_before: unknown, gad7_after: unknown): Out {
  return elementwise([phq9_before, phq9_after, gad7_before, gad7_after], ['phq9_before', 'phq9_after', 'gad7_before', 'gad7_after'], (p0, p1, g0, g1) => talkingTherapiesOutcome(p0, p1, g0, g1).outcome);
}
