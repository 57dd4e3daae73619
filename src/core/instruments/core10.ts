// CORE-10 definition: items 2 and 3 reversed, one missing item prorated, risk item 6 flagged, two band schemes.
import type { InstrumentDefinition } from './schema';

export const CORE10: InstrumentDefinition = {
  id: 'core10',
  name: 'CORE-10',
  aliases: ['Clinical Outcomes in Routine Evaluation 10', 'CORE 10'],
  // [S36a] ten items 0–4; clinical score = sum (10 × mean)
  items: { count: 10, min: 0, max: 4 },
  // [S8 core10.py] items 2 (support) and 3 (coping) are positively worded and reverse-scored
  reverse: [2, 3],
  direction: 'higher-is-worse',
  bandSchemes: [
    {
      id: 'core-om',
      name: 'CORE-OM style',
      // [S37a] [S37b] [S37d] default bands
      source: '[S37a] [S37b] [S37d]',
      bands: [
        { min: 0, label: 'Healthy' },
        { min: 6, label: 'Low' },
        { min: 11, label: 'Mild' },
        { min: 15, label: 'Moderate' },
        { min: 20, label: 'Moderate-to-severe' },
        { min: 25, label: 'Severe' },
      ],
    },
    {
      id: 'alternative',
      name: 'Alternative',
      // [S37c] 11–15 / 16–20 / 21–25 / 26–40; ≤10 non-clinical [S37a]
      source: '[S37c]',
      bands: [
        { min: 0, label: 'Non-clinical' },
        { min: 11, label: 'Mild' },
        { min: 16, label: 'Moderate' },
        { min: 21, label: 'Moderate-to-severe' },
        { min: 26, label: 'Severe' },
      ],
    },
  ],
  // [S37a] [S37b] [S37e] clinical cut-off 11: 11 itself is clinical (bands put 11 in "mild")
  cutoff: { value: 11, atCutoffIsClinical: true, clinicalLabel: 'Clinical range', nonClinicalLabel: 'Non-clinical range', note: 'A score of 11 or more is in the clinical range.', source: '[S37a] [S37b] [S37e]' },
  // [S37a] reliable change ≈ 6 points (secondary, citing Barkham et al.)
  reliableChange: { points: 6, source: '[S37a]' },
  // [S37a] risk item 6 reviewed on its own; [S37f] anything above zero is not low risk
  critical: [{ item: 6, atLeast: 1, message: 'CORE-10 item 6 (risk) endorsed: review risk now', source: '[S37a] [S37f]' }],
  // [S36a] [S36b] prorate only if one item is missing: 10 × total ÷ answered
  missing: { maxMissing: 1, source: '[S36a] [S36b]' },
  licence: '© CORE System Trust, CC BY-NC-ND 4.0 [S36c] [S36d]: unmodified, with the copyright line, no profit from the instrument. No item text shipped.',
  itemTextAllowed: false,
  sources: ['[S8]', '[S36a]', '[S36b]', '[S36c]', '[S37a]', '[S37b]', '[S37c]', '[S37e]'],
};
