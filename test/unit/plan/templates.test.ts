// Specification of the bundled goal-plan templates, their loader and planFromTemplate.
import * as z from 'zod/mini';
import { GAS_LEVELS } from '../../../src/core/gas-scale';
import { fieldErrors } from '../../../src/core/messages';
import { planSchema } from '../../../src/core/plan';
import { smartCheck } from '../../../src/core/smart';
import { loadTemplates, parseTemplate, planFromTemplate, planTemplateSchema, type PlanTemplate } from '../../../src/core/templates';
import { clone, readTemplateFiles, readTemplateIndex } from './fixtures';

const files = readTemplateFiles();
const index = readTemplateIndex();
const templates = loadTemplates(index, files);
const byId = (id: string): PlanTemplate => {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template "${id}"`);
  return t;
};
const allObjectives = (t: PlanTemplate) => t.goals.flatMap((g) => g.objectives);

describe('bundled templates', () => {
  test('there are at least ten, in index order, one per file', () => {
    expect(templates.length).toBeGreaterThanOrEqual(10);
    expect(templates.map((t) => t.id)).toEqual((index as { templates: string[] }).templates);
    expect(Object.keys(files).sort()).toEqual(templates.map((t) => t.id).sort());
  });

  test.each(Object.keys(files))('%s passes the plan-template schema', (id) => {
    expect(fieldErrors(z.safeParse(planTemplateSchema, files[id]))).toEqual({});
  });

  test.each(Object.keys(files))('%s has objectives that pass the SMART check with no hints', (id) => {
    for (const o of allObjectives(byId(id))) expect({ statement: o.statement, hints: smartCheck(o).hints }).toEqual({ statement: o.statement, hints: [] });
  });

  test.each([
    ['depression (behavioural activation)', 'BA', /depression/i],
    ['generalised anxiety', 'CBT', /generali[sz]ed anxiety/i],
    ['social anxiety', 'CBT', /social anxiety/i],
    ['panic', 'CBT', /panic/i],
    ['OCD (exposure and response prevention)', 'ERP', /OCD/],
    ['PTSD', 'CPT', /PTSD/],
    ['insomnia and sleep', 'CBT-I', /insomnia/i],
    ['assertiveness and relationships', 'CBT', /assertiveness/i],
    ['self-esteem and self-compassion', 'CFT', /self-compassion/i],
    ['DBT stage 1', 'DBT', /DBT stage 1/],
  ])('includes a %s template', (_topic, modality, title) => {
    expect(templates.filter((t) => title.test(t.title) && t.modality === modality)).toHaveLength(1);
  });

  test('every long-term goal has 3–5 objectives, each with five distinct graded anchors', () => {
    for (const t of templates) {
      for (const g of t.goals) {
        expect(g.objectives.length).toBeGreaterThanOrEqual(3);
        expect(g.objectives.length).toBeLessThanOrEqual(5);
        for (const o of g.objectives) expect(new Set(GAS_LEVELS.map((l) => o.gas.anchors[String(l) as '0'])).size).toBe(5);
      }
    }
  });

  test('the OCD template grades checking from 20 times a day, through 5, to none', () => {
    const anchors = allObjectives(byId('ocd-exposure-response-prevention')).map((o) => o.gas.anchors);
    const checking = anchors.find((a) => /checking/i.test(a['-2']));
    expect(checking).toBeDefined();
    expect(checking?.['-2']).toMatch(/20 or more times a day/);
    expect(checking?.['0']).toMatch(/5 times a day/);
    expect(checking?.['2']).toMatch(/no checking|none/i);
  });

  test('the DBT template orders its goals by the stage-1 hierarchy [S41a]', () => {
    expect(byId('dbt-stage-1').goals.map((g) => g.dbtTier)).toEqual(['life-threatening', 'therapy-interfering', 'quality-of-life', 'skills']);
  });

  test('templates contain no client names or dates', () => {
    for (const id of Object.keys(files)) expect(JSON.stringify(files[id])).not.toMatch(/\d{4}-\d{2}-\d{2}|"clientCode"/);
  });
});

describe('loadTemplates', () => {
  test('lists every problem with its file and dotted path', () => {
    const broken = clone(files) as Record<string, { goals: { objectives: { gas: { anchors: Record<string, string> }; deadlineWeeks: number }[] }[] }>;
    broken['ocd-exposure-response-prevention'].goals[0].objectives[1].gas.anchors['-1'] = '';
    broken['panic-disorder'].goals[1].objectives[0].deadlineWeeks = 99;
    let message = '';
    try {
      loadTemplates(index, broken);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('templates/ocd-exposure-response-prevention.json goals.0.objectives.1.gas.anchors.-1: Expected the -1 anchor (less than expected)');
    expect(message).toContain("templates/panic-disorder.json goals.1.objectives.0.deadlineWeeks: Expected an objective deadline at or before its goal's 14 weeks; got 99");
  });

  test('rejects a file missing from the index and an index entry with no file', () => {
    const { 'social-anxiety': social, ...rest } = files;
    expect(() => loadTemplates(index, rest)).toThrow('templates/index.json lists "social-anxiety" but templates/social-anxiety.json was not found');
    expect(() => loadTemplates({ templates: ['panic-disorder'] }, { 'panic-disorder': files['panic-disorder'], 'social-anxiety': social })).toThrow(
      'templates/social-anxiety.json is not listed in templates/index.json',
    );
  });

  test('rejects a template whose id differs from its file name', () => {
    const renamed = { ...(files['panic-disorder'] as object), id: 'panic' };
    expect(() => loadTemplates({ templates: ['panic-disorder'] }, { 'panic-disorder': renamed })).toThrow('expected id "panic-disorder" (its file name); got "panic"');
  });

  test('rejects a misspelt key instead of dropping it', () => {
    const typo = { ...(files['panic-disorder'] as object), measure: ['gad7'] };
    expect(() => parseTemplate(typo, 'panic-disorder.json')).toThrow(/panic-disorder\.json is not a valid plan template/);
  });
});

describe('planFromTemplate', () => {
  const plan = planFromTemplate(byId('depression-behavioural-activation'), { clientCode: 'C-0142', startDate: '2026-01-29' });

  test('makes a plan that passes planSchema', () => {
    expect(fieldErrors(z.safeParse(planSchema, plan))).toEqual({});
  });

  test('computes deadlines from the start date: 2026-01-29 + 6 weeks = 2026-03-12', () => {
    const sixWeeks = plan.goals.flatMap((g) => g.objectives).find((o) => o.statement === 'Do planned pleasant and mastery activities');
    expect(sixWeeks?.deadline).toBe('2026-03-12');
    expect(plan.goals[0].deadline).toBe('2026-04-23'); // 12 weeks
  });

  test('assigns unique ids to the plan, its goals and objectives', () => {
    const ids = [plan.id, ...plan.goals.flatMap((g) => [g.id, ...g.objectives.map((o) => o.id)])];
    expect(new Set(ids).size).toBe(ids.length);
    expect(plan.id).toBe('C-0142.depression-behavioural-activation.2026-01-29');
    expect(plan.goals[1].objectives[0].id).toBe(`${plan.id}.G2.O1`);
  });

  test('assigns ids unique across every template', () => {
    const ids = templates.flatMap((t) => {
      const p = planFromTemplate(t, { clientCode: 'AB12', startDate: '2026-01-29' });
      return [p.id, ...p.goals.flatMap((g) => [g.id, ...g.objectives.map((o) => o.id)])];
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('starts every goal and objective as active on the start date', () => {
    for (const g of plan.goals) {
      expect([g.status, g.statusDate]).toEqual(['active', '2026-01-29']);
      for (const o of g.objectives) expect([o.status, o.statusDate, o.horizon]).toEqual(['active', '2026-01-29', 'short']);
    }
  });

  test("fills each objective's category and modality from its goal and template", () => {
    for (const o of plan.goals[0].objectives) expect([o.category, o.modality]).toEqual(['mood', 'BA']);
  });

  test('makes plans from every template whose objectives pass the SMART check on the start date', () => {
    for (const t of templates) {
      const p = planFromTemplate(t, { clientCode: 'AB12', startDate: '2026-01-29' });
      for (const o of p.goals.flatMap((g) => g.objectives)) expect(smartCheck(o, '2026-01-29').hints).toEqual([]);
    }
  });

  test('uses a given plan id', () => {
    expect(planFromTemplate(byId('panic-disorder'), { clientCode: 'AB12', startDate: '2026-01-29', planId: 'PLAN-7' }).goals[0].id).toBe('PLAN-7.G1');
  });

  test('rejects a client code that is not a code', () => {
    expect(() => planFromTemplate(byId('panic-disorder'), { clientCode: 'Jane Smith', startDate: '2026-01-29' })).toThrow(/planFromTemplate: Expected a client code .*; got "Jane Smith"/);
  });

  test('rejects a start date that is not YYYY-MM-DD', () => {
    expect(() => planFromTemplate(byId('panic-disorder'), { clientCode: 'AB12', startDate: '2026-1-29' })).toThrow('planFromTemplate: Expected a start date from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got "2026-1-29"');
  });

  test('does not share objects with the template', () => {
    const t = byId('panic-disorder');
    const p = planFromTemplate(t, { clientCode: 'AB12', startDate: '2026-01-29' });
    p.goals[0].objectives[0].gas.anchors['0'] = 'changed';
    expect(t.goals[0].objectives[0].gas.anchors['0']).not.toBe('changed');
  });
});
