import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import { makeStyles } from '@material-ui/core/styles';
import { ChangeClassChip } from '../ChangeClassChip';
import { changeTimeText, STATUS_TEXT } from '../describeChange';
import { CalendarEntry } from './calendarEntries';
import { occurrenceTitle, startClock } from './describeEntry';
import { EnvironmentLabel } from './EnvironmentLabel';

const useStyles = makeStyles(theme => ({
  entry: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.25, 0.5),
    marginBottom: theme.spacing(0.5),
    borderRadius: theme.shape.borderRadius,
    fontSize: theme.typography.caption.fontSize,
    backgroundColor: theme.palette.background.default,
  },
  focused: {
    outline: `3px solid ${theme.palette.primary.main}`,
    outlineOffset: 1,
  },
  ended: { textDecoration: 'line-through' },
  title: { fontSize: 'inherit', textAlign: 'left' },
}));

/**
 * One entry in a day of the month: a window occurrence as its local start,
 * name and environments (its own zone in the tooltip), or a change as its
 * class chip and title, a button that opens it.
 */
export function CalendarEntryLine(props: {
  entry: CalendarEntry;
  focused: boolean;
  onOpenChange: (id: string) => void;
}) {
  const { entry, focused, onOpenChange } = props;
  const classes = useStyles();
  if (entry.kind === 'window') {
    const { occurrence } = entry;
    return (
      <Box
        className={classes.entry}
        title={occurrenceTitle(occurrence)}
        data-entry="window"
        data-window={occurrence.window}
      >
        <time dateTime={occurrence.start}>{startClock(occurrence.start)}</time>
        <span>{occurrence.window}</span>
        {occurrence.environments.map(environment => (
          <EnvironmentLabel key={environment} environment={environment} />
        ))}
      </Box>
    );
  }
  const { change } = entry;
  const gone = change.status === 'cancelled';
  return (
    <Box
      className={`${classes.entry} ${focused ? classes.focused : ''}`}
      data-entry="change"
      data-change={change.id}
      data-focused={focused || undefined}
    >
      <ChangeClassChip changeClass={change.class} />
      <Link
        component="button"
        className={`${classes.title} ${gone ? classes.ended : ''}`}
        onClick={() => onOpenChange(change.id)}
        title={`${changeTimeText(change)} · ${change.environments.join(
          ', ',
        )} · ${STATUS_TEXT[change.status]}`}
        aria-current={focused ? 'true' : undefined}
      >
        {startClock(change.start)} {change.title}
      </Link>
      {change.environments.map(environment => (
        <EnvironmentLabel key={environment} environment={environment} />
      ))}
      {gone && <span>({STATUS_TEXT[change.status]})</span>}
    </Box>
  );
}
