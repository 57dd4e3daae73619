// Settings that wait for setup: only setup-only keys, compared with what setup applied as text (case-blind), blank kept apart from never applied.
import { appliedText, appliesAtSetup, parseApplied, pendingSetup } from '../../../src/sheets/settings';

describe('pendingSetup', () => {
  test('lists setup-only settings whose value differs from the applied record, by label', () => {
    const raw = { 'protection.mode': 'strict', supervisors: 'a@x.org', 'instrument.pcl5': true, 'review.everySessions': 6 };
    const applied = { 'protection.mode': 'warning', supervisors: '(none)', 'instrument.pcl5': 'FALSE' };
    expect(pendingSetup(raw, applied)).toEqual(['Protection mode', 'Supervisors', 'Use PCL-5']);
  });

  test('nothing pending when equal (ignoring case and spaces), when nothing was recorded, or for settings that apply at once', () => {
    expect(pendingSetup({ 'protection.mode': ' Strict ', supervisors: '', 'instrument.phq9': true }, { 'protection.mode': 'strict', supervisors: '(none)', 'instrument.phq9': 'TRUE' })).toEqual([]);
    expect(pendingSetup({ supervisors: 'a@x.org' }, {})).toEqual([]);
    expect(appliesAtSetup('review.everySessions')).toBe(false);
  });

  test('applied text: checkboxes TRUE/FALSE, blank "(none)"; an unreadable record counts as none', () => {
    expect([appliedText(true), appliedText(false), appliedText(''), appliedText(undefined), appliedText(' a@x.org ')]).toEqual(['TRUE', 'FALSE', '(none)', '(none)', 'a@x.org']);
    expect([parseApplied(null), parseApplied('{oops'), parseApplied('[1]')]).toEqual([{}, {}, {}]);
  });
});
