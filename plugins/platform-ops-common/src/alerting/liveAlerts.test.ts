import {
  countLevels,
  isTrustworthy,
  liveAlertOf,
  matchAlerts,
  rankLiveAlerts,
  withLiveAlerts,
} from './liveAlerts';
import { parseAlertMatchers } from './matchers';
import { AlertingSection, LiveAlert, RawAlert } from './types';

function alert(
  fingerprint: string,
  labels: Record<string, string>,
  extra: Partial<RawAlert> = {},
): RawAlert {
  return {
    fingerprint,
    labels,
    annotations: {},
    startsAt: '2026-11-22T10:00:00Z',
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    ...extra,
  };
}

const ingress = {
  id: 'component:default/ingress-nginx',
  matchers: parseAlertMatchers('{namespace="ingress-nginx"}').value!,
  environments: ['staging', 'production'],
};
const orders = {
  id: 'component:default/orders-db',
  matchers: parseAlertMatchers('{namespace="orders", pod=~"orders-db-.*"}')
    .value!,
  environments: ['production'],
};
const everything = {
  id: 'component:default/alertmanager',
  // Regex only: checked against every alert.
  matchers: parseAlertMatchers('{alertname=~".+"}').value!,
  environments: ['production'],
};
const heartbeats = { production: 'Watchdog', staging: 'Watchdog' };

describe('matchAlerts', () => {
  it('gives each alert to the components whose matchers and environments accept it', () => {
    const matched = matchAlerts({
      batches: [
        {
          environment: 'production',
          alerts: [
            alert('a', { alertname: 'Down', namespace: 'ingress-nginx' }),
            alert('b', {
              alertname: 'Slow',
              namespace: 'orders',
              pod: 'orders-db-0',
            }),
            alert('c', {
              alertname: 'Slow',
              namespace: 'orders',
              pod: 'web-0',
            }),
          ],
        },
        {
          environment: 'staging',
          alerts: [
            alert('d', {
              alertname: 'Slow',
              namespace: 'orders',
              pod: 'orders-db-0',
            }),
          ],
        },
      ],
      components: [ingress, orders],
      heartbeatAlertnames: heartbeats,
    });
    expect(matched.get(ingress.id)?.map(m => m.alert.fingerprint)).toEqual([
      'a',
    ]);
    // d fired in staging, where orders-db does not run.
    expect(matched.get(orders.id)?.map(m => m.alert.fingerprint)).toEqual([
      'b',
    ]);
  });

  it('never gives the heartbeat alert to a component, even one whose matchers accept it', () => {
    const matched = matchAlerts({
      batches: [
        {
          environment: 'production',
          alerts: [
            alert('w', { alertname: 'Watchdog' }),
            alert('x', { alertname: 'Other' }),
          ],
        },
      ],
      components: [everything],
      heartbeatAlertnames: heartbeats,
    });
    expect(matched.get(everything.id)?.map(m => m.alert.fingerprint)).toEqual([
      'x',
    ]);
  });
});

describe('liveAlertOf', () => {
  it('levels an alert by its priority label, else the component, else its severity', () => {
    const options = {
      componentLevel: 'P2' as const,
      severityLevels: { critical: 'P1' },
    };
    const environment = 'production';
    expect(
      liveAlertOf(
        { environment, alert: alert('a', { priority: 'p1' }) },
        options,
      ).level,
    ).toBe('P1');
    expect(
      liveAlertOf(
        { environment, alert: alert('b', { severity: 'critical' }) },
        options,
      ).level,
    ).toBe('P2');
    expect(
      liveAlertOf(
        { environment, alert: alert('c', { severity: 'critical' }) },
        { severityLevels: { critical: 'P1' } },
      ),
    ).toMatchObject({ level: 'P1', levelSource: 'severity' });
  });

  it('keeps only http(s) links to the source and names a nameless alert', () => {
    // eslint-disable-next-line no-script-url -- rejected input under test
    const hostile = alert('a', {}, { generatorURL: 'javascript:alert(1)' });
    const shown = liveAlertOf(
      { environment: 'production', alert: hostile },
      { severityLevels: {} },
    );
    expect(shown.generatorURL).toBeUndefined();
    expect(shown.alertname).toBe('(no alertname)');
  });
});

function live(fingerprint: string, extra: Partial<LiveAlert>): LiveAlert {
  return {
    fingerprint,
    environment: 'production',
    alertname: fingerprint,
    levelSource: 'component',
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    startsAt: '2026-11-22T10:00:00Z',
    labels: {},
    ...extra,
  };
}

describe('rankLiveAlerts and countLevels', () => {
  const alerts = [
    live('p3', { level: 'P3' }),
    live('silenced-p1', {
      level: 'P1',
      state: 'suppressed',
      silencedBy: ['s'],
    }),
    live('none', {}),
    live('old-p1', { level: 'P1', startsAt: '2026-11-20T10:00:00Z' }),
    live('new-p1', { level: 'P1', startsAt: '2026-11-22T11:00:00Z' }),
  ];

  it('puts active before suppressed, then P1 to P3, the newest first', () => {
    expect(rankLiveAlerts(alerts).map(a => a.fingerprint)).toEqual([
      'new-p1',
      'old-p1',
      'p3',
      'none',
      'silenced-p1',
    ]);
  });

  it('counts only active alerts with a level', () => {
    expect(countLevels(alerts)).toEqual({ P1: 2, P2: 0, P3: 1 });
  });
});

describe('isTrustworthy', () => {
  const ok = {
    environment: 'production',
    heartbeat: 'ok' as const,
    heartbeatAlertname: 'Watchdog',
  };
  it('trusts only when every environment has a heartbeat', () => {
    expect(isTrustworthy([ok])).toBe(true);
    expect(
      isTrustworthy([
        ok,
        { ...ok, environment: 'staging', heartbeat: 'missing' },
      ]),
    ).toBe(false);
    expect(isTrustworthy([])).toBe(false);
  });
});

describe('withLiveAlerts', () => {
  it('fills the live part of a section with the component level per environment', () => {
    const section: AlertingSection = {
      environments: ['production'],
      levels: { production: { value: 'P1', source: 'annotation' } },
      matchers: ingress.matchers,
      alerts: [],
      counts: { P1: 0, P2: 0, P3: 0 },
      status: [],
      trustworthy: false,
    };
    const filled = withLiveAlerts(section, {
      matched: [
        { environment: 'production', alert: alert('a', { alertname: 'Down' }) },
      ],
      status: [
        {
          environment: 'production',
          heartbeat: 'ok',
          heartbeatAlertname: 'Watchdog',
        },
      ],
      severityLevels: {},
    });
    expect(filled.alerts).toEqual([
      expect.objectContaining({ alertname: 'Down', level: 'P1' }),
    ]);
    expect(filled.counts).toEqual({ P1: 1, P2: 0, P3: 0 });
    expect(filled.trustworthy).toBe(true);
  });
});
