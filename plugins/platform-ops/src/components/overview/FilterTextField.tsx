import TextField from '@material-ui/core/TextField';
import { useEffect, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** Wait this long after the last keystroke before filtering. */
export const FILTER_DEBOUNCE_MS = 300;

/**
 * A text filter that commits what was typed once typing pauses, and takes
 * the value again when it changes from elsewhere (a cleared filter, the
 * browser's back button).
 */
export function FilterTextField(props: {
  /** Links the label to the field. */
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  helperText?: string;
  maxLength?: number;
}) {
  const { id, label, value, onCommit, placeholder, helperText, maxLength } =
    props;
  const [text, setText] = useState(value);
  const committed = useRef(value);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useDebounce(
    () => {
      const trimmed = text.trim();
      if (trimmed !== committed.current) {
        committed.current = trimmed;
        onCommit(trimmed);
      }
    },
    FILTER_DEBOUNCE_MS,
    [text],
  );

  return (
    <TextField
      id={id}
      label={label}
      value={text}
      onChange={event => setText(event.target.value)}
      placeholder={placeholder}
      helperText={helperText}
      variant="outlined"
      size="small"
      inputProps={{ maxLength }}
    />
  );
}
