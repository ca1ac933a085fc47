/**
 * Common types, annotation parsing, config reading and pure logic for the
 * Platform Ops plugin suite.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './problems';
export * from './permissions';
export * from './values/date';
export * from './values/duration';
export * from './values/entityRef';
export * from './values/environmentMap';
export * from './values/level';
export * from './values/list';
export * from './values/names';
export * from './values/url';
export * from './scope/annotations';
export * from './scope/audits';
export * from './scope/lookup';
export * from './scope/resolveScope';
export * from './alerting/annotations';
export * from './alerting/matchers';
export * from './alerting/levels';
export * from './alerting/matcherIndex';
export * from './alerting/heartbeat';
export * from './backups/annotations';
export * from './maintenance/annotations';
export * from './config/schema';
export * from './config/readConfig';
export * from './entity/parseEntityAnnotations';
export * from './entity/summarizeEntity';
export * from './api/types';
