import { PLATFORM_OPS_ANNOTATIONS } from './parseEntityAnnotations';
import { Aspect, ASPECT_ANNOTATIONS, problemsOfAspect } from './aspects';
import { problem } from '../problems';

describe('ASPECT_ANNOTATIONS', () => {
  it('gives every annotation the suite reads to exactly one aspect', () => {
    const assigned = Object.values(ASPECT_ANNOTATIONS).flat();
    expect([...assigned].sort()).toEqual([...PLATFORM_OPS_ANNOTATIONS].sort());
    expect(new Set(assigned).size).toBe(assigned.length);
  });
});

describe('problemsOfAspect', () => {
  const problems = [
    problem('platform-ops/runbook', 'wiki', 'a URL'),
    problem('platform-ops/alert-levels', 'production=P0', 'P1, P2 or P3'),
    problem('platform-ops/backup-policy', 'rpo=soon', 'a duration'),
    problem('platform-ops/release', 'k8s', 'PRODUCT@CYCLE'),
    problem('platform-ops/typo', 'x', 'a known annotation key'),
  ];

  it.each<[Aspect, string]>([
    ['scope', 'platform-ops/runbook'],
    ['alerting', 'platform-ops/alert-levels'],
    ['backups', 'platform-ops/backup-policy'],
    ['maintenance', 'platform-ops/release'],
  ])('gives the %s card only its own problems', (aspect, key) => {
    expect(problemsOfAspect(problems, aspect).map(item => item.key)).toEqual([
      key,
    ]);
  });
});
