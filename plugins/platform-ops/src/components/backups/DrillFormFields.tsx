import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { DRILL_OUTCOMES } from '@platform-ops/plugin-platform-ops-common';
import { outcomeText } from './DrillOutcome';
import { DrillField, DrillFieldErrors, DrillFormValues } from './drillForm';

type FieldSpec = {
  name: DrillField;
  label: string;
  help?: string;
  required?: boolean;
  multiline?: boolean;
  type?: string;
  half?: boolean;
};

const TEXT_FIELDS: FieldSpec[] = [
  {
    name: 'entityRefs',
    label: 'Components',
    help: 'Entity refs drilled together, separated by commas',
    required: true,
  },
  { name: 'date', label: 'Date', type: 'date', required: true, half: true },
  {
    name: 'scenario',
    label: 'Scenario',
    help: 'What was drilled',
    required: true,
  },
  { name: 'ledBy', label: 'Led by', required: true, half: true },
  {
    name: 'measuredRto',
    label: 'Measured RTO',
    help: 'How long the recovery took, such as 3h or 90m',
    half: true,
  },
  { name: 'wentWell', label: 'Went well', multiline: true },
  { name: 'toImprove', label: 'To improve', multiline: true },
  {
    name: 'actionItems',
    label: 'Action items',
    help: 'One per line',
    multiline: true,
  },
];

/**
 * The fields of a drill and its retrospective, each with its error next to
 * it. The environment is a choice when the component's environments are
 * known.
 */
export function DrillFormFields(props: {
  values: DrillFormValues;
  errors: DrillFieldErrors;
  environments: string[];
  disabled: boolean;
  onChange: (field: DrillField, value: string) => void;
}) {
  const { values, errors, environments, disabled, onChange } = props;
  const field = (spec: FieldSpec) => (
    <Grid item xs={12} sm={spec.half ? 6 : 12} key={spec.name}>
      <TextField
        id={`drill-${spec.name}`}
        label={spec.label}
        value={values[spec.name]}
        onChange={event => onChange(spec.name, event.target.value)}
        error={Boolean(errors[spec.name])}
        helperText={errors[spec.name] ?? spec.help}
        required={spec.required}
        multiline={spec.multiline}
        minRows={spec.multiline ? 2 : undefined}
        type={spec.type}
        InputLabelProps={spec.type === 'date' ? { shrink: true } : undefined}
        disabled={disabled}
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </Grid>
  );
  const choice = (
    name: DrillField,
    label: string,
    options: Array<{ value: string; text: string }>,
  ) => (
    <Grid item xs={12} sm={6} key={name}>
      <TextField
        id={`drill-${name}`}
        select={options.length > 0}
        label={label}
        value={values[name]}
        onChange={event => onChange(name, event.target.value)}
        error={Boolean(errors[name])}
        helperText={errors[name]}
        required
        disabled={disabled}
        fullWidth
        variant="outlined"
        margin="dense"
      >
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.text}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );
  const [components, date, scenario, ledBy, measuredRto, ...retrospective] =
    TEXT_FIELDS;
  return (
    <Grid container spacing={1}>
      {field(components)}
      {choice(
        'environment',
        'Environment',
        environments.map(name => ({ value: name, text: name })),
      )}
      {field(date)}
      {field(scenario)}
      {field(ledBy)}
      {field(measuredRto)}
      {choice(
        'outcome',
        'Outcome',
        DRILL_OUTCOMES.map(outcome => ({
          value: outcome,
          text: outcomeText(outcome),
        })),
      )}
      {retrospective.map(field)}
    </Grid>
  );
}
