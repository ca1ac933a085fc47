import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ComponentChange,
  isHttpUrl,
} from '@platform-ops/plugin-platform-ops-common';
import { StatusLine } from '../shared/StatusLine';
import { ChangeClassChip } from './ChangeClassChip';
import { changeTimeText, shortNoticeText, STATUS_TEXT } from './describeChange';

/**
 * One announced change on a few lines: class, title and status; when and
 * where, and through which dependency it concerns this component; and the
 * short-notice flag.
 */
export function ChangeSummaryLine(props: {
  change: ComponentChange;
  /** Replaces the title, such as with a button opening the details. */
  title?: JSX.Element;
}) {
  const { change } = props;
  return (
    <Box mb={1} data-change={change.id}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <ChangeClassChip changeClass={change.class} />
        <Typography variant="body2" component="span">
          <strong>{props.title ?? change.title}</strong>
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={STATUS_TEXT[change.status]}
        />
        {isHttpUrl(change.link) && <Link to={change.link}>details</Link>}
      </Box>
      <Typography variant="body2" color="textSecondary" component="div">
        {changeTimeText(change)} · {change.environments.join(', ')}
        {change.via && (
          <>
            {' · via '}
            <EntityRefLink entityRef={change.via} defaultKind="component" />
          </>
        )}
      </Typography>
      {change.shortNotice && (
        <StatusLine status="warning">{shortNoticeText(change)}</StatusLine>
      )}
    </Box>
  );
}
