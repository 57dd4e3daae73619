// ORS definition: a generic four 0–10 scale entry (no wording, licensed), higher is better, adult cut-off 25.
import type { InstrumentDefinition } from './schema';

export const ORS: InstrumentDefinition = {
  id: 'ors',
  name: 'ORS',
  aliases: ['Outcome Rating Scale'],
  // [S22] [S23] four 10 cm scales, each 0–10 measured to 1 decimal (policy), total 0–40
  items: { count: 4, min: 0, max: 10, step: 0.1, labels: ['Scale 1', 'Scale 2', 'Scale 3', 'Scale 4'] },
  // [S22] higher means better
  direction: 'higher-is-better',
  // [S23] [S24] [S25] adult cut-off 25. CONTESTED at exactly 25 ([S23] ≤25 clinical; [S24] ≥25 normal): default "below 25 is clinical", so 25 is not.
  cutoff: {
    value: 25,
    atCutoffIsClinical: false,
    clinicalLabel: 'Clinical range',
    nonClinicalLabel: 'Non-clinical range',
    note: 'Adults. A total below 25 is in the clinical range; exactly 25 is not (default, [S24]); a clinic may count 25 as clinical ([S23]).',
    source: '[S23] [S24] [S25]',
  },
  // [S23] reliable change ±5 points (secondary)
  reliableChange: { points: 5, source: '[S23]' },
  // no rule found: strict
  missing: { maxMissing: 0, source: 'policy' },
  licence: '© 2000 Scott D. Miller & Barry L. Duncan / ICCE; free only for individual practitioners on paper, paid licences for groups [S22] [S8]. Never ship item text.',
  itemTextAllowed: false,
  sources: ['[S8]', '[S22]', '[S23]', '[S24]', '[S25]'],
};
