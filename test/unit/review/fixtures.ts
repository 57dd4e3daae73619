// Test fixtures for reviews, alerts and supervision: goals in the sheet's shape, review rows and measure series.
import type { MeasurePoint } from '../../../src/core/measure-series';
import type { ReviewableGoal } from '../../../src/core/review';

export interface SheetGoal extends ReviewableGoal {
  id: string;
  title: string;
  status: 'active' | 'achieved' | 'modified' | 'retired';
  statusDate: string;
  statusReason: string;
  baseline: -1 | -2 | null;
  weight: number | null;
}

/** Three active goals with weights 6, 4, 1 and baselines −1, −2, −1, plus one already achieved. */
export function goals(): SheetGoal[] {
  return [
    { id: 'G1', title: 'Walk after lunch 5 days a week', status: 'active', statusDate: '2026-01-10', statusReason: '', baseline: -1, weight: 6 },
    { id: 'G2', title: 'Call a friend once a week', status: 'active', statusDate: '2026-01-10', statusReason: '', baseline: -2, weight: 4 },
    { id: 'G3', title: 'Sleep by 11 pm', status: 'active', statusDate: '2026-01-10', statusReason: '', baseline: -1, weight: 1 },
    { id: 'G0', title: 'Book a GP appointment', status: 'achieved', statusDate: '2026-01-20', statusReason: 'Booked and attended', baseline: -1, weight: 2 },
  ];
}

type Row = { goalId: string; decision: string; reason?: string; gasLevel: number | null; rating: number | null; revisedObjective?: string };

/** A valid review of G1–G3 at session 4: continue, modify, achieved. */
export function review(rows?: Row[]): { clientCode: string; date: string; sessionNumber: number; goals: Row[] } {
  return {
    clientCode: 'C-0142',
    date: '2026-02-07',
    sessionNumber: 4,
    goals: rows ?? [
      { goalId: 'G1', decision: 'continue', gasLevel: 0, rating: 6 },
      { goalId: 'G2', decision: 'modify', reason: 'Friend moved away; video calls instead', gasLevel: -1, rating: 3, revisedObjective: 'Video-call a friend once a week' },
      { goalId: 'G3', decision: 'achieved', reason: 'Asleep by 11 pm on 6 of 7 nights for 3 weeks', gasLevel: 1, rating: 9 },
    ],
  };
}

/** A series of totals, one per session starting at `from` (dates a week apart from 2026-01-05). */
export function series(totals: readonly (number | null)[], from = 1, extra: Partial<MeasurePoint>[] = []): MeasurePoint[] {
  return totals.map((total, i) => {
    const session = from + i;
    const day = 5 + 7 * (session - 1);
    const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
    return { date, session, total, ...(extra[i] ?? {}) };
  });
}

/** PHQ-9 items summing to `total`, with item 9 set to `item9` (the rest spread over items 1–8). */
export function phq9Items(total: number, item9 = 0): number[] {
  const items = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    items[i] = Math.min(3, left);
    left -= items[i];
  }
  if (left !== 0) throw new Error(`cannot spread ${total} over PHQ-9 items`);
  return items;
}
