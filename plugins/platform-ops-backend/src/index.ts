/**
 * Backend for the Platform Ops plugin suite.
 *
 * @packageDocumentation
 */

export { platformOpsPlugin as default } from './plugin';
export type { SummaryService } from './services/SummaryService';
