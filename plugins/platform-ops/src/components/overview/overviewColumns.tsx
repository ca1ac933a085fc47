import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewRow } from '@platform-ops/plugin-platform-ops-common';
import { ReactNode } from 'react';
import { LevelChip } from '../alerting/LevelChip';
import { atLeast } from '../shared/columnWidth';
import { Judgement, StatusLine } from '../shared/StatusLine';
import {
  describeBackupState,
  describeEndOfLifeState,
} from './describeOverviewRow';
import { FlagChips } from './FlagChips';
import { NextWindow } from './NextWindow';

function Quiet(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      {props.children}
    </Typography>
  );
}

function Judged(props: { judgement?: Judgement; otherwise: string }) {
  const { judgement, otherwise } = props;
  if (!judgement) return <Quiet>{otherwise}</Quiet>;
  return <StatusLine status={judgement.status}>{judgement.text}</StatusLine>;
}

/**
 * The overview table's columns. None sorts: the backend orders every page
 * worst status first, and sorting one page would mislead.
 */
export const overviewColumns: TableColumn<OverviewRow>[] = [
  {
    title: 'Component',
    ...atLeast(140),
    render: row => (
      <EntityRefLink entityRef={row.entity.ref} hideIcon>
        {row.entity.title ?? row.entity.name}
      </EntityRefLink>
    ),
  },
  {
    title: 'Party',
    ...atLeast(110),
    render: row => row.partyTitle ?? row.party ?? <Quiet>not declared</Quiet>,
  },
  {
    title: 'Accountable team',
    render: row =>
      row.accountable ? (
        <EntityRefLink
          entityRef={row.accountable}
          defaultKind="group"
          hideIcon
        />
      ) : (
        <Quiet>none</Quiet>
      ),
  },
  {
    title: 'Worst live level',
    render: row =>
      row.worstLevel ? (
        <LevelChip level={row.worstLevel} />
      ) : (
        <Quiet>none firing</Quiet>
      ),
  },
  {
    title: 'Backup',
    ...atLeast(130),
    render: row => (
      <Judged
        judgement={describeBackupState(row.backup)}
        otherwise="not backed up"
      />
    ),
  },
  {
    title: 'Next window',
    ...atLeast(130),
    render: row => <NextWindow window={row.nextWindow} />,
  },
  {
    title: 'End of life',
    ...atLeast(140),
    render: row => (
      <Judged
        judgement={describeEndOfLifeState(row.endOfLife)}
        otherwise="no release declared"
      />
    ),
  },
  { title: 'Problems', field: 'problemCount', type: 'numeric' },
  {
    title: 'Flags',
    ...atLeast(220),
    render: row => <FlagChips flags={row.flags} />,
  },
];
