// Change tracking for the preview: a version counter the page polls, bumped when an emulated call changes the document or the add-on's UI, and the page's views computed once per change.
import type { Emulator } from '../emulator';
import { compactView, type Menu, type SpreadsheetView, type UiView } from './render';

export type PreviewUi = UiView & { openError: string | null; sidebarSerial: number };

export interface Tracker {
  readonly version: number;
  /** Runs one mutation-capable step (an rpc, a menu item, an edit) and records what it changed. */
  step<T>(fn: () => T, alwaysChanges?: boolean): T;
  /** Notices changes made directly on the emulator since the last look (tests do that). */
  sync(): void;
  /** emulator.view(), and its compact JSON for the page, computed once per change. */
  currentView(): { view: SpreadsheetView; compact: string };
  /** Menus, sidebar, alerts and toasts as the page shows them. */
  uiView(): PreviewUi;
}

/** Tracks `emulator`; `onChange` runs after each change to the document (the state saver's cue). */
export function createTracker(emulator: Emulator, openError: string | null, onChange: () => void): Tracker {
  let version = 1;
  let viewCache: { key: number; view: SpreadsheetView; compact: string } | null = null;
  let sidebarSerial = emulator.ui.sidebar ? 1 : 0;
  let lastSidebar: unknown = emulator.ui.sidebar;

  /** Whether the emulated calls since the last look changed the document (cells, formats, tabs, charts, properties). */
  function takeMutations(): boolean {
    const c = emulator.calls;
    const changed = c.write + c.format + c.structure + c.chart > 0 || c.log.some((name) => /^Properties\.(set|delete)/.test(name));
    c.reset(); // also keeps the call log from growing for as long as the preview runs
    return changed;
  }

  function markChanged(): void {
    version += 1;
    viewCache = null;
    onChange();
  }

  function sync(): void {
    if (takeMutations()) markChanged();
  }

  return {
    get version() {
      return version;
    },
    sync,
    step<T>(fn: () => T, alwaysChanges = false): T {
      sync(); // changes made directly on emulator (tests) count too
      const uiNow = (): string => JSON.stringify([emulator.ui.menus, emulator.ui.alerts.length, emulator.ui.toasts?.length ?? 0]);
      const uiBefore = uiNow();
      try {
        return fn();
      } finally {
        if (takeMutations() || alwaysChanges) markChanged();
        if (emulator.ui.sidebar !== lastSidebar) {
          lastSidebar = emulator.ui.sidebar;
          if (emulator.ui.sidebar) sidebarSerial += 1;
          version += 1;
        } else if (uiNow() !== uiBefore) {
          version += 1;
        }
      }
    },
    currentView() {
      sync();
      if (!viewCache || viewCache.key !== version) {
        const view = emulator.view() as unknown as SpreadsheetView;
        viewCache = { key: version, view, compact: JSON.stringify(compactView(view)) };
      }
      return viewCache;
    },
    uiView() {
      return {
        version,
        menus: emulator.ui.menus as Menu[],
        sidebar: emulator.ui.sidebar ? { title: emulator.ui.sidebar.title || 'Attain' } : null,
        alerts: [...emulator.ui.alerts],
        toasts: [...(emulator.ui.toasts ?? [])],
        openError,
        sidebarSerial,
      };
    },
  };
}
