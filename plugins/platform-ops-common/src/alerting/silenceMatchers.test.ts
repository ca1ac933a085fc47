import { levelOfAlert } from './levels';
import { AlertMatcher, matcherAccepts } from './matchers';
import { silenceMatchers } from './silenceMatchers';

const DEFAULT_SEVERITIES = { critical: 'P1', warning: 'P2', info: 'P3' };

/** Whether a silence with these matchers covers an alert, as Alertmanager decides. */
function covers(matchers: AlertMatcher[], labels: Record<string, string>) {
  return matchers.every(matcher =>
    matcherAccepts(matcher, labels[matcher.name]),
  );
}

describe('silenceMatchers', () => {
  const own: AlertMatcher[] = [
    { name: 'namespace', operator: '=', value: 'ingress' },
  ];
  // Every character that the suite trims from a priority label.
  const blanks = Array.from({ length: 0x10000 }, (_, code) =>
    String.fromCharCode(code),
  ).filter(char => char.trim() === '');

  it('never covers an alert that the suite would level P1', () => {
    const priorities = [
      undefined,
      '',
      'P1',
      'p1',
      'P2',
      'p2',
      'P3',
      ' p3 ',
      'high',
      'P1x',
      'xP1',
      'P12',
      ...blanks.flatMap(blank => [
        `${blank}P1`,
        `p1${blank}`,
        `${blank}p1${blank}`,
      ]),
    ];
    const severities = [
      undefined,
      '',
      'critical',
      'Critical',
      'warning',
      'info',
      'page',
      'sev.1',
    ];
    const silenced: string[] = [];
    let checked = 0;
    for (const severityLevels of [
      DEFAULT_SEVERITIES,
      { ...DEFAULT_SEVERITIES, page: 'P1', 'sev.1': 'P1' },
      { warning: 'P2' },
    ]) {
      for (const componentLevel of ['P1', 'P2', 'P3', undefined] as const) {
        const matchers = silenceMatchers(own, componentLevel, severityLevels);
        for (const priority of priorities) {
          for (const severity of severities) {
            const labels: Record<string, string> = { namespace: 'ingress' };
            if (priority !== undefined) labels.priority = priority;
            if (severity !== undefined) labels.severity = severity;
            const { level } = levelOfAlert({
              labels,
              componentLevel,
              severityLevels,
            });
            if (level !== 'P1') continue;
            checked += 1;
            if (covers(matchers, labels)) {
              silenced.push(
                JSON.stringify({ labels, componentLevel, severityLevels }),
              );
            }
          }
        }
      }
    }
    expect(silenced).toEqual([]);
    // Guards the loops themselves: they must meet many P1 alerts.
    expect(checked).toBeGreaterThan(1000);
  });

  it('still silences the P2 and P3 alerts of the component', () => {
    const p2 = silenceMatchers(own, 'P2', DEFAULT_SEVERITIES);
    expect(covers(p2, { namespace: 'ingress' })).toBe(true);
    expect(
      covers(p2, {
        namespace: 'ingress',
        priority: 'P3',
        severity: 'critical',
      }),
    ).toBe(true);
    expect(covers(p2, { namespace: 'other' })).toBe(false);

    const p1 = silenceMatchers(own, 'P1', DEFAULT_SEVERITIES);
    expect(covers(p1, { namespace: 'ingress', priority: 'P2' })).toBe(true);
    expect(covers(p1, { namespace: 'ingress', priority: ' p3' })).toBe(true);
    expect(covers(p1, { namespace: 'ingress' })).toBe(false);

    const none = silenceMatchers(own, undefined, DEFAULT_SEVERITIES);
    expect(covers(none, { namespace: 'ingress', severity: 'warning' })).toBe(
      true,
    );
    expect(covers(none, { namespace: 'ingress' })).toBe(true);
    expect(covers(none, { namespace: 'ingress', severity: 'critical' })).toBe(
      false,
    );
  });

  it('adds a priority matcher, and a severity matcher quoting every P1 severity when there is no level', () => {
    expect(silenceMatchers(own, 'P3', DEFAULT_SEVERITIES)).toEqual([
      ...own,
      {
        name: 'priority',
        operator: '!~',
        value: expect.stringContaining('P1'),
      },
    ]);
    expect(
      silenceMatchers(own, undefined, { ...DEFAULT_SEVERITIES, 'sev.1': 'P1' }),
    ).toEqual([
      ...own,
      {
        name: 'priority',
        operator: '!~',
        value: expect.stringContaining('P1'),
      },
      { name: 'severity', operator: '!~', value: 'critical|sev\\.1' },
    ]);
    expect(silenceMatchers(own, undefined, { warning: 'P2' })).toHaveLength(2);
  });
});
