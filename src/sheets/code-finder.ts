// The search for a client code's cells: the whole cell, any case, surrounding spaces allowed — how Attain compares codes — as one TextFinder.

type FinderHost = Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'createTextFinder'>;

// RE2's and JavaScript's shared syntax characters: a code is matched as the text it is, never as a pattern.
const SYNTAX = /[\\^$.|?*+()[\]{}]/g;

/** The regular expression a code's cell must match whole: the code, escaped, with any spaces around it. */
export function codePattern(code: string): string {
  return `\\s*${code.trim().replace(SYNTAX, '\\$&')}\\s*`;
}

/** A finder for `code`'s cells in `host` (a spreadsheet, tab or range): "C-1" never finds "C-10" or a note that mentions it. */
export function codeFinder(host: FinderHost, code: string): GoogleAppsScript.Spreadsheet.TextFinder {
  return host.createTextFinder(codePattern(code)).useRegularExpression(true).matchEntireCell(true);
}
