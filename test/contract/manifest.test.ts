// Contract: the manifest asks for exactly the three scopes Attain argues for (README "Privacy and scopes"), and clasp pushes only dist/.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { ROOT } from './dist';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8'));

test('runs on the V8 runtime', () => {
  expect(manifest.runtimeVersion).toBe('V8');
});

test('declares an explicit time zone', () => {
  expect(typeof manifest.timeZone).toBe('string');
  expect(() => new Intl.DateTimeFormat('en', { timeZone: manifest.timeZone })).not.toThrow();
});

test('logs exceptions', () => {
  expect(manifest.exceptionLogging).toBe('STACKDRIVER');
});

test('asks for exactly spreadsheets.currentonly, script.container.ui and userinfo.email', () => {
  expect([...manifest.oauthScopes].sort()).toEqual([
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/userinfo.email',
  ]);
});

test('.clasp.json pushes from dist/', () => {
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')).rootDir).toBe('dist');
});

test('.claspignore at the root admits only the manifest, Code.js and HTML', () => {
  const lines = fs.readFileSync(path.join(ROOT, '.claspignore'), 'utf8').trim().split('\n');
  expect(lines).toEqual(['**/**', '!appsscript.json', '!Code.js', '!*.html']);
});

test('the licence is Apache-2.0', () => {
  expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toContain('Apache License');
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).license).toBe('Apache-2.0');
});

test('clasp would push exactly dist/Code.js, dist/Sidebar.html, dist/SidebarScreens.html, dist/Templates.html and dist/appsscript.json', () => {
  // show-file-status runs offline with no credentials, so an empty HOME proves no login is needed.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-clasp-'));
  const claspPkg = path.join(ROOT, 'node_modules', '@google', 'clasp', 'package.json');
  const bin = path.join(path.dirname(claspPkg), JSON.parse(fs.readFileSync(claspPkg, 'utf8')).bin.clasp);
  const out = execFileSync(process.execPath, [bin, 'show-file-status', '--json'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8' });
  const status = JSON.parse(out.trim().split('\n').pop() as string);
  expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/SidebarScreens.html', 'dist/Templates.html', 'dist/appsscript.json']);
});
