import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { platformOpsChangeCreatePermission } from '@platform-ops/plugin-platform-ops-common';
import { ChangeResult, platformOpsApiRef } from '../../api';
import { useWindowOccurrences } from '../../hooks/useWindowOccurrences';
import { FormDialogButton } from '../shared/FormDialogButton';
import { useFormDialog } from '../shared/useFormDialog';
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
  const dialog = useFormDialog({
    initial: () =>
      emptyChangeForm(entityRef, environments.length === 1 ? environments : []),
    parse: parseChangeForm,
    send: input => platformOpsApi.announceChange(input),
    onDone: onAnnounced,
    fieldErrorsOf: changeFieldErrorsOfMessage,
    refusal: error => changeRefusal(error, 'announced'),
  });
  const windows = useWindowOccurrences(dialog.open);
  const { setValues, setErrors } = dialog;
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

  return (
    <FormDialogButton
      label="Announce change"
      title="Announce a change"
      titleId="announce-change-title"
      submitLabels={{ idle: 'Announce', submitting: 'Announcing…' }}
      dialog={dialog}
    >
      <ChangeFormFields
        values={dialog.values}
        errors={dialog.errors}
        environments={environments}
        occurrences={windows.value?.occurrences ?? []}
        occurrencesError={
          windows.error &&
          `The window occurrences could not be loaded: ${windows.error.message}`
        }
        disabled={dialog.submitting}
        onChange={change}
      />
    </FormDialogButton>
  );
}
