// PCL-5 definition (US Government work): total, DSM-5 clusters B–E, configurable cut-off and the DSM-5 provisional rule.
import type { InstrumentDefinition } from './schema';

export const PCL5: InstrumentDefinition = {
  id: 'pcl5',
  name: 'PCL-5',
  aliases: ['PTSD Checklist for DSM-5', 'PCL 5'],
  // [S16] twenty items 0–4, total 0–80
  items: { count: 20, min: 0, max: 4 },
  direction: 'higher-is-worse',
  // [S16] [S8] cluster scores are sums of the items in each DSM-5 cluster
  subscales: [
    { id: 'B', name: 'Intrusion', aliases: ['Cluster B'], items: [1, 2, 3, 4, 5], source: '[S16] [S8]' },
    { id: 'C', name: 'Avoidance', aliases: ['Cluster C'], items: [6, 7], source: '[S16] [S8]' },
    { id: 'D', name: 'Negative cognitions and mood', aliases: ['Cluster D', 'Cognitions and mood'], items: [8, 9, 10, 11, 12, 13, 14], source: '[S16] [S8]' },
    { id: 'E', name: 'Arousal and reactivity', aliases: ['Cluster E', 'Arousal'], items: [15, 16, 17, 18, 19, 20], source: '[S16] [S8]' },
  ],
  // [S16] "no empirically derived severity ranges", so no bands: only the cut-off.
  // [S16] [S17] 31–33 "appears to be reasonable"; [S18] single cut-point 33 → default 33, configurable 31–33; 33 itself is provisional PTSD.
  cutoff: {
    value: 33,
    atCutoffIsClinical: true,
    range: [31, 33],
    clinicalLabel: 'Provisional PTSD (cut-off)',
    nonClinicalLabel: 'Below PTSD cut-off',
    note: 'Default 33 (single cut-point [S18], top of the 31–33 range [S16] [S17]); a clinic may choose 31 or 32. 38 [S19] is not offered.',
    source: '[S16] [S17] [S18]',
  },
  // [S18] "5–10 points" is reliable change for the DSM-IV PCL; default 10 (its top, inside the 9–12 MID of [S21]); Marx 2022 [S20] 15–18 in veterans.
  reliableChange: { points: 10, note: 'Default 10: top of the 5–10 PCL-IV range [S18] and inside the 9–12 MID [S21]; veterans need 15–18 [S20].', source: '[S18] [S21] [S20]' },
  // no missing-item rule found (§4): strict
  missing: { maxMissing: 0, source: 'policy' },
  licence: 'A work of the US Government (National Center for PTSD) [S8]; item text may be shipped.',
  itemTextAllowed: true,
  itemText: {
    stem: 'In the past month, how much were you bothered by:',
    items: [
      'Repeated, disturbing, and unwanted memories of the stressful experience?',
      'Repeated, disturbing dreams of the stressful experience?',
      'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
      'Feeling very upset when something reminded you of the stressful experience?',
      'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
      'Avoiding memories, thoughts, or feelings related to the stressful experience?',
      'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
      'Trouble remembering important parts of the stressful experience?',
      'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
      'Blaming yourself or someone else for the stressful experience or what happened after it?',
      'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
      'Loss of interest in activities that you used to enjoy?',
      'Feeling distant or cut off from other people?',
      'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
      'Irritable behavior, angry outbursts, or acting aggressively?',
      'Taking too many risks or doing things that could cause you harm?',
      'Being "superalert" or watchful or on guard?',
      'Feeling jumpy or easily startled?',
      'Having difficulty concentrating?',
      'Trouble falling or staying asleep?',
    ],
    attribution: 'PCL-5 (Weathers, Litz, Keane, Palmieri, Marx & Schnurr, 2013), National Center for PTSD. Public domain (US Government work).',
  },
  sources: ['[S8]', '[S16]', '[S17]', '[S18]', '[S20]', '[S21]'],
};

/** DSM-5 provisional diagnosis: items ≥2 count; needs ≥1 B, ≥1 C, ≥2 D and ≥2 E ([S16] [S8]). */
export function pcl5ProvisionalDsm5(items: readonly number[]): boolean {
  if (items.length < 20) throw new Error(`PCL-5 DSM-5 rule needs 20 item scores; got ${items.length}`);
  const endorsed = (from: number, to: number) => {
    let n = 0;
    // [S16] an item rated 2 ("Moderately") or higher is an endorsed symptom
    for (let i = from - 1; i < to; i++) if (items[i] >= 2) n++;
    return n;
  };
  // [S16] [S8] 1 B (1–5), 1 C (6–7), 2 D (8–14), 2 E (15–20)
  return endorsed(1, 5) >= 1 && endorsed(6, 7) >= 1 && endorsed(8, 14) >= 2 && endorsed(15, 20) >= 2;
}
