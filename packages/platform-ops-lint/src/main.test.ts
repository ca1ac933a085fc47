import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from './main';

const REPO = path.resolve(__dirname, '../../..');

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-lint-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, text: string): string {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return file;
}

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: dir,
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

async function runJson(...args: string[]) {
  const result = await run('--format', 'json', ...args);
  return { ...result, report: JSON.parse(result.stdout) };
}

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex(line => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

const CONFIG = `
platformOps:
  parties:
    platform: { title: Platform team }
  environments:
    - name: production
      maintenanceWindow: prod-monthly
      # Connection settings are not checked: this one is unset in CI.
      alertmanager:
        baseUrl: \${ALERTMANAGER_URL}
  maintenance:
    windows:
      prod-monthly: { rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '02:00', duration: 4h, timezone: Europe/Stockholm }
`;

function component(name: string, annotations: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
${annotations}
spec:
  type: service
  owner: group:default/platform-team
  lifecycle: production
`;
}

const CLEAN = component(
  'ingress',
  `    platform-ops/scope: platform
    platform-ops/environments: production
    platform-ops/maintenance-window: production=prod-monthly`,
);

describe('platform-ops-lint', () => {
  it('finds exactly the three deliberate problems of the demo platform, on their lines', async () => {
    const text = fs.readFileSync(
      path.join(REPO, 'demo/catalog/platform.yaml'),
      'utf8',
    );
    write('catalog/platform.yaml', text);
    fs.copyFileSync(
      path.join(REPO, 'app-config.yaml'),
      path.join(dir, 'app-config.yaml'),
    );

    const { code, report } = await runJson('catalog/platform.yaml');

    expect(code).toBe(1);
    expect(report.config).toEqual(['app-config.yaml']);
    expect(report.errors).toEqual([]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'catalog/platform.yaml',
        line: lineOf(text, 'platform-ops/alert-levels: production=P0'),
        entity: 'component:default/fluentd',
        key: 'platform-ops/alert-levels',
        value: 'P0',
        expected: 'one of P1, P2, P3',
      }),
      expect.objectContaining({
        line: lineOf(text, "platform-ops/runbook: 'javascript:"),
        entity: 'component:default/rabbitmq',
        key: 'platform-ops/runbook',
        // eslint-disable-next-line no-script-url -- the demo's rejected runbook
        value: 'javascript:alert(1)',
        expected: expect.stringContaining('http'),
      }),
      expect.objectContaining({
        line: lineOf(text, 'platform-ops/backup-policy: rpo=one day'),
        entity: 'component:default/redis-cache',
        key: 'platform-ops/backup-policy',
        value: 'one day',
        expected: expect.stringContaining('duration'),
      }),
    ]);
  });

  it('prints file, line, entity, key, text and expectation, one problem a line', async () => {
    write('app-config.yaml', CONFIG);
    write(
      'catalog-info.yaml',
      component(
        'cache',
        `    platform-ops/scope: platform
    platform-ops/alert-levels: production=P9`,
      ),
    );

    const { code, stdout } = await run('catalog-info.yaml');

    expect(code).toBe(1);
    expect(stdout).toContain(
      'catalog-info.yaml:7:32 component:default/cache platform-ops/alert-levels: "P9" is not valid; expected one of P1, P2, P3.',
    );
    expect(stdout).toContain('1 problem in 1 entity from 1 file');
  });

  it('exits 0 on a clean file', async () => {
    write('app-config.yaml', CONFIG);
    write('catalog-info.yaml', CLEAN);

    const { code, stdout } = await run('catalog-info.yaml');

    expect(code).toBe(0);
    expect(stdout).toBe(
      '0 problems in 1 entity from 1 file, checked against config app-config.yaml.\n',
    );
  });

  it('writes valid JSON with every field', async () => {
    write('app-config.yaml', CONFIG);
    write(
      'catalog-info.yaml',
      component(
        'queue',
        `    platform-ops/scope: platform
    platform-ops/runbook: 'data:text/html,x'`,
      ),
    );

    const { code, report } = await runJson('catalog-info.yaml');

    expect(code).toBe(1);
    expect(report).toEqual({
      exitCode: 1,
      config: ['app-config.yaml'],
      files: 1,
      entities: 1,
      problems: [
        {
          file: 'catalog-info.yaml',
          line: 7,
          column: 27,
          entity: 'component:default/queue',
          key: 'platform-ops/runbook',
          value: 'data:text/html,x',
          expected: 'an absolute http:// or https:// URL',
          message: expect.stringContaining('platform-ops/runbook'),
        },
      ],
      errors: [],
      skipped: [],
    });
  });

  it('checks window names and parties against the config it reads', async () => {
    write('app-config.yaml', CONFIG);
    const text = component(
      'db',
      `    platform-ops/scope: vendor-x
    platform-ops/environments: production
    platform-ops/maintenance-window: production=weekly`,
    );
    write('catalog-info.yaml', text);

    const { code, report } = await runJson('catalog-info.yaml');

    expect(code).toBe(1);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'platform-ops/scope',
          value: 'vendor-x',
          line: lineOf(text, 'platform-ops/scope'),
        }),
        expect.objectContaining({
          key: 'platform-ops/maintenance-window',
          value: 'production=weekly',
          expected: expect.stringContaining('prod-monthly'),
          line: lineOf(text, 'platform-ops/maintenance-window'),
        }),
      ]),
    );

    // With a config that defines the window and the party, the same file is clean.
    write(
      'more.yaml',
      `platformOps:
  parties:
    vendor-x: { title: Vendor X }
  environments:
    - name: production
      maintenanceWindow: weekly
  maintenance:
    windows:
      weekly: { rrule: 'FREQ=WEEKLY;BYDAY=TU', start: '02:00', duration: 2h, timezone: UTC }
`,
    );
    const merged = await runJson(
      '--config',
      'app-config.yaml',
      '-c',
      'more.yaml',
      'catalog-info.yaml',
    );
    expect(merged.report.problems).toEqual([]);
    expect(merged.report.config).toEqual(['app-config.yaml', 'more.yaml']);
    expect(merged.code).toBe(0);
  });

  it('reports an invalid config with its file and line, and exits 2', async () => {
    write(
      'app-config.yaml',
      `platformOps:
  maintenance:
    windows:
      monthly: { rrule: 'FREQ=MONTHLY', start: '25:00', duration: 4h, timezone: UTC }
`,
    );
    write('catalog-info.yaml', CLEAN);

    const { code, stdout } = await run('catalog-info.yaml');

    expect(code).toBe(2);
    expect(stdout).toContain(
      'app-config.yaml:4:48 error: platformOps.maintenance.windows.monthly.start',
    );
    expect(stdout).toContain('nothing was checked');
  });

  it('exits 2 on a missing config file', async () => {
    write('catalog-info.yaml', CLEAN);
    const { code, stdout } = await run(
      '-c',
      'absent.yaml',
      'catalog-info.yaml',
    );
    expect(code).toBe(2);
    expect(stdout).toContain('absent.yaml error: cannot read the config');
  });

  it('gives a YAML syntax error exit 2 with its file and line', async () => {
    write('app-config.yaml', CONFIG);
    write('good.yaml', CLEAN);
    write(
      'broken.yaml',
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken
  annotations:
    platform-ops/scope: [platform
spec: {}
`,
    );

    const { code, report } = await runJson('*.yaml');

    expect(code).toBe(2);
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: 'broken.yaml',
        line: expect.any(Number),
        message: expect.stringContaining('invalid YAML'),
      }),
    ]);
    expect(report.errors[0].line).toBeGreaterThanOrEqual(6);
    // The other files are still checked.
    expect(report.files).toBe(3);
    expect(report.entities).toBe(1);
  });

  it('reports a file that is not YAML once, without crashing', async () => {
    write('app-config.yaml', CONFIG);
    write('notes.md', '# Notes\n\nSome: text: here\n\n- a\nb: [\n');

    const { code, stdout } = await run('notes.md');

    expect(code).toBe(2);
    expect(stdout.match(/notes\.md:\d+/g)).toHaveLength(1);
  });

  it('skips documents that are not entities and says so', async () => {
    write('app-config.yaml', CONFIG);
    write(
      'mixed.yaml',
      `${CLEAN}---
apiVersion: v1
kind: ConfigMap
data: { a: b }
---
- just
- a list
---
`,
    );

    const { code, report } = await runJson('mixed.yaml');

    expect(code).toBe(0);
    expect(report.entities).toBe(1);
    expect(report.skipped).toEqual([
      {
        file: 'mixed.yaml',
        line: 14,
        document: 2,
        reason: 'not a catalog entity: no metadata.name',
      },
      {
        file: 'mixed.yaml',
        line: 18,
        document: 3,
        reason: 'not a catalog entity: not a YAML map',
      },
    ]);
  });

  it('reports entities the catalog would reject, and values that are not strings, without crashing', async () => {
    write('app-config.yaml', CONFIG);
    write(
      'odd.yaml',
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: listed
  namespace: [a, b]
  annotations:
    platform-ops/scope: platform
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: typed
  annotations:
    platform-ops/scope: platform
    platform-ops/environments: 12
`,
    );

    const { code, report } = await runJson('odd.yaml');

    expect(code).toBe(2);
    expect(report.errors).toEqual([
      {
        file: 'odd.yaml',
        line: 5,
        column: 14,
        message: expect.stringContaining('metadata.namespace is not a string'),
      },
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 15,
        entity: 'component:default/typed',
        key: 'platform-ops/environments',
        value: '12',
        expected: 'a string',
      }),
    ]);
  });

  it('matches nested files with a glob and fails on a pattern that matches nothing', async () => {
    write('app-config.yaml', CONFIG);
    write('services/a/catalog-info.yaml', CLEAN);
    write(
      'services/b/deep/catalog-info.yaml',
      component('deep', '    platform-ops/scope: nobody'),
    );
    write('services/b/other.yaml', 'not: checked');

    const nested = await runJson('services/**/catalog-info.yaml');
    expect(nested.report.files).toBe(2);
    expect(nested.report.problems).toEqual([
      expect.objectContaining({
        file: path.join('services', 'b', 'deep', 'catalog-info.yaml'),
        entity: 'component:default/deep',
      }),
    ]);
    expect(nested.code).toBe(1);

    const none = await run('missing/**/*.yaml');
    expect(none.code).toBe(2);
    expect(none.stdout).toContain(
      'missing/**/*.yaml error: the pattern matches no files',
    );
  });

  it('ignores entities without platform-ops annotations', async () => {
    write('app-config.yaml', CONFIG);
    write(
      'catalog-info.yaml',
      component('plain', '    backstage.io/kubernetes-label-selector: "(("'),
    );
    const { code } = await run('catalog-info.yaml');
    expect(code).toBe(0);
  });

  it('checks against the defaults when there is no app-config', async () => {
    write('catalog-info.yaml', CLEAN);
    const { code, report } = await runJson('catalog-info.yaml');
    expect(report.config).toEqual([]);
    // No window is configured, so the annotation's window is unknown.
    expect(report.problems).toEqual([
      expect.objectContaining({ key: 'platform-ops/maintenance-window' }),
    ]);
    expect(code).toBe(1);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    for (const args of [
      [],
      ['--format', 'xml', 'a.yaml'],
      ['--nope', 'a.yaml'],
    ]) {
      const { code, stderr } = await run(...args);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: platform-ops-lint');
    }
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes');
  });
});
