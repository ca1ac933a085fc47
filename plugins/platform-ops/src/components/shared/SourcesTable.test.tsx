import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { SourceStatus } from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { platformOpsApiRef } from '../../api';
import { clusterSources } from '../../testing/drainReadiness';
import { SourcesTable } from './SourcesTable';

async function renderTable(sources: SourceStatus[]) {
  const getSources = jest.fn().mockResolvedValue(sources);
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getSources }]]}>
      <SourcesTable />
    </TestApiProvider>,
  );
  await screen.findByText('kubernetes:staging');
}

function row(id: string): HTMLElement {
  return screen.getByText(id).closest('tr')!;
}

describe('SourcesTable', () => {
  it("shows each cluster's drain headroom, a shortfall as a warning, once", async () => {
    const sources = clusterSources();
    await renderTable(sources);

    const staging = row('kubernetes:staging');
    const warning = within(staging).getByText(
      /^Cannot lose its largest node \(staging-worker-1\)/,
    );
    expect(warning.closest('[data-status]')).toHaveAttribute(
      'data-status',
      'warning',
    );
    // In its own column, not repeated among the problems.
    expect(
      within(staging).getAllByText(/Cannot lose its largest node/),
    ).toHaveLength(1);
    expect(
      within(row('kubernetes:production'))
        .getByText(/^Can lose its largest node \(prod-worker-3\)/)
        .closest('[data-status]'),
    ).toHaveAttribute('data-status', 'ok');
  });

  it('never shows the headroom of a stale cluster as ok', async () => {
    const [production] = clusterSources();
    await renderTable([
      { ...production, state: 'stale' },
      { ...clusterSources()[1] },
    ]);
    const line = within(row('kubernetes:production'))
      .getByText(/Can lose its largest node/)
      .closest('[data-status]');
    expect(line).toHaveAttribute('data-status', 'warning');
    expect(line).toHaveTextContent(/^Last known: Can lose its largest node/);
  });
});
