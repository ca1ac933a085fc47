import Grid from '@material-ui/core/Grid';
import { Content, Header, Page } from '@backstage/core-components';
import {
  attachComponentData,
  createApiFactory,
} from '@backstage/core-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { createDevApp } from '@backstage/dev-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { NotFoundError } from '@backstage/errors';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { PlatformOpsApi, platformOpsApiRef } from '../src/api';
import {
  EntityPlatformOpsCard,
  EntityScopeCard,
  PlatformOpsPage,
  platformOpsPlugin,
} from '../src/plugin';
import { gitlabCiEntity, gitlabCiSummary } from '../src/testing/gitlabCi';
import {
  ingressNginxEntity,
  ingressNginxSummary,
} from '../src/testing/ingressNginx';
import {
  ordersDatabaseEntity,
  ordersDatabaseSummary,
} from '../src/testing/ordersDatabase';

const summaries: Record<string, OpsSummary> = {
  'ingress-nginx': ingressNginxSummary,
  'gitlab-ci': gitlabCiSummary,
  'orders-db': ordersDatabaseSummary,
};

// Answers from fixtures, after a short delay so the loading state shows.
const fakePlatformOpsApi: PlatformOpsApi = {
  async getSummary(entityRef: CompoundEntityRef) {
    await new Promise(resolve => setTimeout(resolve, 400));
    const summary = summaries[entityRef.name];
    if (!summary) {
      throw new NotFoundError(`No summary for ${entityRef.name}`);
    }
    return { ...summary, generatedAt: new Date().toISOString() };
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
    return [];
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
    path: '/platform-ops',
    title: 'Platform Ops',
    element: <PlatformOpsPage />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <EntityPageStub />,
  })
  .render();
