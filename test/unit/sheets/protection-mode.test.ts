// The protection-mode decision, pure: what setup applies for each Settings value, who may relax strict, and when it must ask first.
import { afterConfirmation, decideMode, mayRelax, RELAX_PROMPT, type ModeFacts } from '../../../src/sheets/protection-mode';

const base: ModeFacts = { value: 'strict', row: 10, applied: 'strict', setBy: 'lead@x.org', owner: 'owner@x.org', me: 'sup@x.org' };

describe('decideMode', () => {
  test('"strict" (any case, spaces) is strict, whatever was applied', () => {
    expect(decideMode({ ...base, value: ' Strict ', applied: null })).toEqual({ mode: 'strict' });
  });

  test('"warning" when strict was never applied is warning, with no question', () => {
    expect(decideMode({ ...base, value: 'warning', applied: 'warning' })).toEqual({ mode: 'warning' });
  });

  test('"warning" over strict: the owner and whoever set strict are asked first; anyone else keeps strict', () => {
    expect(decideMode({ ...base, value: 'warning', me: 'OWNER@x.org' })).toEqual({ mode: 'warning', confirm: RELAX_PROMPT });
    expect(decideMode({ ...base, value: 'warning', me: 'lead@x.org' }).confirm).toBe(RELAX_PROMPT);
    const other = decideMode({ ...base, value: 'warning' });
    expect([other.mode, other.confirm, other.note]).toEqual(['strict', undefined, expect.stringContaining('only owner@x.org or lead@x.org (who set strict) may relax it')]);
  });

  test('strict set before the setter was recorded: only the owner may relax', () => {
    expect(mayRelax({ owner: 'owner@x.org', setBy: '', me: 'lead@x.org' })).toBe(false);
    expect(decideMode({ ...base, value: 'warning', setBy: '' }).note).toContain('only owner@x.org may relax it');
  });

  test('a shared drive (no owner) and an unknown user never match each other', () => {
    expect(mayRelax({ owner: '', setBy: '', me: '' })).toBe(false);
  });

  test('a typo, a blank or a missing row never relaxes strict; each note says what was found', () => {
    expect(decideMode({ ...base, value: 'strcit' })).toEqual({ mode: 'strict', note: expect.stringContaining('Settings row 10 ("Protection mode") holds "strcit"') });
    expect(decideMode({ ...base, value: '' }).note).toContain('Settings row 10 ("Protection mode") is blank');
    expect(decideMode({ ...base, value: undefined, row: null }).note).toContain('Settings had no "Protection mode" row');
  });

  test('with nothing strict applied, blank or missing is the default (warning) and a typo stops setup', () => {
    expect(decideMode({ ...base, value: '', applied: null })).toEqual({ mode: 'warning' });
    expect(decideMode({ ...base, value: undefined, row: null, applied: 'warning' })).toEqual({ mode: 'warning' });
    expect(decideMode({ ...base, value: 'strcit', applied: 'warning' }).stop).toBe('Settings row 10 ("Protection mode") holds "strcit"; expected "warning" or "strict". Set up wrote nothing: type warning or strict there and run Set up this spreadsheet again.');
  });
});

describe('afterConfirmation', () => {
  const ask = decideMode({ ...base, value: 'warning', me: 'owner@x.org' });

  test('Yes relaxes', () => {
    expect(afterConfirmation(ask, true)).toEqual({ mode: 'warning', note: undefined });
  });

  test('No keeps strict and says so', () => {
    expect(afterConfirmation(ask, false)).toEqual({ mode: 'strict', note: expect.stringMatching(/^Protection mode stays strict: relaxing to warning was not confirmed/) });
  });
});
