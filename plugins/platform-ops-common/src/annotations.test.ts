import * as annotations from './annotations';

describe('annotation keys', () => {
  const keys = Object.entries(annotations)
    .filter(([name]) => name !== 'ANNOTATION_PREFIX')
    .map(([, key]) => key);

  it('defines the 13 keys of the design, all distinct', () => {
    expect(keys).toHaveLength(13);
    expect(new Set(keys).size).toBe(13);
    expect([...keys].sort()).toEqual([
      'platform-ops/alert-levels',
      'platform-ops/alert-matchers',
      'platform-ops/audits',
      'platform-ops/backup-policy',
      'platform-ops/backup-protection',
      'platform-ops/backup-scope',
      'platform-ops/backup-source',
      'platform-ops/environments',
      'platform-ops/escalation',
      'platform-ops/maintenance-window',
      'platform-ops/release',
      'platform-ops/runbook',
      'platform-ops/scope',
    ]);
  });

  it('puts every key under the platform-ops/ prefix', () => {
    expect(annotations.ANNOTATION_PREFIX).toBe('platform-ops/');
    for (const key of keys) {
      expect(key.startsWith(annotations.ANNOTATION_PREFIX)).toBe(true);
    }
  });
});
