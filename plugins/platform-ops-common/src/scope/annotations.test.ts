/* eslint-disable no-script-url -- hostile URLs are test input: they must be rejected, never rendered */
import { DateTime } from 'luxon';
import {
  ANNOTATION_AUDITS,
  ANNOTATION_ESCALATION,
  ANNOTATION_RUNBOOK,
  ANNOTATION_SCOPE,
} from '../annotations';
import { Parsed } from '../problems';
import {
  parseAuditsAnnotation,
  parseEscalationAnnotation,
  parseRunbookAnnotation,
  parseScopeAnnotation,
} from './annotations';

const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });

/** Asserts a problem for `key` about `value`, with a message naming the key. */
function expectProblem(parsed: Parsed<unknown>, key: string, value: string) {
  expect(parsed.problems.length).toBeGreaterThan(0);
  expect(parsed.problems).toContainEqual(
    expect.objectContaining({
      key,
      value,
      message: expect.stringContaining(key),
    }),
  );
  for (const found of parsed.problems) {
    expect(found.key).toBe(key);
    expect(found.message).toContain(key);
  }
}

describe('platform-ops/scope', () => {
  it.each([
    ['platform', 'platform'],
    ['it-systems', 'it-systems'],
    ['  application ', 'application'],
    ['vendor-x', 'vendor-x'],
  ])('parses %j as %s', (text, party) => {
    expect(parseScopeAnnotation(text)).toEqual({ value: party, problems: [] });
  });

  it.each([
    [''],
    ['   '],
    ['Platform'],
    ['it systems'],
    ['it_systems'],
    ['platform-'],
    ['-platform'],
    ['platform, application'],
    ['plätform'],
    ['a'.repeat(64)],
  ])('reports %j', text => {
    expect(() => parseScopeAnnotation(text)).not.toThrow();
    const parsed = parseScopeAnnotation(text);
    expect(parsed.value).toBeUndefined();
    expectProblem(parsed, ANNOTATION_SCOPE, text);
  });
});

describe('platform-ops/escalation', () => {
  it('parses an ordered list of group and user refs', () => {
    expect(
      parseEscalationAnnotation(
        'group:default/platform-oncall, user:default/jane',
      ),
    ).toEqual({
      value: ['group:default/platform-oncall', 'user:default/jane'],
      problems: [],
    });
  });

  it('keeps the written order and canonicalizes refs', () => {
    expect(
      parseEscalationAnnotation(
        'user:jane, Group:Default/Platform-Oncall, group:ops/sre',
      ).value,
    ).toEqual([
      'user:default/jane',
      'group:default/platform-oncall',
      'group:ops/sre',
    ]);
  });

  it.each([
    // [text, bad value reported, refs kept]
    ['', '', undefined],
    ['   ', '   ', undefined],
    ['jane', 'jane', []],
    ['default/jane', 'default/jane', []],
    [':default/jane', ':default/jane', []],
    ['component:default/ingress', 'component:default/ingress', []],
    ['group:default/', 'group:default/', []],
    ['user:', 'user:', []],
    [
      'api:default/x, user:default/jane',
      'api:default/x',
      ['user:default/jane'],
    ],
    [
      'group:default/a, , user:default/b',
      'group:default/a, , user:default/b',
      ['group:default/a', 'user:default/b'],
    ],
    ['group:default/team,', 'group:default/team,', ['group:default/team']],
    [
      'group:default/oncall, group:default/oncall',
      'group:default/oncall',
      ['group:default/oncall'],
    ],
    [
      'user:jane, user:default/jane',
      'user:default/jane',
      ['user:default/jane'],
    ],
  ])('reports %j', (text, value, kept) => {
    expect(() => parseEscalationAnnotation(text)).not.toThrow();
    const parsed = parseEscalationAnnotation(text);
    expect(parsed.value).toEqual(kept);
    expectProblem(parsed, ANNOTATION_ESCALATION, value);
  });
});

describe('platform-ops/audits', () => {
  it('parses the last audit per kind as UTC dates', () => {
    const parsed = parseAuditsAnnotation(
      'application=2026-03-01, provider=2025-11-02',
      NOW,
    );
    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.value!)).toEqual(['application', 'provider']);
    expect(parsed.value!.application.toUTC().toISO()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(parsed.value!.provider.toISODate()).toBe('2025-11-02');
  });

  it('accepts an audit today and any kind name', () => {
    const parsed = parseAuditsAnnotation('legal=2026-11-22', NOW);
    expect(parsed.problems).toEqual([]);
    expect(parsed.value!.legal.toISODate()).toBe('2026-11-22');
  });

  it('reports a future audit date against the given now', () => {
    const parsed = parseAuditsAnnotation(
      'application=2026-11-23, provider=2025-11-02',
      NOW,
    );
    expect(Object.keys(parsed.value!)).toEqual(['provider']);
    expectProblem(parsed, ANNOTATION_AUDITS, '2026-11-23');
    expect(parsed.problems[0].expected).toContain('not in the future');
    // the same date is fine a day later
    expect(
      parseAuditsAnnotation('application=2026-11-23', NOW.plus({ days: 1 }))
        .problems,
    ).toEqual([]);
  });

  it.each([
    // [text, bad value reported]
    ['', ''],
    ['application', 'application'],
    ['application=', 'application='],
    ['=2026-03-01', '=2026-03-01'],
    ['application=2026-13-01', '2026-13-01'],
    ['application=2026-02-30', '2026-02-30'],
    ['application=01/03/2026', '01/03/2026'],
    ['application=2026-3-1', '2026-3-1'],
    ['application=last-year', 'last-year'],
    ['application=2027-01-01', '2027-01-01'],
    ['Application=2026-03-01', 'Application=2026-03-01'],
    ['app audit=2026-03-01', 'app audit=2026-03-01'],
    [
      'application=2026-03-01, application=2026-04-01',
      'application=2026-04-01',
    ],
    ['application=2026-03-01,', 'application=2026-03-01,'],
  ])('reports %j', (text, value) => {
    expect(() => parseAuditsAnnotation(text, NOW)).not.toThrow();
    const parsed = parseAuditsAnnotation(text, NOW);
    expectProblem(parsed, ANNOTATION_AUDITS, value);
  });
});

describe('platform-ops/runbook', () => {
  it.each([
    [
      'https://wiki.example.com/runbooks/ingress',
      'https://wiki.example.com/runbooks/ingress',
    ],
    [
      'http://wiki.internal/runbooks/velero#restore',
      'http://wiki.internal/runbooks/velero#restore',
    ],
    [' https://wiki.example.com ', 'https://wiki.example.com/'],
  ])('parses %j as %s', (text, url) => {
    expect(parseRunbookAnnotation(text)).toEqual({ value: url, problems: [] });
  });

  it.each([
    [''],
    ['wiki/runbooks/ingress'],
    ['//wiki.example.com/runbooks'],
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['ftp://example.com/runbook'],
    ['data:text/html,<script>alert(1)</script>'],
    ['mailto:ops@example.com'],
    ['https://'],
    ['vbscript:msgbox(1)'],
  ])('reports %j and never returns it as a link', text => {
    expect(() => parseRunbookAnnotation(text)).not.toThrow();
    const parsed = parseRunbookAnnotation(text);
    expect(parsed.value).toBeUndefined();
    expectProblem(parsed, ANNOTATION_RUNBOOK, text);
  });
});
