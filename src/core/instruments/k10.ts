// K10 definition (unrestricted use with WHO copyright and citation): Australian 1–5 scoring, ABS or CRUfAD bands.
import type { InstrumentDefinition } from './schema';

export const K10: InstrumentDefinition = {
  id: 'k10',
  name: 'K10',
  aliases: ['Kessler 10', 'Kessler Psychological Distress Scale'],
  // [S30] Australian scoring: ten items 1–5, total 10–50 (US 0–4 scoring = AU total − 10)
  items: { count: 10, min: 1, max: 5 },
  direction: 'higher-is-worse',
  // [S30] "no universally agreed categories"; ABS is the default, CRUfAD the alternative.
  bandSchemes: [
    {
      id: 'abs',
      name: 'ABS',
      // [S30] ABS 4817.0.55.001 bands
      source: '[S30]',
      bands: [
        { min: 10, label: 'Low' },
        { min: 16, label: 'Moderate' },
        { min: 22, label: 'High' },
        { min: 30, label: 'Very high' },
      ],
    },
    {
      id: 'crufad',
      name: 'CRUfAD',
      // [S30] names the table; values from [S31] (secondary), 2001 Victorian survey
      source: '[S30] [S31]',
      bands: [
        { min: 10, label: 'Likely to be well' },
        { min: 20, label: 'Mild' },
        { min: 25, label: 'Moderate' },
        { min: 30, label: 'Severe' },
      ],
    },
  ],
  // no missing-item rule found (§6.2): strict
  missing: { maxMissing: 0, source: 'policy' },
  licence: 'Available for unrestricted use; include the WHO copyright and the citation [S32].',
  itemTextAllowed: true,
  itemText: {
    stem: 'In the past 4 weeks, about how often did you feel …',
    items: [
      'tired out for no good reason?',
      'nervous?',
      'so nervous that nothing could calm you down?',
      'hopeless?',
      'restless or fidgety?',
      'so restless you could not sit still?',
      'depressed?',
      'that everything was an effort?',
      'so sad that nothing could cheer you up?',
      'worthless?',
    ],
    attribution: 'K10 © World Health Organization. Kessler RC, Andrews G, Colpe LJ, et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32:959–976.',
  },
  sources: ['[S30]', '[S31]', '[S32]'],
};
