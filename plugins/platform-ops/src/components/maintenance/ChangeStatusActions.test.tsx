import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { ingressNginxEntity } from '../../testing/ingressNginx';
import {
  ingressNginxMaintenanceSummary,
  securityPatchChange,
  stagingUpgradeChange,
} from '../../testing/maintenance';
import {
  backendError,
  changeApiMock,
  renderWithChanges,
} from './__testUtils__/renderWithChanges';
import { testNow } from '../../testing/testConfig';
import { EntityChangesCard } from './EntityChangesCard';

const api = changeApiMock();
const user = userEvent.setup({ delay: null });

async function openAction(action: string, title: string) {
  await user.click(
    await screen.findByRole('button', { name: `${action}: ${title}` }),
  );
  return within(await screen.findByRole('dialog'));
}

describe('ChangeStatusActions', () => {
  jest.setTimeout(20_000);

  beforeEach(() => {
    Settings.now = () => testNow.toMillis();
    Settings.defaultZone = 'UTC';
    jest.resetAllMocks();
    api.getSummary.mockResolvedValue(ingressNginxMaintenanceSummary);
    api.getChanges.mockImplementation(async query =>
      query?.entityRef ? [securityPatchChange, stagingUpgradeChange] : [],
    );
    api.updateChange.mockImplementation(async (id, update) => ({
      change: {
        ...[securityPatchChange, stagingUpgradeChange].find(
          change => change.id === id,
        )!,
        ...update,
      },
      warnings: [],
    }));
  });
  afterEach(() => {
    Settings.now = () => Date.now();
    Settings.defaultZone = 'system';
  });

  function render() {
    return renderWithChanges(<EntityChangesCard />, {
      api,
      entity: ingressNginxEntity,
      allowed: true,
    });
  }

  it('offers the actions each status allows', async () => {
    await render();
    const patch = (
      await screen.findByText('Patch CVE-2026-24514 in the controller image')
    ).closest('tr')!;
    // A postponed change can start, move again or be cancelled.
    expect(
      within(patch)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['Start', 'Postpone', 'Cancel']);
  });

  it('marks a change done with its retrospective, and refreshes', async () => {
    await render();
    const dialog = await openAction('Done', 'Ingress NGINX 1.12 in staging');
    expect(
      dialog.getByRole('heading', {
        name: 'Finish the change: Ingress NGINX 1.12 in staging',
      }),
    ).toBeInTheDocument();
    await user.type(
      dialog.getByRole('textbox', { name: 'Went well' }),
      'No downtime',
    );
    await user.type(
      dialog.getByRole('textbox', { name: 'To improve' }),
      'Announce earlier',
    );
    await user.click(dialog.getByRole('textbox', { name: 'Action items' }));
    await user.paste('Book the window a month ahead\n\n Check staging first ');
    await user.click(dialog.getByRole('button', { name: 'Mark as done' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.updateChange).toHaveBeenCalledWith(
      'ingress-nginx-1-12-staging',
      {
        status: 'done',
        retrospective: {
          wentWell: 'No downtime',
          toImprove: 'Announce earlier',
          actionItems: ['Book the window a month ahead', 'Check staging first'],
        },
      },
    );
    expect(
      await screen.findByRole('alert', { name: 'Change saved' }),
    ).toHaveTextContent('Ingress NGINX 1.12 in staging: done');
    await waitFor(() => expect(api.getChanges).toHaveBeenCalledTimes(4));
  });

  it('marks a change done without a retrospective when none is written', async () => {
    await render();
    const dialog = await openAction('Done', 'Ingress NGINX 1.12 in staging');
    await user.click(dialog.getByRole('button', { name: 'Mark as done' }));
    await waitFor(() =>
      expect(api.updateChange).toHaveBeenCalledWith(
        'ingress-nginx-1-12-staging',
        { status: 'done' },
      ),
    );
  });

  it('starts a change', async () => {
    await render();
    const dialog = await openAction('Start', 'Ingress NGINX 1.12 in staging');
    await user.click(dialog.getByRole('button', { name: 'Start' }));
    await waitFor(() =>
      expect(api.updateChange).toHaveBeenCalledWith(
        'ingress-nginx-1-12-staging',
        { status: 'in-progress' },
      ),
    );
  });

  it('postpones a change to a new time given in the viewer’s time, and shows the warnings', async () => {
    Settings.defaultZone = 'Europe/Stockholm';
    api.updateChange.mockResolvedValue({
      change: { ...stagingUpgradeChange, status: 'postponed' },
      warnings: ['Owners were not notified: the notifications service is down'],
    });
    await render();
    const dialog = await openAction(
      'Postpone',
      'Ingress NGINX 1.12 in staging',
    );
    const start = dialog.getByLabelText(/^New start/);
    // Prefilled with the change's time, in the viewer's zone.
    expect(start).toHaveValue('2026-12-01T09:00');
    fireEvent.change(start, { target: { value: '2027-01-05T09:00' } });
    fireEvent.change(dialog.getByLabelText(/^New end/), {
      target: { value: '2027-01-05T08:00' },
    });
    await user.click(dialog.getByRole('button', { name: 'Postpone' }));
    expect(dialog.getByLabelText(/^New end/)).toHaveAccessibleDescription(
      'must be after start',
    );
    expect(api.updateChange).not.toHaveBeenCalled();

    fireEvent.change(dialog.getByLabelText(/^New end/), {
      target: { value: '2027-01-05T13:00' },
    });
    await user.click(dialog.getByRole('button', { name: 'Postpone' }));
    await waitFor(() =>
      expect(api.updateChange).toHaveBeenCalledWith(
        'ingress-nginx-1-12-staging',
        {
          status: 'postponed',
          start: '2027-01-05T08:00:00.000Z',
          end: '2027-01-05T12:00:00.000Z',
        },
      ),
    );
    const saved = await screen.findByRole('alert', { name: 'Change saved' });
    expect(saved).toHaveTextContent('Ingress NGINX 1.12 in staging: postponed');
    expect(saved).toHaveTextContent(
      'Owners were not notified: the notifications service is down',
    );
  });

  it('cancels a change, and shows a 409 in the dialog', async () => {
    api.updateChange.mockRejectedValue(
      await backendError(
        409,
        'ConflictError',
        'Change ingress-nginx-1-12-staging is done; its status no longer changes',
      ),
    );
    await render();
    const dialog = await openAction('Cancel', 'Ingress NGINX 1.12 in staging');
    await user.click(dialog.getByRole('button', { name: 'Cancel the change' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'The change was not updated: Change ingress-nginx-1-12-staging is done; its status no longer changes',
    );
    expect(api.updateChange).toHaveBeenCalledWith(
      'ingress-nginx-1-12-staging',
      { status: 'cancelled' },
    );
    expect(api.getChanges).toHaveBeenCalledTimes(2);
  });
});
