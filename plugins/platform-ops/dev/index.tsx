import Grid from '@material-ui/core/Grid';
import { Content, Header, Page } from '@backstage/core-components';
import {
  attachComponentData,
  createApiFactory,
} from '@backstage/core-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { createDevApp } from '@backstage/dev-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { NotFoundError } from '@backstage/errors';
import {
  Change,
  ChangeInput,
  ChangeUpdate,
  Drill,
  DrillInput,
  DrillsResponse,
  OpsSummary,
  OverviewQuery,
  overviewRowOf,
  selectOverview,
  sortOverviewRows,
  SourceStatus,
  windowOccurrences,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime, Settings } from 'luxon';
import { PlatformOpsApi, platformOpsApiRef } from '../src/api';
import {
  EntityBackupsCard,
  EntityMaintenanceCard,
  EntityPlatformOpsCard,
  EntityPlatformOpsContent,
  EntityScopeCard,
  PlatformOpsPage,
  platformOpsPlugin,
} from '../src/plugin';
import {
  argocdDrill,
  argocdEntity,
  argocdSummary,
} from '../src/testing/argocd';
import {
  postgresqlOrdersDrill,
  postgresqlOrdersEntity,
  postgresqlOrdersSummary,
} from '../src/testing/postgresqlOrders';
import { alertNoiseResponse } from '../src/testing/alertNoise';
import { gitlabCiEntity, gitlabCiSummary } from '../src/testing/gitlabCi';
import { ingressNginxEntity } from '../src/testing/ingressNginx';
import {
  ordersDatabaseEntity,
  ordersDatabaseSummary,
} from '../src/testing/ordersDatabase';
import {
  cancelledChange,
  checkoutServiceEntity,
  checkoutServiceSummary,
  doneChange,
  ingressNginxMaintenanceSummary,
  ingressNginxUpcomingChanges,
} from '../src/testing/maintenance';
import { testConfig, testNow } from '../src/testing/testConfig';

// The fixtures are judged as of testNow (a backup 55 minutes old is "at
// risk"); the dev app's clock stands there too, so every age shown matches
// the state beside it.
Settings.now = () => testNow.toMillis();

const summaries: Record<string, OpsSummary> = {
  'ingress-nginx': ingressNginxMaintenanceSummary,
  'checkout-service': checkoutServiceSummary,
  'gitlab-ci': gitlabCiSummary,
  'orders-db': ordersDatabaseSummary,
  argocd: argocdSummary,
  'postgresql-orders': postgresqlOrdersSummary,
};

// Drills recorded in the dev app are kept until the page is reloaded.
const drills: Drill[] = [argocdDrill, postgresqlOrdersDrill];

function drillsResponse(entityRef?: string): DrillsResponse {
  const components = Object.values(summaries)
    .filter(summary => summary.entity.ref === (entityRef ?? summary.entity.ref))
    .filter(summary => summary.backups.drill)
    .map(summary => {
      const status = summary.backups.drill!;
      return {
        entity: summary.entity,
        state: status.state,
        lastDrill: summary.backups.lastDrill?.date,
        nextDue: status.nextDue,
      };
    });
  return {
    drills: drills.filter(
      drill => !entityRef || drill.entityRefs.includes(entityRef),
    ),
    components,
  };
}

// Changes announced in the dev app are kept until the page is reloaded.
const changes: Change[] = [
  cancelledChange,
  doneChange,
  ...ingressNginxUpcomingChanges,
];

function announce(input: ChangeInput): Change {
  const existing = changes.find(change => change.id === input.id);
  if (existing) return existing;
  const start = input.windowStart ?? input.start!;
  const end =
    input.end ?? DateTime.fromISO(start).plus({ hours: 4 }).toUTC().toISO()!;
  const change: Change = {
    id: input.id ?? String(Date.now()),
    title: input.title,
    class: input.class,
    status: 'planned',
    entityRefs: input.entityRefs,
    environments: input.environments,
    window: input.window,
    start,
    end,
    updates: input.updates,
    description: input.description,
    link: input.link,
    contingencyPlan: input.contingencyPlan,
    silenceAlerts: input.silenceAlerts,
    announcedAt: testNow.toISO()!,
    announcedBy: 'user:development/guest',
    noticeRequired: '30d',
    noticeGiven: `${Math.floor(
      DateTime.fromISO(start).diff(testNow, 'days').days,
    )}d`,
    shortNotice: false,
    sequence: 0,
    updatedAt: testNow.toISO()!,
  };
  changes.push(change);
  return change;
}

function update(id: string, changed: ChangeUpdate): Change {
  const index = changes.findIndex(change => change.id === id);
  if (index < 0) throw new NotFoundError(`No change ${id}`);
  changes[index] = {
    ...changes[index],
    ...changed,
    updatedAt: testNow.toISO()!,
  };
  return changes[index];
}

const sources: SourceStatus[] = [
  {
    id: 'alertmanager:production',
    type: 'alertmanager',
    environment: 'production',
    state: 'ok',
    fetchedAt: testNow.minus({ seconds: 20 }).toISO()!,
    items: 3,
    heartbeat: 'ok',
  },
  {
    id: 'velero:staging',
    type: 'velero',
    environment: 'staging',
    state: 'failing',
    fetchedAt: testNow.minus({ hours: 3 }).toISO()!,
    lastError: 'the Kubernetes API did not answer within 10s',
    items: 12,
    warnings: [
      'Backup storage location default is Unavailable: every backup to it fails',
      'Schedule daily-platform is paused: it makes no backups',
    ],
  },
];

// Answers from fixtures, after a short delay so the loading state shows.
const fakePlatformOpsApi: PlatformOpsApi = {
  async getSummary(entityRef: CompoundEntityRef) {
    await new Promise(resolve => setTimeout(resolve, 400));
    const summary = summaries[entityRef.name];
    if (!summary) {
      throw new NotFoundError(`No summary for ${entityRef.name}`);
    }
    return summary;
  },
  async lookup(query: string) {
    const results = Object.values(summaries)
      .filter(summary => summary.entity.name.includes(query))
      .map(summary => ({
        entity: summary.entity,
        match: {
          field: 'name' as const,
          matched: summary.entity.name,
          score: 80,
        },
        scope: summary.scope,
        alerts: summary.alerting.counts,
        alertsTrustworthy: summary.alerting.trustworthy,
      }));
    return {
      query,
      results,
      indexedEntities: Object.keys(summaries).length,
      indexedAt: new Date().toISOString(),
    };
  },
  async getSources() {
    return sources;
  },
  async getOverview(query: Partial<OverviewQuery> = {}) {
    await new Promise(resolve => setTimeout(resolve, 400));
    const rows = sortOverviewRows(
      Object.values(summaries).map(summary => overviewRowOf(summary, testNow)),
    );
    return {
      ...selectOverview(rows, { offset: 0, limit: 50, ...query }),
      generatedAt: testNow.toISO()!,
      indexedAt: testNow.toISO()!,
    };
  },
  async getDrills(options?: { entityRef?: string }) {
    return drillsResponse(options?.entityRef);
  },
  async recordDrill(input: DrillInput) {
    await new Promise(resolve => setTimeout(resolve, 400));
    const drill: Drill = {
      ...input,
      id: input.id ?? String(Date.now()),
      recordedBy: 'user:development/guest',
      recordedAt: testNow.toISO()!,
    };
    drills.unshift(drill);
    return drill;
  },
  async getAlertNoise(filter = {}) {
    await new Promise(resolve => setTimeout(resolve, 400));
    return alertNoiseResponse({
      days: filter.days === 90 ? 90 : 30,
      environment: filter.environment,
    });
  },
  async getAlertHistory() {
    return { since: new Date().toISOString().slice(0, 10), days: [] };
  },
  async getChanges(query = {}) {
    return changes
      .filter(
        change =>
          (!query.entityRef || change.entityRefs.includes(query.entityRef)) &&
          (!query.environment ||
            change.environments.includes(query.environment)) &&
          (!query.from || change.end > query.from) &&
          (!query.to || change.start < query.to),
      )
      .sort((a, b) => a.start.localeCompare(b.start));
  },
  async announceChange(input: ChangeInput) {
    await new Promise(resolve => setTimeout(resolve, 400));
    return {
      change: announce(input),
      warnings: ['Owners were not notified: the dev app has no notifications'],
    };
  },
  async updateChange(id: string, changed: ChangeUpdate) {
    await new Promise(resolve => setTimeout(resolve, 400));
    return { change: update(id, changed), warnings: [] };
  },
  async getWindows(query: { from: string; to: string; environment?: string }) {
    const from = DateTime.fromISO(query.from);
    const to = DateTime.fromISO(query.to);
    const occurrences = Object.entries(testConfig.maintenance.windows)
      .flatMap(([name, window]) => {
        const environments = testConfig.environments
          .filter(entry => entry.maintenanceWindow === name)
          .map(entry => entry.name);
        if (query.environment && !environments.includes(query.environment)) {
          return [];
        }
        return windowOccurrences(name, window, { from, to }).map(
          occurrence => ({ ...occurrence, environments }),
        );
      })
      .sort((a, b) => a.start.localeCompare(b.start));
    return { occurrences, truncated: false };
  },
  async createCalendarToken() {
    return {
      url: 'http://localhost:7007/api/platform-ops/calendar.ics?token=dev-app-token-not-a-real-secret-000000000',
    };
  },
  async revokeCalendarToken() {},
};

// EntityRefLink needs the catalog entity route to be mounted somewhere.
function EntityPageStub() {
  return <Content>Entity pages live in the catalog.</Content>;
}
attachComponentData(EntityPageStub, 'core.mountPoint', entityRouteRef);

function EntityPage(props: { entity: Entity }) {
  return (
    <EntityProvider entity={props.entity}>
      <Page themeId="tool">
        <Header title={props.entity.metadata.name} />
        <Content>
          <Grid container spacing={3}>
            <Grid item xs={12} md={6}>
              <EntityPlatformOpsCard />
            </Grid>
            <Grid item xs={12} md={6}>
              <EntityScopeCard />
            </Grid>
            <Grid item xs={12} md={6}>
              <EntityBackupsCard />
            </Grid>
            <Grid item xs={12} md={6}>
              <EntityMaintenanceCard />
            </Grid>
          </Grid>
        </Content>
      </Page>
    </EntityProvider>
  );
}

createDevApp()
  .registerPlugin(platformOpsPlugin)
  // Overrides the plugin's own client, so no backend is needed.
  .registerApi(createApiFactory(platformOpsApiRef, fakePlatformOpsApi))
  // Allows everything, so the Record drill form shows without a backend.
  .registerApi(createApiFactory(permissionApiRef, mockApis.permission()))
  .addPage({
    path: '/ingress-nginx',
    title: 'ingress-nginx',
    element: <EntityPage entity={ingressNginxEntity} />,
  })
  .addPage({
    path: '/checkout-service',
    title: 'checkout-service',
    element: <EntityPage entity={checkoutServiceEntity} />,
  })
  .addPage({
    path: '/ingress-nginx-tab',
    title: 'ingress-nginx tab',
    element: (
      <EntityProvider entity={ingressNginxEntity}>
        <Page themeId="tool">
          <Header title="ingress-nginx: Platform Ops tab" />
          <Content>
            <EntityPlatformOpsContent />
          </Content>
        </Page>
      </EntityProvider>
    ),
  })
  .addPage({
    path: '/gitlab-ci',
    title: 'gitlab-ci',
    element: <EntityPage entity={gitlabCiEntity} />,
  })
  .addPage({
    path: '/orders-db',
    title: 'orders-db',
    element: <EntityPage entity={ordersDatabaseEntity} />,
  })
  .addPage({
    path: '/argocd',
    title: 'argocd',
    element: <EntityPage entity={argocdEntity} />,
  })
  .addPage({
    path: '/postgresql-orders',
    title: 'postgresql-orders',
    element: <EntityPage entity={postgresqlOrdersEntity} />,
  })
  .addPage({
    path: '/postgresql-orders-tab',
    title: 'postgresql-orders tab',
    element: (
      <EntityProvider entity={postgresqlOrdersEntity}>
        <Page themeId="tool">
          <Header title="postgresql-orders: Platform Ops tab" />
          <Content>
            <EntityPlatformOpsContent />
          </Content>
        </Page>
      </EntityProvider>
    ),
  })
  .addPage({
    path: '/platform-ops',
    title: 'Platform Ops',
    element: <PlatformOpsPage />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <EntityPageStub />,
  })
  .render();
