import {
  ANNOTATION_MAINTENANCE_WINDOW,
  ANNOTATION_RELEASE,
} from '../annotations';
import { Parsed } from '../problems';
import {
  parseMaintenanceWindowAnnotation,
  parseReleaseAnnotation,
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

describe('platform-ops/maintenance-window', () => {
  it.each([
    [
      'production=prod-monthly, staging=staging-monthly',
      { production: 'prod-monthly', staging: 'staging-monthly' },
    ],
    ['staging = staging-weekly', { staging: 'staging-weekly' }],
  ])('parses %j', (text, windows) => {
    expect(parseMaintenanceWindowAnnotation(text)).toEqual({
      value: windows,
      problems: [],
    });
  });

  it.each([
    // [text, bad value reported, windows kept]
    ['', '', undefined],
    ['prod-monthly', 'prod-monthly', {}],
    ['production', 'production', {}],
    ['production=', 'production=', {}],
    ['production=Prod_Monthly', 'Prod_Monthly', {}],
    ['production=prod monthly', 'prod monthly', {}],
    ['Production=prod-monthly', 'Production=prod-monthly', {}],
    [
      'production=prod-monthly, production=other',
      'production=other',
      { production: 'prod-monthly' },
    ],
    [
      'production=prod-monthly,',
      'production=prod-monthly,',
      { production: 'prod-monthly' },
    ],
  ])('reports %j', (text, value, kept) => {
    expect(() => parseMaintenanceWindowAnnotation(text)).not.toThrow();
    const parsed = parseMaintenanceWindowAnnotation(text);
    expect(parsed.value).toEqual(kept);
    expectProblem(parsed, ANNOTATION_MAINTENANCE_WINDOW, value);
  });
});

describe('platform-ops/release', () => {
  it.each([
    ['kubernetes@1.31', { product: 'kubernetes', cycle: '1.31' }],
    ['postgresql@16', { product: 'postgresql', cycle: '16' }],
    ['argo-cd@v2.13', { product: 'argo-cd', cycle: 'v2.13' }],
    ['cert_manager@1.15-lts', { product: 'cert_manager', cycle: '1.15-lts' }],
    ['  nginx@1.27 ', { product: 'nginx', cycle: '1.27' }],
  ])('parses %j', (text, release) => {
    expect(parseReleaseAnnotation(text)).toEqual({
      value: release,
      problems: [],
    });
  });

  it.each([
    [''],
    ['kubernetes'],
    ['kubernetes@'],
    ['@1.31'],
    ['Kubernetes@1.31'],
    ['kubernetes@1.31@2'],
    ['kubernetes 1.31'],
    ['kubernetes@ 1.31'],
    ['kubernetes@.31'],
    ['kubernetes@1.31, postgresql@16'],
  ])('reports %j', text => {
    expect(() => parseReleaseAnnotation(text)).not.toThrow();
    const parsed = parseReleaseAnnotation(text);
    expect(parsed.value).toBeUndefined();
    expectProblem(parsed, ANNOTATION_RELEASE, text);
  });
});
