import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { Settings } from 'luxon';
import platformOpsPlugin, {
  entityAlertsCard,
  entityBackupsCard,
  entityMaintenanceCard,
  entityPlatformOpsCard,
  entityScopeCard,
  platformOpsPage,
} from './alpha';
import { PlatformOpsApi, platformOpsApiRef } from './api';
import {
  ingressNginxEntity,
  ingressNginxSummary,
} from './testing/ingressNginx';
import { testNow } from './testing/testConfig';

const plain: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a' },
};

const api: Partial<PlatformOpsApi> = {
  getSummary: jest.fn().mockResolvedValue(ingressNginxSummary),
  lookup: jest
    .fn()
    .mockResolvedValue({ query: '', results: [], indexedEntities: 0 }),
};

describe('the plugin in the new frontend system', () => {
  beforeAll(() => {
    Settings.now = () => testNow.toMillis();
  });
  afterAll(() => {
    Settings.now = () => Date.now();
  });

  it('provides the API, five entity cards, the entity content and the page', () => {
    const ids = [
      platformOpsPlugin.getExtension('api:platform-ops'),
      platformOpsPlugin.getExtension('entity-card:platform-ops/overview'),
      platformOpsPlugin.getExtension('entity-card:platform-ops/scope'),
      platformOpsPlugin.getExtension('entity-card:platform-ops/alerts'),
      platformOpsPlugin.getExtension('entity-card:platform-ops/backups'),
      platformOpsPlugin.getExtension('entity-card:platform-ops/maintenance'),
      platformOpsPlugin.getExtension('entity-content:platform-ops'),
      platformOpsPlugin.getExtension('page:platform-ops'),
    ];
    expect(ids.every(Boolean)).toBe(true);
  });

  it.each([
    ['overview', entityPlatformOpsCard, 'Platform Ops'],
    ['scope', entityScopeCard, 'Scope'],
    ['alerts', entityAlertsCard, 'Alerts'],
    ['backups', entityBackupsCard, 'Backups'],
    ['maintenance', entityMaintenanceCard, 'Maintenance'],
  ] as const)(
    'the %s card shows on annotated entities only, and renders from the summary',
    async (_name, card, title) => {
      const tester = createExtensionTester(card as any);
      // Typed loosely: the cards are tested through one table.
      const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction) as
        | ((entity: Entity) => boolean)
        | undefined;
      expect(filter?.(ingressNginxEntity)).toBe(true);
      expect(filter?.(plain)).toBe(false);

      await renderInTestApp(
        <EntityProvider entity={ingressNginxEntity}>
          {tester.reactElement()}
        </EntityProvider>,
        {
          apis: [[platformOpsApiRef, api]],
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
      );
      // The card's own title, in the card header core-components renders.
      expect(
        await screen.findByText(title, { selector: '.MuiCardHeader-title' }),
      ).toBeInTheDocument();
      expect(api.getSummary).toHaveBeenCalledWith({
        kind: 'Component',
        namespace: 'default',
        name: 'ingress-nginx',
      });
    },
  );

  it('renders the page with its tabs', async () => {
    const tester = createExtensionTester(platformOpsPage);
    await renderInTestApp(tester.reactElement(), {
      apis: [[platformOpsApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByRole('heading', { name: 'Platform Ops' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Incident lookup' }),
    ).toBeInTheDocument();
  });
});
