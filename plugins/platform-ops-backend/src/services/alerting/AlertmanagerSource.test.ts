import { parsePlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import http from 'http';
import { AddressInfo } from 'net';
import {
  startAlertmanager,
  TestAlertmanager,
  eventually,
} from '../../__testUtils__/alertmanager';
import fc from 'fast-check';
import { z } from 'zod';
import { AlertmanagerSource, sourceAlertsOf } from './AlertmanagerSource';

/** A source read from config as the plugin reads it, defaults applied. */
function sourceFor(
  baseUrl: string,
  alertmanager: Record<string, unknown> = {},
  options: { timeoutMs?: number } = {},
): AlertmanagerSource {
  const { config, problems } = parsePlatformOpsConfig({
    environments: [
      { name: 'production', alertmanager: { baseUrl, ...alertmanager } },
    ],
  });
  expect(problems).toEqual([]);
  return AlertmanagerSource.fromConfig(config!.environments[0], options)!;
}

/** A plain HTTP server on 127.0.0.1 and a free port, for answers no Alertmanager gives. */
async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

const ALERT = {
  fingerprint: 'a1',
  labels: { alertname: 'Watchdog' },
  annotations: {},
  startsAt: '2026-11-22T10:00:00.000Z',
  status: { state: 'active', silencedBy: [], inhibitedBy: [] },
};

describe('AlertmanagerSource against a real Alertmanager', () => {
  let alertmanager: TestAlertmanager;
  let source: AlertmanagerSource;

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
    source = AlertmanagerSource.fromConfig({
      name: 'production',
      alertmanager: {
        baseUrl: alertmanager.baseUrl,
        heartbeat: { alertname: 'Watchdog' },
        maxResponseBytes: 10 * 1024 * 1024,
      },
    })!;
  });

  afterAll(async () => {
    await alertmanager?.stop();
  });

  it('reads active and silenced alerts with their state and links', async () => {
    await alertmanager.post([
      {
        labels: {
          alertname: 'IngressControllerDown',
          namespace: 'ingress-nginx',
          app: 'ingress-nginx',
          priority: 'P1',
        },
        annotations: { summary: 'No ingress controller pod is ready' },
        generatorURL: 'http://127.0.0.1:9090/graph?g0.expr=up',
      },
      {
        labels: {
          alertname: 'FluentdBufferNearlyFull',
          namespace: 'logging',
          app: 'fluentd',
          priority: 'P3',
        },
      },
      { labels: { alertname: 'Watchdog', severity: 'none' } },
    ]);
    const silenceId = await alertmanager.silence(
      [{ name: 'alertname', value: 'FluentdBufferNearlyFull' }],
      'log rotation',
    );

    const alerts = await eventually(async () => {
      const fetched = await source.fetchAlerts();
      const silenced = fetched.find(
        alert => alert.labels.alertname === 'FluentdBufferNearlyFull',
      );
      return fetched.length === 3 && silenced?.state === 'suppressed'
        ? fetched
        : undefined;
    });

    expect(source.id).toBe('alertmanager:production');
    const ingress = alerts.find(
      alert => alert.labels.alertname === 'IngressControllerDown',
    )!;
    expect(ingress).toMatchObject({
      state: 'active',
      silencedBy: [],
      inhibitedBy: [],
      annotations: { summary: 'No ingress controller pod is ready' },
      generatorURL: 'http://127.0.0.1:9090/graph?g0.expr=up',
    });
    expect(ingress.fingerprint).toMatch(/^[0-9a-f]+$/);
    expect(
      alerts.find(
        alert => alert.labels.alertname === 'FluentdBufferNearlyFull',
      )!.silencedBy,
    ).toEqual([silenceId]);
  });

  it('says which Alertmanager did not answer', async () => {
    const unreachable = AlertmanagerSource.fromConfig({
      name: 'staging',
      alertmanager: {
        baseUrl: 'http://127.0.0.1:9/prefix',
        heartbeat: { alertname: 'Watchdog' },
        maxResponseBytes: 1024,
      },
    })!;
    await expect(unreachable.fetchAlerts()).rejects.toThrow(
      /^Alertmanager at http:\/\/127\.0\.0\.1:9 did not answer: /,
    );
  });

  it('reports an HTTP error with its status', async () => {
    const wrongPath = AlertmanagerSource.fromConfig({
      name: 'staging',
      alertmanager: {
        baseUrl: `${alertmanager.baseUrl}/no-such-prefix`,
        heartbeat: { alertname: 'Watchdog' },
        maxResponseBytes: 1024,
      },
    })!;
    await expect(wrongPath.fetchAlerts()).rejects.toThrow(/answered 404/);
  });
});

describe('AlertmanagerSource against a misbehaving server', () => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('says the source did not answer within the timeout when the body stalls after the headers', async () => {
    let headersSent = false;
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[{"fingerprint":');
      headersSent = true;
    });
    const source = sourceFor(server.baseUrl, {}, { timeoutMs: 300 });
    const failure = await source.fetchAlerts().catch((error: Error) => error);
    expect(headersSent).toBe(true);
    expect((failure as Error).message).toBe(
      `Alertmanager at ${server.baseUrl} did not answer within 0.3 s`,
    );
  });

  it('says the source did not answer within the timeout when no headers come', async () => {
    server = await serve(() => {});
    const source = sourceFor(server.baseUrl, {}, { timeoutMs: 300 });
    await expect(source.fetchAlerts()).rejects.toThrow(
      `Alertmanager at ${server.baseUrl} did not answer within 0.3 s`,
    );
  });

  it('stops reading a body without end at the default limit of 10 MiB, naming the limit and its config key', async () => {
    let sent = 0;
    let closed!: () => void;
    const connectionClosed = new Promise<void>(resolve => (closed = resolve));
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', closed);
      const padding = Buffer.alloc(64 * 1024, ' ');
      const pump = () => {
        while (!res.destroyed) {
          sent += padding.length;
          if (!res.write(padding)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      res.write('[');
      pump();
    });
    const source = sourceFor(server.baseUrl, {}, { timeoutMs: 30_000 });
    await expect(source.fetchAlerts()).rejects.toThrow(
      `Alertmanager at ${server.baseUrl} sent more than 10485760 bytes of alerts; ` +
        'raise platformOps.environments[].alertmanager.maxResponseBytes of environment "production" if that many are expected',
    );
    await connectionClosed;
    // The client hung up near the limit instead of reading on.
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('reads a body of exactly the configured limit and refuses one byte more', async () => {
    const body = JSON.stringify([ALERT]);
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const exact = sourceFor(server.baseUrl, {
      maxResponseBytes: Buffer.byteLength(body),
    });
    expect(await exact.fetchAlerts()).toEqual([
      expect.objectContaining({ fingerprint: 'a1', state: 'active' }),
    ]);
    const smaller = sourceFor(server.baseUrl, {
      maxResponseBytes: Buffer.byteLength(body) - 1,
    });
    await expect(smaller.fetchAlerts()).rejects.toThrow(
      `sent more than ${Buffer.byteLength(body) - 1} bytes of alerts`,
    );
  });

  it('refuses a declared length over the limit without waiting for the body', async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': '2048',
      });
      res.write('[');
    });
    const source = sourceFor(
      server.baseUrl,
      { maxResponseBytes: 1024 },
      { timeoutMs: 10_000 },
    );
    const started = Date.now();
    await expect(source.fetchAlerts()).rejects.toThrow(
      'sent more than 1024 bytes of alerts',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says when the body is not JSON', async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    await expect(sourceFor(server.baseUrl).fetchAlerts()).rejects.toThrow(
      `Alertmanager at ${server.baseUrl} sent a body that is not JSON`,
    );
  });

  it('says when the caller cancelled the read', async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
    });
    const controller = new AbortController();
    const reading = sourceFor(server.baseUrl).fetchAlerts({
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await expect(reading).rejects.toThrow(
      `Reading alerts from Alertmanager at ${server.baseUrl} was cancelled`,
    );
  });
});

describe('sourceAlertsOf', () => {
  /** The schema the fast check stands in for, as zod would read the body. */
  const schema = z.array(
    z.object({
      fingerprint: z.string(),
      labels: z.record(z.string()),
      annotations: z.record(z.string()).default({}),
      startsAt: z.string(),
      generatorURL: z.string().optional(),
      status: z.object({
        state: z.enum(['active', 'suppressed', 'unprocessed']),
        silencedBy: z.array(z.string()).nullish(),
        inhibitedBy: z.array(z.string()).nullish(),
      }),
    }),
  );

  /** An alert as the source gives it, from what zod read. */
  const sourceAlert = (alert: z.output<typeof schema>[number]) => ({
    fingerprint: alert.fingerprint,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    state: alert.status.state,
    silencedBy: alert.status.silencedBy ?? [],
    inhibitedBy: alert.status.inhibitedBy ?? [],
    generatorURL: alert.generatorURL || undefined,
  });

  it('reads a well-formed body, leaving out what it does not use', () => {
    const body = [
      { ...ALERT, receivers: [{ name: 'null' }], updatedAt: 'x' },
      {
        ...ALERT,
        fingerprint: 'b2',
        annotations: undefined,
        generatorURL: '',
        status: { state: 'suppressed', silencedBy: ['s1'], inhibitedBy: null },
      },
    ];
    expect(sourceAlertsOf(body)).toEqual([
      {
        fingerprint: 'a1',
        labels: { alertname: 'Watchdog' },
        annotations: {},
        startsAt: '2026-11-22T10:00:00.000Z',
        state: 'active',
        silencedBy: [],
        inhibitedBy: [],
      },
      {
        fingerprint: 'b2',
        labels: { alertname: 'Watchdog' },
        annotations: {},
        startsAt: '2026-11-22T10:00:00.000Z',
        state: 'suppressed',
        silencedBy: ['s1'],
        inhibitedBy: [],
      },
    ]);
  });

  it.each([
    [{ alerts: [] }, 'Expected array, received object'],
    [
      [{ ...ALERT, labels: { alertname: 1 } }],
      'Expected string, received number',
    ],
    [[{ ...ALERT, annotations: null }], 'Expected object, received null'],
    [
      [{ ...ALERT, status: { ...ALERT.status, state: 'firing' } }],
      "Invalid enum value. Expected 'active' | 'suppressed' | 'unprocessed', received 'firing'",
    ],
    [[{ ...ALERT, fingerprint: undefined }], 'Required'],
  ])('says what is wrong with %j as zod does', (body, message) => {
    expect(sourceAlertsOf(body)).toEqual({ error: message });
  });

  it('accepts and refuses exactly what the schema does', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constant(null),
      fc.constant(undefined),
      fc.integer(),
      fc.constantFrom('active', 'suppressed', 'unprocessed'),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.array(fc.integer(), { minLength: 1, maxLength: 2 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      fc.dictionary(fc.string(), fc.integer(), { minKeys: 1, maxKeys: 2 }),
    );
    const alert = fc.record(
      {
        fingerprint: value,
        labels: value,
        annotations: value,
        startsAt: value,
        generatorURL: value,
        status: fc.oneof(
          value,
          fc.record(
            { state: value, silencedBy: value, inhibitedBy: value },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(alert, { maxLength: 3 }), body => {
        const theirs = schema.safeParse(body);
        expect(sourceAlertsOf(body)).toEqual(
          theirs.success
            ? theirs.data.map(sourceAlert)
            : { error: theirs.error.issues[0].message },
        );
      }),
      { numRuns: 2000 },
    );
  });
});
