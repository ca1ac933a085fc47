import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { DateTime, Settings } from 'luxon';
import { platformOpsApiRef } from '../../api';
import { ingressNginxEntity } from '../../testing/ingressNginx';
import {
  checkoutServiceEntity,
  checkoutServiceSummary,
  ingressNginxMaintenanceSummary,
  ingressNginxSummaryAt,
  releaseEntity,
} from '../../testing/maintenance';
import { testConfig, testNow } from '../../testing/testConfig';
import { EntityMaintenanceCard } from './EntityMaintenanceCard';

/** Stands the clock and the viewer's zone where the test says. */
function viewAt(now: DateTime, zone: string) {
  Settings.now = () => now.toMillis();
  Settings.defaultZone = zone;
}

async function renderCard(entity: Entity, summary: OpsSummary) {
  const getSummary = jest.fn().mockResolvedValue(summary);
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getSummary }]]}>
      <EntityProvider entity={entity}>
        <EntityMaintenanceCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return screen.findByRole('region', { name: 'Windows' });
}

function windowIn(environment: string): HTMLElement {
  return screen.getByRole('region', {
    name: `Maintenance window in ${environment}`,
  });
}

function releaseAt(release: string, now: DateTime, skewed = false) {
  const entity = releaseEntity(release, skewed);
  return { entity, summary: summarizeEntity(entity, testConfig, now) };
}

describe('EntityMaintenanceCard', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
    Settings.defaultZone = 'system';
  });

  it("shows each environment's next window in its own zone and the viewer's, with a countdown", async () => {
    viewAt(testNow, 'UTC');
    await renderCard(ingressNginxEntity, ingressNginxMaintenanceSummary);

    expect(windowIn('production')).toHaveTextContent(
      'production: prod-monthly' +
        'Next: Tue 8 Dec, 02:00–06:00 Europe/Stockholm (your time 01:00–05:00 UTC), in 16 days',
    );
    expect(windowIn('staging')).toHaveTextContent(
      'staging: staging-monthly' +
        'Next: Tue 1 Dec, 09:00–13:00 Europe/Stockholm (your time 08:00–12:00 UTC), in 9 days',
    );
    expect(
      within(windowIn('production')).queryByTestId('status-warning'),
    ).toBeNull();
  });

  it("gives the viewer's day when it differs from the window's", async () => {
    viewAt(testNow, 'America/New_York');
    await renderCard(ingressNginxEntity, ingressNginxMaintenanceSummary);

    expect(windowIn('production')).toHaveTextContent(
      'Tue 8 Dec, 02:00–06:00 Europe/Stockholm (your time Mon 7 Dec, 20:00–Tue 00:00 America/New_York)',
    );
  });

  it('leaves out the viewer’s time when the viewer is in the window’s zone', async () => {
    viewAt(testNow, 'Europe/Stockholm');
    await renderCard(ingressNginxEntity, ingressNginxMaintenanceSummary);

    expect(windowIn('production')).toHaveTextContent(
      'Next: Tue 8 Dec, 02:00–06:00 Europe/Stockholm, in 16 days',
    );
    expect(windowIn('production')).not.toHaveTextContent('your time');
  });

  it('says until when a window is in progress', async () => {
    const during = DateTime.fromISO('2026-12-08T03:30:00Z', { zone: 'utc' });
    viewAt(during, 'UTC');
    await renderCard(ingressNginxEntity, ingressNginxSummaryAt(during));

    const production = windowIn('production');
    expect(production).toHaveTextContent(
      'Now: Tue 8 Dec, 02:00–06:00 Europe/Stockholm (your time 01:00–05:00 UTC), in progress until 06:00',
    );
    expect(
      within(production).getByTestId('status-warning'),
    ).toBeInTheDocument();
    expect(windowIn('staging')).toHaveTextContent(
      'Next: Tue 5 Jan, 09:00–13:00 Europe/Stockholm (your time 08:00–12:00 UTC), in 28 days',
    );
  });

  it('lists the upcoming changes with class, status and short notice', async () => {
    viewAt(testNow, 'UTC');
    await renderCard(ingressNginxEntity, ingressNginxMaintenanceSummary);

    const changes = screen.getByRole('region', { name: 'Upcoming changes' });
    const [patch, staging, production] = Array.from(
      changes.querySelectorAll('[data-change]'),
    ) as HTMLElement[];

    expect(patch).toHaveTextContent(
      'Security patchPatch CVE-2026-24514 in the controller imagePostponed',
    );
    expect(patch).toHaveTextContent(
      'Wed 25 Nov, 19:00–20:00 UTC · staging, production',
    );
    expect(
      within(patch).getByTitle('Security patch: may go in at once'),
    ).toHaveAttribute('data-class', 'security-patch');

    expect(staging).toHaveTextContent(
      'Major updateIngress NGINX 1.12 in stagingPlanned',
    );
    expect(staging).toHaveTextContent(
      'Tue 1 Dec, 08:00–12:00 UTC (staging-monthly) · staging',
    );
    expect(staging).toHaveTextContent('short notice: 9d given, 30d expected');
    expect(within(staging).getByTestId('status-warning')).toBeInTheDocument();
    expect(
      within(staging).getByRole('link', { name: /^details/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/kubernetes/ingress-nginx/releases',
    );

    // Announced 52 days ahead of a major change: no flag.
    expect(production).toHaveTextContent('Ingress NGINX 1.12 in production');
    expect(production).not.toHaveTextContent('short notice');
    expect(production).not.toHaveTextContent('via');
  });

  it('shows a dependency’s change as coming via that dependency', async () => {
    viewAt(testNow, 'UTC');
    await renderCard(checkoutServiceEntity, checkoutServiceSummary);

    const changes = screen.getByRole('region', { name: 'Upcoming changes' });
    expect(changes).toHaveTextContent(
      'Tue 12 Jan, 01:00–05:00 UTC (prod-monthly) · production · via ingress-nginx',
    );
    expect(
      within(changes).getByRole('link', { name: 'ingress-nginx' }),
    ).toHaveAttribute('href', '/catalog/default/component/ingress-nginx');
  });

  it('says when nothing is announced', async () => {
    viewAt(testNow, 'UTC');
    const { entity, summary } = releaseAt('kubernetes@1.34', testNow);
    await renderCard(entity, summary);
    expect(
      screen.getByRole('region', { name: 'Upcoming changes' }),
    ).toHaveTextContent('No change is announced.');
  });

  it.each([
    [
      'kubernetes@1.31',
      '2026-11-22T00:05:00Z',
      'error',
      'Past end of life since 2025-10-28',
    ],
    [
      'kubernetes@1.34',
      '2026-09-15T00:05:00Z',
      'warning',
      'End of life in 42 days (2026-10-27)',
    ],
    [
      'kubernetes@1.34',
      '2026-06-01T00:05:00Z',
      'ok',
      'Supported: end of life 2026-10-27',
    ],
    [
      'redis@7',
      '2026-11-22T00:05:00Z',
      'warning',
      'No end-of-life data for redis@7',
    ],
  ])('shows %s at %s as %s', async (release, time, status, text) => {
    const now = DateTime.fromISO(time, { zone: 'utc' });
    viewAt(now, 'UTC');
    const { entity, summary } = releaseAt(release, now);
    await renderCard(entity, summary);

    const endOfLife = screen.getByRole('region', { name: 'End of life' });
    expect(endOfLife).toHaveTextContent(`Release: ${release} ${text}`);
    expect(
      within(endOfLife).getByTestId(`status-${status}`),
    ).toBeInTheDocument();
  });

  it('warns when staging’s window does not come before production’s', async () => {
    viewAt(testNow, 'UTC');
    const { entity, summary } = releaseAt('kubernetes@1.34', testNow, true);
    await renderCard(entity, summary);

    const windows = screen.getByRole('region', { name: 'Windows' });
    expect(windows).toHaveTextContent(
      "Not skewed as agreed: In 2026-12, staging's window (2026-12-08 02:00 Europe/Stockholm) does not come before production's (2026-12-01 09:00 Europe/Stockholm)",
    );
    expect(within(windows).getAllByTestId('status-warning')).toHaveLength(
      summary.maintenance.skew.length,
    );
  });

  it('names the annotation to add on an entity without any', async () => {
    const getSummary = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[platformOpsApiRef, { getSummary }]]}>
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'plain' },
            spec: { type: 'service', owner: 'team-a' },
          }}
        >
          <EntityMaintenanceCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/platform-ops\/maintenance-window/).length,
    ).toBeGreaterThan(0);
    expect(getSummary).not.toHaveBeenCalled();
  });
});
