// Specification of the NHS Talking Therapies outcome for a PHQ-9 + GAD-7 pair.
import { talkingTherapiesOutcome } from '../../../src/core/talking-therapies';

const outcome = (p0: number, p1: number, g0: number, g1: number) => talkingTherapiesOutcome(p0, p1, g0, g1).outcome;

describe('NHS Talking Therapies outcome', () => {
  test('below caseness on both at intake (PHQ-9 9, GAD-7 7) is not a case', () => {
    expect(outcome(9, 2, 7, 1)).toBe('Not a case at intake');
  });

  test('GAD-7 caseness is 8, not the screening cut-off of 10', () => {
    expect(talkingTherapiesOutcome(5, 5, 8, 8).caseAtIntake).toBe(true);
  });

  test('PHQ-9 caseness is 10', () => {
    expect(talkingTherapiesOutcome(10, 10, 0, 0).caseAtIntake).toBe(true);
  });

  test('a PHQ-9 rise of 6 is reliable deterioration', () => {
    expect(outcome(12, 18, 8, 8)).toBe('Reliable deterioration');
  });

  test('a GAD-7 rise of 4 is reliable deterioration', () => {
    expect(outcome(12, 12, 9, 13)).toBe('Reliable deterioration');
  });

  test('below caseness on both at the end with a reliable drop is reliable recovery', () => {
    expect(outcome(15, 5, 10, 5)).toBe('Reliable recovery');
  });

  test('below caseness on both without a reliable drop is recovery', () => {
    expect(outcome(10, 9, 8, 7)).toBe('Recovery');
  });

  test('a PHQ-9 drop of 6 while still a case is reliable improvement', () => {
    expect(outcome(20, 14, 12, 12)).toBe('Reliable improvement');
  });

  test('a GAD-7 drop of 4 alone is reliable improvement', () => {
    expect(outcome(15, 14, 15, 11)).toBe('Reliable improvement');
  });

  test('a PHQ-9 drop of 5 and a GAD-7 drop of 3 is no reliable change', () => {
    expect(outcome(15, 10, 10, 7)).toBe('No reliable change');
  });

  test('unverified point: a reliable drop on one measure and a reliable rise on the other reads as deterioration', () => {
    const r = talkingTherapiesOutcome(20, 14, 8, 12);
    expect([r.reliableImprovement, r.reliableDeterioration, r.outcome]).toEqual([true, true, 'Reliable deterioration']);
  });

  test('scores outside the scale are refused, naming them', () => {
    expect(() => talkingTherapiesOutcome(28, 1, 1, 1)).toThrow('PHQ-9 before must be a whole number from 0 to 27; got 28');
    expect(() => talkingTherapiesOutcome(1, 1, 1, '7')).toThrow('GAD-7 after must be a whole number from 0 to 21; got "7"');
    expect(() => talkingTherapiesOutcome(1, 1, 2.5, 1)).toThrow('GAD-7 before must be a whole number from 0 to 21; got 2.5');
  });
});
