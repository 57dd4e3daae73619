// The line-preserving compaction of Code.js: same tokens, same line breaks, same behaviour.
import vm from 'node:vm';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compactLines } = require('../../../scripts/lib/compact.js');

const run = (code: string) => vm.runInNewContext(code);

test('keeps every line break, so automatic semicolon insertion reads the code the same way', () => {
  const code = 'function f() {\n  return\n  42;\n}\nf();';
  expect(compactLines(code)).toBe('function f(){\nreturn\n42;\n}\nf();\n');
  expect(run(compactLines(code))).toBe(run(code));
});

test('keeps the spaces that separate words and doubled signs', () => {
  const code = 'var a = 1, b = 2;\nvar c = a + +b - -a;\ntypeof c + " " + (a / 1 / 2);';
  expect(run(compactLines(code))).toBe(run(code));
  expect(compactLines(code)).toContain('a+ +b- -a');
});

test('drops indentation and comments but keeps strings, regular expressions and names', () => {
  const code = '// a comment\nfunction   scoreTotal ( items ) {\n    /* why */ return items.filter(function (x) { return /a b/.test(x) }).join("  two  spaces ");\n}\nscoreTotal(["a b", "c"]);';
  const out = compactLines(code);
  expect(out).not.toContain('comment');
  expect(out).toContain('function scoreTotal(items){');
  expect(out).toContain('"  two  spaces "');
  expect(run(out)).toBe(run(code));
});

test('refuses code that is not an ES2020 classic script', () => {
  expect(() => compactLines('export const a = 1;')).toThrow();
});

test('leaves template literals exactly as written, even where a word meets ${', () => {
  const code = 'const range = `1\\u2013${max}`;\nconst msg = `Expected ${what} as text of 1–${max} ${"x"}`;\n';
  const out = compactLines(code);
  expect(out).toContain('`1\\u2013${max}`');
  expect(out).toContain('`Expected ${what} as text of 1–${max} ${"x"}`');
  const run = (src: string) => new Function('max', 'what', `${src}; return [range, msg];`)(5, 'it');
  expect(run(out)).toEqual(run(code));
});
