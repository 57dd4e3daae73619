// Sidebar API: the functions google.script.run may call; each validates its input and returns plain JSON (no Date).
import { version } from '../../package.json';

export interface AppInfo {
  name: string;
  version: string;
}

/** What the sidebar shows in its header before any spreadsheet data is read. */
export function getAppInfo(): AppInfo {
  return { name: 'Attain', version };
}

export { getBootstrap, addClient, getClient } from './clients';
export { savePlan } from './plans';
export { recordSession } from './sessions';
export { savePriorities } from './priorities';
export { startReview, saveReview } from './reviews';
export { buildMaintenancePlan } from './maintenance';
export { getOutcomes } from './outcomes';
