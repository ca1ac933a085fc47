import {
  AlertLevel,
  Change,
  parsePlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import {
  eventually,
  startAlertmanager,
  startUnansweringServer,
  TestAlertmanager,
} from '../../__testUtils__/alertmanager';
import { freePort } from '../../__testUtils__/postgres';
import {
  AlertmanagerSilencer,
  SilencedComponent,
} from './AlertmanagerSilencer';

const DEFAULT_SEVERITIES = { critical: 'P1', warning: 'P2', info: 'P3' };
const changeUrl = (id: string) =>
  `https://backstage.example.com/platform-ops/changes/${id}`;

function inMinutes(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

function change(extra: Partial<Change> = {}): Change {
  return {
    id: 'chg-ingress-112',
    title: 'Upgrade ingress-nginx to 1.12',
    class: 'major',
    status: 'planned',
    entityRefs: ['component:default/ingress-nginx'],
    environments: ['production', 'staging'],
    start: inMinutes(-1),
    end: inMinutes(60),
    updates: ['system-pods'],
    description: '',
    contingencyPlan: 'helm rollback ingress-nginx',
    silenceAlerts: true,
    announcedAt: inMinutes(-60),
    announcedBy: 'user:default/jane',
    noticeRequired: '30d',
    noticeGiven: '45d',
    shortNotice: false,
    sequence: 0,
    updatedAt: inMinutes(-60),
    ...extra,
  };
}

function component(
  name: string,
  levels: Record<string, AlertLevel | undefined>,
): SilencedComponent {
  return {
    ref: `component:default/${name}`,
    matchers: [{ name: 'namespace', operator: '=', value: name }],
    levels,
  };
}

/** A silencer for production (with an Alertmanager) and staging (without). */
function silencerFor(
  production: Record<string, unknown> | undefined,
  options: { timeoutMs?: number; severityLevels?: Record<string, string> } = {},
) {
  const { config, problems } = parsePlatformOpsConfig({
    environments: [
      {
        name: 'production',
        ...(production ? { alertmanager: production } : {}),
      },
      { name: 'staging' },
    ],
    alerting: {
      severityLevels: options.severityLevels ?? DEFAULT_SEVERITIES,
    },
  });
  expect(problems).toEqual([]);
  return AlertmanagerSilencer.fromConfig(config!, {
    changeUrl,
    timeoutMs: options.timeoutMs,
  });
}


describe('AlertmanagerSilencer against a real Alertmanager', () => {
  let alertmanager: TestAlertmanager;
  let silencer: AlertmanagerSilencer;

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
    silencer = silencerFor({ baseUrl: alertmanager.baseUrl });
  });

  afterAll(async () => {
    await alertmanager?.stop();
  });

  async function stateOf(alertname: string) {
    const alert = (await alertmanager.alerts()).find(
      candidate => candidate.labels.alertname === alertname,
    );
    return (
      alert && {
        state: alert.status.state,
        silencedBy: alert.status.silencedBy,
      }
    );
  }

  async function silenceById(id: string) {
    return (await alertmanager.silences()).find(silence => silence.id === id);
  }

  it('silences the P2 and P3 alerts of each component while its P1 alerts stay active, and moves and removes the silences with the change', async () => {
    const components = [
      component('ingress-nginx', { production: 'P2' }),
      component('cert-manager', { production: 'P1' }),
      component('fluentd', {}),
      { ref: 'component:default/no-matchers', matchers: [], levels: {} },
    ];
    const planned = change();
    const { records, skipped } = await silencer.silence(
      planned,
      components,
      [],
    );

    expect(
      records.map(record => [record.entityRef, record.environment]),
    ).toEqual([
      ['component:default/ingress-nginx', 'production'],
      ['component:default/cert-manager', 'production'],
      ['component:default/fluentd', 'production'],
    ]);
    expect(skipped).toEqual([
      'No alerts are silenced in staging: it has no Alertmanager in config.',
      'The alerts of component:default/no-matchers are not silenced: it has no alert matchers (platform-ops/alert-matchers).',
    ]);
    const [ingress, cert, fluentd] = records.map(record => record.silenceId);
    const created = await silenceById(ingress);
    expect(created).toMatchObject({
      status: { state: 'active' },
      createdBy: 'platform-ops',
      endsAt: planned.end,
    });
    expect(created!.comment).toContain('[major] Upgrade ingress-nginx to 1.12');
    expect(created!.comment).toContain(changeUrl('chg-ingress-112'));

    await alertmanager.post([
      { labels: { alertname: 'IngressP2', namespace: 'ingress-nginx' } },
      {
        labels: {
          alertname: 'IngressP3',
          namespace: 'ingress-nginx',
          priority: 'P3',
        },
      },
      {
        labels: {
          alertname: 'IngressP1',
          namespace: 'ingress-nginx',
          priority: 'P1',
        },
      },
      {
        labels: {
          alertname: 'IngressP1Lower',
          namespace: 'ingress-nginx',
          priority: ' p1',
        },
      },
      { labels: { alertname: 'CertDown', namespace: 'cert-manager' } },
      {
        labels: {
          alertname: 'CertP2',
          namespace: 'cert-manager',
          priority: 'P2',
        },
      },
      {
        labels: {
          alertname: 'FluentdCritical',
          namespace: 'fluentd',
          severity: 'critical',
        },
      },
      {
        labels: {
          alertname: 'FluentdWarning',
          namespace: 'fluentd',
          severity: 'warning',
        },
      },
      { labels: { alertname: 'Unrelated', namespace: 'orders' } },
    ]);
    const expected = {
      IngressP2: { state: 'suppressed', silencedBy: [ingress] },
      IngressP3: { state: 'suppressed', silencedBy: [ingress] },
      IngressP1: { state: 'active', silencedBy: [] },
      IngressP1Lower: { state: 'active', silencedBy: [] },
      CertDown: { state: 'active', silencedBy: [] },
      CertP2: { state: 'suppressed', silencedBy: [cert] },
      FluentdCritical: { state: 'active', silencedBy: [] },
      FluentdWarning: { state: 'suppressed', silencedBy: [fluentd] },
      Unrelated: { state: 'active', silencedBy: [] },
    };
    const states = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.keys(expected).map(async name => [name, await stateOf(name)]),
        ),
      );
    // Alertmanager decides an alert's state when it is read; the wait only
    // covers the alerts' arrival, and the comparison after it shows any
    // difference.
    await eventually(
      async () =>
        JSON.stringify(await states()) === JSON.stringify(expected)
          ? true
          : undefined,
      20,
    ).catch(() => undefined);
    expect(await states()).toEqual(expected);

    // The change moves to tomorrow: new silences with the new times, the old ones expired.
    const moved = change({
      start: inMinutes(24 * 60),
      end: inMinutes(24 * 60 + 240),
      sequence: 1,
    });
    const second = await silencer.silence(moved, components, records);
    expect(second.records).toHaveLength(3);
    for (const [index, record] of second.records.entries()) {
      expect(record.silenceId).not.toBe(records[index].silenceId);
      expect(await silenceById(record.silenceId)).toMatchObject({
        status: { state: 'pending' },
        startsAt: moved.start,
        endsAt: moved.end,
      });
      expect(await silenceById(records[index].silenceId)).toMatchObject({
        status: { state: 'expired' },
      });
    }
    await eventually(
      async () =>
        (await stateOf('IngressP2'))?.state === 'active' ? true : undefined,
      20,
    );

    // Cancelled: every silence expired; doing it again is no error.
    await silencer.unsilence(second.records);
    for (const record of second.records) {
      expect(await silenceById(record.silenceId)).toMatchObject({
        status: { state: 'expired' },
      });
    }
    await expect(silencer.unsilence(second.records)).resolves.toBeUndefined();
  }, 20_000);

  it('takes a silence that Alertmanager no longer knows as removed', async () => {
    await expect(
      silencer.unsilence([
        {
          environment: 'production',
          entityRef: 'component:default/ingress-nginx',
          silenceId: '3e0e4a14-2c0b-4d3d-9a53-2f0b3b3c1a11',
        },
      ]),
    ).resolves.toBeUndefined();
  });

  it('names the reason when Alertmanager refuses a silence', async () => {
    const broken: SilencedComponent = {
      ref: 'component:default/broken',
      matchers: [{ name: 'app', operator: '=~', value: '(' }],
      levels: { production: 'P2' },
    };
    await expect(silencer.silence(change(), [broken], [])).rejects.toThrow(
      new RegExp(
        `^Alertmanager at ${alertmanager.baseUrl} answered 400 Bad Request when creating a silence: .*invalid`,
      ),
    );
  });

  it('creates nothing for a change that has ended, and expires the silences it had', async () => {
    const { records } = await silencer.silence(
      change(),
      [component('velero', { production: 'P3' })],
      [],
    );
    const ended = change({
      start: inMinutes(-120),
      end: inMinutes(-60),
      sequence: 1,
    });
    const result = await silencer.silence(
      ended,
      [component('velero', { production: 'P3' })],
      records,
    );
    expect(result.records).toEqual([]);
    expect(result.skipped).toEqual([
      `No alerts are silenced: the change ended at ${ended.end}.`,
    ]);
    expect(await silenceById(records[0].silenceId)).toMatchObject({
      status: { state: 'expired' },
    });
  });

  it('expires the silences it just created when another environment fails, and keeps the existing ones', async () => {
    const hanging = await startUnansweringServer();
    try {
      const { config } = parsePlatformOpsConfig({
        environments: [
          {
            name: 'production',
            alertmanager: { baseUrl: alertmanager.baseUrl },
          },
          { name: 'staging', alertmanager: { baseUrl: hanging.baseUrl } },
        ],
      });
      const split = AlertmanagerSilencer.fromConfig(config!, {
        changeUrl,
        timeoutMs: 300,
      });
      const before = new Set(
        (await alertmanager.silences()).map(silence => silence.id),
      );
      const existing = await silencer.silence(
        change({ environments: ['production'] }),
        [component('thanos', { production: 'P2' })],
        [],
      );
      await expect(
        split.silence(
          change(),
          [component('thanos', { production: 'P2' })],
          existing.records,
        ),
      ).rejects.toThrow(
        `Alertmanager at ${hanging.baseUrl} did not answer within 0.3 s`,
      );
      const added = (await alertmanager.silences()).filter(
        silence => !before.has(silence.id),
      );
      expect(added).toHaveLength(2);
      for (const silence of added) {
        const state =
          silence.id === existing.records[0].silenceId ? 'active' : 'expired';
        expect(silence.status.state).toBe(state);
      }
    } finally {
      await hanging.close();
    }
  });
});

describe('AlertmanagerSilencer without an Alertmanager answering', () => {
  const records = [
    {
      environment: 'production',
      entityRef: 'component:default/ingress-nginx',
      silenceId: '3e0e4a14-2c0b-4d3d-9a53-2f0b3b3c1a11',
    },
  ];

  it('gives a clear error within the timeout when nothing answers', async () => {
    const hanging = await startUnansweringServer();
    try {
      const silencer = silencerFor(
        { baseUrl: hanging.baseUrl },
        { timeoutMs: 300 },
      );
      const started = Date.now();
      await expect(
        silencer.silence(
          change(),
          [component('ingress-nginx', { production: 'P2' })],
          [],
        ),
      ).rejects.toThrow(
        `Alertmanager at ${hanging.baseUrl} did not answer within 0.3 s`,
      );
      await expect(silencer.unsilence(records)).rejects.toThrow(
        `1 of 1 silences could not be removed: Alertmanager at ${hanging.baseUrl} did not answer within 0.3 s`,
      );
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await hanging.close();
    }
  });

  it('says the connection was refused when nothing listens', async () => {
    const baseUrl = `http://127.0.0.1:${await freePort()}`;
    const silencer = silencerFor({ baseUrl }, { timeoutMs: 2000 });
    await expect(
      silencer.silence(
        change(),
        [component('ingress-nginx', { production: 'P2' })],
        [],
      ),
    ).rejects.toThrow(
      `Alertmanager at ${baseUrl} did not answer: connect ECONNREFUSED`,
    );
  });

  it('keeps a previous silence it cannot remove, and says so', async () => {
    const silencer = silencerFor(undefined);
    const result = await silencer.silence(
      change(),
      [component('ingress-nginx', { production: 'P2' })],
      records,
    );
    expect(result.records).toEqual(records);
    expect(result.skipped).toEqual([
      'No alerts are silenced in production: it has no Alertmanager in config.',
      'No alerts are silenced in staging: it has no Alertmanager in config.',
      expect.stringMatching(
        /^The previous silence of component:default\/ingress-nginx in production is kept, to be removed later: silence 3e0e4a14-.* has no Alertmanager in config any more$/,
      ),
    ]);
  });
});
