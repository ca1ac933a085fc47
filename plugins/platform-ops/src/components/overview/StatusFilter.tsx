import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/Check';
import {
  OVERVIEW_FLAG_TITLES,
  OVERVIEW_FLAGS,
  OverviewFlag,
} from '@platform-ops/plugin-platform-ops-common';

/**
 * The status flags as toggles, worst first, each with how many rows carry
 * it under the other filters. Only flags some row carries are offered,
 * plus those already chosen. A row shows when it carries any chosen flag.
 */
export function StatusFilter(props: {
  selected: readonly string[];
  counts: Partial<Record<OverviewFlag, number>>;
  onChange: (selected: string[]) => void;
}) {
  const { selected, counts, onChange } = props;
  const offered = OVERVIEW_FLAGS.filter(
    flag => (counts[flag] ?? 0) > 0 || selected.includes(flag),
  );
  const toggle = (flag: OverviewFlag) =>
    onChange(
      selected.includes(flag)
        ? selected.filter(chosen => chosen !== flag)
        : OVERVIEW_FLAGS.filter(f => f === flag || selected.includes(f)),
    );

  return (
    <Box
      role="group"
      aria-labelledby="overview-status-label"
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      gridGap={8}
    >
      <Typography
        id="overview-status-label"
        variant="body2"
        component="span"
        color="textSecondary"
      >
        Status (any of):
      </Typography>
      {offered.length === 0 && (
        <Typography variant="body2" component="span">
          no flags raised under these filters
        </Typography>
      )}
      {offered.map(flag => {
        const on = selected.includes(flag);
        return (
          <Chip
            key={flag}
            component="button"
            clickable
            size="small"
            color={on ? 'primary' : 'default'}
            variant={on ? 'default' : 'outlined'}
            icon={on ? <CheckIcon /> : undefined}
            label={`${OVERVIEW_FLAG_TITLES[flag]} (${counts[flag] ?? 0})`}
            aria-pressed={on}
            onClick={() => toggle(flag)}
            data-flag={flag}
          />
        );
      })}
    </Box>
  );
}
