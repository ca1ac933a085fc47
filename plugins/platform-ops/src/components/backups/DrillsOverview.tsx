import Grid from '@material-ui/core/Grid';
import {
  Link,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  ComponentDrillStatus,
  DrillState,
} from '@platform-ops/plugin-platform-ops-common';
import { useDrills } from '../../hooks/useDrills';
import { StatusLine } from '../shared/StatusLine';
import { describeDrillState } from './describeDrill';
import { DrillHistory } from './DrillHistory';

/** What needs doing first: overdue drills, then never drilled, then the rest. */
const DRILL_ORDER: DrillState[] = ['overdue', 'missing', 'ok'];

function byUrgency(a: ComponentDrillStatus, b: ComponentDrillStatus): number {
  return (
    DRILL_ORDER.indexOf(a.state) - DRILL_ORDER.indexOf(b.state) ||
    (a.nextDue ?? '').localeCompare(b.nextDue ?? '') ||
    a.entity.ref.localeCompare(b.entity.ref)
  );
}

function ComponentLink(props: { status: ComponentDrillStatus }) {
  const { entity } = props.status;
  const entityRoute = useRouteRef(entityRouteRef);
  return (
    // Encoded as the catalog's own entity links are.
    <Link to={entityRoute(entityRouteParams(entity, { encodeParams: true }))}>
      {entity.title ?? entity.name}
    </Link>
  );
}

const columns: TableColumn<ComponentDrillStatus>[] = [
  { title: 'Component', render: status => <ComponentLink status={status} /> },
  {
    title: 'Drill status',
    render: status => {
      const judged = describeDrillState(status.state, status.nextDue);
      return <StatusLine status={judged.status}>{judged.text}</StatusLine>;
    },
  },
  {
    title: 'Last drill',
    render: status => status.lastDrill ?? 'never',
    cellStyle: { whiteSpace: 'nowrap' },
  },
  {
    title: 'Next due',
    render: status => status.nextDue ?? 'due now',
    cellStyle: { whiteSpace: 'nowrap' },
  },
];

/**
 * The Drills tab: where every backed-up component stands with its drills,
 * overdue and never drilled first, and the recent drills.
 */
export function DrillsOverview() {
  const { value, loading, error } = useDrills();
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load the drills" />
    );
  }
  // Copies: the table writes its own state into the rows it is given.
  const components = (value?.components ?? [])
    .map(status => ({ ...status }))
    .sort(byUrgency);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Table
          title="Drill status per component"
          isLoading={loading}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns}
          data={components}
          emptyContent={
            <p style={{ padding: 16 }}>
              No component declares backups: add platform-ops/backup-source to
              an entity.
            </p>
          }
        />
      </Grid>
      <Grid item xs={12}>
        <DrillHistory
          title="Recent drills"
          drills={value?.drills ?? []}
          loading={loading}
          showComponents
        />
      </Grid>
    </Grid>
  );
}
