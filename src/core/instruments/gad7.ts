// GAD-7 definition (public domain, Pfizer attribution).
import type { InstrumentDefinition } from './schema';

export const GAD7: InstrumentDefinition = {
  id: 'gad7',
  name: 'GAD-7',
  aliases: ['Generalized Anxiety Disorder-7', 'Generalised Anxiety Disorder-7', 'GAD 7'],
  // [S15] seven items 0–3, total 0–21
  items: { count: 7, min: 0, max: 3 },
  direction: 'higher-is-worse',
  bandSchemes: [
    {
      id: 'spitzer2006',
      name: 'Spitzer 2006',
      // [S8] [S15] severity bands
      source: '[S8] [S15]',
      bands: [
        { min: 0, label: 'Minimal' },
        { min: 5, label: 'Mild' },
        { min: 10, label: 'Moderate' },
        { min: 15, label: 'Severe' },
      ],
    },
  ],
  // [S8] ≥10 for generalised anxiety disorder (Spitzer 2006). NHS Talking Therapies caseness (≥8, [S40a]) lives in talking-therapies.ts.
  cutoff: { value: 10, atCutoffIsClinical: true, clinicalLabel: 'Clinical range', nonClinicalLabel: 'Below clinical cut-off', note: 'A total of 10 or more is in the clinical range.', source: '[S8]' },
  // [S40a] programme threshold 4 points; [S13] α 0.89 and [S40g] SD 4.5 give a JT minimum of 4.14 (§7.2: the two disagree at exactly 4)
  reliableChange: { points: 4, sd: 4.5, reliability: 0.89, note: 'Points: NHS Talking Therapies 4; JT: SD 4.5, α 0.89 (minimum 4.14, so 5 on whole numbers).', source: '[S40a] [S13] [S40g]' },
  // [S8] no published rule; strict by default
  missing: { maxMissing: 0, source: '[S8] policy' },
  // LOINC 70274-6: GAD-7 total score
  loinc: '70274-6',
  licence: 'Public domain, same statement as the PHQ-9 [S8]; keep the Pfizer attribution line [S15].',
  itemTextAllowed: true,
  itemText: {
    stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    items: [
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ],
    attribution: 'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. Copyright © 1999 Pfizer Inc. All rights reserved. Reproduced with permission.',
  },
  sources: ['[S8]', '[S13]', '[S15]', '[S40a]'],
};
