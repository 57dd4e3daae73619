// Sidebar session helpers: each safety item's live warning comes from the definition's own rule, and the questions answered yes become the input's flags.
import fc from 'fast-check';
import { BUILT_IN_INSTRUMENTS } from '../../../src/core/instruments/registry';
import { criticalFlags } from '../../../src/core/instruments/score';
import type { InstrumentSummary } from '../../../src/contract';
import { itemSafetyFlag, safetyItems } from '../../../sidebar/model/measures';
import { confirming, NO_CONFIRMATIONS, sessionInput } from '../../../sidebar/model/session';
import type { SessionForm } from '../../../sidebar/hooks/useSessionDraft';

const summaries: InstrumentSummary[] = BUILT_IN_INSTRUMENTS.map((d) => ({ id: d.id, name: d.name, items: d.items.count, min: d.items.min, max: d.items.max, itemLabels: [], bandOptions: {} }));
const withSafety = summaries.filter((s) => BUILT_IN_INSTRUMENTS.find((d) => d.id === s.id)!.critical?.length);

describe('itemSafetyFlag: the warning beside a safety item', () => {
  test('the instruments with safety items are the registry’s (PHQ-9 item 9, CORE-10 item 6)', () => {
    expect(withSafety.map((s) => [s.id, safetyItems(s).map((r) => r.index + 1)])).toEqual([
      ['phq9', [9]],
      ['core10', [6]],
    ]);
  });

  test('for any answer, the item’s warning is exactly what core’s critical rule (the tab’s Safety flag column) says', () => {
    for (const inst of withSafety) {
      const def = BUILT_IN_INSTRUMENTS.find((d) => d.id === inst.id)!;
      const answer = fc.integer({ min: inst.min, max: inst.max });
      fc.assert(
        fc.property(fc.nat({ max: inst.items - 1 }), answer, (index, value) => {
          const row = new Array<number | null>(inst.items).fill(null);
          row[index] = value;
          expect(itemSafetyFlag(inst, index, String(value))).toBe(criticalFlags(def, row).join('; '));
        }),
      );
    }
  });

  test('a blank answer warns of nothing', () => {
    expect(withSafety.map((inst) => itemSafetyFlag(inst, safetyItems(inst)[0].index, ''))).toEqual(['', '']);
  });
});

describe('confirming and sessionInput: the questions answered yes are sent as the input’s flags', () => {
  const form: SessionForm = { date: '2026-11-20', clinician: 'Dr A', attended: true, note: '', ratings: {}, gas: {}, gasAnyway: false, measures: { phq9: ['1', '1', '1', '1', '1', '1', '1', '1', ''] } };

  test('nothing confirmed: no flag is sent', () => {
    const input = sessionInput('C-1', form, [], summaries, false);
    expect(input).not.toHaveProperty('confirmSameDate');
    expect(input).not.toHaveProperty('confirmFutureDate');
    expect(input.measures).toEqual([{ instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, null] }]);
  });

  test('each question key sets its own flag', () => {
    const c = ['confirmSameDate', 'confirmFutureDate', 'measures.phq9.confirmUnanswered'].reduce(confirming, NO_CONFIRMATIONS);
    const input = sessionInput('C-1', form, [], summaries, false, c);
    expect(input).toMatchObject({ confirmSameDate: true, confirmFutureDate: true, measures: [{ instrument: 'phq9', confirmUnanswered: true }] });
    expect(confirming(NO_CONFIRMATIONS, 'date')).toEqual(NO_CONFIRMATIONS);
  });
});
