// The screens part: every screen but Clients, built apart into dist/SidebarScreens.html and handed over by getSidebarScreens after the first render, so Sidebar.html carries only what the first screen needs.
import { CheckScreen } from './screens/Check';
import { ExportScreen } from './screens/Export';
import { GasScreen } from './screens/Gas';
import { ImportScreen } from './screens/Import';
import { PlanScreen } from './screens/Plan';
import { PrioritiesScreen } from './screens/Priorities';
import { ProgressScreen } from './screens/Progress';
import { RelapsePreventionScreen } from './screens/RelapsePrevention';
import { ReviewScreen } from './screens/Review';
import { SessionScreen } from './screens/Session';

/** What the part registers; a new screen that the first render does not need belongs here, not in app.tsx's imports. */
export const SCREENS_PART = { CheckScreen, ExportScreen, GasScreen, ImportScreen, PlanScreen, PrioritiesScreen, ProgressScreen, RelapsePreventionScreen, ReviewScreen, SessionScreen };
export type ScreensPart = typeof SCREENS_PART;

(window as unknown as { __attainScreens?: ScreensPart }).__attainScreens = SCREENS_PART;
