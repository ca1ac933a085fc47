/* eslint-disable no-script-url -- hostile URLs are test input: they must be rejected, never rendered */
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import {
  parsePlatformOpsConfig,
  PlatformOpsConfig,
} from '../config/readConfig';
import { WindowOccurrenceCache } from '../maintenance/windows';
import { summarizeEntity } from './summarizeEntity';

const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });

const window = {
  rrule: 'FREQ=MONTHLY;BYDAY=2TU',
  start: '02:00',
  duration: '4h',
  timezone: 'Europe/Stockholm',
};

function readConfig(raw: unknown): PlatformOpsConfig {
  const { config, problems } = parsePlatformOpsConfig(raw);
  expect(problems).toEqual([]);
  return config!;
}

const CONFIG = readConfig({
  parties: {
    platform: { title: 'Platform team', owner: 'group:default/platform-team' },
    'it-systems': {
      title: 'IT systems team',
      owner: 'group:default/it-systems',
    },
    infrastructure: {
      title: 'Infrastructure team',
      owner: 'group:default/infra-team',
    },
  },
  environments: [
    { name: 'production', maintenanceWindow: 'prod-monthly' },
    { name: 'staging', maintenanceWindow: 'staging-monthly' },
  ],
  maintenance: {
    windows: {
      'prod-monthly': window,
      'staging-monthly': window,
      'staging-weekly': window,
    },
  },
});

/** An annotated entity gets `platform-ops/scope: platform` unless the test sets or removes it. */
function entityWith(
  annotations?: Record<string, string>,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  const withScope: Record<string, string> | undefined = annotations && {
    'platform-ops/scope': 'platform',
    ...annotations,
  };
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ingress-nginx',
      ...(withScope ? { annotations: withScope } : {}),
      ...metadata,
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform-team',
    },
  };
}

/** Last audit date per kind, the part of the audit status these tests look at. */
function lastAudits(audits: Array<{ kind: string; last?: string }>) {
  return Object.fromEntries(audits.map(audit => [audit.kind, audit.last]));
}

describe('summarizeEntity', () => {
  it('takes everything from config for an entity without annotations', () => {
    const summary = summarizeEntity(entityWith(), CONFIG, NOW);
    expect(summary).toEqual({
      entity: {
        ref: 'component:default/ingress-nginx',
        kind: 'Component',
        namespace: 'default',
        name: 'ingress-nginx',
        title: undefined,
      },
      annotated: false,
      scope: {
        party: undefined,
        partyTitle: undefined,
        insideFence: undefined,
        accountable: 'group:default/platform-team',
        accountableSource: 'owner',
        owner: 'group:default/platform-team',
        ownerDiffers: false,
        escalation: [],
        contacts: {},
        audits: [],
        runbook: undefined,
      },
      alerting: {
        environments: ['production', 'staging'],
        levels: {
          production: { value: 'P2', source: 'config' },
          staging: { value: 'P3', source: 'config' },
        },
        matchers: [],
        alerts: [],
        counts: { P1: 0, P2: 0, P3: 0 },
        status: [],
        trustworthy: false,
      },
      backups: {
        policy: {
          rpo: { value: '24h', source: 'config' },
          retention: { value: '7d', source: 'config' },
          rto: { value: '4h', source: 'config' },
        },
        source: undefined,
        scope: [],
        protection: [],
        protectionGaps: [],
        environments: [],
      },
      maintenance: {
        windows: {
          production: { value: 'prod-monthly', source: 'config' },
          staging: { value: 'staging-monthly', source: 'config' },
        },
        release: undefined,
        occurrences: {
          production: {
            current: undefined,
            next: expect.objectContaining({ window: 'prod-monthly' }),
          },
          staging: {
            current: undefined,
            next: expect.objectContaining({ window: 'staging-monthly' }),
          },
        },
        endOfLife: undefined,
        // This config upgrades production first, at the same time as staging.
        skew: expect.arrayContaining([
          expect.stringContaining(
            "In 2026-11, production's window (2026-11-10 02:00 Europe/Stockholm) does not come before staging's",
          ),
        ]),
        changes: [],
        workloadSelection: undefined,
        drainReadiness: [],
      },
      problems: [],
      generatedAt: '2026-11-22T12:00:00.000Z',
    });
  });

  it('marks overridden values as coming from the annotation, the rest from config', () => {
    const summary = summarizeEntity(
      entityWith(
        {
          'platform-ops/scope': 'platform',
          'platform-ops/alert-levels': 'production=P1',
          'platform-ops/backup-policy': 'rpo=1h, rto=36h',
          'platform-ops/maintenance-window': 'staging=staging-weekly',
          'platform-ops/escalation': 'group:default/platform-oncall, user:jane',
          'platform-ops/audits': 'application=2026-03-01',
          'platform-ops/runbook': 'https://wiki.example.com/runbooks/ingress',
          'platform-ops/release': 'kubernetes@1.31',
          'platform-ops/alert-matchers': 'namespace="ingress-nginx"',
        },
        { namespace: 'platform', title: 'Ingress controller' },
      ),
      CONFIG,
      NOW,
    );
    expect(summary.problems).toEqual([]);
    expect(summary.entity).toEqual({
      ref: 'component:platform/ingress-nginx',
      kind: 'Component',
      namespace: 'platform',
      name: 'ingress-nginx',
      title: 'Ingress controller',
    });
    expect(summary.annotated).toBe(true);
    expect(summary.alerting.levels).toEqual({
      production: { value: 'P1', source: 'annotation' },
      staging: { value: 'P3', source: 'config' },
    });
    expect(summary.backups.policy).toEqual({
      rpo: { value: '1h', source: 'annotation' },
      retention: { value: '7d', source: 'config' },
      rto: { value: '36h', source: 'annotation' },
    });
    expect(summary.maintenance.windows).toEqual({
      production: { value: 'prod-monthly', source: 'config' },
      staging: { value: 'staging-weekly', source: 'annotation' },
    });
    expect(summary.maintenance.release).toEqual({
      product: 'kubernetes',
      cycle: '1.31',
    });
    expect(summary.scope.escalation).toEqual([
      'group:default/platform-oncall',
      'user:default/jane',
    ]);
    expect(lastAudits(summary.scope.audits)).toEqual({
      application: '2026-03-01',
    });
    expect(summary.scope.runbook).toBe(
      'https://wiki.example.com/runbooks/ingress',
    );
    expect(summary.alerting.matchers).toEqual([
      { name: 'namespace', operator: '=', value: 'ingress-nginx' },
    ]);
  });

  describe('the fence', () => {
    it('puts platform inside the fence', () => {
      const { scope, problems } = summarizeEntity(
        entityWith({ 'platform-ops/scope': 'platform' }),
        CONFIG,
        NOW,
      );
      expect(scope).toMatchObject({
        party: 'platform',
        partyTitle: 'Platform team',
        insideFence: true,
      });
      expect(problems).toEqual([]);
    });

    it.each([
      ['it-systems', 'IT systems team'],
      ['infrastructure', 'Infrastructure team'],
      ['application', 'Application team'],
      ['identity', 'Identity team'],
    ])('puts %s outside the fence', (party, title) => {
      const { scope, problems } = summarizeEntity(
        entityWith({ 'platform-ops/scope': party }),
        CONFIG,
        NOW,
      );
      expect(scope).toMatchObject({
        party,
        partyTitle: title,
        insideFence: false,
      });
      expect(problems).toEqual([]);
    });

    it('reports an unknown party and leaves the fence unknown', () => {
      const { scope, problems } = summarizeEntity(
        entityWith({ 'platform-ops/scope': 'vendor-x' }),
        CONFIG,
        NOW,
      );
      expect(scope.party).toBe('vendor-x');
      expect(scope.partyTitle).toBeUndefined();
      expect(scope.insideFence).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({
          key: 'platform-ops/scope',
          value: 'vendor-x',
          message: expect.stringContaining('platform-ops/scope'),
        }),
      ]);
      expect(problems[0].expected).toContain('platform');
    });

    it('knows a party defined in config', () => {
      const config = readConfig({
        parties: { 'vendor-x': { title: 'Vendor X' } },
      });
      const { scope, problems } = summarizeEntity(
        entityWith({ 'platform-ops/scope': 'vendor-x' }),
        config,
        NOW,
      );
      expect(scope).toMatchObject({
        party: 'vendor-x',
        partyTitle: 'Vendor X',
        insideFence: false,
      });
      expect(problems).toEqual([]);
    });

    it('leaves the fence unknown for a malformed scope', () => {
      const { scope, problems } = summarizeEntity(
        entityWith({ 'platform-ops/scope': 'Platform' }),
        CONFIG,
        NOW,
      );
      expect(scope.party).toBeUndefined();
      expect(scope.insideFence).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({
          key: 'platform-ops/scope',
          value: 'Platform',
        }),
      ]);
    });
  });

  describe('environments', () => {
    it('keeps only annotated environments that config knows, in the annotated order', () => {
      const summary = summarizeEntity(
        entityWith({ 'platform-ops/environments': 'staging, qa, production' }),
        CONFIG,
        NOW,
      );
      expect(summary.alerting.environments).toEqual(['staging', 'production']);
      expect(Object.keys(summary.alerting.levels)).toEqual([
        'staging',
        'production',
      ]);
      expect(summary.problems).toEqual([
        expect.objectContaining({
          key: 'platform-ops/environments',
          value: 'qa',
          expected: expect.stringContaining('production, staging'),
        }),
      ]);
    });

    it('limits levels and windows to the component environments', () => {
      const summary = summarizeEntity(
        entityWith({ 'platform-ops/environments': 'production' }),
        CONFIG,
        NOW,
      );
      expect(summary.alerting.environments).toEqual(['production']);
      expect(summary.alerting.levels).toEqual({
        production: { value: 'P2', source: 'config' },
      });
      expect(summary.maintenance.windows).toEqual({
        production: { value: 'prod-monthly', source: 'config' },
      });
      expect(summary.problems).toEqual([]);
    });

    it('reports alert levels and windows for environments the component does not run in', () => {
      const summary = summarizeEntity(
        entityWith({
          'platform-ops/environments': 'production',
          'platform-ops/alert-levels': 'production=P1, staging=P2',
          'platform-ops/maintenance-window': 'staging=staging-weekly',
        }),
        CONFIG,
        NOW,
      );
      expect(summary.alerting.levels).toEqual({
        production: { value: 'P1', source: 'annotation' },
      });
      expect(summary.maintenance.windows).toEqual({
        production: { value: 'prod-monthly', source: 'config' },
      });
      expect(summary.problems).toEqual([
        expect.objectContaining({
          key: 'platform-ops/alert-levels',
          value: 'staging=P2',
          expected: expect.stringContaining('production'),
        }),
        expect.objectContaining({
          key: 'platform-ops/maintenance-window',
          value: 'staging=staging-weekly',
        }),
      ]);
    });

    it('gives no level where neither annotation nor config has one', () => {
      const config = readConfig({
        environments: [{ name: 'production' }, { name: 'qa' }],
        alerting: { defaultLevels: { production: 'P1' } },
      });
      const summary = summarizeEntity(entityWith(), config, NOW);
      expect(summary.alerting.environments).toEqual(['production', 'qa']);
      expect(summary.alerting.levels).toEqual({
        production: { value: 'P1', source: 'config' },
      });
      expect(summary.maintenance.windows).toEqual({});
      const annotated = summarizeEntity(
        entityWith({ 'platform-ops/alert-levels': 'qa=P3' }),
        config,
        NOW,
      );
      expect(annotated.alerting.levels.qa).toEqual({
        value: 'P3',
        source: 'annotation',
      });
    });
  });

  it('reports a window name that config does not define', () => {
    const summary = summarizeEntity(
      entityWith({
        'platform-ops/maintenance-window':
          'production=nightly, staging=staging-weekly',
      }),
      CONFIG,
      NOW,
    );
    expect(summary.maintenance.windows).toEqual({
      production: { value: 'prod-monthly', source: 'config' },
      staging: { value: 'staging-weekly', source: 'annotation' },
    });
    expect(summary.problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/maintenance-window',
        value: 'production=nightly',
        expected: expect.stringContaining('prod-monthly'),
        message: expect.stringContaining('platform-ops/maintenance-window'),
      }),
    ]);
  });

  describe('protection gaps', () => {
    it('lists the protections that are missing', () => {
      const { backups } = summarizeEntity(
        entityWith({
          'platform-ops/backup-source': 'velero:selector=app=orders',
          'platform-ops/backup-protection': 'object-lock, encrypted',
        }),
        CONFIG,
        NOW,
      );
      expect(backups.source).toEqual({
        type: 'velero',
        selector: { label: 'app', value: 'orders' },
      });
      expect(backups.protection).toEqual(['object-lock', 'encrypted']);
      expect(backups.protectionGaps).toEqual(['off-site', 'off-cloud']);
    });

    it('lists no gaps when every protection is in place', () => {
      const { backups } = summarizeEntity(
        entityWith({
          'platform-ops/backup-source': 'push',
          'platform-ops/backup-protection':
            'encrypted, off-cloud, off-site, object-lock',
        }),
        CONFIG,
        NOW,
      );
      expect(backups.protectionGaps).toEqual([]);
    });

    it('lists no gaps when nothing is backed up on purpose', () => {
      const { backups, problems } = summarizeEntity(
        entityWith({ 'platform-ops/backup-source': 'none' }),
        CONFIG,
        NOW,
      );
      expect(backups.source).toEqual({ type: 'none' });
      expect(backups.protectionGaps).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('carries the declared backup scope', () => {
      const { backups } = summarizeEntity(
        entityWith({
          'platform-ops/backup-scope':
            'pvc:orders/data-orders-db-0, database:orders',
        }),
        CONFIG,
        NOW,
      );
      expect(backups.scope).toEqual([
        { kind: 'pvc', target: 'orders/data-orders-db-0' },
        { kind: 'database', target: 'orders' },
      ]);
    });
  });

  it('reports the unknown key platform-ops/runbok', () => {
    const summary = summarizeEntity(
      entityWith({
        'platform-ops/runbok': 'https://wiki.example.com/runbooks/ingress',
      }),
      CONFIG,
      NOW,
    );
    expect(summary.annotated).toBe(true);
    expect(summary.scope.runbook).toBeUndefined();
    expect(summary.problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/runbok',
        value: 'https://wiki.example.com/runbooks/ingress',
        expected: expect.stringContaining('platform-ops/runbook'),
        message: expect.stringContaining('platform-ops/runbok'),
      }),
    ]);
  });

  it('drops a future audit with a problem, judged against now', () => {
    const entity = entityWith({
      'platform-ops/audits': 'application=2026-03-01, provider=2026-12-24',
    });
    const summary = summarizeEntity(entity, CONFIG, NOW);
    expect(lastAudits(summary.scope.audits)).toEqual({
      application: '2026-03-01',
    });
    expect(summary.problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/audits',
        value: '2026-12-24',
      }),
    ]);
    const later = summarizeEntity(
      entity,
      CONFIG,
      DateTime.fromISO('2027-01-01T00:00:00Z', { zone: 'utc' }),
    );
    expect(lastAudits(later.scope.audits)).toEqual({
      application: '2026-03-01',
      provider: '2026-12-24',
    });
    expect(later.generatedAt).toBe('2027-01-01T00:00:00.000Z');
  });

  it('never shows a non-http runbook', () => {
    const summary = summarizeEntity(
      entityWith({ 'platform-ops/runbook': 'javascript:alert(1)' }),
      CONFIG,
      NOW,
    );
    expect(summary.scope.runbook).toBeUndefined();
    expect(summary.problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/runbook',
        value: 'javascript:alert(1)',
      }),
    ]);
  });

  it('writes config durations short, in the unit written', () => {
    const config = readConfig({
      backups: { defaultPolicy: { rpo: '60m', retention: '14d', rto: '30s' } },
    });
    const { backups } = summarizeEntity(entityWith(), config, NOW);
    expect(backups.policy).toEqual({
      rpo: { value: '60m', source: 'config' },
      retention: { value: '14d', source: 'config' },
      rto: { value: '30s', source: 'config' },
    });
  });

  it('gives the same summaries with a window cache shared between entities', () => {
    const windows = new WindowOccurrenceCache();
    const entities = [
      entityWith(),
      entityWith({
        'platform-ops/maintenance-window': 'staging=staging-weekly',
      }),
      entityWith({ 'platform-ops/environments': 'production' }),
    ];
    for (const entity of entities) {
      expect(summarizeEntity(entity, CONFIG, NOW, { windows })).toEqual(
        summarizeEntity(entity, CONFIG, NOW),
      );
    }
  });
});
