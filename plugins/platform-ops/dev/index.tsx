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
  Drill,
  DrillInput,
  DrillsResponse,
  OpsSummary,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { Settings } from 'luxon';
import { PlatformOpsApi, platformOpsApiRef } from '../src/api';
import {
  EntityBackupsCard,
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
import { gitlabCiEntity, gitlabCiSummary } from '../src/testing/gitlabCi';
import {
  ingressNginxEntity,
  ingressNginxSummary,
} from '../src/testing/ingressNginx';
import {
  ordersDatabaseEntity,
  ordersDatabaseSummary,
} from '../src/testing/ordersDatabase';
import { testNow } from '../src/testing/testConfig';

// The fixtures are judged as of testNow (a backup 55 minutes old is "at
// risk"); the dev app's clock stands there too, so every age shown matches
// the state beside it.
Settings.now = () => testNow.toMillis();

const summaries: Record<string, OpsSummary> = {
  'ingress-nginx': ingressNginxSummary,
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
  async getAlertHistory() {
    return { since: new Date().toISOString().slice(0, 10), days: [] };
  },
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
