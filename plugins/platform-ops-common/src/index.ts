/**
 * Common types, annotation parsing, config reading and pure logic for the
 * Platform Ops plugin suite.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './hasPlatformOpsAnnotations';
export * from './problems';
export * from './permissions';
export * from './types';
export * from './values/date';
export * from './values/duration';
export * from './values/entityRef';
export * from './values/environmentMap';
export * from './values/level';
export * from './values/list';
export * from './values/inputSchemas';
export * from './values/names';
export * from './values/sourced';
export * from './values/url';
export * from './config/schema';
export * from './config/readConfig';
export * from './scope/annotations';
export * from './scope/audits';
export * from './scope/lookup';
export * from './scope/resolveScope';
export * from './scope/types';
export * from './scope/section';
export * from './alerting/annotations';
export * from './alerting/matchers';
export * from './alerting/levels';
export * from './alerting/matcherIndex';
export * from './alerting/heartbeat';
export * from './alerting/types';
export * from './alerting/liveAlerts';
export * from './alerting/silenceMatchers';
export * from './alerting/section';
export * from './alerting/noise';
export * from './alerting/noiseQuery';
export * from './backups/annotations';
export * from './backups/types';
export * from './backups/section';
export * from './backups/compliance';
export * from './backups/selection';
export * from './backups/status';
export * from './backups/drills';
export * from './backups/reports';
export * from './maintenance/annotations';
export * from './maintenance/types';
export * from './maintenance/section';
export * from './maintenance/recurrence';
export * from './maintenance/windows';
export * from './maintenance/changes';
export * from './maintenance/changeTime';
export * from './maintenance/endOfLife';
export * from './maintenance/dependents';
export * from './maintenance/clusterTypes';
export * from './maintenance/labelSelectors';
export * from './maintenance/drain';
export * from './maintenance/drainReadiness';
export * from './maintenance/workloadSelection';
export * from './entity/aspects';
export * from './entity/environments';
export * from './entity/parseEntityAnnotations';
export * from './entity/summarizeEntity';
export * from './api/types';
export * from './overview/types';
export * from './overview/query';
export * from './overview/rows';
export * from './overview/select';
