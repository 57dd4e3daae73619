// OQ-45.2 definition: licensed, so only a total pasted from licensed scoring (0–180); cut-off and reliable change 14.
import type { InstrumentDefinition } from './schema';

export const OQ45: InstrumentDefinition = {
  id: 'oq45',
  name: 'OQ-45',
  aliases: ['OQ-45.2', 'Outcome Questionnaire 45'],
  // [S29a] total 0–180; entered as one value from the licensed scoring ([S29c] [S29f]: do not ship items)
  items: { count: 1, min: 0, max: 180, labels: ['Total (from licensed scoring)'] },
  direction: 'higher-is-worse',
  // [S29d] Dutch Jacobson–Truax cut-off 56; the US 63/64 was not verified, so a clinic may choose 56–64.
  cutoff: {
    value: 56,
    atCutoffIsClinical: true,
    range: [56, 64],
    clinicalLabel: 'Clinical range',
    nonClinicalLabel: 'Non-clinical range',
    note: 'Default 56 (Dutch norms [S29d]); the US manual 63/64 is unverified.',
    source: '[S29d]',
  },
  // [S29b] reliable change 14+ points
  reliableChange: { points: 14, source: '[S29b]' },
  missing: { maxMissing: 0, source: 'policy' },
  licence: '© OQ Measures LLC / American Professional Credentialing Services; sealed manual licence [S29c] [S29f]. Never ship item text.',
  itemTextAllowed: false,
  sources: ['[S29a]', '[S29b]', '[S29c]', '[S29d]', '[S29f]'],
};
