import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';

/**
 * A labelled set of checkboxes choosing several values, with the error or
 * help below it, as a text field shows them.
 */
export function CheckboxGroup(props: {
  id: string;
  label: string;
  options: Array<{ value: string; text: string }>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  help?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  const { id, label, options, value, onChange, error, help } = props;
  const toggle = (option: string, checked: boolean) =>
    onChange(
      // Kept in the order offered, whatever order they are ticked in.
      options
        .map(entry => entry.value)
        .filter(entry => (entry === option ? checked : value.includes(entry))),
    );
  const described = error ?? help;
  return (
    <FormControl
      component="fieldset"
      error={Boolean(error)}
      required={props.required}
      disabled={props.disabled}
      margin="dense"
      aria-describedby={described ? `${id}-helper-text` : undefined}
    >
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup row>
        {options.map(option => (
          <FormControlLabel
            key={option.value}
            label={option.text}
            control={
              <Checkbox
                checked={value.includes(option.value)}
                onChange={event => toggle(option.value, event.target.checked)}
                color="primary"
              />
            }
          />
        ))}
      </FormGroup>
      {described && (
        <FormHelperText id={`${id}-helper-text`}>{described}</FormHelperText>
      )}
    </FormControl>
  );
}
