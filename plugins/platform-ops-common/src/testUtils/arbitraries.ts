/* eslint-disable no-script-url -- hostile URLs are generated input: they must be rejected, never rendered */
import { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { RawAlert } from '../alerting/types';
import { BackupInventory, RawBackup } from '../backups/types';
import { Drill } from '../backups/drills';
import { ClusterInventory } from '../maintenance/clusterTypes';

/**
 * Values that must never become a link or make anything connect, in every
 * spelling a parser might miss.
 */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(document.cookie)',
  'javascript://%0aalert(1)',
  '\tjavascript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example.com/x',
] as const;

/** Whether an href is one of the schemes that run code or embed content. */
export function isDangerousHref(href: string): boolean {
  // Browsers drop ASCII whitespace and control characters inside a scheme.
  // eslint-disable-next-line no-control-regex
  const scheme = href.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|data|vbscript):/.test(scheme);
}

/** Words that parsers split on or look for, and some that break them. */
const TOKENS = [
  'production',
  'staging',
  'dev',
  'P1',
  'P2',
  'P3',
  'P0',
  'p1',
  '24h',
  '7d',
  '4h',
  '-1h',
  '0d',
  '1.5h',
  '99999999999999999999d',
  'platform',
  'application',
  'it-systems',
  'default',
  'orders',
  'ingress-nginx',
  '',
  ' ',
  '=',
  '==',
  ',',
  ',,',
  '{',
  '}',
  '"',
  '\\',
  '~',
  '.*',
  '(a+)+$',
  '([a-z0-9]+-?)+-canary',
  '[',
  '\u0000',
  '\u202e',
  'é',
  '🙂',
  '__proto__',
  'constructor',
  'toString',
  ...HOSTILE_URLS,
];

/** One token or a short arbitrary string. */
export const word: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.string({ maxLength: 8 }),
  fc.string({ maxLength: 6, unit: 'binary' }),
);

function joined(
  part: fc.Arbitrary<string>,
  separators: string[] = [', ', ',', ' , ', ';', ''],
): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(part, { maxLength: 5 }), fc.constantFrom(...separators))
    .map(([parts, separator]) => parts.join(separator));
}

function pairs(
  keys: fc.Arbitrary<string>,
  values: fc.Arbitrary<string>,
  operators: string[] = ['=', '= ', ' = ', ':', '=='],
): fc.Arbitrary<string> {
  return joined(
    fc
      .tuple(keys, fc.constantFrom(...operators), values)
      .map(([key, operator, value]) => `${key}${operator}${value}`),
  );
}

const environmentName = fc.oneof(
  fc.constantFrom('production', 'staging', 'dev', 'Production', ''),
  word,
);
const level = fc.oneof(fc.constantFrom('P1', 'P2', 'P3', 'P0', 'p2'), word);
const duration = fc.oneof(
  fc.constantFrom('24h', '7d', '4h', '30m', '0h', '-1h', '1.5h', '1e3h', 'h'),
  fc.integer({ min: -5, max: 100000 }).map(n => `${n}d`),
  word,
);
const date = fc.oneof(
  fc.constantFrom('2026-03-01', '2025-11-02', '2026-02-30', '0000-00-00'),
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2300-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map(d => d.toISOString().slice(0, 10)),
  word,
);
const entityRef = fc.oneof(
  fc.constantFrom(
    'group:default/platform-oncall',
    'user:default/jane',
    'user:jane',
    'jane',
    'component:default/x',
    'group:/',
    ':::',
    'user:default/',
  ),
  fc.tuple(word, word, word).map(([k, n, m]) => `${k}:${n}/${m}`),
);
const url = fc.oneof(
  fc.constantFrom(
    'https://wiki.example.com/runbooks/ingress',
    'http://wiki.example.com',
    'https://',
    'http://[::1',
    'ftp://example.com/x',
    'mailto:oncall@example.com',
    'wiki.example.com/x',
    ...HOSTILE_URLS,
  ),
  fc.webUrl(),
  word,
);
const matcherOperator = fc.constantFrom('=', '!=', '=~', '!~', '==', '~');
const matcherValue = fc.oneof(
  fc.constantFrom(
    'ingress-nginx',
    '.*',
    '(a+)+$',
    '([a-z0-9]+-?)+-canary',
    '[',
    '\\"',
    ...HOSTILE_URLS,
  ),
  word,
);
const matchers = fc.oneof(
  fc.constantFrom(
    '{namespace="ingress-nginx", app="ingress-nginx"}',
    '{namespace="orders"}',
    '{app=~"ingress.*"}',
    '{namespace="orders", app!="cache"}',
    '{alertname=~"(a+)+$"}',
  ),
  fc
    .tuple(
      fc.array(
        fc
          .tuple(
            fc.oneof(
              fc.constantFrom('namespace', 'app', 'alertname', 'runbook_url'),
              word,
            ),
            matcherOperator,
            matcherValue,
            fc.boolean(),
          )
          .map(([name, operator, value, quoted]) =>
            quoted
              ? `${name}${operator}"${value.replace(/"/g, '\\"')}"`
              : `${name}${operator}${value}`,
          ),
        { maxLength: 4 },
      ),
      fc.constantFrom(['{', '}'], ['', ''], ['{', ''], ['', '}']),
    )
    .map(([parts, [open, close]]) => `${open}${parts.join(', ')}${close}`),
  word,
);
const selector = fc.oneof(
  fc.constantFrom(
    'app=orders',
    'app=orders,tier!=cache',
    'app in (orders, billing)',
    'app notin (a)',
    '!app',
    'app',
    'app==orders=x',
    'app in (',
    'a=b,,c=d',
    '',
  ),
  joined(
    fc
      .tuple(word, fc.constantFrom('=', '!=', '==', ' in ', ''), word)
      .map(([key, operator, value]) => `${key}${operator}${value}`),
    [','],
  ),
);

/** The value generators of every annotation the suite reads. */
export const ANNOTATION_VALUES: Record<string, fc.Arbitrary<string>> = {
  'platform-ops/scope': fc.oneof(
    fc.constantFrom(
      'platform',
      'application',
      'it-systems',
      'infrastructure',
      'identity',
      'unknown-party',
      ' Platform ',
    ),
    word,
  ),
  'platform-ops/escalation': joined(entityRef),
  'platform-ops/audits': pairs(
    fc.oneof(fc.constantFrom('application', 'provider', 'other'), word),
    date,
  ),
  'platform-ops/environments': joined(environmentName),
  'platform-ops/alert-matchers': matchers,
  'platform-ops/alert-levels': pairs(environmentName, level),
  'platform-ops/backup-policy': pairs(
    fc.oneof(fc.constantFrom('rpo', 'retention', 'rto', 'foo'), word),
    duration,
  ),
  'platform-ops/backup-source': fc.oneof(
    {
      arbitrary: fc.constantFrom(
        'velero:schedule=daily-platform',
        'velero:selector=app=orders',
      ),
      weight: 3,
    },
    fc.constantFrom(
      'none',
      'push',
      'velero',
      'velero:',
      'velero:schedule=',
      'velero:schedule=daily-platform',
      'velero:selector=app=orders',
      'velero:selector=app',
      'velero:selector=a=b=c',
      's3://backups/orders',
      ...HOSTILE_URLS,
    ),
    fc
      .tuple(fc.constantFrom('velero:schedule=', 'velero:selector='), word)
      .map(([prefix, value]) => prefix + value),
    url,
  ),
  'platform-ops/backup-scope': joined(
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom('pvc', 'database', 'namespace', 'bucket', 'x'),
          word,
        ),
        word,
        word,
      )
      .map(([kind, namespace, name]) => `${kind}:${namespace}/${name}`),
  ),
  'platform-ops/backup-protection': joined(
    fc.oneof(
      fc.constantFrom(
        'object-lock',
        'off-site',
        'off-cloud',
        'encrypted',
        'tape',
      ),
      word,
    ),
  ),
  'platform-ops/maintenance-window': fc.oneof(
    pairs(
      environmentName,
      fc.oneof(
        fc.constantFrom('prod-monthly', 'staging-monthly', 'weekly'),
        word,
      ),
    ),
    fc.constantFrom('prod-monthly', 'none'),
  ),
  'platform-ops/release': fc.oneof(
    fc
      .tuple(
        fc.oneof(fc.constantFrom('kubernetes', 'postgresql', ''), word),
        fc.constantFrom('@', '@@', ' @ ', ''),
        fc.oneof(fc.constantFrom('1.31', '1.34', '1.99', 'latest', ''), word),
      )
      .map(parts => parts.join('')),
    url,
  ),
  'platform-ops/runbook': url,
  'backstage.io/kubernetes-id': fc.oneof(
    fc.constantFrom('ingress-nginx', 'orders'),
    word,
  ),
  'backstage.io/kubernetes-label-selector': selector,
  'backstage.io/kubernetes-namespace': fc.oneof(
    fc.constantFrom('ingress-nginx', 'orders', 'kube-system'),
    word,
  ),
  'platform-ops/unknown-key': word,
};

/** The annotation keys generated. */
export const GENERATED_KEYS = Object.keys(ANNOTATION_VALUES);

/** A set of annotations: each key absent or with a generated value. */
export const annotationSet: fc.Arbitrary<Record<string, string>> = fc.record(
  ANNOTATION_VALUES,
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, string>>;

/** A Component carrying a generated annotation set. */
export const annotatedEntity: fc.Arbitrary<Entity> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom('ingress-nginx', 'orders-db', 'a'),
      fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/),
    ),
    title: fc.option(word, { nil: undefined }),
    owner: fc.oneof(
      fc.constantFrom('group:default/platform-team', 'team-a', 'user:jane'),
      entityRef,
    ),
    tags: fc.array(word, { maxLength: 3 }),
    annotations: annotationSet,
  })
  .map(({ name, title, owner, tags, annotations }) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title, tags, annotations },
    spec: { type: 'service', owner, lifecycle: 'production' },
  }));

/** An ISO time in 2026, or text that is not one. */
const time = fc.oneof(
  fc
    .date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2026-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map(d => d.toISOString()),
  fc.constantFrom(
    '',
    'not a time',
    '2026-13-45T99:99:99Z',
    '0001-01-01T00:00:00Z',
  ),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { nil: undefined });
const labels = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'alertname',
      'namespace',
      'app',
      'severity',
      'priority',
      'velero.io/schedule-name',
      'app',
    ),
    word,
  ),
  fc.oneof(
    fc.constantFrom(
      'ingress-nginx',
      'orders',
      'critical',
      'warning',
      'P1',
      'Watchdog',
      'daily-platform',
    ),
    word,
  ),
  { maxKeys: 5 },
);

/** Labels that the usual matchers select, plus anything else. */
const alertLabels = fc
  .tuple(
    fc.record(
      {
        namespace: fc.constantFrom('ingress-nginx', 'orders'),
        app: fc.constantFrom('ingress-nginx', 'cache'),
        alertname: fc.oneof(fc.constantFrom('Watchdog', 'aaaa'), word),
      },
      { requiredKeys: [] },
    ),
    labels,
  )
  .map(([usual, other]) => ({ ...other, ...usual } as Record<string, string>));

/** An alert as an Alertmanager might send it, hostile links included. */
export const rawAlert: fc.Arbitrary<RawAlert> = fc.record({
  fingerprint: fc.string({ maxLength: 16 }),
  labels: alertLabels,
  annotations: fc.dictionary(
    fc.constantFrom('summary', 'description', 'runbook_url', 'dashboard'),
    fc.oneof(url, word),
    { maxKeys: 4 },
  ),
  startsAt: time,
  state: fc.constantFrom('active', 'suppressed', 'unprocessed'),
  silencedBy: fc.array(word, { maxLength: 2 }),
  inhibitedBy: fc.array(word, { maxLength: 2 }),
  generatorURL: optional(url),
});

const namespaces = fc.array(
  fc.oneof(fc.constantFrom('*', 'orders', 'ingress-nginx'), word),
  { maxLength: 3 },
);
const phase = fc.oneof(
  { arbitrary: fc.constant('Completed'), weight: 2 },
  fc.constantFrom(
    'Completed',
    'PartiallyFailed',
    'Failed',
    'InProgress',
    'Available',
    'Unavailable',
    '',
  ),
  word,
);

const rawBackup: fc.Arbitrary<RawBackup> = fc.record(
  {
    name: word,
    schedule: optional(
      fc.oneof(fc.constantFrom('daily-platform', 'nightly'), word),
    ),
    labels,
    phase,
    failureReason: optional(word),
    errors: optional(fc.integer({ min: -1, max: 10 })),
    warnings: optional(fc.integer({ min: -1, max: 10 })),
    startedAt: optional(time),
    completedAt: optional(time),
    expiresAt: optional(time),
    storageLocation: optional(word),
    includedNamespaces: namespaces,
    excludedNamespaces: namespaces,
    sizeBytes: optional(fc.oneof(fc.nat(), fc.constant(-1))),
    location: optional(url),
  },
  {
    requiredKeys: [
      'name',
      'labels',
      'phase',
      'includedNamespaces',
      'excludedNamespaces',
    ],
  },
);

/** What a backup source might report in one environment. */
export const backupInventory: fc.Arbitrary<BackupInventory> = fc.record({
  backups: fc.array(rawBackup, { maxLength: 6 }),
  schedules: fc.array(
    fc.record({
      name: fc.oneof(fc.constantFrom('daily-platform', 'nightly'), word),
      paused: fc.boolean(),
      cron: optional(word),
      lastBackupAt: optional(time),
      storageLocation: optional(word),
      includedNamespaces: namespaces,
      excludedNamespaces: namespaces,
      labelSelector: optional(labels),
    }),
    { maxLength: 2 },
  ),
  storageLocations: fc.array(
    fc.record({
      name: word,
      phase,
      lastValidatedAt: optional(time),
      message: optional(word),
      default: optional(fc.boolean()),
    }),
    { maxLength: 2 },
  ),
  restores: fc.array(
    fc.record({
      name: word,
      backupName: word,
      phase,
      startedAt: optional(time),
      completedAt: optional(time),
    }),
    { maxLength: 2 },
  ),
});

const quantity = fc.oneof(
  fc.integer({ min: -1, max: 64_000 }),
  fc.constant(0),
  fc.constant(Number.MAX_SAFE_INTEGER),
);

/** What a cluster source might report for drain readiness. */
export const clusterInventory: fc.Arbitrary<ClusterInventory> = fc.record({
  workloads: fc.array(
    fc.record({
      kind: fc.constantFrom('Deployment' as const, 'StatefulSet' as const),
      namespace: fc.oneof(fc.constantFrom('ingress-nginx', 'orders'), word),
      name: word,
      labels,
      replicas: fc.integer({ min: -1, max: 10 }),
      podLabels: labels,
      terminationGracePeriodSeconds: optional(
        fc.integer({ min: -1, max: 100_000 }),
      ),
      topologySpread: fc.array(
        fc.record({
          topologyKey: word,
          whenUnsatisfiable: optional(word),
        }),
        { maxLength: 2 },
      ),
      antiAffinity: fc.record({
        required: fc.array(word, { maxLength: 2 }),
        preferred: fc.array(word, { maxLength: 2 }),
      }),
    }),
    { maxLength: 4 },
  ),
  disruptionBudgets: fc.array(
    fc.record({
      namespace: word,
      name: word,
      selector: optional(
        fc.record({
          matchLabels: optional(labels),
          matchExpressions: optional(
            fc.array(
              fc.record({
                key: word,
                operator: fc.oneof(
                  fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
                  word,
                ),
                values: optional(fc.array(word, { maxLength: 2 })),
              }),
              { maxLength: 2 },
            ),
          ),
        }),
      ),
      minAvailable: optional(
        fc.oneof(
          fc.integer({ min: -1, max: 5 }),
          fc.constantFrom('50%', '100%', '0%', 'abc', '%', '150%'),
        ),
      ),
      maxUnavailable: optional(
        fc.oneof(
          fc.integer({ min: -1, max: 5 }),
          fc.constantFrom('50%', '1', 'x%'),
        ),
      ),
    }),
    { maxLength: 3 },
  ),
  nodes: fc.array(
    fc.record({
      name: word,
      unschedulable: fc.boolean(),
      cpuMillis: quantity,
      memoryBytes: quantity,
    }),
    { maxLength: 4 },
  ),
  pods: fc.array(
    fc.record({
      namespace: word,
      name: word,
      nodeName: optional(word),
      phase: fc.constantFrom('Running', 'Pending', 'Succeeded', ''),
      daemonSet: fc.boolean(),
      cpuMillis: quantity,
      memoryBytes: quantity,
    }),
    { maxLength: 5 },
  ),
});

/** A recorded drill, with odd text wherever the input schema allows text. */
export const drill: fc.Arbitrary<Drill> = fc.record({
  id: word,
  entityRefs: fc.array(entityRef, { maxLength: 2 }),
  environment: environmentName,
  // Drills are validated on the way in: a real day, a real duration.
  date: fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2027-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map(d => d.toISOString().slice(0, 10)),
  scenario: word,
  ledBy: word,
  measuredRto: optional(fc.constantFrom('3h', '30m', '1d', '90m', '4h')),
  outcome: fc.constantFrom('succeeded', 'partly-succeeded', 'failed'),
  wentWell: word,
  toImprove: word,
  actionItems: fc.array(word, { maxLength: 2 }),
  recordedBy: entityRef,
  recordedAt: time,
}) as fc.Arbitrary<Drill>;
