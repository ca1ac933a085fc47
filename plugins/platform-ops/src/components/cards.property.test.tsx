/* eslint-disable no-script-url -- hostile URLs are test input: they must never be rendered as links */
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  hasPlatformOpsAnnotations,
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { cleanup, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { Settings } from 'luxon';
import { platformOpsApiRef } from '../api';
import {
  annotatedEntity,
  HOSTILE_URLS,
  isDangerousHref,
  liveData,
  withLiveData,
} from '@platform-ops/plugin-platform-ops-common/testUtils';
import { testConfig, testNow } from '../testing/testConfig';
import { EntityScopeCard } from './scope';
import { EntityAlertsCard } from './alerting';
import { EntityBackupsCard } from './backups';
import { EntityMaintenanceCard } from './maintenance';
import { EntityPlatformOpsCard } from './EntityPlatformOpsCard';

// The five entity cards, rendered together as on an entity page, for
// summaries built from generated annotations and generated live data. Each
// run mounts a whole test app, so runs are fewer than in the common
// package's parser property (1000 sets); the fixed seed keeps them the same.

/** Renders of the five cards; the doc's figure is this. */
const RENDER_RUNS = 200;

async function renderCards(entity: Entity, summary: OpsSummary) {
  const getSummary = jest.fn().mockResolvedValue(summary);
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getSummary }]]}>
      <EntityProvider entity={entity}>
        <EntityPlatformOpsCard />
        <EntityScopeCard />
        <EntityAlertsCard />
        <EntityBackupsCard />
        <EntityMaintenanceCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  // Each of the five cards shows its "as of" once its summary is in (a card
  // that threw would not), or names the annotation to add.
  const cardsShown = () =>
    hasPlatformOpsAnnotations(entity)
      ? document.querySelectorAll(`time[datetime="${summary.generatedAt}"]`)
          .length
      : screen.queryAllByText(/^Missing Annotation$/).length;
  await waitFor(() => expect(cardsShown()).toBe(5), { timeout: 5000 });
}

/** Every href on the page that would run code or embed content. */
function dangerousLinks(): string[] {
  return [...document.querySelectorAll('[href]')]
    .map(element => element.getAttribute('href') ?? '')
    .filter(isDangerousHref);
}

describe('the entity cards with generated summaries', () => {
  beforeAll(() => {
    Settings.now = () => testNow.toMillis();
  });
  afterAll(() => {
    Settings.now = () => Date.now();
  });

  it(`render without throwing and never link a javascript: or data: value (${RENDER_RUNS} runs of 5 cards)`, async () => {
    let runs = 0;
    let hrefs = 0;
    let annotated = 0;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    await fc.assert(
      fc.asyncProperty(annotatedEntity, liveData, async (entity, live) => {
        runs += 1;
        if (hasPlatformOpsAnnotations(entity)) annotated += 1;
        const [summary] = withLiveData(
          [summarizeEntity(entity, testConfig, testNow)],
          live,
          testConfig,
          testNow,
        );
        try {
          await renderCards(entity, summary);
          hrefs += document.querySelectorAll('[href]').length;
          expect(dangerousLinks()).toEqual([]);
          // A card that failed to render shows React's error boundary.
          expect(screen.queryByText(/something went wrong/i)).toBeNull();
        } finally {
          cleanup();
        }
      }),
      { numRuns: RENDER_RUNS, seed: 20261124 },
    );
    // React reports every error thrown while rendering here; its dev
    // warnings (MUI 4's findDOMNode) are no crash.
    expect(
      errors.mock.calls
        .map(call => String(call[0]))
        .filter(message => !message.startsWith('Warning: ')),
    ).toEqual([]);
    errors.mockRestore();
    expect(runs).toBe(RENDER_RUNS);
    expect(hrefs).toBeGreaterThan(RENDER_RUNS);
    expect(annotated).toBeGreaterThan(RENDER_RUNS * 0.9);
  }, 120_000);

  it('never link a hostile value from any annotation or alert field', async () => {
    const hostile = HOSTILE_URLS.join(' ');
    for (const url of HOSTILE_URLS) {
      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'hostile',
          namespace: 'default',
          annotations: {
            'platform-ops/scope': 'platform',
            'platform-ops/runbook': url,
            'platform-ops/escalation': url,
            'platform-ops/alert-matchers': `{app="x", runbook_url="${url}"}`,
            'platform-ops/backup-source': url,
            'platform-ops/backup-scope': url,
            'platform-ops/release': url,
            'platform-ops/maintenance-window': `production=${url}`,
            'backstage.io/kubernetes-id': url,
          },
        },
        spec: { type: 'service', owner: url, lifecycle: 'production' },
      };
      const summary = withLiveData(
        [summarizeEntity(entity, testConfig, testNow)],
        {
          alerts: {
            production: {
              heartbeat: 'ok',
              alerts: [
                {
                  fingerprint: 'f1',
                  labels: { app: 'x', alertname: url, runbook_url: url },
                  annotations: {
                    summary: url,
                    description: hostile,
                    runbook_url: url,
                    dashboard: url,
                  },
                  startsAt: '2026-11-21T23:00:00Z',
                  state: 'active',
                  silencedBy: [],
                  inhibitedBy: [],
                  generatorURL: url,
                },
              ],
            },
          },
          backups: {},
          clusters: {},
          drills: [],
        },
        testConfig,
        testNow,
      )[0];
      expect(summary.alerting.alerts).toHaveLength(1);
      await renderCards(entity, summary);
      expect(dangerousLinks()).toEqual([]);
      cleanup();
    }
  }, 60_000);
});
