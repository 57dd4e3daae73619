// WSAS definition: five items 0–8, Mundt 2002 bands, work item may be "N/A" (then only the 4-item total is reported).
import type { InstrumentDefinition } from './schema';

export const WSAS: InstrumentDefinition = {
  id: 'wsas',
  name: 'WSAS',
  aliases: ['Work and Social Adjustment Scale'],
  // [S38a] [S38b] five items 0–8, total 0–40; item 1 is work
  items: {
    count: 5,
    min: 0,
    max: 8,
    labels: ['Item 1 (work)', 'Item 2', 'Item 3', 'Item 4', 'Item 5'],
    // [S38c] the form has a "not working for reasons unrelated to the problem" box
    notApplicable: [1],
  },
  direction: 'higher-is-worse',
  // [S40a] policy (§6.5): with work N/A, report a 4-item total separately, never scaled up; the 5-item total is then blank.
  subscales: [{ id: 'no-work', name: '4-item total (work N/A)', aliases: ['4-item', 'work N/A', 'without work'], items: [2, 3, 4, 5], source: '[S40a] policy' }],
  bandSchemes: [
    {
      id: 'mundt2002',
      name: 'Mundt 2002',
      // [S38a] Mundt et al. 2002: <10 subclinical, 10–20 significant impairment, >20 moderately severe or worse
      source: '[S38a] [S38b]',
      bands: [
        { min: 0, label: 'Subclinical' },
        { min: 10, label: 'Significant functional impairment' },
        { min: 21, label: 'Moderately severe or worse' },
      ],
    },
  ],
  // no proration rule found (§6.5): strict
  missing: { maxMissing: 0, source: 'policy' },
  licence: 'Copyright © Isaac M. Marks [S8]; ask permission before shipping item text [S38a]. No item text shipped.',
  itemTextAllowed: false,
  sources: ['[S8]', '[S38a]', '[S38b]', '[S38c]', '[S40a]'],
};
