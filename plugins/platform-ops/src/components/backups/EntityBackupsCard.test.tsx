import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { DateTime, Settings } from 'luxon';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import { argocdEntity, argocdSummary } from '../../testing/argocd';
import { gitlabCiEntity, gitlabCiSummary } from '../../testing/gitlabCi';
import {
  ingressNginxEntity,
  ingressNginxSummary,
} from '../../testing/ingressNginx';
import {
  hoursAgo,
  inventory,
  veleroBackup,
  withLiveBackups,
} from '../../testing/liveBackups';
import {
  ordersDatabaseEntity,
  ordersDatabaseSummary,
} from '../../testing/ordersDatabase';
import {
  postgresqlOrdersEntity,
  postgresqlOrdersSummary,
} from '../../testing/postgresqlOrders';
import { testConfig, testNow } from '../../testing/testConfig';
import { EntityBackupsCard } from './EntityBackupsCard';

const getSummary = jest.fn<
  ReturnType<PlatformOpsApi['getSummary']>,
  Parameters<PlatformOpsApi['getSummary']>
>();

async function renderCard(entity: Entity, summary?: OpsSummary) {
  if (summary) getSummary.mockResolvedValue(summary);
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getSummary }]]}>
      <EntityProvider entity={entity}>
        <EntityBackupsCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

/** One environment's part of the card. */
function environment(name: string) {
  return within(screen.getByRole('region', { name: `Backups in ${name}` }));
}

/**
 * The status a line of the card shows, checked twice: in the words'
 * container and by the icon the core status component draws.
 */
function statusOf(line: HTMLElement): string {
  const container = line.closest('[data-status]') as HTMLElement;
  const status = container.getAttribute('data-status')!;
  expect(within(container).getByTestId(`status-${status}`)).toBeInTheDocument();
  return status;
}

describe('EntityBackupsCard', () => {
  beforeAll(() => {
    // The fixtures are judged at testNow; ages are counted from it too.
    Settings.now = () => testNow.toMillis();
  });
  afterAll(() => {
    Settings.now = () => Date.now();
  });
  beforeEach(() => getSummary.mockReset());

  it('names the annotation to add on an entity without any, without asking the backend', async () => {
    await renderCard({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'plain' },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    });
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/platform-ops\/backup-source/).length,
    ).toBeGreaterThan(0);
    expect(getSummary).not.toHaveBeenCalled();
  });

  it('says plainly that a pushed RPO is breached, and that an environment is fine', async () => {
    await renderCard(postgresqlOrdersEntity, postgresqlOrdersSummary);
    expect(
      await screen.findByText('reports pushed by the backup tool'),
    ).toBeInTheDocument();
    const breached = environment('production').getByText(
      'RPO breached: last good backup 3 h ago (RPO 1h)',
    );
    expect(statusOf(breached)).toBe('error');
    const ok = environment('staging').getByText(
      'Last good backup 18 min ago (RPO 1h)',
    );
    expect(statusOf(ok)).toBe('ok');
    expect(
      statusOf(
        environment('production').getByText(
          'Restorable back 30 d (to 2026-10-23), retention 30d',
        ),
      ),
    ).toBe('ok');
    expect(
      environment('production').getByText(
        'No restore has been proven (pushed reports do not carry restores)',
      ),
    ).toBeInTheDocument();
  });

  it('sets the last drill against the RTO and says a drill is overdue', async () => {
    await renderCard(postgresqlOrdersEntity, postgresqlOrdersSummary);
    const rto = await screen.findByText(
      'RTO exceeded: last drill 2026-04-20 measured 3h, objective 2h',
    );
    expect(statusOf(rto)).toBe('error');
    expect(
      statusOf(
        screen.getByText('Drill overdue since 2026-10-17 (one every 180d)'),
      ),
    ).toBe('warning');
  });

  it('warns when the last good backup is past 80 % of the RPO, and names the scope mismatch both ways', async () => {
    await renderCard(ordersDatabaseEntity, ordersDatabaseSummary);
    const production = await screen.findByRole('region', {
      name: 'Backups in production',
    });
    const line = within(production).getByText(
      'At risk: last good backup 55 min ago (RPO 1h), past 80 % of the RPO',
    );
    expect(statusOf(line)).toBe('warning');
    expect(
      statusOf(
        within(production).getByText(
          'Declared but not covered: pvc orders/data-orders-db-0',
        ),
      ),
    ).toBe('warning');
    expect(
      statusOf(
        within(production).getByText(
          'Covered but not declared: namespace orders-archive',
        ),
      ),
    ).toBe('warning');
    expect(production).toHaveTextContent(
      '1 in progress, not counted for the RPO',
    );
    expect(
      screen.getByText('No drill recorded (one every 180d)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('RTO unproven: no drill has measured it; objective 4h'),
    ).toBeInTheDocument();
  });

  it('never shows a stale source as fine, and says how old its data is', async () => {
    await renderCard(ordersDatabaseEntity, ordersDatabaseSummary);
    const staging = within(
      await screen.findByRole('region', { name: 'Backups in staging' }),
    );
    const since = DateTime.fromISO(hoursAgo(3)).toLocal().toFormat('HH:mm');
    const sinceDated = DateTime.fromISO(hoursAgo(3))
      .toLocal()
      .toFormat('yyyy-MM-dd HH:mm');
    const line = staging.getByText(
      new RegExp(
        `^RPO unknown: the source velero:staging is stale, no fresh data since (${since}|${sinceDated}) \\(3 h ago\\) \\(the Kubernetes API of staging did not answer within 10s\\); last known good backup 8 h ago \\(RPO 1h\\)$`,
      ),
    );
    expect(statusOf(line)).toBe('warning');
    expect(staging.queryByTestId('status-ok')).toBeNull();
    expect(
      staging.getByText(
        'Retention unknown while the source is stale (retention 30d)',
      ),
    ).toBeInTheDocument();
  });

  it('says when a source has never answered', async () => {
    const summary = withLiveBackups(
      summarizeEntity(ordersDatabaseEntity, testConfig, testNow),
      [
        {
          environment: 'production',
          sourceId: 'velero:production',
          fresh: false,
          lastError: 'connection refused',
        },
      ],
    );
    await renderCard(ordersDatabaseEntity, summary);
    expect(
      await screen.findByText(
        'RPO unknown: the source velero:production has never answered (connection refused); no good backup known (RPO 1h)',
      ),
    ).toBeInTheDocument();
  });

  it('lists failures with their reasons, a paused schedule and an unavailable storage location', async () => {
    await renderCard(argocdEntity, argocdSummary);
    const production = within(
      await screen.findByRole('region', { name: 'Backups in production' }),
    );
    const partly = production.getByText(
      /^Partially failed: backup daily-platform-20261120190500 \(2026-11-2\d, 29 h ago\): 2 items failed: volume snapshot of argocd\/repo-server-cache timed out$/,
    );
    expect(statusOf(partly)).toBe('error');
    const failed = production.getByText(
      /^Failed: backup daily-platform-20261119190500 \(.*\): backup storage location default is unavailable$/,
    );
    expect(statusOf(failed)).toBe('error');
    expect(
      statusOf(production.getByText('Last good backup 5 h ago (RPO 24h)')),
    ).toBe('ok');
    expect(
      production.getByText(
        /^Last proven restore 2026-11-1\d \(11 d ago\), from backup daily-platform-20261108190500$/,
      ),
    ).toBeInTheDocument();

    const staging = environment('staging');
    expect(
      statusOf(
        staging.getByText(
          'Schedule daily-platform is paused: it makes no backups',
        ),
      ),
    ).toBe('warning');
    expect(
      statusOf(
        staging.getByText(
          'Storage location default is Unavailable: every backup to it fails (bucket velero-staging not found)',
        ),
      ),
    ).toBe('error');
    expect(
      statusOf(
        staging.getByText('RPO breached: last good backup 3 d ago (RPO 24h)'),
      ),
    ).toBe('error');
    expect(staging.getByText('No restore has been proven')).toBeInTheDocument();
    expect(production.queryByText(/paused|Unavailable/)).toBeNull();
  });

  it('says when the named schedule does not exist', async () => {
    const summary = withLiveBackups(
      summarizeEntity(argocdEntity, testConfig, testNow),
      [
        {
          environment: 'production',
          sourceId: 'velero:production',
          answeredHoursAgo: 0.05,
          fresh: true,
          inventory: inventory({
            backups: [
              veleroBackup({
                name: 'manual-argocd',
                phase: 'Completed',
                completedAt: hoursAgo(1),
              }),
            ],
          }),
        },
      ],
    );
    await renderCard(argocdEntity, summary);
    const line = await screen.findByText(
      'Schedule daily-platform does not exist in production: no backups are made for it',
    );
    expect(statusOf(line)).toBe('error');
    // An ad-hoc backup does not count for the schedule's RPO.
    expect(
      screen.getByText('RPO breached: no successful backup (RPO 24h)'),
    ).toBeInTheDocument();
  });

  it('measures the RTO against the last drill and ticks each protection in place', async () => {
    await renderCard(argocdEntity, argocdSummary);
    expect(
      statusOf(
        await screen.findByText(
          'RTO met: last drill 2026-10-01 measured 3h, objective 4h',
        ),
      ),
    ).toBe('ok');
    expect(
      statusOf(screen.getByText('Next drill due 2027-03-30 (one every 180d)')),
    ).toBe('ok');
    const checklist = within(screen.getByRole('list', { name: 'Protection' }));
    const items = checklist.getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Object lock (object-lock): in place',
      'Off-site copy (off-site): in place',
      'Off-cloud copy (off-cloud): gap',
      'Encrypted (encrypted): in place',
    ]);
    expect(
      statusOf(checklist.getByText('Off-cloud copy (off-cloud): gap')),
    ).toBe('warning');
    expect(
      statusOf(checklist.getByText('Encrypted (encrypted): in place')),
    ).toBe('ok');
    expect(
      statusOf(
        environment('production').getByText(
          'What is declared is what the backups cover',
        ),
      ),
    ).toBe('ok');
  });

  it('shows "none" as not backed up on purpose, with nothing to judge', async () => {
    await renderCard(ingressNginxEntity, ingressNginxSummary);
    expect(
      await screen.findByText('Not backed up, on purpose'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Backups in/ })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Protection' })).toBeNull();
    expect(screen.queryByText(/drill/i)).toBeNull();
    expect(
      screen.queryByRole('region', { name: 'Recovery drills' }),
    ).toBeNull();
  });

  it('tells an annotated entity without a backup source what to add', async () => {
    await renderCard(gitlabCiEntity, gitlabCiSummary);
    const hint = await screen.findByText(
      /Whether this component is backed up is not declared/,
    );
    expect(hint).toHaveTextContent('Add platform-ops/backup-source');
    expect(screen.queryByText('Not backed up, on purpose')).toBeNull();
  });

  it('lists only the problems of backup annotations', async () => {
    const entity: Entity = {
      ...ordersDatabaseEntity,
      metadata: {
        ...ordersDatabaseEntity.metadata,
        annotations: {
          ...ordersDatabaseEntity.metadata.annotations,
          'platform-ops/backup-source': 'velero:nightly',
        },
      },
    };
    await renderCard(entity, summarizeEntity(entity, testConfig, testNow));
    const problems = await screen.findByRole('list', {
      name: 'Annotation problems',
    });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(1);
    expect(problems).toHaveTextContent('platform-ops/backup-source');
    expect(
      screen.getByText('Warning: 1 annotation problem'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('invalid, see the problems above'),
    ).toBeInTheDocument();
  });
});
