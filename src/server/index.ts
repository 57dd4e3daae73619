// The one public surface of the Apps Script project: every export here becomes a top-level function (see entrypoints.json).
export { onOpen, onInstall, showSidebar } from './menu';
export * from './api';
export * from './functions';
export { setupSpreadsheet } from './setup';
export { rebuildReviewCharts } from './review-charts';
export { checkSpreadsheetFromMenu } from './check';
export { importFormResponsesFromMenu } from './form-import';
