// Test fixtures: a small valid plan and the bundled templates read from disk.
import fs from 'node:fs';
import path from 'node:path';
import type { Objective, Plan } from '../../../src/core/plan';

export const TEMPLATES_DIR = path.resolve(__dirname, '../../../templates');

/** Every templates/*.json except index.json, keyed by file id. */
export function readTemplateFiles(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of fs.readdirSync(TEMPLATES_DIR).filter((n) => n.endsWith('.json') && n !== 'index.json').sort()) {
    files[name.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, name), 'utf8'));
  }
  return files;
}

export function readTemplateIndex(): unknown {
  return JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'index.json'), 'utf8'));
}

export function validObjective(id = 'P1.G1.O1'): Objective {
  return {
    id,
    horizon: 'short',
    statement: 'Walk after lunch',
    type: 'process',
    domain: 'behavioral',
    behaviour: 'Walks outside for 20 minutes after lunch',
    measure: 'Walks per week, ticked in the activity diary',
    target: { value: 5, unit: 'walks per week', direction: 'at-least' },
    frequency: '5 days a week',
    deadline: '2026-03-12',
    gas: {
      anchors: { '-2': 'No walks', '-1': '1–4 walks', '0': '5 walks', '1': '6 walks', '2': '7 walks' },
      baseline: -1,
      importance: 2,
      difficulty: 3,
    },
    status: 'active',
    statusDate: '2026-01-29',
  };
}

export function validPlan(): Plan {
  return {
    id: 'P1',
    clientCode: 'C-0142',
    title: 'Depression: behavioural activation',
    startDate: '2026-01-29',
    measures: ['phq9'],
    goals: [
      {
        id: 'P1.G1',
        horizon: 'long',
        statement: 'Rebuild a daily routine',
        type: 'outcome',
        domain: 'behavioral',
        category: 'mood',
        modality: 'BA',
        values: 'Being active is what makes a day worth living',
        deadline: '2026-04-23',
        status: 'active',
        statusDate: '2026-01-29',
        objectives: [validObjective('P1.G1.O1'), validObjective('P1.G1.O2'), validObjective('P1.G1.O3')],
      },
    ],
  };
}

/** A deep copy to mutate freely in one test. */
export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
