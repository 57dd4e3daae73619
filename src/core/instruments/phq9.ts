// PHQ-9 definition (public domain, Pfizer attribution) and the optional DSM-IV depressive-syndrome algorithm.
import type { InstrumentDefinition } from './schema';

export const PHQ9: InstrumentDefinition = {
  id: 'phq9',
  name: 'PHQ-9',
  aliases: ['Patient Health Questionnaire-9', 'PHQ 9'],
  // [S8] [S12] nine items 0–3, total 0–27
  items: { count: 9, min: 0, max: 3 },
  direction: 'higher-is-worse',
  bandSchemes: [
    {
      id: 'kroenke2001',
      name: 'Kroenke 2001',
      // [S8] [S12] Kroenke, Spitzer & Williams 2001 severity bands
      source: '[S8] [S12]',
      bands: [
        { min: 0, label: 'None/minimal' },
        { min: 5, label: 'Mild' },
        { min: 10, label: 'Moderate' },
        { min: 15, label: 'Moderately severe' },
        { min: 20, label: 'Severe' },
      ],
    },
  ],
  // [S8] ≥10 identifies major depression (Kroenke 2010); 10 itself is clinical.
  cutoff: { value: 10, atCutoffIsClinical: true, clinicalLabel: 'Clinical range', nonClinicalLabel: 'Below clinical cut-off', note: 'A total of 10 or more is in the clinical range.', source: '[S8]' },
  // [S40a] programme threshold 6 points; [S9b] α 0.89 and [S40g] SD 5.5 give a JT minimum of 5.06 (§7.2)
  reliableChange: { points: 6, sd: 5.5, reliability: 0.89, note: 'Points: NHS Talking Therapies 6; JT: SD 5.5, α 0.89 (minimum 5.06).', source: '[S40a] [S9b] [S40g]' },
  // [S11] [S8] item 9 ≥1 always warrants follow-up, whatever the total
  critical: [{ item: 9, atLeast: 1, message: 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now', source: '[S11] [S8]' }],
  // [S8] no published rule; strict by default (CamCOPS needs all 9); item 9 is never prorated
  missing: { maxMissing: 0, never: [9], source: '[S8] policy' },
  // [S8] functional-difficulty question, coded 0–3, recorded but never added to the total
  extras: [{ id: 'difficulty', label: 'Functional difficulty', min: 0, max: 3, source: '[S8]' }],
  // LOINC 44261-6: PHQ-9 total score
  loinc: '44261-6',
  licence: 'Public domain: no permission required to reproduce, translate, display or distribute [S8]; keep the Pfizer attribution line [S15].',
  itemTextAllowed: true,
  itemText: {
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ],
    attribution: 'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. Copyright © 1999 Pfizer Inc. All rights reserved. Reproduced with permission.',
  },
  sources: ['[S8]', '[S9]', '[S11]', '[S12]', '[S15]'],
};

export type Phq9Syndrome = 'Major depressive syndrome' | 'Other depressive syndrome' | 'None';

/**
 * DSM-IV algorithm as in CamCOPS [S8]: items 1–2 are core; items 1–8 count at ≥2, item 9 at ≥1.
 * Needs all nine items as numbers 0–3 (validate first with the scorer).
 */
export function phq9Syndrome(items: readonly number[]): Phq9Syndrome {
  if (items.length < 9) throw new Error(`PHQ-9 syndrome needs 9 item scores; got ${items.length}`);
  // [S8] core symptoms = items 1–2 scored ≥2
  const core = (items[0] >= 2 ? 1 : 0) + (items[1] >= 2 ? 1 : 0);
  let symptoms = core;
  // [S8] other symptoms = items 3–8 scored ≥2, plus item 9 scored ≥1
  for (let i = 2; i < 8; i++) if (items[i] >= 2) symptoms++;
  if (items[8] >= 1) symptoms++;
  if (core === 0) return 'None';
  // [S8] major: ≥1 core and ≥5 in total; other: ≥1 core and 2–4 in total
  if (symptoms >= 5) return 'Major depressive syndrome';
  if (symptoms >= 2) return 'Other depressive syndrome';
  return 'None';
}
