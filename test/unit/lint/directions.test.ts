// Import directions are enforced by lint: for every rule in eslint.config.mjs a deliberately wrong import fails and a right one passes.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface Case {
  rule: string;
  file: string;
  code: string;
  /** Part of the expected message, or null when the import is allowed. */
  error: string | null;
}

const use = (spec: string, type = false) => `import ${type ? 'type ' : ''}{ x } from '${spec}';\nexport const y: unknown = x;\n`;

const CASES: Case[] = [
  // src/core imports nothing of ours outside core.
  { rule: 'core ↛ sheets', file: 'src/core/x.ts', code: use('../sheets/book'), error: 'src/core imports nothing' },
  { rule: 'core ↛ server', file: 'src/core/instruments/x.ts', code: use('../../server/clients'), error: 'src/core imports nothing' },
  { rule: 'core ↛ contract', file: 'src/core/x.ts', code: use('../contract', true), error: 'src/core imports nothing' },
  { rule: 'core ↛ sidebar', file: 'src/core/x.ts', code: use('../../sidebar/model/plan'), error: 'src/core imports nothing' },
  { rule: 'core → core', file: 'src/core/x.ts', code: use('./messages') + use('./instruments/score').replace(/x\b/g, 'z').replace('const y', 'const w'), error: null },
  // The contract is neutral: core types only.
  { rule: 'contract ↛ server', file: 'src/contract.ts', code: use('./server/clients', true), error: 'neutral ground' },
  { rule: 'contract ↛ sheets', file: 'src/contract.ts', code: use('./sheets/records', true), error: 'neutral ground' },
  { rule: 'contract → core', file: 'src/contract.ts', code: use('./core/vocabularies', true), error: null },
  // src/sheets imports neither the server, the sidebar nor the contract.
  { rule: 'sheets ↛ server', file: 'src/sheets/x.ts', code: use('../server/clients', true), error: 'src/sheets persists rows' },
  { rule: 'sheets ↛ contract', file: 'src/sheets/x.ts', code: use('../contract', true), error: 'src/sheets persists rows' },
  { rule: 'sheets ↛ sidebar', file: 'src/sheets/x.ts', code: use('../../sidebar/model/plan'), error: 'src/sheets persists rows' },
  { rule: 'sheets → core', file: 'src/sheets/x.ts', code: use('../core/plan-rows', true), error: null },
  // src/server never imports the sidebar; it may import the contract, sheets and core.
  { rule: 'server ↛ sidebar', file: 'src/server/x.ts', code: use('../../sidebar/model/plan'), error: 'never imports the sidebar' },
  { rule: 'server → contract', file: 'src/server/x.ts', code: use('../contract', true), error: null },
  // The sidebar never imports src/sheets, and src/server only as types.
  { rule: 'sidebar ↛ sheets', file: 'sidebar/model/x.ts', code: use('../../src/sheets/records'), error: 'never imports src/sheets' },
  { rule: 'sidebar ↛ sheets (types too)', file: 'sidebar/x.tsx', code: use('../src/sheets/records', true), error: 'never imports src/sheets' },
  { rule: 'sidebar ↛ server (value)', file: 'sidebar/screens/x.tsx', code: use('../../src/server/clients'), error: 'only as `import type`' },
  { rule: 'sidebar → server (type)', file: 'sidebar/screens/x.tsx', code: use('../../src/server/clients', true), error: null },
  { rule: 'sidebar → contract and core', file: 'sidebar/model/x.ts', code: use('../../src/contract', true) + use('../../src/core/vocabularies').replace(/x\b/g, 'z').replace('const y', 'const w'), error: null },
  // Nothing outside test/ imports from test/.
  { rule: 'src ↛ test', file: 'src/server/x.ts', code: use('../../test/unit/plan/fixtures'), error: 'test/ is for tests' },
  { rule: 'sidebar ↛ test', file: 'sidebar/model/x.ts', code: use('../../test/browser/sidebar/fixtures'), error: 'test/ is for tests' },
  { rule: 'scripts ↛ test', file: 'scripts/x.ts', code: use('../test/unit/plan/fixtures'), error: 'test/ is for tests' },
  { rule: 'emulator ↛ test', file: 'emulator/x.ts', code: use('../test/integration/x'), error: 'test/ is for tests' },
  { rule: 'test → test', file: 'test/unit/x.test.ts', code: use('./plan/fixtures'), error: null },
];

const results: string[][] = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'lint-cases.mjs'), JSON.stringify(CASES)], { cwd: root, encoding: 'utf8', timeout: 120_000 }));

describe('lint enforces every import direction', () => {
  test.each(CASES.map((c, i) => [c.rule, c, i] as const))('%s', (_rule, c, i) => {
    if (c.error === null) expect(results[i]).toEqual([]);
    else {
      expect(results[i].length).toBeGreaterThan(0);
      expect(results[i].join('\n')).toContain(c.error);
    }
  });
});
