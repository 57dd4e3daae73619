// Sidebar API: the functions google.script.run may call (the contract's SidebarApi); each validates its input and returns plain JSON (no Date).
import { version } from '../../package.json';
import type { AppInfo, SidebarApi } from '../contract';
import type * as Self from './api';

/** What the sidebar shows in its header before any spreadsheet data is read. */
export function getAppInfo(): AppInfo {
  return { name: 'Attain', version };
}

export { getBootstrap, addClient, getClient, rememberClient } from './clients';
export { getTemplate } from './templates';
export { getSidebarScreens } from './sidebar-screens';
export { savePlan } from './plans';
export { recordSession } from './sessions';
export { savePriorities } from './priorities';
export { startReview, saveReview } from './reviews';
export { buildRelapsePreventionPlan } from './relapse-prevention';
export { buildProgressReport } from './progress';
export { getOutcomes } from './outcomes';
export { checkSpreadsheet, repairSpreadsheet } from './check';
export { getSessionRecords, voidRecord, correctRecord, setClientStatus } from './corrections';
export { previewFormImport, importFormResponses } from './form-import';

// Compile-time check: this module implements every function of the contract's SidebarApi with its exact signature.
type Implements<T extends SidebarApi> = T;
export type CheckedApi = Implements<typeof Self>;
