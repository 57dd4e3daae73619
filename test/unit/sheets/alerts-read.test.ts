// The alerts tab as the sidebar reads it: the Alerts cell split into alerts and kinds, and the column layout setup writes.
import { parseAlertsCell, helperLayout } from '../../../src/sheets/alerts-read';
import { findInstrument } from '../../../src/core/instruments/registry';
import { parseSettings } from '../../../src/sheets/settings';

describe('parseAlertsCell', () => {
  test('each labelled part is one alert; kinds come in the rules\u2019 order, safety first', () => {
    expect(parseAlertsCell('Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now; Reliable deterioration: PHQ-9; Review overdue')).toEqual({
      kinds: ['safety', 'reliable-deterioration', 'review-overdue'],
      alerts: ['Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now', 'Reliable deterioration: PHQ-9', 'Review overdue'],
    });
  });

  test('a flag\u2019s own "; " stays inside its alert', () => {
    expect(parseAlertsCell('Safety: item 1 endorsed; item 2 endorsed; Measure overdue')).toEqual({ kinds: ['safety', 'measure-overdue'], alerts: ['Safety: item 1 endorsed; item 2 endorsed', 'Measure overdue'] });
  });

  test('a blank cell, or one that is not text, is no alert', () => {
    expect(parseAlertsCell('')).toEqual({ kinds: [], alerts: [] });
    expect(parseAlertsCell(0)).toEqual({ kinds: [], alerts: [] });
  });
});

test('helperLayout: the columns setup writes, display first (Client … Review), then the working columns', () => {
  const { keys, headers } = helperLayout([findInstrument('phq9'), findInstrument('gad7')], parseSettings({}));
  expect(headers.slice(0, 4)).toEqual(['Client', 'Clinician', 'Sessions', 'Last session']);
  expect(keys.indexOf('alerts')).toBeLessThan(keys.indexOf('review'));
  for (const k of ['phq9.latest', 'phq9.first', 'phq9.n', 'phq9.last', 'phq9.safety', 'gad7.latest', 'gad7.last']) expect(keys).toContain(k);
});
