// The Review tab shows the same values as before its redesign (issue 14, Deliver 5): for every client of the preview's demo clinic,
// every displayed cell of every block (tables and the charts' tables) equals the snapshot demo-review-before.json, which was read
// with the per-cell whole-column formulas (commit 68af02b's Review layout, emulator FILTER of d331e03) before they were replaced.
// A snapshot, not the old formulas rebuilt here: the old layout is gone from src, and a copy of it in test/ would be a second truth.
import { seededDemo } from '../../../preview/seed-cache';
import before from './demo-review-before.json';
import { reviewDisplay, type ReviewDisplay } from './demo-values';

test('every demo client sees the Review values it saw before the client rows were staged', () => {
  const em = seededDemo().emulator;
  const was = before as ReviewDisplay;
  const now = reviewDisplay(em, was.columns);
  expect(Object.keys(now.clients)).toEqual(Object.keys(was.clients));
  for (const code of Object.keys(was.clients)) expect({ code, cells: now.clients[code] }).toEqual({ code, cells: was.clients[code] });
}, 1_200_000);
