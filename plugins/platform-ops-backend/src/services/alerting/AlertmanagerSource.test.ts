import { startAlertmanager, TestAlertmanager, eventually } from '../../__testUtils__/alertmanager';
import { AlertmanagerSource } from './AlertmanagerSource';

describe('AlertmanagerSource against a real Alertmanager', () => {
  let alertmanager: TestAlertmanager;
  let source: AlertmanagerSource;

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
    source = AlertmanagerSource.fromConfig({
      name: 'production',
      alertmanager: { baseUrl: alertmanager.baseUrl, heartbeat: { alertname: 'Watchdog' } },
    })!;
  });

  afterAll(async () => {
    await alertmanager?.stop();
  });

  it('reads active and silenced alerts with their state and links', async () => {
    await alertmanager.post([
      {
        labels: { alertname: 'IngressControllerDown', namespace: 'ingress-nginx', app: 'ingress-nginx', priority: 'P1' },
        annotations: { summary: 'No ingress controller pod is ready' },
        generatorURL: 'http://127.0.0.1:9090/graph?g0.expr=up',
      },
      { labels: { alertname: 'FluentdBufferNearlyFull', namespace: 'logging', app: 'fluentd', priority: 'P3' } },
      { labels: { alertname: 'Watchdog', severity: 'none' } },
    ]);
    const silenceId = await alertmanager.silence([{ name: 'alertname', value: 'FluentdBufferNearlyFull' }], 'log rotation');

    const alerts = await eventually(async () => {
      const fetched = await source.fetchAlerts();
      const silenced = fetched.find(alert => alert.labels.alertname === 'FluentdBufferNearlyFull');
      return fetched.length === 3 && silenced?.state === 'suppressed' ? fetched : undefined;
    });

    expect(source.id).toBe('alertmanager:production');
    const ingress = alerts.find(alert => alert.labels.alertname === 'IngressControllerDown')!;
    expect(ingress).toMatchObject({
      state: 'active',
      silencedBy: [],
      inhibitedBy: [],
      annotations: { summary: 'No ingress controller pod is ready' },
      generatorURL: 'http://127.0.0.1:9090/graph?g0.expr=up',
    });
    expect(ingress.fingerprint).toMatch(/^[0-9a-f]+$/);
    expect(alerts.find(alert => alert.labels.alertname === 'FluentdBufferNearlyFull')!.silencedBy).toEqual([silenceId]);
  });

  it('says which Alertmanager did not answer', async () => {
    const unreachable = AlertmanagerSource.fromConfig({
      name: 'staging',
      alertmanager: { baseUrl: 'http://127.0.0.1:9/prefix', heartbeat: { alertname: 'Watchdog' } },
    })!;
    await expect(unreachable.fetchAlerts()).rejects.toThrow(/^Alertmanager at http:\/\/127\.0\.0\.1:9 did not answer: /);
  });

  it('reports an HTTP error with its status', async () => {
    const wrongPath = AlertmanagerSource.fromConfig({
      name: 'staging',
      alertmanager: { baseUrl: `${alertmanager.baseUrl}/no-such-prefix`, heartbeat: { alertname: 'Watchdog' } },
    })!;
    await expect(wrongPath.fetchAlerts()).rejects.toThrow(/answered 404/);
  });
});
