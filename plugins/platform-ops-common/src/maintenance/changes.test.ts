import { DateTime } from 'luxon';
import { parsePlatformOpsConfig } from '../config/readConfig';
import { changeInputSchema, changeUpdateSchema, noticeOf } from './changes';

const { config } = parsePlatformOpsConfig({});
const at = (text: string) => DateTime.fromISO(text, { zone: 'utc' });

const good = {
  title: 'Upgrade ingress-nginx to 1.12',
  class: 'major',
  entityRefs: ['component:default/ingress-nginx'],
  environments: ['production'],
  window: 'prod-monthly',
  windowStart: '2027-01-12T01:00:00Z',
  updates: ['system-pods'],
  contingencyPlan: 'Roll back the Helm release to 1.11',
};

describe('changeInputSchema', () => {
  it('accepts a change in a window occurrence or at an explicit time', () => {
    expect(changeInputSchema.safeParse(good).success).toBe(true);
    const { window, windowStart, ...rest } = good;
    expect(
      changeInputSchema.safeParse({
        ...rest,
        start: '2027-01-12T01:00:00Z',
        end: '2027-01-12T03:00:00Z',
      }).success,
    ).toBe(true);
  });

  it.each([
    [
      'start',
      { ...good, start: '2027-01-12T01:00:00Z', end: '2027-01-12T03:00:00Z' },
    ],
    ['windowStart', { ...good, windowStart: undefined }],
    [
      'end',
      {
        ...good,
        window: undefined,
        windowStart: undefined,
        start: '2027-01-12T01:00:00Z',
        end: '2027-01-12T00:00:00Z',
      },
    ],
    ['contingencyPlan', { ...good, contingencyPlan: '' }],
    ['class', { ...good, class: 'huge' }],
    ['updates', { ...good, updates: [] }],
    // eslint-disable-next-line no-script-url -- rejected input under test
    ['link', { ...good, link: 'javascript:alert(1)' }],
    ['entityRefs', { ...good, entityRefs: ['ingress-nginx'] }],
  ])('names %s when it is wrong', (field, body) => {
    const result = changeInputSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(issue => issue.path[0])).toContain(field);
  });
});

describe('changeUpdateSchema', () => {
  it('takes a retrospective only with done', () => {
    expect(
      changeUpdateSchema.safeParse({
        status: 'done',
        retrospective: { wentWell: 'quick', actionItems: ['x'] },
      }).success,
    ).toBe(true);
    expect(
      changeUpdateSchema.safeParse({ status: 'planned', retrospective: {} })
        .error?.issues[0].path,
    ).toEqual(['retrospective']);
  });

  it('moves both ends together', () => {
    expect(
      changeUpdateSchema.safeParse({
        status: 'postponed',
        start: '2027-02-09T01:00:00Z',
      }).success,
    ).toBe(false);
    expect(
      changeUpdateSchema.safeParse({
        status: 'postponed',
        start: '2027-02-09T01:00:00Z',
        end: '2027-02-09T05:00:00Z',
      }).success,
    ).toBe(true);
  });
});

describe('noticeOf', () => {
  it.each([
    [
      'major',
      '2026-11-28T12:00:00Z',
      '2027-01-12T01:00:00Z',
      { required: '30d', given: '44d', short: false },
    ],
    [
      'major',
      '2026-12-20T12:00:00Z',
      '2027-01-12T01:00:00Z',
      { required: '30d', given: '22d', short: true },
    ],
    [
      'minor',
      '2027-01-05T01:00:00Z',
      '2027-01-12T01:00:00Z',
      { required: '7d', given: '7d', short: false },
    ],
    [
      'minor',
      '2027-01-05T01:00:01Z',
      '2027-01-12T01:00:00Z',
      { required: '7d', given: '6d', short: true },
    ],
    [
      'security-patch',
      '2027-01-12T00:30:00Z',
      '2027-01-12T01:00:00Z',
      { required: '0d', given: '0h', short: false },
    ],
  ] as const)(
    'a %s announced %s for %s',
    (changeClass, announced, start, expected) => {
      expect(noticeOf(changeClass, at(announced), at(start), config!)).toEqual(
        expected,
      );
    },
  );
});
