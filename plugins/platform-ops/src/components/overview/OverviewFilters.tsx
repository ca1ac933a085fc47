import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { OverviewFlag } from '@platform-ops/plugin-platform-ops-common';
import { FilterTextField } from './FilterTextField';
import { OverviewFilter } from './overviewSearch';
import { StatusFilter } from './StatusFilter';

/**
 * The overview's filters: party, owner, environment, free text and status
 * flags. Values are shown as the URL holds them; each change goes to
 * `onChange` under the backend's parameter name.
 */
export function OverviewFilters(props: {
  values: Record<Exclude<OverviewFilter, 'status'>, string>;
  status: readonly string[];
  flagCounts: Partial<Record<OverviewFlag, number>>;
  onChange: (name: OverviewFilter, value: string) => void;
  onClear?: () => void;
}) {
  const { values, status, flagCounts, onChange, onClear } = props;
  return (
    <Box display="flex" flexDirection="column" gridGap={12} mb={2}>
      <Box display="flex" flexWrap="wrap" gridGap={12} alignItems="flex-start">
        <FilterTextField
          label="Search"
          placeholder="name, title or ref"
          id="overview-filter-q"
          value={values.q}
          onCommit={value => onChange('q', value)}
          maxLength={200}
        />
        <FilterTextField
          label="Party"
          placeholder="platform"
          helperText="Scope party name, exactly"
          id="overview-filter-party"
          value={values.party}
          onCommit={value => onChange('party', value)}
          maxLength={100}
        />
        <FilterTextField
          label="Owner"
          placeholder="group:default/platform-team"
          helperText="Accountable team or spec.owner"
          id="overview-filter-owner"
          value={values.owner}
          onCommit={value => onChange('owner', value)}
          maxLength={300}
        />
        <FilterTextField
          label="Environment"
          placeholder="production"
          id="overview-filter-environment"
          value={values.environment}
          onCommit={value => onChange('environment', value)}
          maxLength={100}
        />
        {onClear && (
          <Button variant="text" onClick={onClear} style={{ marginTop: 4 }}>
            Clear filters
          </Button>
        )}
      </Box>
      <StatusFilter
        selected={status}
        counts={flagCounts}
        onChange={selected => onChange('status', selected.join(','))}
      />
    </Box>
  );
}
