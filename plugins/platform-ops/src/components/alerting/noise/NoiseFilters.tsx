import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ALERT_NOISE_PERIODS } from '@platform-ops/plugin-platform-ops-common';
import { NoiseFilter } from './noiseSearch';

const ALL = '';

/**
 * The review's filters: the period (30 or 90 days) and the environment,
 * chosen from the configured ones. A value from a shared link stays
 * choosable even when it is not one of them, so the page shows what the
 * URL asks for.
 */
export function NoiseFilters(props: {
  days: number;
  environment?: string;
  environments: string[];
  onChange: (name: NoiseFilter, value: string) => void;
  onClear?: () => void;
}) {
  const { days, environment, onChange, onClear } = props;
  const periods = [...new Set<number>([...ALERT_NOISE_PERIODS, days])];
  const environments = [
    ...new Set([...props.environments, ...(environment ? [environment] : [])]),
  ];
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16} mb={2}>
      <TextField
        select
        id="alert-noise-days"
        label="Period"
        variant="outlined"
        size="small"
        style={{ minWidth: 160 }}
        value={String(days)}
        onChange={event => onChange('days', event.target.value)}
      >
        {periods.map(period => (
          <MenuItem key={period} value={String(period)}>
            Last {period} days
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        id="alert-noise-environment"
        label="Environment"
        variant="outlined"
        size="small"
        style={{ minWidth: 200 }}
        value={environment ?? ALL}
        onChange={event => onChange('environment', event.target.value)}
      >
        <MenuItem value={ALL}>All environments</MenuItem>
        {environments.map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      {onClear && (
        <Button variant="text" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
