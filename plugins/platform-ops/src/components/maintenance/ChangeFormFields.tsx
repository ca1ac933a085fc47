import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  CHANGE_CLASSES,
  CHANGE_TARGETS,
} from '@platform-ops/plugin-platform-ops-common';
import { WindowsResponse } from '../../api';
import { CheckboxGroup } from '../shared/CheckboxGroup';
import {
  ChangeFieldErrors,
  ChangeFormValues,
  occurrenceKey,
} from './changeForm';
import { ChangeTimingFields, occurrencesFor } from './ChangeTimingFields';
import { CLASS_TEXT, TARGET_TEXT } from './describeChange';

type TextName =
  | 'title'
  | 'entityRefs'
  | 'description'
  | 'link'
  | 'contingencyPlan';

/**
 * The fields of a change to announce, each with its error next to it.
 */
export function ChangeFormFields(props: {
  values: ChangeFormValues;
  errors: ChangeFieldErrors;
  /** The component's environments, offered as choices. */
  environments: string[];
  occurrences: WindowsResponse['occurrences'];
  occurrencesError?: string;
  disabled: boolean;
  onChange: (values: Partial<ChangeFormValues>) => void;
}) {
  const { values, errors, environments, disabled, onChange } = props;
  const text = (
    name: TextName,
    label: string,
    options: { help?: string; required?: boolean; multiline?: boolean } = {},
  ) => (
    <Grid item xs={12}>
      <TextField
        id={`change-${name}`}
        label={label}
        value={values[name]}
        onChange={event => onChange({ [name]: event.target.value })}
        error={Boolean(errors[name])}
        helperText={errors[name] ?? options.help}
        required={options.required}
        multiline={options.multiline}
        minRows={options.multiline ? 2 : undefined}
        disabled={disabled}
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </Grid>
  );
  return (
    <Grid container spacing={1}>
      {text('title', 'Title', { required: true, help: 'What changes' })}
      <Grid item xs={12} sm={6}>
        <TextField
          id="change-class"
          select
          label="Class"
          value={values.class}
          onChange={event => onChange({ class: event.target.value })}
          error={Boolean(errors.class)}
          helperText={errors.class ?? 'Major updates need the most notice'}
          required
          disabled={disabled}
          fullWidth
          variant="outlined"
          margin="dense"
        >
          {CHANGE_CLASSES.map(changeClass => (
            <MenuItem key={changeClass} value={changeClass}>
              {CLASS_TEXT[changeClass]}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      {text('entityRefs', 'Components', {
        required: true,
        help: 'Entity refs changed together, separated by commas',
      })}
      <Grid item xs={12}>
        <CheckboxGroup
          id="change-environments"
          label="Environments"
          options={environments.map(name => ({ value: name, text: name }))}
          value={values.environments}
          onChange={chosen => {
            const kept = occurrencesFor(props.occurrences, chosen).some(
              occurrence => occurrenceKey(occurrence) === values.occurrence,
            );
            // An occurrence of a window no environment uses any more goes.
            onChange({
              environments: chosen,
              ...(kept ? {} : { occurrence: '' }),
            });
          }}
          error={errors.environments}
          required
          disabled={disabled}
        />
      </Grid>
      <ChangeTimingFields
        values={values}
        errors={errors}
        occurrences={props.occurrences}
        occurrencesError={props.occurrencesError}
        disabled={disabled}
        onChange={onChange}
      />
      <Grid item xs={12}>
        <CheckboxGroup
          id="change-updates"
          label="Updates"
          options={CHANGE_TARGETS.map(target => ({
            value: target,
            text: TARGET_TEXT[target],
          }))}
          value={values.updates}
          onChange={chosen => onChange({ updates: chosen })}
          error={errors.updates}
          required
          disabled={disabled}
        />
      </Grid>
      {text('description', 'Description', { multiline: true })}
      {text('link', 'Link', {
        help: 'An http(s) page with the details, such as release notes',
      })}
      {text('contingencyPlan', 'Contingency plan', {
        required: true,
        multiline: true,
        help: 'How to go back if the change fails',
      })}
      <Grid item xs={12}>
        <FormControlLabel
          label="Silence alerts during the change"
          disabled={disabled}
          control={
            <Checkbox
              checked={values.silenceAlerts}
              onChange={event =>
                onChange({ silenceAlerts: event.target.checked })
              }
              color="primary"
              inputProps={{ 'aria-describedby': 'change-silence-help' }}
            />
          }
        />
        <FormHelperText id="change-silence-help">
          Silences the components&apos; P2 and P3 alerts in Alertmanager while
          the change runs. P1 alerts are never silenced.
        </FormHelperText>
      </Grid>
    </Grid>
  );
}
