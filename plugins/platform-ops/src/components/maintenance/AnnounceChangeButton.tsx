import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { platformOpsChangeCreatePermission } from '@platform-ops/plugin-platform-ops-common';
import { FormEvent, useState } from 'react';
import { ChangeResult, platformOpsApiRef } from '../../api';
import { newClientId } from '../../api/newClientId';
import { useWindowOccurrences } from '../../hooks/useWindowOccurrences';
import {
  ChangeFieldErrors,
  changeFieldErrorsOfMessage,
  ChangeFormValues,
  emptyChangeForm,
  parseChangeForm,
} from './changeForm';
import { ChangeFormFields } from './ChangeFormFields';

/** What the backend said, in a sentence for the person who submitted. */
export function changeRefusal(error: unknown, action: string): string {
  if (error instanceof ResponseError) {
    const message = error.body.error.message;
    if (error.statusCode === 403) {
      return `You may not announce or update changes: ${message}. Ask the platform team for the permission ${platformOpsChangeCreatePermission.name}.`;
    }
    if (error.statusCode === 400 || error.statusCode === 409) {
      return `The change was not ${action}: ${message}`;
    }
    return `The change was not ${action}: ${message}. Submitting again does it once.`;
  }
  return `The change was not ${action}: ${String(
    (error as Error)?.message ?? error,
  )}. Submitting again does it once.`;
}

/**
 * The "Announce change" button and its form. The form checks its fields
 * with the backend's own schema, shows each problem next to its field, and
 * keeps one change id across retries so a change is announced once.
 */
export function AnnounceChangeButton(props: {
  /** The component the change is announced for, prefilled. */
  entityRef: string;
  /** The component's environments, offered as choices. */
  environments: string[];
  onAnnounced: (result: ChangeResult) => void;
}) {
  const { entityRef, environments, onAnnounced } = props;
  const platformOpsApi = useApi(platformOpsApiRef);
  const fresh = () =>
    emptyChangeForm(entityRef, environments.length === 1 ? environments : []);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ChangeFormValues>(fresh);
  const [errors, setErrors] = useState<ChangeFieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [id, setId] = useState(newClientId);
  const windows = useWindowOccurrences(open);

  const start = () => {
    setValues(fresh());
    setErrors({});
    setFailure(undefined);
    setId(newClientId());
    setOpen(true);
  };
  const change = (changed: Partial<ChangeFormValues>) => {
    setValues(current => ({ ...current, ...changed }));
    setErrors(current => {
      const next = { ...current };
      for (const name of Object.keys(changed)) {
        delete next[name as keyof ChangeFieldErrors];
      }
      // The occurrence picker shows the window's and the start's problems.
      if ('occurrence' in changed || 'timing' in changed) {
        delete next.window;
        delete next.windowStart;
        delete next.start;
        delete next.end;
      }
      return next;
    });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseChangeForm(values, id);
    if (parsed.errors) {
      setErrors(parsed.errors);
      setFailure(undefined);
      return;
    }
    setSubmitting(true);
    setFailure(undefined);
    try {
      const result = await platformOpsApi.announceChange(parsed.input);
      setOpen(false);
      onAnnounced(result);
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 400) {
        setErrors(changeFieldErrorsOfMessage(error.body.error.message));
      }
      setFailure(changeRefusal(error, 'announced'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Button variant="contained" color="primary" onClick={start}>
        Announce change
      </Button>
      <Dialog
        open={open}
        onClose={() => !submitting && setOpen(false)}
        aria-labelledby="announce-change-title"
        maxWidth="md"
        fullWidth
      >
        <form onSubmit={submit} noValidate aria-label="Announce a change">
          <DialogTitle id="announce-change-title">
            Announce a change
          </DialogTitle>
          <DialogContent>
            {failure && (
              <Alert severity="error" role="alert" style={{ marginBottom: 8 }}>
                {failure}
              </Alert>
            )}
            <ChangeFormFields
              values={values}
              errors={errors}
              environments={environments}
              occurrences={windows.value?.occurrences ?? []}
              occurrencesError={
                windows.error &&
                `The window occurrences could not be loaded: ${windows.error.message}`
              }
              disabled={submitting}
              onChange={change}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={submitting}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={submitting}
            >
              {submitting ? 'Announcing…' : 'Announce'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
