import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Alert } from '@material-ui/lab';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Drill,
  platformOpsDrillCreatePermission,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { FormEvent, useState } from 'react';
import { platformOpsApiRef } from '../../api';
import { newClientId } from '../../api/newClientId';
import {
  DrillField,
  DrillFieldErrors,
  DrillFormValues,
  emptyDrillForm,
  fieldErrorsOfMessage,
  parseDrillForm,
} from './drillForm';
import { DrillFormFields } from './DrillFormFields';

/** What the backend said, in a sentence for the person who submitted. */
function refusal(error: unknown): string {
  if (error instanceof ResponseError) {
    const message = error.body.error.message;
    if (error.statusCode === 403) {
      return `You may not record drills: ${message}. Ask the platform team for the permission ${platformOpsDrillCreatePermission.name}.`;
    }
    if (error.statusCode === 400) {
      return `The drill was not recorded: ${message}`;
    }
    return `The drill was not recorded: ${message}. Submitting again records it once.`;
  }
  return `The drill was not recorded: ${String(
    (error as Error)?.message ?? error,
  )}. Submitting again records it once.`;
}

/**
 * The "Record drill" button and its form. The form checks its fields with
 * the backend's own schema, shows each problem next to its field, and
 * keeps one drill id across retries so a drill is recorded once.
 */
export function RecordDrillButton(props: {
  /** The component the drill is recorded for, prefilled. */
  entityRef: string;
  /** The component's environments, offered as choices. */
  environments: string[];
  onRecorded: (drill: Drill) => void;
}) {
  const { entityRef, environments, onRecorded } = props;
  const platformOpsApi = useApi(platformOpsApiRef);
  const alertApi = useApi(alertApiRef);
  const fresh = () =>
    emptyDrillForm(
      entityRef,
      DateTime.now().toISODate()!,
      environments.length === 1 ? environments[0] : '',
    );
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<DrillFormValues>(fresh);
  const [errors, setErrors] = useState<DrillFieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [id, setId] = useState(newClientId);

  const start = () => {
    setValues(fresh());
    setErrors({});
    setFailure(undefined);
    setId(newClientId());
    setOpen(true);
  };
  const change = (field: DrillField, value: string) => {
    setValues(current => ({ ...current, [field]: value }));
    setErrors(current => ({ ...current, [field]: undefined }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDrillForm(values, id);
    if (parsed.errors) {
      setErrors(parsed.errors);
      setFailure(undefined);
      return;
    }
    setSubmitting(true);
    setFailure(undefined);
    try {
      const drill = await platformOpsApi.recordDrill(parsed.input);
      setOpen(false);
      alertApi.post({
        message: `Drill of ${drill.date} recorded`,
        severity: 'success',
        display: 'transient',
      });
      onRecorded(drill);
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 400) {
        setErrors(fieldErrorsOfMessage(error.body.error.message));
      }
      setFailure(refusal(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Button variant="contained" color="primary" onClick={start}>
        Record drill
      </Button>
      <Dialog
        open={open}
        onClose={() => !submitting && setOpen(false)}
        aria-labelledby="record-drill-title"
        maxWidth="md"
        fullWidth
      >
        <form onSubmit={submit} noValidate aria-label="Record a drill">
          <DialogTitle id="record-drill-title">Record a drill</DialogTitle>
          <DialogContent>
            {failure && (
              <Alert severity="error" role="alert" style={{ marginBottom: 8 }}>
                {failure}
              </Alert>
            )}
            <DrillFormFields
              values={values}
              errors={errors}
              environments={environments}
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
              {submitting ? 'Recording…' : 'Record'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
