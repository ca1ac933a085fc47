import { Sourced } from '../values/sourced';
import { Release } from './annotations';
import { Change } from './changes';
import { WorkloadSelection } from './drain';
import { DrainReadiness } from './drainReadiness';
import { EndOfLifeStatus } from './endOfLife';
import { WindowOccurrence } from './windows';

/**
 * A change as one component sees it: its own, or one of a component it
 * depends on (`via` names that component).
 *
 * @public
 */
export type ComponentChange = Change & {
  /** The changed component this one depends on, directly or not. */
  via?: string;
};

/**
 * Maintenance section of a summary: windows per environment with the one
 * in progress and the next, the release's end of life, skew warnings, and
 * the changes coming up.
 *
 * @public
 */
export type MaintenanceSection = {
  windows: Record<string, Sourced<string>>;
  release?: Release;
  /** Per environment: the occurrence in progress now, if any, and the next. */
  occurrences: Record<
    string,
    { current?: WindowOccurrence; next?: WindowOccurrence }
  >;
  endOfLife?: EndOfLifeStatus;
  /** Months in which staging's window does not come before production's. */
  skew: string[];
  /** Planned, in-progress and postponed changes, own and via dependencies (live). */
  changes: ComponentChange[];
  /** Which workloads are the component's, from Backstage's Kubernetes annotations. */
  workloadSelection?: WorkloadSelection;
  /** Whether draining a node takes it down, per environment (live). */
  drainReadiness: DrainReadiness[];
};
