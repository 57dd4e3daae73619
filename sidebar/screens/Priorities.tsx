// Priority matrix screen: urgency, importance, readiness (1–5) and DBT tier per goal, a live ranked list (tier first, then product) and a 5×5 urgency × importance grid; saves via savePriorities.
import { useState } from 'preact/hooks';
import { DBT_TIERS } from '../../src/core/vocabularies';
import type { ClientDetail } from '../../src/contract';
import { rangeOptions, SelectField } from '../components/Field';
import { focusErrors, SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { describePath } from '../errors';
import { useAction } from '../hooks/useAction';
import type { PriorityDraft } from '../hooks/usePriorityDraft';
import { EMPTY_ROW, goalTitle, rank, TIER_LABELS, toPrioritiesInput, type PriorityRow, type Ranked } from '../model/priorities';
import { call } from '../rpc';
import { entryTitle, outlineOf, rankLabel } from '../model/outline';

const P = 'priority';

export function PrioritiesScreen({ detail, draft, onSaved }: { detail: ClientDetail; draft: PriorityDraft; onSaved(detail: ClientDetail): void }) {
  const save = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const code = detail.client.code;
  // Grouped and numbered as on every screen ("Objective 1.1" under "Goal 1"); a rank always reads "Rank n".
  const entries = outlineOf(detail.goals, (g) => g.status === 'active');
  const goals = entries.map((e) => e.goal);
  const { ranked, unrated } = rank(goals, draft.rows, entries);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const { input, remap } = toPrioritiesInput(code, goals, draft.rows);
    const items = input.items;
    const data = await save.run((requestId) => call('savePriorities', { ...input, requestId }), remap);
    if (data !== undefined) {
      draft.markSaved();
      setSaved(`Saved priorities for ${items.length} goal${items.length === 1 ? '' : 's'}.${unrated.length > 0 ? ` ${unrated.length} unrated goal${unrated.length === 1 ? ' was' : 's were'} left out.` : ''}`);
      onSaved(data);
    } else {
      focusErrors(P);
    }
  };

  return (
    <section aria-labelledby="priority-h">
      <ScreenHeading id="priority-h">Priorities for {code}</ScreenHeading>
      <p class="notice notice-info small" id="priority-rule">
        <strong>Safety targets (life-threatening) always come first, whatever the numbers.</strong>
      </p>
      <p class="muted small" id="priority-scale-hint">
        Rate each 1–5 (5 = most urgent, most important, most ready). Ranking: DBT tier first, then urgency × importance × readiness.
      </p>
      {goals.length === 0 ? <p class="muted">No active goals yet: write them on the Plan screen.</p> : null}
      <form onSubmit={submit} noValidate id={`${P}-form`} tabIndex={-1}>
        {goals.map((g, i) => {
          const row = draft.rows[g.id] ?? EMPTY_ROW;
          const base = `${P}-items-${i}`;
          const err = (k: string) => save.errors[`items.${i}.${k}`];
          const scale = (k: 'urgency' | 'importance' | 'readiness', label: string) => (
            <SelectField id={`${base}-${k}`} class="field-inline" label={label} value={row[k]} onChange={(v) => draft.set(g.id, { [k]: v })} options={rangeOptions(1, 5)} placeholder="—" error={err(k)} describedBy="priority-scale-hint" />
          );
          return (
            <fieldset key={g.id} class={`card ${entries[i].isObjective ? 'outline-objective' : ''}`}>
              <legend>{entryTitle(entries[i])}</legend>
              {scale('urgency', 'Urgency')}
              {scale('importance', 'Importance')}
              {scale('readiness', 'Readiness')}
              <SelectField id={`${base}-tier`} label="DBT tier" value={row.tier} onChange={(v) => draft.set(g.id, { tier: v as PriorityRow['tier'] })} options={DBT_TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] ?? t }))} placeholder="None" error={err('tier')} />
            </fieldset>
          );
        })}

        <h3 id="priority-ranked-h">Ranked</h3>
        <div aria-live="polite" id="priority-ranked">
          {ranked.length === 0 ? (
            <p class="muted">Rate urgency, importance and readiness to rank a goal.</p>
          ) : (
            <ol class="ranked ranked-words" aria-labelledby="priority-ranked-h">
              {ranked.map((r) => (
                <li key={r.goal.id}>
                  <span class="outline-number">{rankLabel(r.rank)}</span> · {r.label}: <span class="ranked-title">{goalTitle(r.goal, r.n)}</span>{' '}
                  {r.row.tier ? <span class={`tag ${r.row.tier === 'life-threatening' ? 'tag-safety' : ''}`}>{TIER_LABELS[r.row.tier] ?? r.row.tier}</span> : null}{' '}
                  <span class="muted small">
                    {r.row.urgency}×{r.row.importance}×{r.row.readiness} = {r.score}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {unrated.length > 0 ? <p class="muted small">Not yet rated: {unrated.map((u) => u.label).join(', ')}.</p> : null}
        </div>
        <p class="muted small">Note: the product favours balanced ratings: 3×3×3 = 27 ranks above 5×5×1 = 25, so an urgent, important goal the client is not ready for can sit lower.</p>

        <Grid ranked={ranked} />

        <SaveFooter prefix={P} action={save} describe={describePath} saved={saved} label="Save priorities">
          {draft.dirty ? <span class="muted small">Unsaved changes</span> : null}
        </SaveFooter>
      </form>
    </section>
  );
}

/** 5×5 grid: urgency rows (5 at the top) × importance columns; each cell lists the goals placed there by number. */
function Grid({ ranked }: { ranked: Ranked[] }) {
  const levels = [1, 2, 3, 4, 5];
  return (
    <table class="grid" id="priority-grid">
      <caption>Urgency × importance: goal and objective numbers (1, 1.1)</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="sr-only">Urgency by importance</span>U \ I
          </th>
          {levels.map((i) => (
            <th scope="col" key={i}>
              <span class="sr-only">Importance </span>
              {i}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...levels].reverse().map((u) => (
          <tr key={u}>
            <th scope="row">
              <span class="sr-only">Urgency </span>
              {u}
            </th>
            {levels.map((i) => {
              const here = ranked.filter((r) => Number(r.row.urgency) === u && Number(r.row.importance) === i);
              const heat = u + i >= 9 ? 'hot' : u + i >= 7 ? 'warm' : '';
              return (
                <td key={i} class={heat} data-u={u} data-i={i}>
                  {here.length === 0 ? null : here.map((r) => r.number).join(' ')}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
