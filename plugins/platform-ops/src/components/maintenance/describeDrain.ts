import {
  DrainCheck,
  DrainReadiness,
  KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR,
  MaintenanceSection,
  WorkloadSelection,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime, Duration } from 'luxon';
import { ageText, clockText } from '../shared/ageText';
import { Judgement } from '../shared/StatusLine';
import { countdownText } from './describeWindow';

/** A window this close makes a component that is not drain-ready urgent. */
export const DRAIN_NOTICE = Duration.fromObject({ days: 7 });

/** The hint when nothing names the component's workloads. */
export const SELECT_WORKLOADS_HINT = `add the ${KUBERNETES_ID} annotation (the value of its workloads' ${KUBERNETES_ID} label) or ${KUBERNETES_LABEL_SELECTOR}`;

/** "StatefulSet rabbitmq/rabbitmq: 1 replica: downtime ...; run at least 2". */
export function checkText(check: DrainCheck): string {
  return `${check.workload}: ${check.message}`;
}

function failing(readiness: DrainReadiness): DrainCheck[] {
  return readiness.checks.filter(check => check.state === 'fail');
}

/**
 * Why a cluster's data cannot be trusted, and since when: "Cluster source
 * unreachable since 14:05 (3 h ago): <error>".
 */
export function staleText(
  readiness: DrainReadiness,
  now: DateTime = DateTime.now(),
): string {
  const error = readiness.lastError ? `: ${readiness.lastError}` : '';
  if (!readiness.fetchedAt) {
    return `Cluster source ${readiness.sourceId} has never answered${
      error || (readiness.message ? `: ${readiness.message}` : '')
    }`;
  }
  const since = `${clockText(readiness.fetchedAt, now)} (${ageText(
    readiness.fetchedAt,
    now,
  )})`;
  return readiness.lastError
    ? `Cluster source unreachable since ${since}${error}`
    : `No fresh data from the cluster source since ${since}: its polling may have stopped`;
}

/** What to do when no annotation names the component's workloads. */
export const NO_WORKLOADS_NAMED = `No workloads are named: ${SELECT_WORKLOADS_HINT}`;

/** What to do when no Deployment or StatefulSet is the component's. */
export function noWorkloadText(
  environment: string,
  selection: WorkloadSelection | undefined,
): string {
  if (!selection) return NO_WORKLOADS_NAMED;
  const where = selection.namespace
    ? ` in namespace ${selection.namespace}`
    : '';
  if (selection.labelSelector) {
    return `No Deployment or StatefulSet in ${environment}${where} matches its ${KUBERNETES_LABEL_SELECTOR}: correct the selector, or use ${KUBERNETES_ID}`;
  }
  return `No Deployment or StatefulSet in ${environment}${where} has the label ${KUBERNETES_ID}=${selection.kubernetesId}: add that label to its workloads, or select them with ${KUBERNETES_LABEL_SELECTOR}`;
}

/**
 * One environment's drain readiness as a headline and the lines under it:
 * each failed check with its fix, weaker passes, and what passed. Stale or
 * missing data is never ready: it says how old it is, and last known
 * failures stay visible as such.
 */
export function describeDrain(
  readiness: DrainReadiness,
  selection: WorkloadSelection | undefined,
  now: DateTime = DateTime.now(),
): { headline: Judgement; lines: Judgement[] } {
  const failed = failing(readiness);
  const weak = readiness.checks.filter(check => check.state === 'weak');
  const weakLines = weak.map<Judgement>(check => ({
    status: 'warning',
    text: `Weaker pass, ${checkText(check)}`,
  }));
  switch (readiness.state) {
    case 'ready': {
      const passed = readiness.workloads.map<Judgement>(workload => ({
        status: 'ok',
        text: `${workload}: ${readiness.checks
          .filter(check => check.workload === workload)
          .filter(check => check.state === 'pass')
          .map(check => check.message)
          .join(', ')}`,
      }));
      return {
        headline: {
          status: weak.length > 0 ? 'warning' : 'ok',
          text:
            weak.length > 0 ? 'Drain-ready, with a weaker pass' : 'Drain-ready',
        },
        lines: [...passed, ...weakLines],
      };
    }
    case 'not-ready':
      return {
        headline: {
          status: 'error',
          text: `Not drain-ready: ${failed.length} check${
            failed.length === 1 ? '' : 's'
          } fail${failed.length === 1 ? 's' : ''}`,
        },
        lines: [
          ...failed.map<Judgement>(check => ({
            status: 'error',
            text: checkText(check),
          })),
          ...weakLines,
        ],
      };
    case 'unknown': {
      const lines: Judgement[] = failed.map(check => ({
        status: 'warning',
        text: `Last known: ${checkText(check)}`,
      }));
      if (readiness.workloads.length === 0 && readiness.headroom) {
        // The cluster did answer once, but nothing there was the component's.
        lines.push({
          status: 'warning',
          text: `Last known: ${noWorkloadText(
            readiness.environment,
            selection,
          )}`,
        });
      } else if (readiness.workloads.length > 0 && failed.length === 0) {
        lines.push({
          status: 'warning',
          text: 'Every check passed in the last known data, which is too old to call it drain-ready',
        });
      }
      return {
        headline: {
          status: 'warning',
          text: `Drain readiness unknown: ${staleText(readiness, now)}`,
        },
        lines,
      };
    }
    default:
      return {
        headline: {
          status: 'warning',
          text: noWorkloadText(readiness.environment, selection),
        },
        lines: [],
      };
  }
}

/**
 * One line for the overview card: "production: Drain-ready",
 * "staging: not drain-ready, StatefulSet rabbitmq/rabbitmq: 1 replica: ...
 * (and 1 more)".
 */
export function describeDrainBriefly(
  readiness: DrainReadiness,
  selection: WorkloadSelection | undefined,
  now: DateTime = DateTime.now(),
): Judgement {
  const { environment } = readiness;
  const failed = failing(readiness);
  switch (readiness.state) {
    case 'ready':
      return readiness.checks.some(check => check.state === 'weak')
        ? {
            status: 'warning',
            text: `${environment}: Drain-ready, with a weaker pass (preferred pod anti-affinity only)`,
          }
        : { status: 'ok', text: `${environment}: Drain-ready` };
    case 'not-ready':
      return {
        status: 'error',
        text: `${environment}: not drain-ready, ${checkText(failed[0])}${
          failed.length > 1 ? ` (and ${failed.length - 1} more)` : ''
        }`,
      };
    case 'unknown':
      return {
        status: 'warning',
        text: `${environment}: drain readiness unknown: ${staleText(
          readiness,
          now,
        )}`,
      };
    default:
      return {
        status: 'warning',
        text: `${environment}: ${noWorkloadText(environment, selection)}`,
      };
  }
}

/**
 * The cluster's headroom in an environment. A cluster that can lose its
 * largest node is only said so from fresh data.
 */
export function describeHeadroom(
  readiness: DrainReadiness,
): Judgement | undefined {
  const { headroom, environment } = readiness;
  if (!headroom) return undefined;
  if (headroom.state === 'short') {
    return {
      status: 'warning',
      text: `Cluster headroom in ${environment}${
        readiness.fresh ? '' : ' (last known)'
      }: ${headroom.message}`,
    };
  }
  return readiness.fresh
    ? {
        status: 'ok',
        text: `Cluster headroom in ${environment}: ${headroom.message}`,
      }
    : undefined;
}

/**
 * The environments whose window is in progress or starts within
 * `DRAIN_NOTICE` while the component is not drain-ready (or cannot be shown
 * to be), each with a sentence to put at the top of the card.
 */
export function urgentDrains(
  maintenance: MaintenanceSection,
  now: DateTime = DateTime.now(),
): Array<{ environment: string; text: string }> {
  return (maintenance.drainReadiness ?? []).flatMap(readiness => {
    if (readiness.state !== 'not-ready' && readiness.state !== 'unknown') {
      return [];
    }
    const { current, next } =
      maintenance.occurrences?.[readiness.environment] ?? {};
    const occurrence = current ?? next;
    if (!occurrence) return [];
    const start = DateTime.fromISO(occurrence.start);
    if (
      !start.isValid ||
      start.diff(now).as('milliseconds') >= DRAIN_NOTICE.as('milliseconds')
    ) {
      return [];
    }
    const countdown = countdownText(occurrence, now);
    if (countdown.text === 'over') return [];
    const when = countdown.inProgress
      ? `its maintenance window is ${countdown.text}`
      : `its maintenance window starts ${countdown.text}`;
    const { environment } = readiness;
    const failed = failing(readiness).length;
    return [
      {
        environment,
        text:
          readiness.state === 'not-ready'
            ? `Not drain-ready in ${environment}, and ${when}: ${failed} check${
                failed === 1 ? '' : 's'
              } to fix before nodes are drained, or expect downtime`
            : `Drain readiness in ${environment} is unknown, and ${when}: the cluster's data is not fresh, so nothing shows a drain is safe`,
      },
    ];
  });
}
