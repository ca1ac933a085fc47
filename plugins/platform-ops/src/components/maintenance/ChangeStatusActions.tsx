import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { Change, ChangeStatus } from '@platform-ops/plugin-platform-ops-common';
import { useState } from 'react';
import { ChangeResult } from '../../api';
import { ChangeAction } from './changeUpdateForm';
import { ChangeUpdateDialog } from './ChangeUpdateDialog';

/** What can be done to a change in each status; done and cancelled are final. */
const ACTIONS: Record<ChangeStatus, ChangeAction[]> = {
  planned: ['start', 'done', 'postpone', 'cancel'],
  'in-progress': ['done', 'postpone', 'cancel'],
  postponed: ['start', 'postpone', 'cancel'],
  done: [],
  cancelled: [],
};

const LABELS: Record<ChangeAction, string> = {
  start: 'Start',
  done: 'Done',
  postpone: 'Postpone',
  cancel: 'Cancel',
};

/**
 * The status actions a change still allows, each opening its dialog: start,
 * done with a retrospective, postpone with a new time, cancel.
 */
export function ChangeStatusActions(props: {
  change: Change;
  onUpdated: (result: ChangeResult) => void;
}) {
  const { change, onUpdated } = props;
  const [action, setAction] = useState<ChangeAction>();
  const actions = ACTIONS[change.status];
  if (actions.length === 0) return null;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {actions.map(name => (
        <Button
          key={name}
          size="small"
          variant="outlined"
          onClick={() => setAction(name)}
          aria-label={`${LABELS[name]}: ${change.title}`}
        >
          {LABELS[name]}
        </Button>
      ))}
      {action && (
        <ChangeUpdateDialog
          change={change}
          action={action}
          onClose={() => setAction(undefined)}
          onUpdated={result => {
            setAction(undefined);
            onUpdated(result);
          }}
        />
      )}
    </Box>
  );
}
