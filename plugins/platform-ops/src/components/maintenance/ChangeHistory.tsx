import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ComponentChange,
  isHttpUrl,
} from '@platform-ops/plugin-platform-ops-common';
import { ChangeResult } from '../../api';
import { atLeast } from '../shared/columnWidth';
import { Retrospective } from '../shared/Retrospective';
import { StatusLine } from '../shared/StatusLine';
import { ChangeClassChip } from './ChangeClassChip';
import { ChangeStatusActions } from './ChangeStatusActions';
import {
  changeTimeText,
  shortNoticeText,
  STATUS_TEXT,
  TARGET_TEXT,
} from './describeChange';

function What(props: { change: ComponentChange }) {
  const { change } = props;
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <ChangeClassChip changeClass={change.class} />
        <strong>{change.title}</strong>
        {isHttpUrl(change.link) && <Link to={change.link}>details</Link>}
      </Box>
      <Typography variant="body2" color="textSecondary" component="div">
        {change.updates.map(target => TARGET_TEXT[target]).join(', ')}
        {change.via && (
          <>
            {' · via '}
            <EntityRefLink entityRef={change.via} defaultKind="component" />
          </>
        )}
      </Typography>
    </>
  );
}

function Plan(props: { change: ComponentChange }) {
  const { change } = props;
  // Free text from whoever announced the change: shown as text, never HTML.
  return (
    <Typography
      variant="body2"
      component="div"
      style={{ whiteSpace: 'pre-line' }}
    >
      {change.description && <div>{change.description}</div>}
      <div>
        <strong>Contingency plan:</strong> {change.contingencyPlan}
      </div>
      {change.silenceAlerts && (
        <div>P2 and P3 alerts silenced while it runs</div>
      )}
    </Typography>
  );
}

function columns(
  onUpdated?: (result: ChangeResult) => void,
): TableColumn<ComponentChange>[] {
  return [
    {
      title: 'When',
      render: change => changeTimeText(change, { year: true }),
      ...atLeast(150),
    },
    { title: 'Change', render: change => <What change={change} /> },
    {
      title: 'Environments',
      render: change => change.environments.join(', '),
    },
    {
      title: 'Status',
      render: change => (
        <>
          <div>{STATUS_TEXT[change.status]}</div>
          {change.shortNotice && (
            <StatusLine status="warning">{shortNoticeText(change)}</StatusLine>
          )}
        </>
      ),
    },
    {
      title: 'Plan',
      render: change => <Plan change={change} />,
      ...atLeast(280),
    },
    {
      title: 'Retrospective',
      render: change =>
        change.status === 'done' ? (
          <Retrospective retrospective={change.retrospective} />
        ) : (
          ''
        ),
      ...atLeast(240),
    },
    ...(onUpdated
      ? [
          {
            title: 'Actions',
            render: (change: ComponentChange) => (
              <ChangeStatusActions change={change} onUpdated={onUpdated} />
            ),
          },
        ]
      : []),
  ];
}

/**
 * A component's changes, newest first, with the contingency plan and, once
 * done, the retrospective. With `onUpdated`, each change still open offers
 * its status actions.
 */
export function ChangeHistory(props: {
  changes: ComponentChange[];
  loading?: boolean;
  onUpdated?: (result: ChangeResult) => void;
}) {
  const { changes, loading, onUpdated } = props;
  // Copies: the table writes its own state into the rows it is given.
  const rows = changes.map(change => ({ ...change }));
  return (
    <Table
      title="Maintenance changes"
      isLoading={loading}
      options={{
        paging: rows.length > 10,
        pageSize: 10,
        search: false,
        padding: 'dense',
      }}
      columns={columns(onUpdated)}
      data={rows}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No change has been announced for this component in the past year.
        </Typography>
      }
    />
  );
}
