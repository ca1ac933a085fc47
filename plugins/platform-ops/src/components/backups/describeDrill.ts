import {
  BackupsSection,
  DrillState,
} from '@platform-ops/plugin-platform-ops-common';
import { Judgement } from '../shared/StatusLine';

/**
 * Whether a drill is due: "Next drill due 2027-03-30", "Drill overdue
 * since 2026-10-17" or "No drill recorded".
 */
export function describeDrillState(
  state: DrillState,
  nextDue?: string,
  interval?: string,
): Judgement {
  const every = interval ? ` (one every ${interval})` : '';
  switch (state) {
    case 'ok':
      return { status: 'ok', text: `Next drill due ${nextDue}${every}` };
    case 'overdue':
      return {
        status: 'warning',
        text: `Drill overdue since ${nextDue}${every}`,
      };
    default:
      return { status: 'warning', text: `No drill recorded${every}` };
  }
}

/**
 * The last drill's measured recovery time against the RTO: "RTO met: last
 * drill 2026-10-01 measured 3h, objective 4h". Undefined when nothing is
 * backed up.
 */
export function describeRto(backups: BackupsSection): Judgement | undefined {
  if (!backups.rto) return undefined;
  const objective = backups.policy.rto.value;
  const drill = backups.lastDrill;
  const measured = `last drill ${drill?.date} measured ${backups.rto.measured}, objective ${objective}`;
  switch (backups.rto.state) {
    case 'ok':
      return { status: 'ok', text: `RTO met: ${measured}` };
    case 'exceeded':
      return { status: 'error', text: `RTO exceeded: ${measured}` };
    default:
      return {
        status: 'warning',
        text: drill
          ? `RTO not measured: the last drill (${drill.date}) recorded no recovery time; objective ${objective}`
          : `RTO unproven: no drill has measured it; objective ${objective}`,
      };
  }
}
