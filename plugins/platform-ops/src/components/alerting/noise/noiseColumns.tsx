import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import {
  ALERT_LEVELS,
  AlertNoiseRow,
  MostlySilencedComponent,
} from '@platform-ops/plugin-platform-ops-common';
import { StatusLine } from '../../shared/StatusLine';
import { LevelChip } from '../LevelChip';
import { ComponentHistoryLink } from './ComponentHistoryLink';

/** The flag a P1 firing every week carries, in words. */
export const FIRES_EVERY_WEEK =
  'Fires every week: not a P1, or a problem to fix';

/** A share as a whole percentage: 0.571 is "57%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function componentColumn<T extends { entityRef: string }>(): TableColumn<T> {
  return {
    title: 'Component',
    field: 'entityRef',
    customSort: (a, b) => a.entityRef.localeCompare(b.entityRef),
    render: row => <ComponentHistoryLink entityRef={row.entityRef} />,
  };
}

function environmentColumn<
  T extends { environment: string },
>(): TableColumn<T> {
  return { title: 'Environment', field: 'environment' };
}

function numeric<T extends object>(
  title: string,
  field: keyof T & string,
  tooltip?: string,
): TableColumn<T> {
  return { title, field, type: 'numeric', ...(tooltip ? { tooltip } : {}) };
}

/**
 * Columns of the tables of rows (a component's alerts at one level in one
 * environment). Each sorts; the backend's order (P1 first, most often
 * first) is the starting one.
 */
export const noiseRowColumns: TableColumn<AlertNoiseRow>[] = [
  componentColumn<AlertNoiseRow>(),
  environmentColumn<AlertNoiseRow>(),
  {
    title: 'Level',
    field: 'level',
    customSort: (a, b) =>
      ALERT_LEVELS.indexOf(a.level) - ALERT_LEVELS.indexOf(b.level),
    render: row => <LevelChip level={row.level} />,
  },
  numeric<AlertNoiseRow>(
    'Fired',
    'fired',
    'Alerts fired, each counted once per day it fired',
  ),
  numeric<AlertNoiseRow>('Days', 'days', 'Days on which it fired'),
  numeric<AlertNoiseRow>('Weeks', 'weeks', 'Weeks in which it fired'),
  {
    title: 'Silenced',
    field: 'silencedShare',
    type: 'numeric',
    render: row => `${percent(row.silencedShare)} (${row.silenced})`,
  },
  {
    title: 'Review',
    field: 'firesEveryWeek',
    customSort: (a, b) => Number(b.firesEveryWeek) - Number(a.firesEveryWeek),
    render: row =>
      row.firesEveryWeek ? (
        <StatusLine status="warning">{FIRES_EVERY_WEEK}</StatusLine>
      ) : (
        <Typography variant="body2" color="textSecondary" component="span">
          —
        </Typography>
      ),
  },
];

/** Columns of the "Mostly silenced" table. */
export const mostlySilencedColumns: TableColumn<MostlySilencedComponent>[] = [
  componentColumn<MostlySilencedComponent>(),
  environmentColumn<MostlySilencedComponent>(),
  {
    title: 'Levels',
    render: row => (
      <span style={{ display: 'inline-flex', gap: 4 }}>
        {row.levels.map(level => (
          <LevelChip key={level} level={level} />
        ))}
      </span>
    ),
  },
  {
    title: 'Silenced',
    field: 'silencedShare',
    type: 'numeric',
    render: row =>
      `${percent(row.silencedShare)} (${row.silenced} of ${row.fired})`,
  },
  numeric<MostlySilencedComponent>('Fired', 'fired'),
];
