import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Drill,
  platformOpsDrillCreatePermission,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { platformOpsApiRef } from '../../api';
import { FormDialogButton } from '../shared/FormDialogButton';
import { useFormDialog } from '../shared/useFormDialog';
import {
  DrillField,
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
  const dialog = useFormDialog({
    initial: () =>
      emptyDrillForm(
        entityRef,
        DateTime.now().toISODate()!,
        environments.length === 1 ? environments[0] : '',
      ),
    parse: parseDrillForm,
    send: input => platformOpsApi.recordDrill(input),
    onDone: drill => {
      alertApi.post({
        message: `Drill of ${drill.date} recorded`,
        severity: 'success',
        display: 'transient',
      });
      onRecorded(drill);
    },
    fieldErrorsOf: fieldErrorsOfMessage,
    refusal,
  });
  const { setValues, setErrors } = dialog;
  const change = (field: DrillField, value: string) => {
    setValues(current => ({ ...current, [field]: value }));
    setErrors(current => ({ ...current, [field]: undefined }));
  };

  return (
    <FormDialogButton
      label="Record drill"
      title="Record a drill"
      titleId="record-drill-title"
      submitLabels={{ idle: 'Record', submitting: 'Recording…' }}
      dialog={dialog}
    >
      <DrillFormFields
        values={dialog.values}
        errors={dialog.errors}
        environments={environments}
        disabled={dialog.submitting}
        onChange={change}
      />
    </FormDialogButton>
  );
}
