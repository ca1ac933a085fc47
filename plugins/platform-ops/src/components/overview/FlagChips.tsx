import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import {
  OVERVIEW_FLAG_TITLES,
  OverviewFlag,
} from '@platform-ops/plugin-platform-ops-common';

/**
 * Flags that mean something is broken now rather than needing a look; they
 * carry an icon as well as their words.
 */
const SEVERE_FLAGS: ReadonlySet<OverviewFlag> = new Set([
  'has-p1',
  'heartbeat-not-ok',
  'backup-breached',
  'eol-past',
  'not-drain-ready',
]);

/** A row's status flags as small chips, worst first, each in words. */
export function FlagChips(props: { flags: readonly OverviewFlag[] }) {
  if (props.flags.length === 0) return null;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={4}
      component="ul"
      aria-label="Status flags"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {props.flags.map(flag => (
        <li key={flag}>
          <Chip
            size="small"
            variant="outlined"
            label={OVERVIEW_FLAG_TITLES[flag] ?? flag}
            icon={SEVERE_FLAGS.has(flag) ? <ErrorOutlineIcon /> : undefined}
            data-flag={flag}
          />
        </li>
      ))}
    </Box>
  );
}
