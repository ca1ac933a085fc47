import { renderInTestApp } from '@backstage/test-utils';
import { LiveAlert } from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { AlertList } from './AlertList';

const alert: LiveAlert = {
  fingerprint: 'c3',
  environment: 'production',
  alertname: 'OrdersDatabaseReplicaLag',
  level: 'P2',
  levelSource: 'priority-label',
  state: 'active',
  silencedBy: [],
  inhibitedBy: [],
  startsAt: '2026-11-22T00:01:00.000Z',
  summary: 'Replica lag above 30 s',
  description:
    'The replica orders-db-1 is 42 s behind.\nSee <a href="https://evil.example">the fix</a> or https://wiki.example.com/runbooks/orders-db',
  labels: { alertname: 'OrdersDatabaseReplicaLag' },
};

describe('AlertList', () => {
  it('shows the description below the summary, as plain text', async () => {
    await renderInTestApp(<AlertList alerts={[alert]} trustworthy />);
    const [item] = within(
      screen.getByRole('list', { name: 'Live alerts' }),
    ).getAllByRole('listitem');

    const summary = within(item).getByText('Replica lag above 30 s');
    const description = within(item).getByText(
      (_, element) => element?.textContent === alert.description,
    );
    expect(
      // eslint-disable-next-line no-bitwise -- a DOM position bit mask
      summary.compareDocumentPosition(description) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // The markup is shown as written, and nothing in it becomes a link.
    expect(description).toHaveTextContent(
      'See <a href="https://evil.example">',
    );
    expect(description.querySelector('*')).toBeNull();
    expect(within(item).queryByRole('link')).toBeNull();
  });

  it('shows no description line when the alert has none', async () => {
    await renderInTestApp(
      <AlertList alerts={[{ ...alert, description: undefined }]} trustworthy />,
    );
    const [item] = screen.getAllByRole('listitem');
    expect(item).toHaveTextContent('Replica lag above 30 s');
    expect(item).not.toHaveTextContent('behind');
  });
});
