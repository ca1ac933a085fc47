import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import { Change } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { FormEvent, useState } from 'react';
import { ChangeResult, platformOpsApiRef } from '../../api';
import { changeRefusal } from './AnnounceChangeButton';
import {
  ChangeAction,
  ChangeUpdateErrors,
  ChangeUpdateField,
  ChangeUpdateValues,
  localInputOf,
  parseChangeUpdate,
} from './changeUpdateForm';

const TITLES: Record<ChangeAction, string> = {
  start: 'Start the change',
  done: 'Finish the change',
  postpone: 'Postpone the change',
  cancel: 'Cancel the change',
};

const EXPLANATIONS: Record<ChangeAction, string> = {
  start: 'Marks the change as in progress.',
  done: 'Marks the change as done, with its retrospective. Its silences end now.',
  postpone:
    'Moves the change to a new time. The owners of its components and of their dependents are notified.',
  cancel:
    'Cancels the change for good. Its silences end, and the owners of its components and of their dependents are notified.',
};

const CONFIRM: Record<ChangeAction, string> = {
  start: 'Start',
  done: 'Mark as done',
  postpone: 'Postpone',
  cancel: 'Cancel the change',
};

/**
 * The dialog behind a status action: the retrospective when finishing, the
 * new time when postponing, a confirmation otherwise. The update is checked
 * with the backend's schema before it is sent.
 */
export function ChangeUpdateDialog(props: {
  change: Change;
  action: ChangeAction;
  onClose: () => void;
  onUpdated: (result: ChangeResult) => void;
}) {
  const { change, action, onClose, onUpdated } = props;
  const platformOpsApi = useApi(platformOpsApiRef);
  const [values, setValues] = useState<ChangeUpdateValues>(() => ({
    start: localInputOf(change.start),
    end: localInputOf(change.end),
    wentWell: '',
    toImprove: '',
    actionItems: '',
  }));
  const [errors, setErrors] = useState<ChangeUpdateErrors>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const field = (
    name: ChangeUpdateField,
    label: string,
    options: { type?: string; help?: string; half?: boolean } = {},
  ) => (
    <Grid item xs={12} sm={options.half ? 6 : 12} key={name}>
      <TextField
        id={`change-update-${name}`}
        label={label}
        value={values[name]}
        onChange={event => {
          const value = event.target.value;
          setValues(current => ({ ...current, [name]: value }));
          setErrors(current => ({ ...current, [name]: undefined }));
        }}
        error={Boolean(errors[name])}
        helperText={errors[name] ?? options.help}
        type={options.type}
        multiline={!options.type}
        minRows={options.type ? undefined : 2}
        InputLabelProps={options.type ? { shrink: true } : undefined}
        disabled={submitting}
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </Grid>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseChangeUpdate(action, values);
    if (parsed.errors) {
      setErrors(parsed.errors);
      return;
    }
    setSubmitting(true);
    setFailure(undefined);
    try {
      onUpdated(await platformOpsApi.updateChange(change.id, parsed.update));
    } catch (error) {
      setFailure(changeRefusal(error, 'updated'));
      setSubmitting(false);
    }
  };

  const zone = DateTime.local().zoneName;
  return (
    <Dialog
      open
      onClose={() => !submitting && onClose()}
      aria-labelledby="change-update-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={submit} noValidate aria-label={TITLES[action]}>
        <DialogTitle id="change-update-title">
          {TITLES[action]}: {change.title}
        </DialogTitle>
        <DialogContent>
          {failure && (
            <Alert severity="error" role="alert" style={{ marginBottom: 8 }}>
              {failure}
            </Alert>
          )}
          <DialogContentText>{EXPLANATIONS[action]}</DialogContentText>
          <Grid container spacing={1}>
            {action === 'postpone' && [
              field('start', 'New start (your time)', {
                type: 'datetime-local',
                help: zone,
                half: true,
              }),
              field('end', 'New end (your time)', {
                type: 'datetime-local',
                help: zone,
                half: true,
              }),
            ]}
            {action === 'done' && [
              field('wentWell', 'Went well'),
              field('toImprove', 'To improve'),
              field('actionItems', 'Action items', { help: 'One per line' }),
            ]}
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Back
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={submitting}
          >
            {CONFIRM[action]}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
