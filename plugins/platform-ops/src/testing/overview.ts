import {
  OverviewFlag,
  OverviewResponse,
  OverviewRow,
  overviewRowOf,
  sortOverviewRows,
} from '@platform-ops/plugin-platform-ops-common';
import { argocdSummary } from './argocd';
import { gitlabCiSummary } from './gitlabCi';
import {
  checkoutServiceSummary,
  ingressNginxMaintenanceSummary,
} from './maintenance';
import { ordersDatabaseSummary } from './ordersDatabase';
import { postgresqlOrdersSummary } from './postgresqlOrders';
import { testNow } from './testConfig';

/**
 * A component whose title a spreadsheet would take for a formula, with a
 * comma and quotes in it: a P1 firing, past its end of life.
 */
export const paymentsGatewayRow: OverviewRow = {
  entity: {
    ref: 'component:default/payments-gateway',
    kind: 'Component',
    namespace: 'default',
    name: 'payments-gateway',
    title: '=Payments, "gateway"',
  },
  party: 'application',
  partyTitle: 'Application team',
  accountable: 'group:default/payments-team',
  owner: 'group:default/payments-team',
  environments: ['production'],
  worstLevel: 'P1',
  backup: 'ok',
  nextWindow: {
    environment: 'production',
    start: '2026-12-08T01:00:00.000Z',
    end: '2026-12-08T05:00:00.000Z',
  },
  endOfLife: 'eol',
  problemCount: 1,
  flags: ['has-p1', 'eol-past', 'annotation-problems'],
};

/**
 * The fixture components as the backend would list them at `testNow`:
 * from their full summaries, in overview order, the payments gateway first.
 */
export const overviewRows: OverviewRow[] = sortOverviewRows([
  paymentsGatewayRow,
  ...[
    ingressNginxMaintenanceSummary,
    checkoutServiceSummary,
    postgresqlOrdersSummary,
    argocdSummary,
    gitlabCiSummary,
    ordersDatabaseSummary,
  ].map(summary => overviewRowOf(summary, testNow)),
]);

/** Each flag's count over `rows`, as the backend counts them. */
function flagCountsOf(
  rows: readonly OverviewRow[],
): Partial<Record<OverviewFlag, number>> {
  const counts: Partial<Record<OverviewFlag, number>> = {};
  for (const row of rows) {
    for (const flag of row.flags) counts[flag] = (counts[flag] ?? 0) + 1;
  }
  return counts;
}

/**
 * A response holding `rows` as one page of `total` rows, with the flag
 * counts of `rows` unless given.
 */
export function overviewResponse(
  rows: OverviewRow[],
  page: Partial<OverviewResponse> = {},
): OverviewResponse {
  return {
    rows,
    total: rows.length,
    offset: 0,
    limit: 50,
    flagCounts: flagCountsOf(rows),
    generatedAt: testNow.minus({ minutes: 2 }).toISO()!,
    indexedAt: testNow.minus({ minutes: 10 }).toISO()!,
    ...page,
  };
}
