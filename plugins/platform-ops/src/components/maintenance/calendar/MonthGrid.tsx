import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { CalendarEntry, entriesBetween } from './calendarEntries';
import { CalendarEntryLine } from './CalendarEntryLine';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
  },
  weekday: {
    ...theme.typography.caption,
    fontWeight: theme.typography.fontWeightBold as number,
    padding: theme.spacing(0.5),
    textAlign: 'left',
  },
  day: {
    verticalAlign: 'top',
    height: 110,
    padding: theme.spacing(0.5),
    border: `1px solid ${theme.palette.divider}`,
    overflowWrap: 'anywhere',
  },
  otherMonth: {
    backgroundColor: theme.palette.action.hover,
    '& $number': { color: theme.palette.text.secondary },
  },
  number: {
    ...theme.typography.body2,
    display: 'inline-block',
    minWidth: '1.8em',
    marginBottom: theme.spacing(0.5),
    textAlign: 'center',
  },
  today: {
    borderRadius: '1em',
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.primary.contrastText,
    backgroundColor: theme.palette.primary.main,
  },
}));

/**
 * A month as weeks of days, Monday first, in the viewer's zone: each day
 * with the window occurrences and changes that overlap it.
 */
export function MonthGrid(props: {
  weeks: DateTime[][];
  month: DateTime;
  entries: CalendarEntry[];
  now: DateTime;
  focusedChange?: string;
  onOpenChange: (id: string) => void;
}) {
  const { weeks, month, entries, now, focusedChange, onOpenChange } = props;
  const classes = useStyles();
  const today = now.toLocal().toISODate();
  return (
    <table
      className={classes.table}
      aria-label={`Maintenance in ${month
        .setLocale('en-GB')
        .toFormat('LLLL yyyy')}`}
    >
      <thead>
        <tr>
          {WEEKDAYS.map(weekday => (
            <th key={weekday} scope="col" className={classes.weekday}>
              {weekday}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map(week => (
          <tr key={week[0].toISODate()}>
            {week.map(day => {
              const date = day.toISODate()!;
              const inMonth = day.hasSame(month, 'month');
              const isToday = date === today;
              return (
                <td
                  key={date}
                  data-date={date}
                  className={`${classes.day} ${
                    inMonth ? '' : classes.otherMonth
                  }`}
                  aria-current={isToday ? 'date' : undefined}
                >
                  <time
                    dateTime={date}
                    className={`${classes.number} ${
                      isToday ? classes.today : ''
                    }`}
                    aria-label={day.setLocale('en-GB').toFormat('cccc d LLLL')}
                  >
                    {day.day}
                  </time>
                  {entriesBetween(entries, day, day.plus({ days: 1 })).map(
                    entry => (
                      <CalendarEntryLine
                        key={entry.key}
                        entry={entry}
                        focused={
                          entry.kind === 'change' &&
                          entry.change.id === focusedChange
                        }
                        onOpenChange={onOpenChange}
                      />
                    ),
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
