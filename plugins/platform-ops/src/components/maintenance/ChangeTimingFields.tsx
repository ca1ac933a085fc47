import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import { DateTime } from 'luxon';
import { WindowsResponse } from '../../api';
import {
  ChangeFieldErrors,
  ChangeFormValues,
  occurrenceKey,
} from './changeForm';
import { occurrenceTimes } from './describeWindow';

type Occurrence = WindowsResponse['occurrences'][number];

function occurrenceLabel(occurrence: Occurrence): string {
  const times = occurrenceTimes(occurrence);
  const local = times.local ? ` (your time ${times.local})` : '';
  return `${occurrence.window}: ${
    times.own
  }${local} · ${occurrence.environments.join(', ')}`;
}

/**
 * The occurrences of the windows of the chosen environments; all of them
 * while none is chosen.
 */
export function occurrencesFor(
  occurrences: Occurrence[],
  environments: string[],
): Occurrence[] {
  return occurrences.filter(
    occurrence =>
      environments.length === 0 ||
      occurrence.environments.some(environment =>
        environments.includes(environment),
      ),
  );
}

/**
 * When the change runs: an occurrence of a maintenance window (those of the
 * chosen environments, in the coming months) or an explicit start and end
 * in the viewer's time.
 */
export function ChangeTimingFields(props: {
  values: ChangeFormValues;
  errors: ChangeFieldErrors;
  occurrences: Occurrence[];
  /** Why the occurrences could not be loaded, if they could not. */
  occurrencesError?: string;
  disabled: boolean;
  onChange: (values: Partial<ChangeFormValues>) => void;
}) {
  const { values, errors, occurrences, disabled, onChange } = props;
  const offered = occurrencesFor(occurrences, values.environments);
  // A choice the list no longer holds (being reloaded, or of an environment
  // no longer chosen) is not shown as chosen.
  const chosen = offered.some(
    entry => occurrenceKey(entry) === values.occurrence,
  )
    ? values.occurrence
    : '';
  const windowError = errors.window ?? errors.windowStart;
  const zone = DateTime.local().zoneName;
  const dateTime = (name: 'start' | 'end', label: string) => (
    <Grid item xs={12} sm={6}>
      <TextField
        id={`change-${name}`}
        label={`${label} (your time)`}
        type="datetime-local"
        value={values[name]}
        onChange={event => onChange({ [name]: event.target.value })}
        error={Boolean(errors[name])}
        helperText={errors[name] ?? zone}
        InputLabelProps={{ shrink: true }}
        disabled={disabled}
        required
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </Grid>
  );
  return (
    <>
      <Grid item xs={12}>
        <RadioGroup
          row
          aria-label="When"
          value={values.timing}
          onChange={event =>
            onChange({
              timing: event.target.value as ChangeFormValues['timing'],
            })
          }
        >
          <FormControlLabel
            value="window"
            control={<Radio color="primary" />}
            label="In a maintenance window"
            disabled={disabled}
          />
          <FormControlLabel
            value="explicit"
            control={<Radio color="primary" />}
            label="At another time"
            disabled={disabled}
          />
        </RadioGroup>
      </Grid>
      {values.timing === 'window' ? (
        <Grid item xs={12}>
          <TextField
            id="change-window"
            select
            label="Window occurrence"
            value={chosen}
            onChange={event => onChange({ occurrence: event.target.value })}
            error={Boolean(windowError || props.occurrencesError)}
            helperText={
              windowError ??
              props.occurrencesError ??
              'The windows of the chosen environments in the coming months'
            }
            disabled={disabled}
            required
            fullWidth
            variant="outlined"
            margin="dense"
          >
            {offered.map(occurrence => (
              <MenuItem
                key={occurrenceKey(occurrence)}
                value={occurrenceKey(occurrence)}
              >
                {occurrenceLabel(occurrence)}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
      ) : (
        <>
          {dateTime('start', 'Start')}
          {dateTime('end', 'End')}
        </>
      )}
    </>
  );
}
