import { Drill } from '@platform-ops/plugin-platform-ops-common';
import { StatusKind, StatusLine } from '../shared/StatusLine';

const OUTCOMES: Record<Drill['outcome'], { status: StatusKind; text: string }> =
  {
    succeeded: { status: 'ok', text: 'Succeeded' },
    'partly-succeeded': { status: 'warning', text: 'Partly succeeded' },
    failed: { status: 'error', text: 'Failed' },
  };

/** How a drill ended, in words with a status icon. */
export function DrillOutcome(props: { outcome: Drill['outcome'] }) {
  const { status, text } = OUTCOMES[props.outcome] ?? {
    status: 'warning',
    text: props.outcome,
  };
  return <StatusLine status={status}>{text}</StatusLine>;
}

/** The words for an outcome, for the form's choices. */
export function outcomeText(outcome: Drill['outcome']): string {
  return OUTCOMES[outcome].text;
}
