// Form import's core rules: the Form links setting, which columns of a responses tab are the timestamp, code and items, answers read as scores, each response judged with its reason, safety first, and importing twice imports nothing new.
import fc from 'fast-check';
import {
  answerValue,
  detectFormColumns,
  importSummary,
  judgeResponses,
  keyOfSource,
  parseFormLinks,
  responseKey,
  sourceText,
  type FormResponse,
} from '../../../src/core/form-import';
import { findInstrument } from '../../../src/core/instruments/registry';

const PHQ9 = findInstrument('PHQ-9');
const GAD7 = findInstrument('GAD-7');
const numbered = ['Timestamp', 'Your client code', ...Array.from({ length: 9 }, (_, i) => `${i + 1}. Question ${i + 1}`)];
const clients = new Map([['c-0142', 'C-0142'], ['c-0007', 'C-0007']]);
const response = (row: number, code: string, answers: unknown[], timestamp = `2026-11-30T10:${String(row).padStart(2, '0')}:00Z`): FormResponse => ({
  row,
  timestamp,
  date: '2026-11-30',
  when: `2026-11-30 10:${String(row).padStart(2, '0')}`,
  cells: [timestamp, code, ...answers],
});
const cols = { code: 1, items: Array.from({ length: 9 }, (_, i) => i + 2) };

describe('parseFormLinks', () => {
  test('reads "<tab> = <measure>" parts separated by ";" or lines, with an optional code question', () => {
    const { links, problems } = parseFormLinks('Form Responses 1 = PHQ-9 (code: My code)\nGAD form = GAD-7');
    expect(problems).toEqual([]);
    expect(links).toEqual([{ tab: 'Form Responses 1', instrument: 'PHQ-9', codeHeader: 'My code' }, { tab: 'GAD form', instrument: 'GAD-7' }]);
  });
  test('reads configured answer texts in score order', () => {
    expect(parseFormLinks('R = PHQ-9 (answers: Not at all | Several days | More than half the days | Nearly every day)').links[0].answers).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
  });
  test('a part without "=" is a problem naming the expected shape; the good parts still count', () => {
    const { links, problems } = parseFormLinks('Form Responses 1 PHQ-9; R = GAD-7');
    expect(links).toHaveLength(1);
    expect(problems[0]).toMatch(/expected "<responses tab> = <instrument>".*got "Form Responses 1 PHQ-9"/);
  });
  test('a blank setting links nothing and is no problem', () => {
    expect(parseFormLinks('')).toEqual({ links: [], problems: [] });
  });
  test('the same responses tab linked twice is a problem', () => {
    expect(parseFormLinks('R = PHQ-9; r = GAD-7').problems[0]).toMatch(/linked twice/);
  });
});

describe('detectFormColumns', () => {
  test('finds the timestamp, the code question and the items by their numbers, whatever their order on the tab', () => {
    const header = ['Timestamp', 'Your client code', ...numbered.slice(2).reverse(), 'Anything else?'];
    const found = detectFormColumns(header, PHQ9);
    expect(found.ok && found.columns.items).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(found.ok && found.columns.code).toBe(1);
    expect(found.ok && found.columns.itemsFoundBy).toBe('number');
  });
  test('"Item 3" and "Q3" headers are item numbers too', () => {
    const found = detectFormColumns(['Timestamp', 'Client', 'Q1', 'Q2', 'Item 3', 'Q4', 'Q5', 'Q6', 'Q7'], GAD7);
    expect(found.ok && found.columns.items).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
  test("questions titled with the instrument's item wording are matched to their items", () => {
    const words = PHQ9.itemText!.items;
    const found = detectFormColumns(['Timestamp', 'Client code', ...[...words].reverse()], PHQ9);
    expect(found.ok && found.columns.itemsFoundBy).toBe('wording');
    expect(found.ok && found.columns.items[8]).toBe(2);
  });
  test('without numbers or wording, the item count of questions straight after the code question', () => {
    const found = detectFormColumns(['Timestamp', 'Code', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'Comments'], GAD7);
    expect(found.ok && found.columns.items).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(found.ok && found.columns.understood.join('\n')).toMatch(/by position/);
  });
  test('the configured code question wins over a header that merely contains "code"', () => {
    const found = detectFormColumns(['Timestamp', 'Postcode', 'ID', ...numbered.slice(2)], PHQ9, { codeHeader: 'id' });
    expect(found.ok && found.columns.code).toBe(2);
  });
  test('no code question: the problem says what to add', () => {
    const found = detectFormColumns(['Timestamp', ...numbered.slice(2)], PHQ9);
    expect(!found.ok && found.problem).toMatch(/client-code question/);
  });
  test('an item asked twice is a problem naming both columns', () => {
    const found = detectFormColumns([...numbered, '9. again'], PHQ9);
    expect(!found.ok && found.problem).toMatch(/item 9 is asked in column K .* and column L/);
  });
  test('what it understood names every column it uses', () => {
    const found = detectFormColumns(numbered, PHQ9);
    expect(found.ok && found.columns.understood).toEqual(['Timestamp: column A "Timestamp"', 'Client code: column B "Your client code"', 'PHQ-9 items 1–9: C, D, E, F, G, H, I, J, K (by the item number in each question)']);
  });
});

describe('answerValue', () => {
  test.each([
    [2, 2],
    ['2', 2],
    ['2 – More than half the days', 2],
    ['More than half the days (2)', 2],
    ['', null],
  ])('%p reads as %p', (answer, value) => expect(answerValue(answer, PHQ9)).toEqual({ value }));
  test('a configured answer text reads as its position on the scale', () => {
    expect(answerValue(' several DAYS ', PHQ9, ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'])).toEqual({ value: 1 });
  });
  test('text with no score is unreadable, shown as it came', () => {
    expect(answerValue('Sometimes', PHQ9)).toEqual({ unreadable: '"Sometimes"' });
  });
});

describe('judgeResponses', () => {
  const zeros = Array(9).fill(0);
  test('a response from a known client with every item in range imports, under the code as the Clients tab writes it', () => {
    const [v] = judgeResponses([response(2, ' c-0142 ', zeros)], cols, PHQ9, clients, new Set());
    expect(v).toMatchObject({ import: true, code: 'C-0142', reason: '', items: zeros, safety: [] });
  });
  test('an unknown code is refused with what to do', () => {
    expect(judgeResponses([response(2, 'X-9', zeros)], cols, PHQ9, clients, new Set())[0].reason).toMatch(/client code "X-9" is not on the Clients tab/);
  });
  test('an item out of range is refused naming the item and the range', () => {
    expect(judgeResponses([response(2, 'C-0142', [0, 0, 7, 0, 0, 0, 0, 0, 0])], cols, PHQ9, clients, new Set())[0].reason).toMatch(/item 3 is 7, out of range \(expected a whole number from 0 to 3\)/);
  });
  test('a missing item is refused under a strict missing-item rule', () => {
    expect(judgeResponses([response(2, 'C-0142', [0, 0, 0, '', 0, 0, 0, 0, 0])], cols, PHQ9, clients, new Set())[0].reason).toMatch(/item 4 unanswered/);
  });
  test('a response already imported is refused as such', () => {
    const r = response(2, 'C-0142', zeros);
    expect(judgeResponses([r], cols, PHQ9, clients, new Set([responseKey(r.timestamp, 'C-0142')]))[0].reason).toMatch(/^already imported/);
  });
  test('the same response twice in one batch imports once', () => {
    const r = response(2, 'C-0142', zeros);
    const v = judgeResponses([r, { ...r, row: 3 }], cols, PHQ9, clients, new Set());
    expect(v.map((x) => x.import)).toEqual([true, false]);
    expect(v[1].reason).toMatch(/same response as row 2/);
  });
  test('an endorsed safety item is reported whether or not the response imports', () => {
    const v = judgeResponses([response(2, 'C-0142', [0, 0, 0, 0, 0, 0, 0, 0, 2]), response(3, 'X-9', [0, 0, 0, 0, 0, 0, 0, 0, 1])], cols, PHQ9, clients, new Set());
    expect(v.map((x) => x.safety)).toEqual([[PHQ9.critical![0].message], [PHQ9.critical![0].message]]);
  });
  test('blank rows are skipped', () => {
    expect(judgeResponses([{ row: 2, timestamp: '', date: '', when: '', cells: ['', '', ''] }], cols, PHQ9, clients, new Set())).toEqual([]);
  });
});

describe('importSummary', () => {
  test('safety comes first, the count next, then every refused response with its reason', () => {
    const v = judgeResponses([response(2, 'C-0142', [0, 0, 0, 0, 0, 0, 0, 0, 2]), response(3, 'X-9', Array(9).fill(0))], cols, PHQ9, clients, new Set());
    const s = importSummary(PHQ9, 'Form Responses 1', v, true);
    expect(s.safety).toEqual([`SAFETY — C-0142, Form Responses 1 row 2 (2026-11-30 10:02): ${PHQ9.critical![0].message}. Imported: the PHQ-9 tab's Safety flag and the alerts show it.`]);
    expect(s.imported).toBe('Imported 1 PHQ-9 response from "Form Responses 1".');
    expect(s.rejected).toEqual([expect.stringMatching(/^Row 3 \(X-9, 2026-11-30 10:03\): client code "X-9" is not on the Clients tab/)]);
  });
});

describe('the Source cell', () => {
  test('keeps the key of the response it came from, for either kind of timestamp', () => {
    expect(keyOfSource(sourceText('Form Responses 1', 7, '2026-11-30T10:15:02Z', 'C-0142'))).toBe(responseKey('2026-11-30T10:15:02Z', 'c-0142'));
    expect(keyOfSource(sourceText('A!b', 7, '2026-11-30 10:15:02', 'C-0142'))).toBe(responseKey('2026-11-30 10:15:02', 'C-0142'));
  });
  test('a blank or hand-typed cell holds no key', () => {
    expect(keyOfSource('')).toBeNull();
    expect(keyOfSource('from paper')).toBeNull();
  });
});

describe('importing twice', () => {
  test('imports nothing new: every response the first import took is refused as already imported the second time', () => {
    // Mostly valid answers, so that many batches import something.
    const answer = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 30 }, { arbitrary: fc.constantFrom(-1, 4, '', '1 – Several days', 'Never'), weight: 1 });
    const row = fc.record({ code: fc.constantFrom('C-0142', 'c-0007 ', 'X-9', ''), answers: fc.array(answer, { minLength: 9, maxLength: 9 }), second: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const batch = rows.map((r, i) => response(i + 2, r.code, r.answers, `2026-11-30T10:00:0${r.second}Z`));
        const first = judgeResponses(batch, cols, PHQ9, clients, new Set());
        const stored = new Set(first.filter((v) => v.import).map((v) => keyOfSource(sourceText('Form Responses 1', v.row, v.timestamp, v.code))!));
        const again = judgeResponses(batch, cols, PHQ9, clients, stored);
        expect(again.filter((v) => v.import)).toEqual([]);
        // What the first import took is refused as already imported; what it refused otherwise is refused again, for the same reason.
        first.forEach((v, i) => {
          if (stored.has(responseKey(v.timestamp, v.code))) expect(again[i].reason).toMatch(/^already imported/);
          else expect(again[i].reason).toBe(v.reason);
        });
      }),
    );
  });
});
