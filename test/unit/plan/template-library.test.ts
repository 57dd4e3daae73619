// The bundled template library: every templates/*.json listed in templates/index.json loads through core's schema; the picker's list and one template handed over agree with it.
import fs from 'node:fs';
import path from 'node:path';
import { bundledTemplate, bundledTemplates, templateList } from '../../../src/core/template-library';

const dir = path.resolve(__dirname, '..', '..', '..', 'templates');

test('the library holds every template the index lists, in index order', () => {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const ids: string[] = Array.isArray(index) ? index : index.templates;
  expect(bundledTemplates().map((t) => t.id)).toEqual(ids);
});

test('every template file in templates/ is in the library', () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => f.replace(/\.json$/, '')).sort();
  expect(bundledTemplates().map((t) => t.id).sort()).toEqual(files);
});

test('the picker\u2019s unvalidated list says what the validated library says; one template is checked alone when handed over', () => {
  expect(templateList()).toEqual(bundledTemplates().map((t) => ({ id: t.id, title: t.title, description: t.description })));
  for (const t of bundledTemplates()) expect(bundledTemplate(t.id)).toEqual(t);
  expect(bundledTemplate('no-such-template')).toBeNull();
});
