// The Review tab's stage (the chosen client's rows as FILTER spills): one FILTER per source column, each picking the client in B1
// and leaving voided rows out exactly when the source tab has the optional Voided column; every other block reads only the stage.
import { findInstrument } from '../../../src/core/instruments/registry';
import { instrumentColumns } from '../../../src/sheets/instrument-layout';
import { CLIENTS, GOALS, RATINGS, REVIEWS, SESSIONS, SETTINGS } from '../../../src/sheets/layout';
import { reviewBlocks } from '../../../src/sheets/review-dashboard-blocks';
import { CHOSEN, FIRST_ROW, STAGE_CAPTION, STAGE_ROOM, type ReviewSources } from '../../../src/sheets/review-dashboard-grid';
import type { TabLayout } from '../../../src/sheets/columns';
import { sheetRef } from '../../../src/sheets/formulas';
import type { Tab } from '../../../src/sheets/table';

/** A tab bound to its layout's columns in order, plus a trailing Voided column when `voided`. */
function tab(layout: TabLayout, voided: boolean): Tab {
  const keys = layout.columns.map((c) => c.key).filter((k) => k !== 'voided');
  const cols = new Map(keys.map((k, i) => [k, i + 1]));
  if (voided) cols.set('voided', keys.length + 1);
  return { layout, sheet: null as never, cols, missing: [], width: cols.size } as unknown as Tab;
}

function sources(voided: boolean): ReviewSources {
  const def = findInstrument('phq9');
  const phq: TabLayout = { key: 'instrument:phq9', name: def.name, columns: instrumentColumns(def) } as unknown as TabLayout;
  return {
    settings: tab(SETTINGS, false),
    clients: tab(CLIENTS, false),
    goals: tab(GOALS, false),
    sessions: tab(SESSIONS, voided),
    ratings: tab(RATINGS, voided),
    reviews: tab(REVIEWS, false),
    measures: [{ def, tab: tab(phq, voided) }],
  };
}

/** The stage's formulas (its row FIRST_ROW), and every formula of the other blocks, as placed from column J. */
function formulas(voided: boolean): { stage: string[]; others: string[] } {
  const blocks = reviewBlocks(sources(voided));
  const stage = blocks[blocks.length - 1];
  const at = stage.stageAt!(200);
  let first = 10;
  const others: string[] = [];
  for (const b of blocks.slice(0, -1)) {
    others.push(...b.cells(first, at).flat().filter((v): v is string => typeof v === 'string' && v.startsWith('=')));
    first += b.width;
  }
  return { stage: stage.cells(200, at)[FIRST_ROW - 3].filter((v): v is string => typeof v === 'string' && v.startsWith('=')), others };
}

/** The stage's FILTERs of source tabs (the spills' and the from-row cells'), each as `=FILTER(…` without its wrapper. */
const sourceFilters = (stage: string[]) => stage.map((f) => f.replace(/^=(ARRAYFORMULA\(IFNA\(|IFERROR\(LARGE\()/, '=')).filter((f) => /^=FILTER\((ROW\()?'?[^'!$]+'?!/.test(f));

test('the stage block comes last, with one spilling formula per column', () => {
  const blocks = reviewBlocks(sources(false));
  expect(blocks[blocks.length - 1].caption).toBe(STAGE_CAPTION);
  expect(formulas(false).stage.length).toBe(blocks[blocks.length - 1].width - 1);
});

test('without a Voided column the FILTERs pick the client in B1 and test no Voided cell', () => {
  const { stage } = formulas(false);
  const filters = sourceFilters(stage);
  expect(filters.length).toBeGreaterThan(0);
  for (const f of filters) {
    expect(f).toContain(`=${CHOSEN}`);
    expect(f).not.toMatch(/\$[A-Z]+:\$[A-Z]+=""/);
  }
});

test('with a Voided column every FILTER of Sessions, Ratings and the instrument tab also wants that cell blank; Reviews and Goals have none', () => {
  const { stage } = formulas(true);
  const voidedOf = (layout: TabLayout) => `${sheetRef(layout.name)}!$${String.fromCharCode(64 + layout.columns.filter((c) => c.key !== 'voided').length + 1)}:`;
  const filters = sourceFilters(stage);
  for (const f of filters) {
    const source = /^=FILTER\((?:ROW\()?'?([^'!]+)'?!/.exec(f)![1];
    if (source === 'Reviews' || source === 'Goals') expect(f).not.toMatch(/\$[A-Z]+:\$[A-Z]+=""/);
    else expect(f).toMatch(/\$[A-Z]+:\$[A-Z]+=""[,)]/);
  }
  const ratings = filters.filter((f) => f.startsWith(`=FILTER(${sheetRef('Ratings')}!`) || f.startsWith(`=FILTER(ROW(${sheetRef('Ratings')}!`));
  // Key, value and date per value (rating, GAS level), and the tab's from-row cell.
  expect(ratings.length).toBe(7);
  for (const f of ratings) expect(f).toContain(`${voidedOf(RATINGS)}`);
});

test('no table cell reads a source tab\u2019s whole column with a criterion: only the stage does', () => {
  const { others } = formulas(false);
  const criteria = /\b(SUMIFS?|COUNTIFS?|MINIFS|MAXIFS)\((?:'[^']+'|Sessions|Ratings|Reviews)!/;
  expect(others.filter((f) => criteria.test(f))).toEqual([]);
});

test('every spill of the stage is blank when nothing matches, through IFNA: FILTER\u2019s no-match #N/A only, other errors still show', () => {
  const { stage } = formulas(false);
  const spills = stage.filter((f) => /\b(FILTER|SORT)\(/.test(f) && !f.startsWith('=IFERROR(LARGE('));
  expect(spills.length).toBeGreaterThan(0);
  for (const f of spills) expect(f).toMatch(/^=ARRAYFORMULA\(IFNA\(.*,""\)\)$/);
});

test(`every source FILTER of the stage but the client's goals (tens of rows) keeps the rows from its from-row cell on, so no spill outgrows the tab`, () => {
  const { stage } = formulas(true);
  const spills = sourceFilters(stage).filter((f) => !f.startsWith('=FILTER(ROW(') && !f.startsWith(`=FILTER(${sheetRef('Goals')}!`));
  expect(spills.length).toBeGreaterThan(0);
  for (const f of spills) expect(f).toMatch(/,ROW\([^)]+\)>=\$[A-Z]+\$8\),""\)\)$/);
  const froms = stage.filter((f) => f.startsWith('=IFERROR(LARGE('));
  expect(froms.length).toBeGreaterThan(0);
  for (const f of froms) expect(f).toMatch(new RegExp(`,${STAGE_ROOM}\\),0\\)$`));
});
