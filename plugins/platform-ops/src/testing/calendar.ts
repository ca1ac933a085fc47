import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  Change,
  ComponentChange,
  noticeOf,
  windowOccurrences,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { ChangesQuery, WindowsResponse } from '../api';
import { ingressNginxEntity } from './ingressNginx';
import {
  cancelledChange,
  doneChange,
  productionUpgradeChange,
  securityPatchChange,
  stagingUpgradeChange,
} from './maintenance';
import { ordersDatabaseEntity } from './ordersDatabase';
import { testConfig } from './testConfig';

// The Maintenance calendar's data. Against testNow (2026-11-22), December
// 2026 holds staging's window on Tue 1 Dec 09:00 and production's on Tue
// 8 Dec 02:00, both Europe/Stockholm.

const ORDERS_DB = 'component:default/orders-db';

/**
 * A minor change of orders-db (owned by the orders team) in production's
 * December window, announced with the week's notice it needs.
 */
export const ordersDatabaseChange: Change = (() => {
  const announcedAt = '2026-11-21T10:00:00.000Z';
  const start = '2026-12-08T01:00:00.000Z';
  const notice = noticeOf(
    'minor',
    DateTime.fromISO(announcedAt),
    DateTime.fromISO(start),
    testConfig,
  );
  return {
    id: 'orders-db-16-4',
    title: 'PostgreSQL 16.4 for orders-db',
    class: 'minor',
    status: 'planned',
    entityRefs: [ORDERS_DB],
    environments: ['production'],
    window: 'prod-monthly',
    start,
    end: '2026-12-08T05:00:00.000Z',
    updates: ['platform-services'],
    description: 'Minor PostgreSQL release with the fix for the vacuum stall.',
    contingencyPlan: 'Restore the 16.3 image and the pre-upgrade snapshot',
    silenceAlerts: false,
    announcedAt,
    announcedBy: 'user:default/jane',
    noticeRequired: notice.required,
    noticeGiven: notice.given,
    shortNotice: notice.short,
    sequence: 0,
    updatedAt: announcedAt,
  };
})();

/** Every change the calendar tests know of, by start. */
export const calendarChanges: Change[] = [
  cancelledChange,
  doneChange,
  securityPatchChange,
  stagingUpgradeChange,
  ordersDatabaseChange,
  productionUpgradeChange,
];

/**
 * The window occurrences overlapping `from` to `to`, of one environment's
 * window when `environment` is given, computed from the test config as the
 * backend's `GET /windows` computes them.
 */
export function windowsBetween(query: {
  from: string;
  to: string;
  environment?: string;
}): WindowsResponse {
  const occurrences: WindowsResponse['occurrences'] = [];
  for (const [name, window] of Object.entries(testConfig.maintenance.windows)) {
    const environments = testConfig.environments
      .filter(entry => entry.maintenanceWindow === name)
      .map(entry => entry.name);
    if (query.environment && !environments.includes(query.environment)) {
      continue;
    }
    for (const occurrence of windowOccurrences(name, window, {
      from: DateTime.fromISO(query.from),
      to: DateTime.fromISO(query.to),
    })) {
      occurrences.push({ ...occurrence, environments });
    }
  }
  occurrences.sort((a, b) => a.start.localeCompare(b.start));
  return { occurrences, truncated: false };
}

/**
 * The calendar changes overlapping `from` to `to`, of `environment` when
 * given, as the backend's `GET /changes` lists them.
 */
export function changesBetween(query: ChangesQuery): ComponentChange[] {
  const from = query.from ? DateTime.fromISO(query.from).toMillis() : -Infinity;
  const to = query.to ? DateTime.fromISO(query.to).toMillis() : Infinity;
  return calendarChanges.filter(
    change =>
      DateTime.fromISO(change.end).toMillis() > from &&
      DateTime.fromISO(change.start).toMillis() < to &&
      (!query.environment || change.environments.includes(query.environment)),
  );
}

function owned(entity: Entity, owner: string): Entity {
  return {
    ...entity,
    relations: [{ type: RELATION_OWNED_BY, targetRef: owner }],
  };
}

/** The changed components as the catalog returns them, with their owners. */
export const calendarCatalogEntities: Entity[] = [
  owned(ingressNginxEntity, 'group:default/platform-team'),
  owned(ordersDatabaseEntity, 'group:default/orders-team'),
];
