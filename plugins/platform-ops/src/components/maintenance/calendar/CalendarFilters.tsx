import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

const ALL = '';

/**
 * The calendar's filters: the environment, chosen from those that have
 * windows or changes, and the owner, chosen from the owners of the
 * components that changes affect or typed as an entity ref (a bare name
 * is a group in the default namespace).
 */
export function CalendarFilters(props: {
  environment?: string;
  environments: string[];
  owner?: string;
  owners: string[];
  onChange: (name: 'environment' | 'owner', value?: string) => void;
}) {
  const { environment, owner, onChange } = props;
  // A filter from a shared link stays choosable even when nothing has it.
  const environments = [
    ...new Set([...props.environments, ...(environment ? [environment] : [])]),
  ].sort();
  const owners = [
    ...new Set([...props.owners, ...(owner ? [owner] : [])]),
  ].sort();
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      <TextField
        select
        id="maintenance-calendar-environment"
        label="Environment"
        variant="outlined"
        size="small"
        style={{ minWidth: 200 }}
        value={environment ?? ALL}
        onChange={event =>
          onChange('environment', event.target.value || undefined)
        }
      >
        <MenuItem value={ALL}>All environments</MenuItem>
        {environments.map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete
        freeSolo
        id="maintenance-calendar-owner"
        options={owners}
        value={owner ?? null}
        onChange={(_event, value) =>
          onChange('owner', value?.trim() || undefined)
        }
        style={{ minWidth: 320 }}
        renderInput={params => (
          <TextField
            {...params}
            label="Owner"
            variant="outlined"
            size="small"
            placeholder="group:default/platform-team"
            helperText="Changes to components it owns; windows stay"
          />
        )}
      />
    </Box>
  );
}
