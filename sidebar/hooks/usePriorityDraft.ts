// Hook holding the priority ratings being edited (urgency, importance, readiness 1–5 and DBT tier per goal), loaded from the client's saved priorities.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClientDetail } from '../../src/contract';
import { EMPTY_ROW, rowsFromDetail, type PriorityRow } from '../model/priorities';

export interface PriorityDraft {
  rows: Record<string, PriorityRow>;
  dirty: boolean;
  set(goalId: string, patch: Partial<PriorityRow>): void;
  /** Marks the current rows as saved. */
  markSaved(): void;
}

export function usePriorityDraft(code: string | null, detail: ClientDetail | null): PriorityDraft {
  const [rows, setRows] = useState<Record<string, PriorityRow>>({});
  const [dirty, setDirty] = useState(false);
  const loadedFor = useRef<string | null>(null);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  // Load once per client, and again after a reload while nothing is being edited.
  useEffect(() => {
    if (!detail || detail.client.code !== code) return;
    if (loadedFor.current !== code || !dirtyRef.current) {
      setRows(rowsFromDetail(detail));
      setDirty(false);
      loadedFor.current = code;
    }
  }, [detail, code]);
  const set = useCallback((goalId: string, patch: Partial<PriorityRow>) => {
    setRows((r) => ({ ...r, [goalId]: { ...(r[goalId] ?? EMPTY_ROW), ...patch } }));
    setDirty(true);
  }, []);
  const markSaved = useCallback(() => setDirty(false), []);
  return { rows, dirty, set, markSaved };
}
