// Every custom function, re-exported for src/server/index.ts (the build turns each into a top-level Apps Script function).
export { GAS_TSCORE, GAS_TSCORE_BYROW, GAS_CHANGE, GAS_WEIGHT } from './gas';
export { MEASURE_SCORE, MEASURE_BAND, MEASURE_FLAG } from './measures';
export { RELIABLE_CHANGE, CHANGE_CATEGORY, RCI, TALKING_THERAPIES_OUTCOME } from './change';
export { PRIORITY_SCORE } from './priority';
