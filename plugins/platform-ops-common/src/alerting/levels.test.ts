import { levelOfAlert } from './levels';

const severityLevels = { critical: 'P1', warning: 'P2', info: 'P3' };

describe('levelOfAlert', () => {
  it('takes the alert priority label first', () => {
    expect(
      levelOfAlert({
        labels: { priority: 'P3', severity: 'critical' },
        componentLevel: 'P1',
        severityLevels,
      }),
    ).toEqual({
      level: 'P3',
      source: 'priority-label',
    });
    expect(
      levelOfAlert({ labels: { priority: 'p1' }, severityLevels }),
    ).toEqual({ level: 'P1', source: 'priority-label' });
  });

  it('ignores a priority label that is not a level and falls back to the component level', () => {
    expect(
      levelOfAlert({
        labels: { priority: 'high', severity: 'info' },
        componentLevel: 'P2',
        severityLevels,
      }),
    ).toEqual({
      level: 'P2',
      source: 'component',
    });
  });

  it('maps the severity label when the component has no level in that environment', () => {
    expect(
      levelOfAlert({ labels: { severity: 'warning' }, severityLevels }),
    ).toEqual({ level: 'P2', source: 'severity' });
  });

  it('leaves an alert without any clue unleveled', () => {
    expect(
      levelOfAlert({ labels: { severity: 'none' }, severityLevels }),
    ).toEqual({ source: 'none' });
    expect(levelOfAlert({ labels: {}, severityLevels })).toEqual({
      source: 'none',
    });
  });

  it('ignores a severity mapping to something that is not a level', () => {
    expect(
      levelOfAlert({
        labels: { severity: 'page' },
        severityLevels: { page: 'urgent' },
      }),
    ).toEqual({ source: 'none' });
  });
});
