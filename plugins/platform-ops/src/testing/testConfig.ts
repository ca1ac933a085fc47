import {
  EnvironmentAlertingStatus,
  parsePlatformOpsConfig,
  PlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';

/**
 * The moment the fixtures are summarized at, fixed so that audit states and
 * `generatedAt` never depend on the day the tests run.
 */
export const testNow = DateTime.fromISO('2026-11-22T00:05:00Z', {
  zone: 'utc',
});

// The demo's platformOps block (app-config.yaml), trimmed to what the
// fixtures use. Validated as the backend validates app config, so a mistake
// here fails every test that uses a fixture.
const { config, problems } = parsePlatformOpsConfig({
  parties: {
    platform: { title: 'Platform team', owner: 'group:default/platform-team' },
    application: { title: 'Application team' },
    'it-systems': {
      title: 'IT systems team',
      owner: 'group:default/it-systems',
    },
  },
  environments: [
    {
      name: 'staging',
      alertmanager: { baseUrl: 'http://127.0.0.1:9094' },
      maintenanceWindow: 'staging-monthly',
    },
    {
      name: 'production',
      alertmanager: { baseUrl: 'http://127.0.0.1:9093' },
      maintenanceWindow: 'prod-monthly',
    },
  ],
  alerting: { defaultLevels: { production: 'P2', staging: 'P3' } },
  backups: { defaultPolicy: { rpo: '24h', retention: '7d', rto: '4h' } },
  audits: { application: '365d', provider: '365d' },
  maintenance: {
    windows: {
      'prod-monthly': {
        rrule: 'FREQ=MONTHLY;BYDAY=2TU',
        start: '02:00',
        duration: '4h',
        timezone: 'Europe/Stockholm',
      },
      'staging-monthly': {
        rrule: 'FREQ=MONTHLY;BYDAY=1TU',
        start: '09:00',
        duration: '4h',
        timezone: 'Europe/Stockholm',
      },
    },
    notice: { major: '30d', minor: '7d', 'security-patch': '0d' },
  },
  endOfLife: {
    warnWithin: '90d',
    products: {
      kubernetes: [
        { cycle: '1.31', eol: '2025-10-28' },
        { cycle: '1.33', eol: '2026-06-28' },
        { cycle: '1.34', eol: '2026-10-27' },
      ],
    },
  },
});
if (!config) {
  throw new Error(problems.map(problem => problem.message).join('\n'));
}

/** The demo's `platformOps` config, as the backend reads it. */
export const testConfig: PlatformOpsConfig = config;

/**
 * What the backend reports for environments whose Alertmanager answered
 * half a minute ago with its Watchdog heartbeat firing.
 */
export function heartbeatsOk(
  environments: string[],
): EnvironmentAlertingStatus[] {
  return environments.map(environment => ({
    environment,
    heartbeat: 'ok',
    heartbeatAlertname: 'Watchdog',
    fetchedAt: testNow.minus({ seconds: 30 }).toISO()!,
  }));
}
