import { renderInTestApp } from '@backstage/test-utils';
import { AlertingSection } from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { AlertingDetails } from './AlertingDetails';

const minutesAgo = (minutes: number) =>
  DateTime.utc().minus({ minutes }).toISO()!;

const alerting: AlertingSection = {
  environments: ['staging', 'production'],
  levels: {
    staging: { value: 'P2', source: 'annotation' },
    production: { value: 'P1', source: 'annotation' },
  },
  matchers: [{ name: 'namespace', operator: '=', value: 'ingress-nginx' }],
  alerts: [
    {
      fingerprint: 'a1',
      environment: 'production',
      alertname: 'IngressControllerDown',
      level: 'P1',
      levelSource: 'priority-label',
      state: 'active',
      silencedBy: [],
      inhibitedBy: [],
      startsAt: minutesAgo(42),
      summary: 'No ingress controller pod is ready',
      generatorURL: 'http://prometheus.example.com/graph?g0.expr=up',
      labels: { alertname: 'IngressControllerDown' },
    },
    {
      fingerprint: 'a2',
      environment: 'production',
      alertname: 'IngressLatencyHigh',
      level: 'P3',
      levelSource: 'priority-label',
      state: 'suppressed',
      silencedBy: ['5e1f'],
      inhibitedBy: [],
      startsAt: minutesAgo(120),
      // eslint-disable-next-line no-script-url -- a hostile link must never render
      generatorURL: 'javascript:alert(1)',
      labels: { alertname: 'IngressLatencyHigh' },
    },
  ],
  counts: { P1: 1, P2: 0, P3: 0 },
  status: [
    {
      environment: 'staging',
      heartbeat: 'missing',
      heartbeatAlertname: 'Watchdog',
      fetchedAt: minutesAgo(0),
    },
    {
      environment: 'production',
      heartbeat: 'unreachable',
      heartbeatAlertname: 'Watchdog',
      fetchedAt: minutesAgo(7),
      lastError:
        'Alertmanager at http://127.0.0.1:9093 did not answer: connect ECONNREFUSED',
    },
  ],
  trustworthy: false,
};

describe('AlertingDetails', () => {
  it('warns plainly when a heartbeat is missing or Alertmanager is unreachable', async () => {
    await renderInTestApp(<AlertingDetails alerting={alerting} />);
    const banners = screen.getAllByRole('alert');
    expect(banners).toHaveLength(2);
    expect(banners[0]).toHaveTextContent('No Watchdog heartbeat in staging');
    expect(banners[0]).toHaveTextContent(
      'the alert counts for staging cannot be trusted',
    );
    expect(banners[1]).toHaveTextContent(
      'Alertmanager for production is unreachable',
    );
    expect(banners[1]).toHaveTextContent('connect ECONNREFUSED');
    expect(banners[1]).toHaveTextContent(/as of \d\d:\d\d \(7 min ago\)/);
  });

  it('says the data is stale, not the source unreachable, when no poll failed', async () => {
    await renderInTestApp(
      <AlertingDetails
        alerting={{
          ...alerting,
          status: [
            {
              environment: 'production',
              heartbeat: 'unreachable',
              heartbeatAlertname: 'Watchdog',
              fetchedAt: minutesAgo(12),
            },
          ],
        }}
      />,
    );
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent(
      'No fresh data from Alertmanager for production',
    );
    expect(banner).toHaveTextContent(/as of \d\d:\d\d \(12 min ago\)/);
  });

  it('lists live alerts with level, summary, age and a link to the source', async () => {
    await renderInTestApp(<AlertingDetails alerting={alerting} />);
    const list = screen.getByRole('list', { name: 'Live alerts' });
    const [down, silenced] = within(list).getAllByRole('listitem');
    expect(down).toHaveTextContent('P1');
    expect(down).toHaveTextContent('IngressControllerDown');
    expect(down).toHaveTextContent('No ingress controller pod is ready');
    expect(down).toHaveTextContent(/production · since .* \(42 minutes ago\)/);
    expect(
      within(down).getByRole('link', { name: /^Open in the alert source/ }),
    ).toHaveAttribute('href', 'http://prometheus.example.com/graph?g0.expr=up');
    expect(silenced).toHaveTextContent('Silenced (silence 5e1f)');
    expect(within(silenced).queryByRole('link')).toBeNull();
  });

  it('shows the level of each environment', async () => {
    await renderInTestApp(<AlertingDetails alerting={alerting} />);
    const levels = screen.getByLabelText('Levels per environment');
    expect(levels).toHaveTextContent('staging:P2');
    expect(levels).toHaveTextContent('production:P1');
  });

  it('says "no alerts" only when every heartbeat is ok', async () => {
    const quiet = { ...alerting, alerts: [] };
    const { unmount } = await renderInTestApp(
      <AlertingDetails alerting={quiet} />,
    );
    expect(
      screen.getByText(/proves nothing until every heartbeat is back/),
    ).toBeInTheDocument();
    unmount();
    await renderInTestApp(
      <AlertingDetails
        alerting={{
          ...quiet,
          trustworthy: true,
          status: quiet.status.map(status => ({
            ...status,
            heartbeat: 'ok' as const,
            lastError: undefined,
          })),
        }}
      />,
    );
    expect(screen.getByText('No alerts are firing.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
