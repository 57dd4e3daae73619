// SRS definition: a generic four 0–10 scale entry (no wording, licensed), higher is better, alliance cut-off 36.
import type { InstrumentDefinition } from './schema';

export const SRS: InstrumentDefinition = {
  id: 'srs',
  name: 'SRS',
  aliases: ['Session Rating Scale'],
  // [S23] [S24] [S8] four scales 0–10 to 1 decimal (policy), total 0–40
  items: { count: 4, min: 0, max: 10, step: 0.1, labels: ['Scale 1', 'Scale 2', 'Scale 3', 'Scale 4'] },
  direction: 'higher-is-better',
  // [S24] [S25] "below 36" / "36 or above is positive"; [S23] says ≤36. CONTESTED at exactly 36: default "36 is not a concern".
  cutoff: {
    value: 36,
    atCutoffIsClinical: false,
    clinicalLabel: 'Possible alliance concern',
    nonClinicalLabel: 'Positive alliance',
    note: 'A total below 36 flags a possible alliance concern; exactly 36 does not (default, [S24] [S25]); a clinic may flag 36 ([S23]).',
    source: '[S23] [S24] [S25]',
  },
  // no rule found: strict
  missing: { maxMissing: 0, source: 'policy' },
  licence: '© 2002 Scott D. Miller, Barry L. Duncan & Lynn Johnson / ICCE; free only for individual practitioners on paper [S22] [S8]. Never ship item text.',
  itemTextAllowed: false,
  sources: ['[S8]', '[S22]', '[S23]', '[S24]', '[S25]'],
};
