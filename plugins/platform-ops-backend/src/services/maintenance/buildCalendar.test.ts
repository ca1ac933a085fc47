import {
  Change,
  parsePlatformOpsConfig,
  windowOccurrences,
} from '@platform-ops/plugin-platform-ops-common';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { buildCalendar } from './buildCalendar';

const NOW = DateTime.fromISO('2026-09-01T12:00:00Z');
const changeUrl = (id: string) =>
  `https://backstage.example.com/platform-ops/changes/${id}`;

function change(extra: Partial<Change> = {}): Change {
  return {
    id: 'chg-ingress-112',
    title: 'Upgrade ingress-nginx to 1.12',
    class: 'major',
    status: 'planned',
    entityRefs: ['component:default/ingress-nginx'],
    environments: ['production'],
    window: 'prod-monthly',
    start: '2026-10-13T00:00:00.000Z',
    end: '2026-10-13T04:00:00.000Z',
    updates: ['system-pods'],
    description: 'Controller and admission webhook.',
    link: 'https://github.com/kubernetes/ingress-nginx/releases',
    contingencyPlan: 'Roll back with helm rollback ingress-nginx; takes 5 min.',
    silenceAlerts: true,
    announcedAt: '2026-08-29T09:00:00.000Z',
    announcedBy: 'user:default/jane',
    noticeRequired: '30d',
    noticeGiven: '44d',
    shortNotice: false,
    sequence: 0,
    updatedAt: '2026-08-29T09:00:00.000Z',
    ...extra,
  };
}

/** Production's real window from config: 02:00-06:00 Stockholm time. */
function productionOccurrences() {
  const { config, problems } = parsePlatformOpsConfig({
    environments: [{ name: 'production', maintenanceWindow: 'prod-monthly' }],
    maintenance: {
      windows: {
        'prod-monthly': {
          rrule: 'FREQ=MONTHLY;BYDAY=2TU',
          start: '02:00',
          duration: '4h',
          timezone: 'Europe/Stockholm',
        },
      },
    },
  });
  expect(problems).toEqual([]);
  return windowOccurrences(
    'prod-monthly',
    config!.maintenance.windows['prod-monthly'],
    {
      from: DateTime.fromISO('2026-10-01T00:00:00Z'),
      to: DateTime.fromISO('2026-12-01T00:00:00Z'),
    },
  ).map(occurrence => ({ ...occurrence, environment: 'production' }));
}

/** The events as the independent parser reads them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  return calendar.getAllSubcomponents('vevent').map(component => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status'),
      url: component.getFirstPropertyValue('url'),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc:
        event.startDate.zone?.tzid === 'UTC' &&
        event.endDate.zone?.tzid === 'UTC',
    };
  });
}

function build(options: Partial<Parameters<typeof buildCalendar>[0]> = {}) {
  return buildCalendar({
    name: 'Platform maintenance',
    occurrences: productionOccurrences(),
    changes: [change()],
    changeUrl,
    now: NOW,
    ...options,
  });
}

describe('buildCalendar', () => {
  it('writes RFC 5545 lines: CRLF endings and folded at 75 octets', () => {
    const text = build({
      changes: [change({ contingencyPlan: 'Roll back. '.repeat(40) })],
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.some(line => line.includes('\n'))).toBe(false);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('turns window occurrences into events at their UTC instants across the DST change', () => {
    const events = parse(build({ changes: [] }));
    expect(events).toEqual([
      expect.objectContaining({
        uid: 'window-prod-monthly-20261013T000000Z@platform-ops',
        summary: 'Maintenance window prod-monthly (production)',
        start: '2026-10-13T00:00:00.000Z',
        end: '2026-10-13T04:00:00.000Z',
        utc: true,
      }),
      expect.objectContaining({
        // Stockholm is back on UTC+1 in November: 02:00 local is 01:00Z.
        uid: 'window-prod-monthly-20261110T010000Z@platform-ops',
        start: '2026-11-10T01:00:00.000Z',
        end: '2026-11-10T05:00:00.000Z',
        utc: true,
      }),
    ]);
    expect(events[1].description).toContain(
      'Tue 10 Nov 2026, 02:00 to 06:00 Europe/Stockholm',
    );
  });

  it('gives one event to a window occurrence that several environments share', () => {
    const shared = productionOccurrences().flatMap(occurrence => [
      occurrence,
      { ...occurrence, environment: 'staging' },
    ]);
    const events = parse(build({ occurrences: shared, changes: [] }));
    expect(events.map(event => event.uid)).toEqual([
      'window-prod-monthly-20261013T000000Z@platform-ops',
      'window-prod-monthly-20261110T010000Z@platform-ops',
    ]);
    expect(events[0].summary).toBe(
      'Maintenance window prod-monthly (production, staging)',
    );
  });

  it('turns a change into an event saying what it is, with its contingency plan and links', () => {
    const [event] = parse(build({ occurrences: [] }));
    expect(event).toEqual(
      expect.objectContaining({
        uid: 'change-chg-ingress-112@platform-ops',
        summary: '[major] Upgrade ingress-nginx to 1.12',
        start: '2026-10-13T00:00:00.000Z',
        end: '2026-10-13T04:00:00.000Z',
        utc: true,
        sequence: 0,
        status: 'CONFIRMED',
        url: changeUrl('chg-ingress-112'),
      }),
    );
    expect(event.description).toContain(
      'Contingency plan:\nRoll back with helm rollback ingress-nginx; takes 5 min.',
    );
    expect(event.description).toContain(
      `Change: ${changeUrl('chg-ingress-112')}`,
    );
    expect(event.description).toContain(
      'More: https://github.com/kubernetes/ingress-nginx/releases',
    );
    expect(event.description).toContain(
      'Components: component:default/ingress-nginx',
    );
  });

  it('keeps the UID of a moved change and follows its sequence', () => {
    const [before] = parse(build({ occurrences: [] }));
    const moved = change({
      start: '2026-11-10T01:00:00.000Z',
      end: '2026-11-10T05:00:00.000Z',
      sequence: 1,
      status: 'postponed',
    });
    const [after] = parse(build({ occurrences: [], changes: [moved] }));
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(1);
    expect(after.start).toBe('2026-11-10T01:00:00.000Z');
    expect(after.status).toBe('TENTATIVE');
    expect(after.summary).toBe(
      '[major] Upgrade ingress-nginx to 1.12 (postponed)',
    );
  });

  it('marks a cancelled change STATUS:CANCELLED', () => {
    const text = build({
      occurrences: [],
      changes: [change({ status: 'cancelled', sequence: 2 })],
    });
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    const [event] = parse(text);
    expect(event.status).toBe('CANCELLED');
    expect(event.sequence).toBe(2);
  });

  it('flags a short-notice change in its description', () => {
    const [event] = parse(
      build({
        occurrences: [],
        changes: [
          change({
            class: 'minor',
            shortNotice: true,
            noticeRequired: '7d',
            noticeGiven: '2d',
          }),
        ],
      }),
    );
    expect(event.summary).toBe('[minor] Upgrade ingress-nginx to 1.12');
    expect(event.description).toContain('Short notice: 2d given, 7d required.');
  });

  it('keeps commas, semicolons, backslashes and new lines in text intact', () => {
    const title = 'Patch cert-manager; rotate CA, then \\ restart';
    const plan = 'Step 1: restore the old CA.\nStep 2: restart, all; pods.';
    const [event] = parse(
      build({
        occurrences: [],
        changes: [change({ title, contingencyPlan: plan })],
      }),
    );
    expect(event.summary).toBe(`[major] ${title}`);
    expect(event.description).toContain(`Contingency plan:\n${plan}`);
  });

  it('gives the same text and UIDs for the same input, whatever the process time zone', () => {
    const input = {
      changes: [
        change(),
        change({ id: 'chg-os-image', class: 'security-patch' as const }),
      ],
    };
    const original = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const first = build(input);
      process.env.TZ = 'America/New_York';
      const second = build(input);
      process.env.TZ = 'Asia/Kolkata';
      const third = build(input);
      expect(second).toBe(first);
      expect(third).toBe(first);
      expect(parse(first).map(event => event.uid)).toEqual([
        'change-chg-ingress-112@platform-ops',
        'change-chg-os-image@platform-ops',
        'window-prod-monthly-20261013T000000Z@platform-ops',
        'window-prod-monthly-20261110T010000Z@platform-ops',
      ]);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('writes a valid calendar with no events', () => {
    expect(parse(build({ occurrences: [], changes: [] }))).toEqual([]);
  });
});
