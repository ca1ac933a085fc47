import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const BIN = path.resolve(__dirname, '../bin/platform-ops-lint');

describe('the platform-ops-lint bin', () => {
  it('runs from the sources and fails on the demo catalog with its three deliberate problems', () => {
    // The same command as the root lint:annotations script, globs left to the bin.
    const result = spawnSync(
      process.execPath,
      [BIN, '--format', 'json', 'catalog-info.yaml', 'demo/catalog/*.yaml'],
      { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
    );

    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.config).toEqual(['app-config.yaml']);
    expect(report.files).toBe(4);
    expect(report.errors).toEqual([]);
    expect(
      report.problems.map(
        (p: { entity: string; key: string; value: string }) =>
          `${p.entity} ${p.key} ${p.value}`,
      ),
    ).toEqual([
      'component:default/fluentd platform-ops/alert-levels P0',
      'component:default/rabbitmq platform-ops/runbook javascript:alert(1)',
      'component:default/redis-cache platform-ops/backup-policy one day',
    ]);
  }, 60_000);

  it('exits 2 on a usage error', () => {
    const result = spawnSync(process.execPath, [BIN], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: platform-ops-lint');
  }, 60_000);
});
