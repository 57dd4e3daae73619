// Core's correct-never-erase rules: a row is live when its Voided cell is blank, the Voided words, a retry recognised by its words, and the row a request means found by identity (never a guess).
import * as z from 'zod/mini';
import { findRecordRow, isLiveRow, recordName, recordRefSchema, sameAmendment, sameRecord, voidedText, voidRecordSchema, type RecordRef } from '../../../src/core/corrections';

const ref: RecordRef = { kind: 'rating', instrument: null, row: 5, date: '2026-01-12', session: 1, goalId: 'G1' };
const row = (r: number, over: Partial<{ client: string; date: string; session: number | null; goalId: string; voided: string; source: string }> = {}) => ({ row: r, client: 'C-0001', date: '2026-01-12', session: 1, goalId: 'G1', voided: '', ...over });

describe('isLiveRow', () => {
  test('a blank, absent or spaces-only Voided cell is live', () => {
    expect([isLiveRow(''), isLiveRow(undefined), isLiveRow('  ')]).toEqual([true, true, true]);
  });
  test('any words in the Voided cell void the row', () => {
    expect(isLiveRow('Voided 2026-12-01 by a@clinic.org: wrong client')).toBe(false);
  });
});

describe('voidedText', () => {
  test('a void says when, who and why', () => {
    expect(voidedText({ date: '2026-12-01', user: 'a@clinic.org', reason: ' wrong client ' })).toBe('Voided 2026-12-01 by a@clinic.org: wrong client');
  });
  test('a correction also names the corrected row', () => {
    expect(voidedText({ date: '2026-12-01', user: 'a@clinic.org', reason: 'wrong date', correctedAt: 57 })).toBe('Corrected 2026-12-01 by a@clinic.org: wrong date; see row 57');
  });
  test('without a user address it says so rather than leaving a gap', () => {
    expect(voidedText({ date: '2026-12-01', user: '', reason: 'x' })).toBe('Voided 2026-12-01 by an unnamed user: x');
  });
});

describe('sameAmendment', () => {
  const voided = voidedText({ date: '2026-12-01', user: 'a@clinic.org', reason: 'wrong client' });
  const corrected = voidedText({ date: '2026-12-01', user: 'a@clinic.org', reason: 'wrong date', correctedAt: 57 });
  test('the same void, or the same correction, is a retry', () => {
    expect([sameAmendment(voided, false, 'wrong client'), sameAmendment(corrected, true, 'wrong date')]).toEqual([true, true]);
  });
  test('another reason, or a void where a correction was made, is not', () => {
    expect([sameAmendment(voided, false, 'other'), sameAmendment(corrected, false, 'wrong date'), sameAmendment(voided, true, 'wrong client')]).toEqual([false, false, false]);
  });
});

describe('findRecordRow', () => {
  test('the row the sidebar showed, when it still holds the record', () => {
    expect(findRecordRow([row(4), row(5)], 'c-0001', ref, false, 'r')).toEqual({ row: row(5), retry: false });
  });
  test('a row moved by hand: the one live row of the client holding the record', () => {
    expect(findRecordRow([row(5, { goalId: 'G2' }), row(6)], 'C-0001', ref, false, 'r')).toEqual({ row: row(6), retry: false });
  });
  test('a retry: the row already amended this very way', () => {
    const done = row(6, { voided: 'Voided 2026-12-01 by a@clinic.org: r' });
    expect(findRecordRow([row(5, { goalId: 'G2' }), done], 'C-0001', ref, false, 'r')).toEqual({ row: done, retry: true });
  });
  test('two live rows holding the record: refused, never guessed', () => {
    expect(findRecordRow([row(7), row(8)], 'C-0001', ref, false, 'r')).toEqual({ problem: 'ambiguous' });
  });
  test('no row holding it: refused', () => {
    expect(findRecordRow([row(5, { date: '2026-01-19' })], 'C-0001', ref, false, 'r')).toEqual({ problem: 'none' });
  });
  test('a row voided for another reason: refused with that row', () => {
    const other = row(5, { voided: 'Voided 2026-12-01 by b@clinic.org: something else' });
    expect(findRecordRow([other], 'C-0001', ref, false, 'r')).toEqual({ problem: 'voided', row: other });
  });
});

describe('voidRecordSchema', () => {
  test('a reason is required', () => {
    expect(z.safeParse(voidRecordSchema, { clientCode: 'C-0001', record: ref, reason: '  ' }).success).toBe(false);
    expect(z.safeParse(voidRecordSchema, { clientCode: 'C-0001', record: ref, reason: 'wrong client' }).success).toBe(true);
  });
});

describe('a measure completed on a form (Session blank, Source naming the response)', () => {
  const SRC = 'form:Form Responses 1!2 @ 2026-11-23 09:30:00 C-0001';
  const formRef: RecordRef = { kind: 'measure', instrument: 'phq9', row: 9, date: '2026-11-23', session: null, source: SRC };
  const formRow = (r: number, over: Parameters<typeof row>[1] = {}) => row(r, { date: '2026-11-23', session: null, goalId: '', source: SRC, ...over });

  test('the reference takes null for "no session"', () => {
    expect(z.safeParse(recordRefSchema, formRef).success).toBe(true);
  });
  test('a session number of 0 is refused: what was expected, what came, what to do', () => {
    const r = z.safeParse(recordRefSchema, { ...formRef, session: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(
      "Expected the record's session number as a whole number 1–10000, or null for a measure completed on a form (no session); got 0. Reopen the client and choose the record again",
    );
  });
  test('a blank-session row is the form record it names', () => {
    expect(sameRecord(formRow(9), 'C-0001', formRef)).toBe(true);
  });
  test("a blank-session row is never a session's record, and a session's row never the form's", () => {
    expect(sameRecord(formRow(9), 'C-0001', { ...formRef, session: 1, source: null })).toBe(false);
    expect(sameRecord(row(9, { date: '2026-11-23', goalId: '', session: 1 }), 'C-0001', formRef)).toBe(false);
  });
  test('two responses of one day are told apart by their Source', () => {
    const other = formRow(10, { source: 'form:Form Responses 1!3 @ 2026-11-23 18:02:11 C-0001' });
    expect(findRecordRow([other, formRow(11)], 'C-0001', formRef, false, 'duplicate submission')).toEqual({ row: formRow(11), retry: false });
  });
  test('it is named as completed on a form, with its date', () => {
    expect(recordName(formRef, 'PHQ-9')).toBe('PHQ-9 completed on a form (2026-11-23)');
  });
});
