// The bundled goal-plan templates (templates/*.json), validated by core's loader on first use; the sidebar and the preview seed use them.
import { loadTemplates, parseTemplate, type PlanTemplate } from './templates';
import index from '../../templates/index.json';
import depressionBehaviouralActivation from '../../templates/depression-behavioural-activation.json';
import generalizedAnxiety from '../../templates/generalized-anxiety.json';
import socialAnxiety from '../../templates/social-anxiety.json';
import panicDisorder from '../../templates/panic-disorder.json';
import ocdExposureResponsePrevention from '../../templates/ocd-exposure-response-prevention.json';
import ptsdCognitiveProcessing from '../../templates/ptsd-cognitive-processing.json';
import insomniaAndSleep from '../../templates/insomnia-and-sleep.json';
import assertivenessAndRelationships from '../../templates/assertiveness-and-relationships.json';
import selfEsteemAndSelfCompassion from '../../templates/self-esteem-and-self-compassion.json';
import dbtStage1 from '../../templates/dbt-stage-1.json';

const FILES: Record<string, unknown> = {
  'depression-behavioural-activation': depressionBehaviouralActivation,
  'generalized-anxiety': generalizedAnxiety,
  'social-anxiety': socialAnxiety,
  'panic-disorder': panicDisorder,
  'ocd-exposure-response-prevention': ocdExposureResponsePrevention,
  'ptsd-cognitive-processing': ptsdCognitiveProcessing,
  'insomnia-and-sleep': insomniaAndSleep,
  'assertiveness-and-relationships': assertivenessAndRelationships,
  'self-esteem-and-self-compassion': selfEsteemAndSelfCompassion,
  'dbt-stage-1': dbtStage1,
};

let cache: PlanTemplate[] | null = null;

/** Every template in index order; a broken template file fails loudly here (and in the unit tests), never silently. */
export function bundledTemplates(): PlanTemplate[] {
  if (!cache) cache = loadTemplates(index, FILES);
  return cache;
}

const word = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The picker's list (id, title, description) read straight from the files in index order, validating nothing: the sidebar
 * opens with it, so it must not pay for checking all ten templates; the chosen one is checked when handed over (bundledTemplate).
 */
export function templateList(): { id: string; title: string; description: string }[] {
  const ids = (index as { templates: string[] }).templates;
  return ids.map((id) => {
    const raw = (FILES[id] ?? {}) as Record<string, unknown>;
    return { id, title: word(raw.title) || id, description: word(raw.description) };
  });
}

/** One template by id, checked by core's schema (a broken file fails loudly); null when the library has no such id. */
export function bundledTemplate(id: string): PlanTemplate | null {
  if (cache) return cache.find((t) => t.id === id) ?? null;
  const ids = (index as { templates: string[] }).templates;
  if (!ids.includes(id) || !Object.prototype.hasOwnProperty.call(FILES, id)) return null;
  const t = parseTemplate(FILES[id], `templates/${id}.json`);
  if (t.id !== id) throw new Error(`templates/${id}.json: expected id "${id}" (its file name); got "${t.id}"`);
  return t;
}
