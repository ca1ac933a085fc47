import { parsePlatformOpsConfig } from '../config/readConfig';
import { changeTimeOf } from './changeTime';

const { config } = parsePlatformOpsConfig({
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

describe('changeTimeOf', () => {
  it('takes the occurrence that starts at windowStart, whatever offset it is written in', () => {
    expect(
      changeTimeOf(
        { window: 'prod-monthly', windowStart: '2027-01-12T02:00:00+01:00' },
        config!,
      ),
    ).toEqual({
      start: '2027-01-12T01:00:00.000Z',
      end: '2027-01-12T05:00:00.000Z',
    });
  });

  it('writes an explicit time in UTC', () => {
    expect(
      changeTimeOf(
        {
          start: '2027-01-05T10:00:00+01:00',
          end: '2027-01-05T12:00:00+01:00',
        },
        config!,
      ),
    ).toEqual({
      start: '2027-01-05T09:00:00.000Z',
      end: '2027-01-05T11:00:00.000Z',
    });
  });

  it('names the field and the next occurrences when the time is not one', () => {
    expect(
      changeTimeOf(
        { window: 'prod-monthly', windowStart: '2027-01-12T02:00:00Z' },
        config!,
      ),
    ).toEqual({
      field: 'windowStart',
      message:
        // The occurrence under way at that time comes first: it is probably the one meant.
        'not an occurrence of prod-monthly; the next ones start 2027-01-12T01:00:00.000Z, 2027-02-09T01:00:00.000Z',
    });
    expect(
      changeTimeOf(
        { window: 'weekly', windowStart: '2027-01-12T01:00:00Z' },
        config!,
      ),
    ).toEqual({
      field: 'window',
      message: 'not a window from config (prod-monthly)',
    });
  });
});
