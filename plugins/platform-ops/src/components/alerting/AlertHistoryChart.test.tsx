import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AlertHistoryChart, toChartRows } from './AlertHistoryChart';

describe('toChartRows', () => {
  it('has one row per day, zero-filled, summing environments per level', () => {
    const rows = toChartRows(
      [
        { day: '2026-11-20', environment: 'production', level: 'P1', count: 2 },
        { day: '2026-11-20', environment: 'staging', level: 'P1', count: 1 },
        { day: '2026-11-22', environment: 'staging', level: 'P3', count: 4 },
        { day: '2026-10-01', environment: 'staging', level: 'P3', count: 9 },
      ],
      '2026-11-20',
      3,
    );
    expect(rows).toEqual([
      { day: '2026-11-20', P1: 3, P2: 0, P3: 0 },
      { day: '2026-11-21', P1: 0, P2: 0, P3: 0 },
      { day: '2026-11-22', P1: 0, P2: 0, P3: 4 },
    ]);
  });
});

describe('AlertHistoryChart', () => {
  // jsdom has no ResizeObserver, which recharts' ResponsiveContainer needs.
  beforeAll(() => {
    global.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  it('states the total over the period', async () => {
    await renderInTestApp(
      <AlertHistoryChart
        days={[
          { day: '2026-11-21', environment: 'production', level: 'P2', count: 5 },
          { day: '2026-11-22', environment: 'production', level: 'P1', count: 1 },
        ]}
        since="2026-10-24"
        count={30}
      />,
    );
    expect(screen.getByText(/6 alerts fired in the last 30 days/)).toBeInTheDocument();
  });
});
