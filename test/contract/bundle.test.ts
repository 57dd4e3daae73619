// Contract: dist/ is exactly what clasp pushes, and it loads and exposes every entry point in a bare Apps Script-like V8.
import * as acorn from 'acorn';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { HyperFormula } from 'hyperformula';
import * as preact from 'preact';
import * as preactHooks from 'preact/hooks';
import * as preactJsx from 'preact/jsx-runtime';
import { DIST, ENTRIES, ROOT, SERVICE_NAMES, loadCode, readDist } from './dist';

const code = readDist('Code.js');
const sidebar = readDist('Sidebar.html');
const screensPart = readDist('SidebarScreens.html');

describe('dist/ artefacts', () => {
  test('dist holds exactly Code.js, Sidebar.html, SidebarScreens.html (the screens part getSidebarScreens reads), Templates.html (the template library getTemplate reads) and appsscript.json', () => {
    expect(fs.readdirSync(DIST).sort()).toEqual(['Code.js', 'Sidebar.html', 'SidebarScreens.html', 'Templates.html', 'appsscript.json']);
  });

  test('prints the byte sizes of Code.js and Sidebar.html', () => {
    const sizes = { code_js_bytes: Buffer.byteLength(code), sidebar_html_bytes: Buffer.byteLength(sidebar), sidebar_screens_bytes: Buffer.byteLength(screensPart) };
    console.log(`dist sizes: Code.js ${sizes.code_js_bytes} B, Sidebar.html ${sizes.sidebar_html_bytes} B, SidebarScreens.html ${sizes.sidebar_screens_bytes} B`);
    expect(sizes.code_js_bytes).toBeGreaterThan(0);
  });

  // Every custom-function cell loads the whole file. The foundation's budget was 150 KB; local names are now shortened
  // (function names kept for stack traces), which took the bundle from 257 KB to 221 KB. Correct/void, reads that follow the
  // client and clinic-defined instruments took it to 293 KB (issue 16's note); tasks, the progress report and form import
  // (issue 15) to 334 KB: the budget is 352 KB until the bundle is split or trimmed (the custom functions need little of it);
  // the bench reports the figure (code_js_bytes) on every run.
  test('Code.js stays under its 352 KB budget, since every custom-function cell loads it', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(352 * 1024);
  });

  test('an error thrown inside Code.js names the functions it passed through (Apps Script shows only the stack)', () => {
    const ctx = loadCode() as unknown as Record<string, (...args: unknown[]) => unknown>;
    let stack = '';
    try {
      ctx.GAS_TSCORE([['x']]);
    } catch (e) {
      stack = String((e as Error).stack);
    }
    // Local bindings are shortened; keepNames keeps each function's own name, which V8 prints.
    expect(stack).toMatch(/at gasLevel \(Code\.js:\d+/);
    expect(stack).toMatch(/at gasTScore \(Code\.js:\d+/);
  });

  test('appsscript.json in dist is the manifest at the root', () => {
    expect(readDist('appsscript.json')).toBe(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8'));
  });
});

describe('Code.js as an Apps Script V8 file', () => {
  test('parses as a classic ES2020 script (no import/export, no post-ES2020 syntax)', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  test('the syntax gate rejects what Apps Script would reject', () => {
    for (const bad of ['export function f() {}', 'class A { x = 1 }', 'class A { #p; }', 'a ??= 1;', 'import x from "y";']) {
      expect(() => acorn.parse(bad, { ecmaVersion: 2020, sourceType: 'script' })).toThrow();
    }
  });

  test('evaluates in a context with no require, module, process, Buffer, setTimeout, fetch, URL or TextEncoder', () => {
    const ctx = loadCode();
    for (const name of ['require', 'module', 'process', 'Buffer', 'setTimeout', 'fetch', 'URL', 'TextEncoder']) {
      expect(vm.runInContext(`typeof ${name}`, ctx)).toBe('undefined');
    }
  });

  test('loading it calls no service', () => {
    const log: string[] = [];
    loadCode({}, log);
    expect(log).toEqual([]);
  });

  test('never mentions UrlFetchApp', () => {
    expect(code).not.toContain('UrlFetchApp');
  });
});

describe('entry points', () => {
  const ctx = loadCode();

  test('every name in the entry-point list is a top-level function', () => {
    for (const e of ENTRIES) expect([e.name, typeof ctx[e.name]]).toEqual([e.name, 'function']);
  });

  test('no entry point name ends in "_" (Apps Script would hide it)', () => {
    expect(ENTRIES.filter((e) => e.name.endsWith('_'))).toEqual([]);
  });

  test('the only top-level functions are the entry points (no helper leaks into the run menu or google.script.run)', () => {
    const functions = Object.keys(ctx).filter((k) => typeof ctx[k] === 'function' && !SERVICE_NAMES.includes(k));
    expect(functions.sort()).toEqual(ENTRIES.map((e) => e.name).sort());
  });

  test('onOpen in AuthMode.NONE builds an add-on menu whose every item names a top-level function', () => {
    const items: [string, string][] = [];
    const calls: string[] = [];
    const menu = {
      addItem(label: string, fn: string) {
        items.push([label, fn]);
        return menu;
      },
      addSeparator() {
        return menu;
      },
      addToUi() {
        calls.push('addToUi');
      },
    };
    const ui = { createAddonMenu: () => (calls.push('createAddonMenu'), menu) };
    const log: string[] = [];
    const c = loadCode({ SpreadsheetApp: { getUi: () => ui } }, log);
    c.onOpen({ authMode: 'NONE' });
    expect(calls).toEqual(['createAddonMenu', 'addToUi']);
    expect(log).toEqual([]); // nothing but the menu: no properties, no sheet reads
    expect(items.map(([, fn]) => fn)).toEqual(ENTRIES.filter((e) => e.kind === 'menu').map((e) => e.name));
    for (const [, fn] of items) expect(typeof c[fn]).toBe('function');
  });

  test('onInstall builds the same menu as onOpen', () => {
    const items: string[] = [];
    const menu = { addItem: (_l: string, fn: string) => (items.push(fn), menu), addSeparator: () => menu, addToUi: () => undefined };
    const c = loadCode({ SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) } });
    c.onInstall({ authMode: 'NONE' });
    expect(items).toEqual(ENTRIES.filter((e) => e.kind === 'menu').map((e) => e.name));
  });

  test('showSidebar serves dist/Sidebar.html, a file that exists', () => {
    const opened: string[] = [];
    let shown: unknown = null;
    const output = { setTitle: () => output };
    const c = loadCode({
      HtmlService: { createHtmlOutputFromFile: (n: string) => (opened.push(n), output) },
      SpreadsheetApp: { getUi: () => ({ showSidebar: (h: unknown) => (shown = h) }) },
    });
    c.showSidebar();
    expect(opened).toEqual(['Sidebar']);
    expect(fs.existsSync(path.join(DIST, `${opened[0]}.html`))).toBe(true);
    expect(shown).toBe(output);
  });
});

describe('custom functions', () => {
  const custom = ENTRIES.filter((e) => e.kind === 'custom');
  const builtins = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));

  test('there are custom functions to check', () => {
    expect(custom.length).toBeGreaterThan(0);
  });

  test.each(custom.map((e) => e.name))('%s has its @customfunction JSDoc directly above a declaration with parameters', (name) => {
    const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
    expect(m).not.toBeNull();
    const [, jsdoc, params] = m as RegExpExecArray;
    expect(jsdoc).toContain('@customfunction');
    expect(jsdoc).toMatch(/@return/);
    expect(params.trim().length).toBeGreaterThan(0);
    for (const p of params.split(',').map((s) => s.trim())) expect(jsdoc).toMatch(new RegExp(`@param\\s+\\{[^}]*\\}\\s+\\[?${p}\\b`));
  });

  test.each(custom.map((e) => e.name))('%s clashes with no spreadsheet built-in', (name) => {
    expect(builtins.has(name)).toBe(false);
  });
});

describe('Sidebar.html', () => {
  // Issue 14 asks < 120 KB. It was 173,557 B with every screen, zod and the built-in instruments inlined; with every screen but
  // Clients in the screens part (getSidebarScreens) and no zod on the first screen it is about 51 KB. The budget leaves room for
  // a few more first-screen parts; a new screen belongs in sidebar/screens-part.ts, not here.
  test('stays under its 90 KB budget, since every sidebar opening loads and parses it before the first render', () => {
    expect(Buffer.byteLength(sidebar)).toBeLessThan(90 * 1024);
  });


  // XML namespace names are identifiers that the DOM compares as strings; nothing is ever fetched from them.
  const NAMESPACES = ['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/XML/1998/namespace'];

  test('contains no http:// or https:// reference (no CDN, no fonts, no images)', () => {
    const urls = sidebar.match(/https?:\/\/[^\s"'`)<>]*/g) ?? [];
    expect(urls.filter((u) => !NAMESPACES.includes(u))).toEqual([]);
  });

  test('inlines its script and style (no src= or href= to another file)', () => {
    expect(sidebar).not.toMatch(/<script[^>]+src=/i);
    // An empty data: favicon stops the browser asking the server for /favicon.ico; it fetches nothing.
    expect(sidebar.replace(/<link rel="icon" href="data:," \/>/, '')).not.toMatch(/<link[^>]+href=/i);
    expect(sidebar).toMatch(/<script>[\s\S]+<\/script>/);
    expect(sidebar).toMatch(/<style>[\s\S]*<\/style>/);
  });

  test('contains no "<?" that HtmlService would treat as a scriptlet', () => {
    expect(sidebar).not.toContain('<?');
  });
});

describe('SidebarScreens.html (the screens part)', () => {
  /** The script getSidebarScreens hands over, from Code.js with HtmlService reading dist/. */
  function handedOver(): string {
    const c = loadCode({ HtmlService: { createHtmlOutputFromFile: (n: string) => ({ getContent: () => readDist(`${n}.html`) }) } }) as unknown as Record<string, () => { ok: boolean; data: string }>;
    const r = c.getSidebarScreens();
    expect(r.ok).toBe(true);
    return r.data;
  }

  test('getSidebarScreens hands over a script that, given the shell\'s preact, registers every screen but Clients', () => {
    const win: Record<string, unknown> = { __attainLib: { preact, 'preact/hooks': preactHooks, 'preact/jsx-runtime': preactJsx } };
    win.window = win;
    vm.runInContext(handedOver(), vm.createContext(win), { filename: 'SidebarScreens.js' });
    const screens = win.__attainScreens as Record<string, unknown>;
    expect(Object.keys(screens).sort()).toEqual(['CheckScreen', 'ExportScreen', 'GasScreen', 'ImportScreen', 'PlanScreen', 'PrioritiesScreen', 'ProgressScreen', 'RelapsePreventionScreen', 'ReviewScreen', 'SessionScreen']);
    for (const c of Object.values(screens)) expect(typeof c).toBe('function');
  });

  test('brings no preact of its own (one preact, one hooks state: the shell\'s)', () => {
    // preact defines Component.prototype.forceUpdate (Sidebar.html has it); a second copy here would split hooks state.
    expect(handedOver()).not.toMatch(/\.prototype\.forceUpdate\s*=/);
  });

  test('contains no http:// or https:// reference and no "<?" (HtmlService scriptlet)', () => {
    expect(screensPart.match(/https?:\/\/[^\s"'`)<>]*/g) ?? []).toEqual([]);
    expect(screensPart).not.toContain('<?');
  });
});
