import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ALERT_LEVELS, AlertHistoryDay } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { LEVEL_COLORS } from './levelColors';

/** One bar per day, stacked by level, summed over environments. */
export function toChartRows(days: AlertHistoryDay[], since: string, count: number) {
  const start = DateTime.fromISO(since, { zone: 'utc' });
  const rows = Array.from({ length: count }, (_, offset) => ({
    day: start.plus({ days: offset }).toISODate()!,
    P1: 0,
    P2: 0,
    P3: 0,
  }));
  const byDay = new Map(rows.map(row => [row.day, row]));
  for (const entry of days) {
    const row = byDay.get(entry.day);
    if (row) row[entry.level] += entry.count;
  }
  return rows;
}

/**
 * Alerts per day and level over the last days, for reviewing which alerts
 * are noise. Levels stack in a fixed order and are named in the legend and
 * tooltip, so the chart reads without colour.
 */
export function AlertHistoryChart(props: { days: AlertHistoryDay[]; since: string; count: number }) {
  const theme = useTheme();
  const rows = toChartRows(props.days, props.since, props.count);
  const total = rows.reduce((sum, row) => sum + row.P1 + row.P2 + row.P3, 0);
  return (
    <>
      <Typography variant="body2" gutterBottom>
        {total} alert{total === 1 ? '' : 's'} fired in the last {props.count} days (each alert once
        per day).
      </Typography>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} aria-label="Alerts per day by level">
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {ALERT_LEVELS.map(level => (
            <Bar
              key={level}
              dataKey={level}
              stackId="levels"
              fill={LEVEL_COLORS[theme.palette.type][level]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </>
  );
}
