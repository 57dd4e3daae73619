// Specification of the relapse-prevention plan: what it must hold and the printable sections, in order, it produces.
import * as z from 'zod/mini';
import { relapsePreventionPlanSchema, relapsePreventionSections, NO_GOALS_ACHIEVED, type RelapsePreventionPlan } from '../../../src/core/relapse-prevention';
import { fieldErrors } from '../../../src/core/messages';
import { goals } from './fixtures';

function plan(): RelapsePreventionPlan {
  return {
    clientCode: 'C-0142',
    date: '2026-05-01',
    whatHelped: ['Walking after lunch', 'Writing down worries and testing them'],
    warningSigns: ['Sleeping past 10 am', 'Cancelling plans with friends'],
    copingStrategies: ['Schedule one pleasant activity a day', 'Thought record when low'],
    ifTheyReturn: ['Restart the activity diary', 'Tell my partner how I am feeling'],
    contacts: [
      { who: 'GP surgery', how: 'Book via reception', when: 'if low for two weeks or more' },
      { who: 'Crisis line', how: '116 123' },
    ],
  };
}

describe('relapsePreventionPlanSchema', () => {
  test('accepts a complete plan', () => {
    expect(fieldErrors(z.safeParse(relapsePreventionPlanSchema, plan()))).toEqual({});
  });

  test('needs at least one early warning sign', () => {
    expect(fieldErrors(z.safeParse(relapsePreventionPlanSchema, { ...plan(), warningSigns: [] }))).toEqual({ warningSigns: 'Expected 1–12 early warning signs; got 0' });
  });

  test('rejects a blank line, naming what it should be', () => {
    expect(fieldErrors(z.safeParse(relapsePreventionPlanSchema, { ...plan(), copingStrategies: ['  '] }))).toEqual({ 'copingStrategies.0': 'Expected a coping strategy as text of 1–500 characters; got empty text "  "' });
  });

  test('needs at least one contact', () => {
    expect(fieldErrors(z.safeParse(relapsePreventionPlanSchema, { ...plan(), contacts: [] }))).toEqual({ contacts: 'Expected at least one contact; got 0' });
  });
});

describe('relapsePreventionSections', () => {
  test('gives the sections in print order', () => {
    expect(relapsePreventionSections(plan(), goals()).map((s) => s.heading)).toEqual([
      'Relapse-prevention plan',
      'Goals achieved',
      'What helped',
      'Early warning signs',
      'Coping strategies',
      'If difficulties return: what to do',
      'Whom to contact',
    ]);
  });

  test('lists achieved goals from their statuses, in the order achieved', () => {
    const gs = goals();
    gs[2] = { ...gs[2], status: 'achieved', statusDate: '2026-01-15' };
    expect(relapsePreventionSections(plan(), gs)[1]).toEqual({ heading: 'Goals achieved', lines: ['Sleep by 11 pm (achieved 2026-01-15)', 'Book a GP appointment (achieved 2026-01-20)'] });
  });

  test('says so when no goal is achieved', () => {
    const gs = goals().filter((g) => g.status !== 'achieved');
    expect(relapsePreventionSections(plan(), gs)[1].lines).toEqual([NO_GOALS_ACHIEVED]);
  });

  test('writes each contact as who, how and when', () => {
    expect(relapsePreventionSections(plan(), [])[6].lines).toEqual(['GP surgery: Book via reception (if low for two weeks or more)', 'Crisis line: 116 123']);
  });

  test('adds high-risk situations after the warning signs when given', () => {
    const sections = relapsePreventionSections({ ...plan(), highRiskSituations: ['Anniversary of the loss'] }, []);
    expect(sections.map((s) => s.heading).slice(3, 5)).toEqual(['Early warning signs', 'High-risk situations']);
    expect(sections[4].lines).toEqual(['Anniversary of the loss']);
  });

  test('opens with the client code and date, never a name', () => {
    expect(relapsePreventionSections(plan(), [])[0]).toEqual({ heading: 'Relapse-prevention plan', lines: ['Client: C-0142', 'Date: 2026-05-01'] });
  });

  test('throws on an invalid plan, naming each field', () => {
    expect(() => relapsePreventionSections({ ...plan(), whatHelped: [], date: 'May' }, [])).toThrow('Relapse-prevention plan is not valid: date: Expected the plan date from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got "May" | whatHelped: Expected 1–12 things that helped; got 0');
  });
});
