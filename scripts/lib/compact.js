// Line-preserving compaction of the server bundle: drops indentation, comments and spaces between tokens, keeps every name and line break.
'use strict';
const acorn = require('acorn');

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Tokens with whether a line break stood before each (line breaks steer automatic semicolon insertion). */
function tokens(code) {
  const list = [];
  acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script', onToken: list });
  const out = [];
  let prevEnd = 0;
  for (const t of list) {
    if (t.type.label === 'eof') break;
    const gap = code.slice(prevEnd, t.start).replace(/\/\*[^]*?\*\//g, (c) => (LINE_BREAK.test(c) ? '\n' : ' ')).replace(/\/\/[^\n\r\u2028\u2029]*/g, '');
    out.push({ text: code.slice(t.start, t.end), label: t.type.label, value: t.value, breakBefore: LINE_BREAK.test(gap) });
    prevEnd = t.end;
  }
  return out;
}

/** Whether two tokens written side by side would read as something else. */
function needsSpace(a, b) {
  const x = a[a.length - 1];
  const y = b[0];
  return (WORD.test(x) && WORD.test(y)) || (x === '+' && y === '+') || (x === '-' && y === '-') || (x === '/' && (y === '/' || y === '*')) || (x === '<' && y === '!') || (/[0-9]/.test(x) && y === '.') || (x === '.' && /[0-9]/.test(y));
}

/**
 * Rewrites a classic script with the same tokens and the same line breaks, and nothing else;
 * throws if re-reading the result gives any other token sequence.
 */
function compactLines(code) {
  const before = tokens(code);
  // Parts joined once: reading the last character of a string built by += flattens it every time (minutes on Code.js).
  const parts = [];
  before.forEach((t, i) => {
    // A template literal's text is written as it stands: a space beside it would become part of the string.
    const inTemplate = i > 0 && (t.label === 'template' || before[i - 1].label === 'template');
    if (i > 0) parts.push(t.breakBefore ? '\n' : !inTemplate && needsSpace(before[i - 1].text, t.text) ? ' ' : '');
    parts.push(t.text);
  });
  const out = parts.join('');
  const after = tokens(out);
  const same = after.length === before.length && after.every((t, i) => t.text === before[i].text && t.label === before[i].label && (i === 0 || t.breakBefore === before[i].breakBefore));
  if (!same) throw new Error('Compacting Code.js would change its tokens; refusing');
  return out + '\n';
}

module.exports = { compactLines, tokens };
