import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import ChevronLeftIcon from '@material-ui/icons/ChevronLeft';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { CalendarView } from './calendarSearch';

/**
 * Moves the calendar a month back or forward, or to today, and switches
 * between the month and the list.
 */
export function CalendarToolbar(props: {
  title: string;
  view: CalendarView;
  onMove: (months: -1 | 1) => void;
  onToday: () => void;
  onView: (view: CalendarView) => void;
}) {
  const { title, view, onMove, onToday, onView } = props;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <IconButton aria-label="Previous month" onClick={() => onMove(-1)}>
        <ChevronLeftIcon />
      </IconButton>
      <Button variant="outlined" size="small" onClick={onToday}>
        Today
      </Button>
      <IconButton aria-label="Next month" onClick={() => onMove(1)}>
        <ChevronRightIcon />
      </IconButton>
      <Typography variant="h5" component="h2" style={{ flexGrow: 1 }}>
        {title}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={view}
        aria-label="View"
        onChange={(_event, value: CalendarView | null) => {
          if (value) onView(value);
        }}
      >
        <ToggleButton value="month" aria-label="Month">
          Month
        </ToggleButton>
        <ToggleButton value="list" aria-label="List">
          List
        </ToggleButton>
      </ToggleButtonGroup>
    </Box>
  );
}
