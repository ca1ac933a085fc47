import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  annotatedEntity,
  GENERATED_KEYS,
  isDangerousHref,
} from '../testUtils/arbitraries';
import { liveData, withLiveData } from '../testUtils/liveData';
import { parsePlatformOpsConfig } from '../config/readConfig';
import { overviewRowOf, sortOverviewRows } from '../overview/rows';
import { alertLabelsOf, rankLookup } from '../scope/lookup';
import { isHttpUrl } from '../values/url';
import { ASPECT_ANNOTATIONS, BORROWED_ANNOTATIONS } from './aspects';
import { parseEntityAnnotations } from './parseEntityAnnotations';
import { summarizeEntity } from './summarizeEntity';

// Generated annotations against the parsers, the summary and the live
// layers the backend adds. Fixed seeds keep every run the same; a failure
// prints the seed and the smallest annotation set that breaks.

const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });

const window = {
  rrule: 'FREQ=MONTHLY;BYDAY=2TU',
  start: '02:00',
  duration: '4h',
  timezone: 'Europe/Stockholm',
};

const { config } = parsePlatformOpsConfig({
  parties: {
    platform: { title: 'Platform team', owner: 'group:default/platform-team' },
    'it-systems': { title: 'IT systems', owner: 'group:default/it-systems' },
  },
  environments: [
    { name: 'production', maintenanceWindow: 'prod-monthly' },
    { name: 'staging', maintenanceWindow: 'staging-monthly' },
  ],
  maintenance: {
    windows: { 'prod-monthly': window, 'staging-monthly': window },
  },
  endOfLife: {
    products: { kubernetes: [{ cycle: '1.31', eol: '2025-10-28' }] },
  },
});
const CONFIG = config!;

/** Every key a problem may name: the suite's own and the borrowed ones. */
const KNOWN_KEYS = new Set(
  [...Object.values(ASPECT_ANNOTATIONS), ...Object.values(BORROWED_ANNOTATIONS)]
    .flat()
    .concat('platform-ops/unknown-key'),
);

/** Runs of each property; the doc's figures are these. */
const ANNOTATION_RUNS = 1000;
const LIVE_RUNS = 500;

describe('generated annotation sets', () => {
  it('generate every annotation key the suite reads', () => {
    for (const key of KNOWN_KEYS) expect(GENERATED_KEYS).toContain(key);
  });

  it(`never crash the parser or the summary (${ANNOTATION_RUNS} sets)`, () => {
    let runs = 0;
    let withProblems = 0;
    let withRunbook = 0;
    fc.assert(
      fc.property(annotatedEntity, entity => {
        runs += 1;
        const parsed = parseEntityAnnotations(entity, NOW);
        const summary = summarizeEntity(entity, CONFIG, NOW);
        if (summary.problems.length > 0) withProblems += 1;
        if (summary.scope.runbook) withRunbook += 1;
        // Every problem names a key the entity has, and says so in words.
        for (const item of [...parsed.problems, ...summary.problems]) {
          expect(KNOWN_KEYS.has(item.key)).toBe(true);
          expect(item.message).toContain(item.key);
        }
        // A runbook is kept only when it is http(s).
        const runbook = summary.scope.runbook ?? 'https://absent.example.com';
        expect(isHttpUrl(runbook) && !isDangerousHref(runbook)).toBe(true);
        // What the backend sends is plain JSON.
        expect(JSON.parse(JSON.stringify(summary))).toEqual(
          JSON.parse(JSON.stringify(summary)),
        );
        alertLabelsOf(summary.alerting.matchers);
      }),
      { numRuns: ANNOTATION_RUNS, seed: 20261122 },
    );
    expect(runs).toBe(ANNOTATION_RUNS);
    // The sets reach both sides: rejected values and accepted ones.
    expect(withProblems).toBeGreaterThan(ANNOTATION_RUNS / 2);
    expect(withRunbook).toBeGreaterThan(10);
  });

  it(`never crash the live layers, the overview or the lookup (${LIVE_RUNS} runs of 1-4 entities)`, () => {
    let runs = 0;
    let entities = 0;
    const reached = { alerts: 0, backups: 0, workloads: 0 };
    fc.assert(
      fc.property(
        fc.array(annotatedEntity, { minLength: 1, maxLength: 4 }),
        liveData,
        fc.oneof(fc.string({ maxLength: 12 }), fc.constant('app=orders')),
        (generated, live, query) => {
          runs += 1;
          entities += generated.length;
          const summaries = withLiveData(
            generated.map(entity => summarizeEntity(entity, CONFIG, NOW)),
            live,
            CONFIG,
            NOW,
          );
          const rows = sortOverviewRows(
            summaries.map(summary => overviewRowOf(summary, NOW)),
          );
          expect(rows).toHaveLength(summaries.length);
          rankLookup(
            query,
            summaries.map((summary, index) => ({
              ref: summary.entity.ref,
              name: summary.entity.name,
              title: summary.entity.title,
              tags: generated[index].metadata.tags ?? [],
              kubernetesId:
                generated[index].metadata.annotations?.[
                  'backstage.io/kubernetes-id'
                ],
              alertLabels: alertLabelsOf(summary.alerting.matchers),
            })),
            20,
          );
          for (const summary of summaries) {
            if (summary.alerting.alerts.length > 0) reached.alerts += 1;
            if (summary.backups.environments.some(e => e.lastSuccess)) {
              reached.backups += 1;
            }
            if (summary.maintenance.drainReadiness.some(e => e.checks.length)) {
              reached.workloads += 1;
            }
            // Only http(s) links survive, and stale or missing data is
            // never judged ok or ready.
            const broken = [
              ...summary.alerting.alerts
                .filter(alert => alert.generatorURL !== undefined)
                .filter(alert => !isHttpUrl(alert.generatorURL))
                .map(alert => `link ${alert.generatorURL}`),
              ...summary.backups.environments
                .filter(entry => !entry.fresh && entry.rpo === 'ok')
                .map(entry => `stale backups ok in ${entry.environment}`),
              ...summary.maintenance.drainReadiness
                .filter(entry => !entry.fresh && entry.state === 'ready')
                .map(entry => `stale drain ready in ${entry.environment}`),
            ];
            expect(broken).toEqual([]);
            JSON.stringify(summary);
          }
        },
      ),
      { numRuns: LIVE_RUNS, seed: 20261123 },
    );
    expect(runs).toBe(LIVE_RUNS);
    expect(entities).toBeGreaterThanOrEqual(LIVE_RUNS);
    // Generated data reaches every layer, not only the empty paths.
    expect(reached.alerts).toBeGreaterThan(10);
    expect(reached.backups).toBeGreaterThan(10);
    expect(reached.workloads).toBeGreaterThan(10);
  });
});

/** Names that every plain object already has. */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

describe('annotation values that name Object.prototype members', () => {
  // Each value is put where a parser or a config lookup uses it as a key.
  const templates: Array<[string, (name: string) => string]> = [
    ['platform-ops/scope', name => name],
    ['platform-ops/escalation', name => `group:default/${name}, ${name}`],
    ['platform-ops/audits', name => `${name}=2026-01-01`],
    ['platform-ops/environments', name => `production, ${name}`],
    ['platform-ops/alert-matchers', name => `{${name}="${name}"}`],
    ['platform-ops/alert-levels', name => `${name}=P1, production=${name}`],
    ['platform-ops/backup-policy', name => `${name}=24h, rpo=${name}`],
    ['platform-ops/backup-source', name => `velero:schedule=${name}`],
    ['platform-ops/backup-scope', name => `${name}:${name}/${name}`],
    ['platform-ops/backup-protection', name => name],
    [
      'platform-ops/maintenance-window',
      name => `production=${name}, ${name}=prod-monthly`,
    ],
    ['platform-ops/release', name => `${name}@1.31`],
    ['platform-ops/runbook', name => `https://wiki.example.com/${name}`],
    ['backstage.io/kubernetes-id', name => name],
    ['backstage.io/kubernetes-label-selector', name => `${name}=${name}`],
    ['backstage.io/kubernetes-namespace', name => name],
  ];
  const cases = templates.flatMap(([key, template]) =>
    PROTOTYPE_NAMES.map(name => [key, name, template(name)] as const),
  );

  it(`summarize without throwing (${cases.length} cases)`, () => {
    expect(cases).toHaveLength(80);
    for (const [key, , value] of cases) {
      const summary = summarizeEntity(
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'prototype-keys',
            annotations: { 'platform-ops/scope': 'platform', [key]: value },
          },
          spec: { type: 'service', owner: 'group:default/platform-team' },
        },
        CONFIG,
        NOW,
      );
      expect(summary.entity.name).toBe('prototype-keys');
    }
  });

  it('leave alert levels alone when an alert label names one', () => {
    for (const name of PROTOTYPE_NAMES) {
      const summary = summarizeEntity(
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'labels',
            annotations: {
              'platform-ops/scope': 'platform',
              'platform-ops/alert-matchers': '{app="x"}',
            },
          },
          spec: { type: 'service', owner: 'group:default/platform-team' },
        },
        CONFIG,
        NOW,
      );
      const [live] = withLiveData(
        [summary],
        {
          alerts: {
            production: {
              heartbeat: 'ok',
              alerts: [
                {
                  fingerprint: name,
                  labels: {
                    app: 'x',
                    alertname: name,
                    severity: name,
                    priority: name,
                  },
                  annotations: {},
                  startsAt: '2026-11-22T11:00:00Z',
                  state: 'active',
                  silencedBy: [],
                  inhibitedBy: [],
                },
              ],
            },
          },
          backups: {},
          clusters: {},
          drills: [],
        },
        CONFIG,
        NOW,
      );
      const [alert] = live.alerting.alerts;
      expect([undefined, 'P1', 'P2', 'P3']).toContain(alert.level);
      expect(Object.values(live.alerting.counts).every(Number.isInteger)).toBe(
        true,
      );
    }
  });
});
