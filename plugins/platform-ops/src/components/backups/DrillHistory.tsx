import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Drill } from '@platform-ops/plugin-platform-ops-common';
import { Retrospective } from '../shared/Retrospective';
import { DrillOutcome } from './DrillOutcome';

function columns(showComponents: boolean): TableColumn<Drill>[] {
  return [
    {
      title: 'Date',
      field: 'date',
      cellStyle: { whiteSpace: 'nowrap' },
    },
    ...(showComponents
      ? [
          {
            title: 'Components',
            render: (drill: Drill) =>
              drill.entityRefs.map((ref, index) => (
                <div key={`${index}:${ref}`}>
                  <EntityRefLink entityRef={ref} />
                </div>
              )),
          },
        ]
      : []),
    { title: 'Environment', field: 'environment' },
    { title: 'Scenario', field: 'scenario' },
    { title: 'Led by', field: 'ledBy' },
    {
      title: 'Measured RTO',
      render: drill => drill.measuredRto ?? 'not measured',
    },
    {
      title: 'Outcome',
      render: drill => <DrillOutcome outcome={drill.outcome} />,
    },
    {
      title: 'Retrospective',
      render: drill => <Retrospective retrospective={drill} />,
      width: '30%',
    },
  ];
}

/**
 * Recorded drills, newest first, each with its retrospective: what went
 * well, what to improve and the action items.
 */
export function DrillHistory(props: {
  title: string;
  drills: Drill[];
  loading?: boolean;
  /** A column linking each drill's components, for lists of many. */
  showComponents?: boolean;
}) {
  const { title, drills, loading, showComponents = false } = props;
  // Copies: the table writes its own state into the rows it is given.
  const sorted = drills
    .map(drill => ({ ...drill }))
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        b.recordedAt.localeCompare(a.recordedAt),
    );
  return (
    <Table
      title={title}
      isLoading={loading}
      options={{
        paging: sorted.length > 10,
        pageSize: 10,
        search: false,
        padding: 'dense',
      }}
      columns={columns(showComponents)}
      data={sorted}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No drill has been recorded yet.
        </Typography>
      }
    />
  );
}
