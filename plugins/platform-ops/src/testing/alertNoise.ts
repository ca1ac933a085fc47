import {
  AlertNoiseCount,
  AlertNoisePeriod,
  AlertNoiseResponse,
  alertNoiseWindow,
  buildAlertNoiseReview,
} from '@platform-ops/plugin-platform-ops-common';
import { testNow } from './testConfig';

/**
 * A month of history on the demo platform: ingress-nginx pages every week
 * in production, orders-db pages twice, argocd's alerts in staging are
 * mostly silenced, and gitlab-ci's P3s are a steady trickle.
 */
export const alertNoiseCounts: AlertNoiseCount[] = [
  {
    entityRef: 'component:default/orders-db',
    environment: 'production',
    level: 'P1',
    fired: 3,
    silenced: 0,
    days: 2,
    weeks: 1,
  },
  {
    entityRef: 'component:default/ingress-nginx',
    environment: 'production',
    level: 'P1',
    fired: 9,
    silenced: 1,
    days: 7,
    weeks: 5,
  },
  {
    entityRef: 'component:default/ingress-nginx',
    environment: 'staging',
    level: 'P2',
    fired: 4,
    silenced: 0,
    days: 4,
    weeks: 3,
  },
  {
    entityRef: 'component:default/argocd',
    environment: 'staging',
    level: 'P2',
    fired: 6,
    silenced: 5,
    days: 6,
    weeks: 4,
  },
  {
    entityRef: 'component:default/gitlab-ci',
    environment: 'production',
    level: 'P3',
    fired: 12,
    silenced: 2,
    days: 12,
    weeks: 5,
  },
];

/** The review of {@link alertNoiseCounts}, as the backend answers it. */
export function alertNoiseResponse(
  options: { days?: AlertNoisePeriod; environment?: string } = {},
  counts: AlertNoiseCount[] = alertNoiseCounts,
): AlertNoiseResponse {
  const window = alertNoiseWindow(testNow.toISODate()!, options.days ?? 30);
  return {
    ...buildAlertNoiseReview(counts, window, {
      environment: options.environment,
    }),
    recordedAt: testNow.minus({ minutes: 2 }).toISO()!,
    historySince: '2026-08-01',
    environments: ['staging', 'production'],
  };
}
