import { Alert } from '@material-ui/lab';
import { MAX_OCCURRENCES } from '@platform-ops/plugin-platform-ops-common';

/**
 * What the calendar cannot show and how to change that: no window in the
 * period (and where windows are configured), no change, or more
 * occurrences than one request returns.
 */
export function CalendarNotes(props: {
  occurrences: number;
  changes: number;
  truncated: boolean;
  environment?: string;
  owner?: string;
}) {
  const { occurrences, changes, truncated, environment, owner } = props;
  return (
    <>
      {occurrences === 0 && (
        <Alert severity="info" style={{ marginBottom: 8 }}>
          {environment
            ? `No maintenance window of ${environment} falls in this period. Give ${environment} its default window with maintenanceWindow under platformOps.environments in app-config.yaml.`
            : 'No maintenance window falls in this period. Configure windows under platformOps.maintenance.windows in app-config.yaml (RRULE, start, duration and time zone), give each environment its default with maintenanceWindow under platformOps.environments, and let a component use another with the platform-ops/maintenance-window annotation.'}
        </Alert>
      )}
      {changes === 0 && (
        <Alert severity="info" style={{ marginBottom: 8 }}>
          {owner
            ? `No announced change in this period touches a component owned by ${owner}.`
            : 'No change is announced in this period. Announce one from the Platform Ops tab of the component it changes.'}
        </Alert>
      )}
      {truncated && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          {`Only the first ${MAX_OCCURRENCES} window occurrences are shown: a window recurs more often than a maintenance window should. Check its RRULE under platformOps.maintenance.windows.`}
        </Alert>
      )}
    </>
  );
}
