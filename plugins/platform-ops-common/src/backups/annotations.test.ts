import {
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_BACKUP_PROTECTION,
  ANNOTATION_BACKUP_SCOPE,
  ANNOTATION_BACKUP_SOURCE,
} from '../annotations';
import { Parsed } from '../problems';
import {
  BACKUP_PROTECTIONS,
  parseBackupPolicyAnnotation,
  parseBackupProtectionAnnotation,
  parseBackupScopeAnnotation,
  parseBackupSourceAnnotation,
} from './annotations';

function expectProblem(parsed: Parsed<unknown>, key: string, value: string) {
  expect(parsed.problems.length).toBeGreaterThan(0);
  expect(parsed.problems).toContainEqual(
    expect.objectContaining({
      key,
      value,
      message: expect.stringContaining(key),
    }),
  );
  for (const found of parsed.problems) expect(found.key).toBe(key);
}

function policyObject(text: string) {
  const parsed = parseBackupPolicyAnnotation(text);
  return {
    value:
      parsed.value &&
      Object.fromEntries(
        Object.entries(parsed.value).map(([name, duration]) => [
          name,
          duration!.toObject(),
        ]),
      ),
    problems: parsed.problems,
  };
}

describe('platform-ops/backup-policy', () => {
  it('parses all three keys', () => {
    expect(policyObject('rpo=24h, retention=7d, rto=4h')).toEqual({
      value: { rpo: { hours: 24 }, retention: { days: 7 }, rto: { hours: 4 } },
      problems: [],
    });
  });

  it.each([
    ['rpo=1h', { rpo: { hours: 1 } }],
    ['retention=2w', { retention: { weeks: 2 } }],
    ['rto = 90m , rpo = 30s', { rto: { minutes: 90 }, rpo: { seconds: 30 } }],
  ])('parses the subset %j', (text, expected) => {
    expect(policyObject(text)).toEqual({ value: expected, problems: [] });
  });

  it.each([
    // [text, bad value reported, policy kept]
    ['', '', undefined],
    ['rpo', 'rpo', {}],
    ['rpo=', 'rpo=', {}],
    ['rpo=24', '24', {}],
    ['rpo=1day', '1day', {}],
    ['rpo=1.5h', '1.5h', {}],
    ['rpo=24H', '24H', {}],
    ['rto=-4h', '-4h', {}],
    ['retention=7 d', '7 d', {}],
    ['retention=1y', '1y', {}],
    ['rpo=24h, rpq=7d', 'rpq=7d', { rpo: { hours: 24 } }],
    ['RPO=24h', 'RPO=24h', {}],
    ['rpo=24h, rpo=1h', 'rpo=1h', { rpo: { hours: 24 } }],
    ['rpo=24h;retention=7d', '24h;retention=7d', {}],
    ['rpo=24h,', 'rpo=24h,', { rpo: { hours: 24 } }],
  ])('reports %j', (text, value, kept) => {
    expect(() => parseBackupPolicyAnnotation(text)).not.toThrow();
    const parsed = policyObject(text);
    expect(parsed.value).toEqual(kept);
    expectProblem(
      parseBackupPolicyAnnotation(text),
      ANNOTATION_BACKUP_POLICY,
      value,
    );
  });
});

describe('platform-ops/backup-source', () => {
  it.each([
    [
      'velero:schedule=daily-platform',
      { type: 'velero', schedule: 'daily-platform' },
    ],
    [
      'velero:schedule=orders.daily',
      { type: 'velero', schedule: 'orders.daily' },
    ],
    [
      'velero:selector=app=orders',
      { type: 'velero', selector: { label: 'app', value: 'orders' } },
    ],
    [
      'velero:selector=app.kubernetes.io/name=orders-db',
      {
        type: 'velero',
        selector: { label: 'app.kubernetes.io/name', value: 'orders-db' },
      },
    ],
    ['push', { type: 'push' }],
    ['none', { type: 'none' }],
    ['  none ', { type: 'none' }],
  ])('parses %j', (text, source) => {
    expect(parseBackupSourceAnnotation(text)).toEqual({
      value: source,
      problems: [],
    });
  });

  it.each([
    [''],
    ['velero'],
    ['velero:'],
    ['Push'],
    ['NONE'],
    ['none, push'],
    ['restic:daily'],
    ['velero:schedule='],
    ['velero:schedule=Daily_Platform'],
    ['velero:schedule=daily platform'],
    ['velero:schedule=-daily'],
    ['velero:selector=app'],
    ['velero:selector==orders'],
    ['velero:selector=app=orders!'],
    ['velero:selector=app name=orders'],
    ['velero:daily-platform'],
  ])('reports %j', text => {
    expect(() => parseBackupSourceAnnotation(text)).not.toThrow();
    const parsed = parseBackupSourceAnnotation(text);
    expect(parsed.value).toBeUndefined();
    expectProblem(parsed, ANNOTATION_BACKUP_SOURCE, text);
  });
});

describe('platform-ops/backup-scope', () => {
  it('parses kinded items', () => {
    expect(
      parseBackupScopeAnnotation(
        'pvc:orders/data-orders-db-0, database:orders',
      ),
    ).toEqual({
      value: [
        { kind: 'pvc', target: 'orders/data-orders-db-0' },
        { kind: 'database', target: 'orders' },
      ],
      problems: [],
    });
  });

  it('accepts every kind', () => {
    expect(
      parseBackupScopeAnnotation(
        'pvc:ns/claim.v1, namespace:orders, database:orders, bucket:s3-backups, volume:vol-1, files:/var/lib/app',
      ).value?.map(item => item.kind),
    ).toEqual(['pvc', 'namespace', 'database', 'bucket', 'volume', 'files']);
  });

  it.each([
    // [text, bad value reported, items kept]
    ['', '', undefined],
    ['orders-db', 'orders-db', []],
    ['disk:orders', 'disk:orders', []],
    ['PVC:orders/data', 'PVC:orders/data', []],
    ['database:', 'database:', []],
    [':orders', ':orders', []],
    ['files:/var/lib with space', 'files:/var/lib with space', []],
    ['pvc:orders', 'pvc:orders', []],
    ['pvc:Orders/Data', 'pvc:Orders/Data', []],
    ['pvc:orders/data/extra', 'pvc:orders/data/extra', []],
    [
      'database:orders, s3:bucket',
      's3:bucket',
      [{ kind: 'database', target: 'orders' }],
    ],
    [
      'database:orders,',
      'database:orders,',
      [{ kind: 'database', target: 'orders' }],
    ],
  ])('reports %j', (text, value, kept) => {
    expect(() => parseBackupScopeAnnotation(text)).not.toThrow();
    const parsed = parseBackupScopeAnnotation(text);
    expect(parsed.value).toEqual(kept);
    expectProblem(parsed, ANNOTATION_BACKUP_SCOPE, value);
  });
});

describe('platform-ops/backup-protection', () => {
  it.each([
    [
      'object-lock, off-site, encrypted',
      ['object-lock', 'off-site', 'encrypted'],
    ],
    ['encrypted', ['encrypted']],
    [BACKUP_PROTECTIONS.join(','), [...BACKUP_PROTECTIONS]],
  ])('parses %j', (text, protections) => {
    expect(parseBackupProtectionAnnotation(text)).toEqual({
      value: protections,
      problems: [],
    });
  });

  it('knows the four protections of the design', () => {
    expect(BACKUP_PROTECTIONS).toEqual([
      'object-lock',
      'off-site',
      'off-cloud',
      'encrypted',
    ]);
  });

  it.each([
    // [text, bad value reported, protections kept]
    ['', '', undefined],
    ['immutable', 'immutable', []],
    ['Object-Lock', 'Object-Lock', []],
    ['offsite', 'offsite', []],
    ['object lock', 'object lock', []],
    ['encrypted, worm', 'worm', ['encrypted']],
    ['encrypted,,off-site', 'encrypted,,off-site', ['encrypted', 'off-site']],
  ])('reports %j', (text, value, kept) => {
    expect(() => parseBackupProtectionAnnotation(text)).not.toThrow();
    const parsed = parseBackupProtectionAnnotation(text);
    expect(parsed.value).toEqual(kept);
    expectProblem(parsed, ANNOTATION_BACKUP_PROTECTION, value);
  });
});

describe('parseBackupProtectionAnnotation duplicates', () => {
  it('reports a protection listed twice and keeps one', () => {
    const parsed = parseBackupProtectionAnnotation(
      'encrypted, off-site, encrypted',
    );
    expect(parsed.value).toEqual(['encrypted', 'off-site']);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/backup-protection',
        value: 'encrypted',
      }),
    ]);
  });
});
