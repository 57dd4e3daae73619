// Core's correct-never-erase rules: a row is live when its Voided cell is blank, the Voided words, a retry recognised by its words, and the row a request means found by identity (never a guess).
import * as z from 'zod/mini';
import { findRecordRow, isLiveRow, sameAmendment, voidedText, voidRecordSchema, type RecordRef } from '../../../src/core/corrections';

const ref: RecordRef = { kind: 'rating', instrument: null, row: 5, date: '2026-01-12', session: 1, goalId: 'G1' };
const row = (r: number, over: Partial<{ client: string; date: string; session: number; goalId: string; voided: string }> = {}) => ({ row: r, client: 'C-0001', date: '2026-01-12', session: 1, goalId: 'G1', voided: '', ...over });

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
