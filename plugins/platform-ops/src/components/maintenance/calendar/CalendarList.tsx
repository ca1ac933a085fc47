import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { StatusLine } from '../../shared/StatusLine';
import { ChangeClassChip } from '../ChangeClassChip';
import { shortNoticeText, STATUS_TEXT } from '../describeChange';
import { CalendarEntry, CalendarOccurrence } from './calendarEntries';
import { entryTimes } from './describeEntry';
import { EnvironmentLabel } from './EnvironmentLabel';

function Environments(props: { environments: string[] }) {
  if (props.environments.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        no environment's default
      </Typography>
    );
  }
  return (
    <>
      {props.environments.map(environment => (
        <div key={environment}>
          <EnvironmentLabel environment={environment} />
        </div>
      ))}
    </>
  );
}

function EntryRow(props: {
  entry: CalendarEntry;
  occurrences: CalendarOccurrence[];
  focused: boolean;
  onOpenChange: (id: string) => void;
}) {
  const { entry, occurrences, focused, onOpenChange } = props;
  const times = entryTimes(entry, occurrences);
  const when = (
    <TableCell>
      <div>{times.local}</div>
      <Typography variant="body2" color="textSecondary" component="div">
        {times.own}
      </Typography>
    </TableCell>
  );
  if (entry.kind === 'window') {
    const { occurrence } = entry;
    return (
      <TableRow data-entry="window" data-window={occurrence.window}>
        {when}
        <TableCell>
          <Environments environments={occurrence.environments} />
        </TableCell>
        <TableCell>
          Maintenance window <strong>{occurrence.window}</strong>
        </TableCell>
        <TableCell />
        <TableCell />
      </TableRow>
    );
  }
  const { change } = entry;
  return (
    <TableRow
      data-entry="change"
      data-change={change.id}
      data-focused={focused || undefined}
      selected={focused}
    >
      {when}
      <TableCell>
        <Environments environments={change.environments} />
      </TableCell>
      <TableCell>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <ChangeClassChip changeClass={change.class} />
          <Link
            component="button"
            variant="body2"
            style={{ textAlign: 'left' }}
            onClick={() => onOpenChange(change.id)}
            aria-current={focused ? 'true' : undefined}
          >
            {change.title}
          </Link>
        </div>
        {change.window && (
          <Typography variant="body2" color="textSecondary">
            in {change.window}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <div>{STATUS_TEXT[change.status]}</div>
        {change.shortNotice && (
          <StatusLine status="warning">{shortNoticeText(change)}</StatusLine>
        )}
      </TableCell>
      <TableCell>
        {change.entityRefs.map(ref => (
          <div key={ref}>
            <EntityRefLink entityRef={ref} defaultKind="component" />
          </div>
        ))}
      </TableCell>
    </TableRow>
  );
}

/**
 * Window occurrences and changes in date order, each with its time in the
 * viewer's zone and its own, its environments, and for a change its class,
 * status, short-notice flag and the components it affects.
 */
export function CalendarList(props: {
  entries: CalendarEntry[];
  occurrences: CalendarOccurrence[];
  focusedChange?: string;
  onOpenChange: (id: string) => void;
}) {
  const { entries, occurrences, focusedChange, onOpenChange } = props;
  return (
    <Table size="small" aria-label="Maintenance windows and changes">
      <TableHead>
        <TableRow>
          <TableCell>When (your time, then its own)</TableCell>
          <TableCell>Environment</TableCell>
          <TableCell>What</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Components</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(entry => (
          <EntryRow
            key={entry.key}
            entry={entry}
            occurrences={occurrences}
            focused={
              entry.kind === 'change' && entry.change.id === focusedChange
            }
            onOpenChange={onOpenChange}
          />
        ))}
      </TableBody>
    </Table>
  );
}
