// DASS-21 definition: three 7-item subscales, each sum ×2 and banded on the DASS-42 metric; no item text shipped.
import type { InstrumentDefinition } from './schema';

export const DASS21: InstrumentDefinition = {
  id: 'dass21',
  name: 'DASS-21',
  aliases: ['Depression Anxiety Stress Scales 21', 'DASS 21'],
  // [S34c] 21 items 0–3 over the past week
  items: { count: 21, min: 0, max: 3 },
  direction: 'higher-is-worse',
  // [S34c] reported as three subscales; no total is reported here
  noTotal: true,
  subscales: [
    {
      id: 'depression',
      name: 'Depression',
      aliases: ['D'],
      // [S35] item key; [S34c] sum ×2
      items: [3, 5, 10, 13, 16, 17, 21],
      multiplier: 2,
      // [S34a] severity on the ×2 (DASS-42) metric
      bands: [
        { min: 0, label: 'Normal' },
        { min: 10, label: 'Mild' },
        { min: 14, label: 'Moderate' },
        { min: 21, label: 'Severe' },
        { min: 28, label: 'Extremely severe' },
      ],
      source: '[S35] [S34c] [S34a]',
    },
    {
      id: 'anxiety',
      name: 'Anxiety',
      aliases: ['A'],
      // [S35] item key; [S34c] sum ×2
      items: [2, 4, 7, 9, 15, 19, 20],
      multiplier: 2,
      // [S34a] severity on the ×2 (DASS-42) metric
      bands: [
        { min: 0, label: 'Normal' },
        { min: 8, label: 'Mild' },
        { min: 10, label: 'Moderate' },
        { min: 15, label: 'Severe' },
        { min: 20, label: 'Extremely severe' },
      ],
      source: '[S35] [S34c] [S34a]',
    },
    {
      id: 'stress',
      name: 'Stress',
      aliases: ['S'],
      // [S35] item key; [S34c] sum ×2
      items: [1, 6, 8, 11, 12, 14, 18],
      multiplier: 2,
      // [S34a] severity on the ×2 (DASS-42) metric
      bands: [
        { min: 0, label: 'Normal' },
        { min: 15, label: 'Mild' },
        { min: 19, label: 'Moderate' },
        { min: 26, label: 'Severe' },
        { min: 34, label: 'Extremely severe' },
      ],
      source: '[S35] [S34c] [S34a]',
    },
  ],
  // the UNSW answer on missing items could not be read (§6.3): strict
  missing: { maxMissing: 0, source: 'policy' },
  licence: 'Public domain with conditions: unmodified, not sold for profit, for health professionals, with a reference to the DASS website [S33]. No item text shipped (paid add-on: grey zone).',
  itemTextAllowed: false,
  sources: ['[S33]', '[S34a]', '[S34c]', '[S35]'],
};
