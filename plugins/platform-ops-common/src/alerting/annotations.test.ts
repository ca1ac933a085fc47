import {
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_ENVIRONMENTS,
} from '../annotations';
import { Parsed } from '../problems';
import {
  parseAlertLevelsAnnotation,
  parseEnvironmentsAnnotation,
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

describe('platform-ops/environments', () => {
  it.each([
    ['staging, production', ['staging', 'production']],
    ['production', ['production']],
    [' qa ,staging ', ['qa', 'staging']],
  ])('parses %j', (text, environments) => {
    expect(parseEnvironmentsAnnotation(text)).toEqual({
      value: environments,
      problems: [],
    });
  });

  it.each([
    // [text, bad value reported, environments kept]
    ['', '', undefined],
    ['Production', 'Production', []],
    ['prod env', 'prod env', []],
    ['staging_1, production', 'staging_1', ['production']],
    ['staging, staging', 'staging', ['staging']],
    ['staging,,production', 'staging,,production', ['staging', 'production']],
    ['staging,', 'staging,', ['staging']],
    ['production=P1', 'production=P1', []],
  ])('reports %j', (text, value, kept) => {
    expect(() => parseEnvironmentsAnnotation(text)).not.toThrow();
    const parsed = parseEnvironmentsAnnotation(text);
    expect(parsed.value).toEqual(kept);
    expectProblem(parsed, ANNOTATION_ENVIRONMENTS, value);
  });
});

describe('platform-ops/alert-levels', () => {
  it.each([
    ['production=P1, staging=P2', { production: 'P1', staging: 'P2' }],
    ['production = p1', { production: 'P1' }],
    ['staging=P3', { staging: 'P3' }],
  ])('parses %j', (text, levels) => {
    expect(parseAlertLevelsAnnotation(text)).toEqual({
      value: levels,
      problems: [],
    });
  });

  it.each([
    // [text, bad value reported, levels kept]
    ['', '', undefined],
    ['P1', 'P1', {}],
    ['production', 'production', {}],
    ['production=', 'production=', {}],
    ['production=P4', 'P4', {}],
    ['production=P0', 'P0', {}],
    ['production=high', 'high', {}],
    ['production=1', '1', {}],
    ['Production=P1', 'Production=P1', {}],
    ['production=P1, staging=P9', 'P9', { production: 'P1' }],
    ['production=P1, production=P2', 'production=P2', { production: 'P1' }],
    ['production=P1,', 'production=P1,', { production: 'P1' }],
  ])('reports %j', (text, value, kept) => {
    expect(() => parseAlertLevelsAnnotation(text)).not.toThrow();
    const parsed = parseAlertLevelsAnnotation(text);
    expect(parsed.value).toEqual(kept);
    expectProblem(parsed, ANNOTATION_ALERT_LEVELS, value);
  });
});
