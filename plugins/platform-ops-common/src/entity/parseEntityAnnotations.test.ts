/* eslint-disable no-script-url -- hostile URLs are test input: they must be rejected, never rendered */
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { hasPlatformOpsAnnotations } from '../hasPlatformOpsAnnotations';
import {
  parseEntityAnnotations,
  PLATFORM_OPS_ANNOTATIONS,
} from './parseEntityAnnotations';

const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });

function entityWith(annotations: Record<string, string> | undefined): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ingress-nginx',
      ...(annotations ? { annotations } : {}),
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform-team',
    },
  };
}

const VALID = {
  'platform-ops/scope': 'platform',
  'platform-ops/escalation': 'group:default/platform-oncall, user:default/jane',
  'platform-ops/audits': 'application=2026-03-01, provider=2025-11-02',
  'platform-ops/environments': 'staging, production',
  'platform-ops/alert-matchers':
    '{namespace="ingress-nginx", app="ingress-nginx"}',
  'platform-ops/alert-levels': 'production=P1, staging=P2',
  'platform-ops/backup-policy': 'rpo=24h, retention=7d, rto=4h',
  'platform-ops/backup-source': 'velero:schedule=daily-platform',
  'platform-ops/backup-scope': 'pvc:orders/data-orders-db-0, database:orders',
  'platform-ops/backup-protection': 'object-lock, off-site, encrypted',
  'platform-ops/maintenance-window':
    'production=prod-monthly, staging=staging-monthly',
  'platform-ops/release': 'kubernetes@1.31',
  'platform-ops/runbook': 'https://wiki.example.com/runbooks/ingress',
};

/**
 * Malformed values per annotation key. Each must give at least one problem
 * for its key, never an exception.
 */
const MALFORMED: Array<[string, string]> = [
  ['platform-ops/scope', ''],
  ['platform-ops/scope', 'Platform'],
  ['platform-ops/scope', 'it systems'],
  ['platform-ops/scope', 'platform, application'],
  ['platform-ops/scope', '-platform'],
  ['platform-ops/escalation', ''],
  ['platform-ops/escalation', 'jane'],
  ['platform-ops/escalation', 'component:default/ingress'],
  ['platform-ops/escalation', 'group:default/'],
  ['platform-ops/escalation', 'group:default/a, group:default/a'],
  ['platform-ops/escalation', 'group:default/a,,user:default/b'],
  ['platform-ops/audits', ''],
  ['platform-ops/audits', 'application'],
  ['platform-ops/audits', 'application=2026-02-30'],
  ['platform-ops/audits', 'application=2026-11-23'],
  ['platform-ops/audits', 'Application=2026-03-01'],
  ['platform-ops/audits', 'application=01/03/2026'],
  ['platform-ops/environments', ''],
  ['platform-ops/environments', 'Production'],
  ['platform-ops/environments', 'staging, staging'],
  ['platform-ops/environments', 'staging,,production'],
  ['platform-ops/environments', 'prod env'],
  ['platform-ops/alert-matchers', ''],
  ['platform-ops/alert-matchers', '{}'],
  ['platform-ops/alert-matchers', '{namespace="x"'],
  ['platform-ops/alert-matchers', 'namespace=="x"'],
  ['platform-ops/alert-matchers', 'namespace=!"x"'],
  ['platform-ops/alert-matchers', 'app=~"("'],
  ['platform-ops/alert-matchers', '{a!="x"}'],
  ['platform-ops/alert-matchers', '{a=~".*"}'],
  ['platform-ops/alert-matchers', '1app="x"'],
  ['platform-ops/alert-levels', ''],
  ['platform-ops/alert-levels', 'production=P4'],
  ['platform-ops/alert-levels', 'production'],
  ['platform-ops/alert-levels', 'Production=P1'],
  ['platform-ops/alert-levels', 'production=P1, production=P2'],
  ['platform-ops/backup-policy', ''],
  ['platform-ops/backup-policy', 'rpo=24'],
  ['platform-ops/backup-policy', 'rpo=1 day'],
  ['platform-ops/backup-policy', 'rpq=24h'],
  ['platform-ops/backup-policy', 'rto=-4h'],
  ['platform-ops/backup-source', ''],
  ['platform-ops/backup-source', 'velero'],
  ['platform-ops/backup-source', 'Push'],
  ['platform-ops/backup-source', 'velero:schedule=Daily_Platform'],
  ['platform-ops/backup-source', 'velero:selector=app'],
  ['platform-ops/backup-source', 'restic:daily'],
  ['platform-ops/backup-scope', ''],
  ['platform-ops/backup-scope', 'disk:orders'],
  ['platform-ops/backup-scope', 'pvc:orders'],
  ['platform-ops/backup-scope', 'orders-db'],
  ['platform-ops/backup-protection', ''],
  ['platform-ops/backup-protection', 'immutable'],
  ['platform-ops/backup-protection', 'Object-Lock'],
  ['platform-ops/maintenance-window', ''],
  ['platform-ops/maintenance-window', 'prod-monthly'],
  ['platform-ops/maintenance-window', 'production=Prod_Monthly'],
  ['platform-ops/maintenance-window', 'Production=prod-monthly'],
  ['platform-ops/release', ''],
  ['platform-ops/release', 'kubernetes'],
  ['platform-ops/release', 'Kubernetes@1.31'],
  ['platform-ops/release', 'kubernetes@1.31@2'],
  ['platform-ops/runbook', ''],
  ['platform-ops/runbook', 'javascript:alert(1)'],
  ['platform-ops/runbook', 'file:///etc/passwd'],
  ['platform-ops/runbook', 'wiki/runbooks/ingress'],
  ['platform-ops/runbook', 'data:text/html,<script>alert(1)</script>'],
];

describe('parseEntityAnnotations', () => {
  it('knows the 13 keys', () => {
    expect([...PLATFORM_OPS_ANNOTATIONS].sort()).toEqual(
      Object.keys(VALID).sort(),
    );
  });

  it('parses all 13 keys into typed values', () => {
    const { annotations, problems } = parseEntityAnnotations(
      entityWith(VALID),
      NOW,
    );
    expect(problems).toEqual([]);
    expect(annotations.scope).toBe('platform');
    expect(annotations.escalation).toEqual([
      'group:default/platform-oncall',
      'user:default/jane',
    ]);
    expect(
      Object.fromEntries(
        Object.entries(annotations.audits!).map(([kind, date]) => [
          kind,
          date.toISODate(),
        ]),
      ),
    ).toEqual({ application: '2026-03-01', provider: '2025-11-02' });
    expect(annotations.environments).toEqual(['staging', 'production']);
    expect(annotations.alertMatchers).toEqual([
      { name: 'namespace', operator: '=', value: 'ingress-nginx' },
      { name: 'app', operator: '=', value: 'ingress-nginx' },
    ]);
    expect(annotations.alertLevels).toEqual({
      production: 'P1',
      staging: 'P2',
    });
    expect(annotations.backupPolicy?.rpo?.toObject()).toEqual({ hours: 24 });
    expect(annotations.backupPolicy?.retention?.toObject()).toEqual({
      days: 7,
    });
    expect(annotations.backupPolicy?.rto?.toObject()).toEqual({ hours: 4 });
    expect(annotations.backupSource).toEqual({
      type: 'velero',
      schedule: 'daily-platform',
    });
    expect(annotations.backupScope).toEqual([
      { kind: 'pvc', target: 'orders/data-orders-db-0' },
      { kind: 'database', target: 'orders' },
    ]);
    expect(annotations.backupProtection).toEqual([
      'object-lock',
      'off-site',
      'encrypted',
    ]);
    expect(annotations.maintenanceWindow).toEqual({
      production: 'prod-monthly',
      staging: 'staging-monthly',
    });
    expect(annotations.release).toEqual({
      product: 'kubernetes',
      cycle: '1.31',
    });
    expect(annotations.runbook).toBe(
      'https://wiki.example.com/runbooks/ingress',
    );
  });

  it('returns nothing for an entity without annotations', () => {
    expect(parseEntityAnnotations(entityWith(undefined), NOW)).toEqual({
      annotations: {},
      problems: [],
    });
    expect(
      parseEntityAnnotations(
        entityWith({ 'backstage.io/techdocs-ref': 'dir:.' }),
        NOW,
      ),
    ).toEqual({
      annotations: {},
      problems: [],
    });
  });

  it('has at least 50 malformed inputs covering all 13 keys', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
    expect(new Set(MALFORMED.map(([key]) => key)).size).toBe(13);
  });

  it.each(MALFORMED)('reports %s: %j without throwing', (key, text) => {
    expect(() =>
      parseEntityAnnotations(entityWith({ [key]: text }), NOW),
    ).not.toThrow();
    const { problems } = parseEntityAnnotations(
      entityWith({ [key]: text }),
      NOW,
    );
    expect(problems.length).toBeGreaterThan(0);
    for (const found of problems) {
      expect(found.key).toBe(key);
      expect(found.message).toContain(key);
    }
  });

  it('parses none of the malformed inputs into a value that hides the problem', () => {
    for (const [key, text] of MALFORMED) {
      const { problems } = parseEntityAnnotations(
        entityWith({ ...VALID, [key]: text }),
        NOW,
      );
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every(found => found.key === key)).toBe(true);
    }
  });

  it('keeps the good annotations when others are bad', () => {
    const { annotations, problems } = parseEntityAnnotations(
      entityWith({
        'platform-ops/scope': 'platform',
        'platform-ops/runbook': 'javascript:alert(1)',
        'platform-ops/alert-matchers': '{a="b"',
        'platform-ops/release': 'kubernetes@1.31',
      }),
      NOW,
    );
    expect(annotations).toEqual({
      scope: 'platform',
      release: { product: 'kubernetes', cycle: '1.31' },
    });
    expect(problems.map(found => found.key).sort()).toEqual([
      'platform-ops/alert-matchers',
      'platform-ops/runbook',
    ]);
  });

  it('reports a future audit against the given now', () => {
    const entity = entityWith({
      'platform-ops/audits': 'application=2026-12-01',
    });
    expect(parseEntityAnnotations(entity, NOW).problems).toHaveLength(1);
    expect(
      parseEntityAnnotations(entity, DateTime.fromISO('2027-01-01T00:00:00Z'))
        .problems,
    ).toEqual([]);
  });

  it('reports unknown platform-ops/ keys with their text', () => {
    const { annotations, problems } = parseEntityAnnotations(
      entityWith({
        'platform-ops/runbok': 'https://wiki.example.com/runbooks/ingress',
        'platform-ops/Scope': 'platform',
        'platform-ops/runbook': 'https://wiki.example.com/runbooks/ingress',
        'backstage.io/source-location': 'url:https://example.com',
      }),
      NOW,
    );
    expect(annotations).toEqual({
      runbook: 'https://wiki.example.com/runbooks/ingress',
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      key: 'platform-ops/runbok',
      value: 'https://wiki.example.com/runbooks/ingress',
    });
    expect(problems[0].expected).toContain('platform-ops/runbook');
    expect(problems[0].message).toContain('platform-ops/runbok');
    expect(problems[1].key).toBe('platform-ops/Scope');
  });

  it('reports values that are not strings without throwing', () => {
    const entity = entityWith({
      'platform-ops/release': 131 as unknown as string,
      'platform-ops/runbook': null as unknown as string,
      'platform-ops/typo': null as unknown as string,
    });
    expect(() => parseEntityAnnotations(entity, NOW)).not.toThrow();
    const { annotations, problems } = parseEntityAnnotations(entity, NOW);
    expect(annotations).toEqual({});
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/release',
        value: '131',
        expected: 'a string',
      }),
      expect.objectContaining({
        key: 'platform-ops/runbook',
        value: 'null',
        expected: 'a string',
      }),
      expect.objectContaining({ key: 'platform-ops/typo', value: 'null' }),
    ]);
  });

  it('shows a map or a list written as an annotation value as the YAML wrote it', () => {
    const entity = entityWith({
      'platform-ops/scope': { party: 'platform' } as unknown as string,
      'platform-ops/runbok': ['a', 'b'] as unknown as string,
    });
    const { problems } = parseEntityAnnotations(entity, NOW);
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/scope',
        value: '{"party":"platform"}',
        expected: 'a string',
      }),
      expect.objectContaining({
        key: 'platform-ops/runbok',
        value: '["a","b"]',
      }),
    ]);
    expect(problems[0].message).not.toContain('[object Object]');
  });
});

describe('hasPlatformOpsAnnotations', () => {
  it('is true when any platform-ops/ key is present, even an unknown one', () => {
    expect(
      hasPlatformOpsAnnotations(
        entityWith({ 'platform-ops/scope': 'platform' }),
      ),
    ).toBe(true);
    expect(
      hasPlatformOpsAnnotations(entityWith({ 'platform-ops/runbok': 'x' })),
    ).toBe(true);
  });

  it('is false otherwise', () => {
    expect(hasPlatformOpsAnnotations(entityWith(undefined))).toBe(false);
    expect(
      hasPlatformOpsAnnotations(
        entityWith({ 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
    expect(
      hasPlatformOpsAnnotations(
        entityWith({ 'platform-opsx/scope': 'platform' }),
      ),
    ).toBe(false);
  });
});
