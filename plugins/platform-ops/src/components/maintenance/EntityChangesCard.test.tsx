import { ChangeInput } from '@platform-ops/plugin-platform-ops-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { WindowsResponse } from '../../api';
import { ingressNginxEntity } from '../../testing/ingressNginx';
import {
  cancelledChange,
  checkoutServiceEntity,
  doneChange,
  ingressNginxMaintenanceSummary,
  productionUpgradeChange,
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

const windows: WindowsResponse = {
  occurrences: [
    ['staging-monthly', '2026-12-01T08:00', '2026-12-01T12:00', 'staging'],
    ['prod-monthly', '2026-12-08T01:00', '2026-12-08T05:00', 'production'],
    ['staging-monthly', '2027-01-05T08:00', '2027-01-05T12:00', 'staging'],
  ].map(([window, start, end, environment]) => ({
    window,
    start: `${start}:00.000Z`,
    end: `${end}:00.000Z`,
    timezone: 'Europe/Stockholm',
    environments: [environment],
  })),
  truncated: false,
};

const user = userEvent.setup({ delay: null });

async function write(field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function choose(
  form: ReturnType<typeof within>,
  field: RegExp,
  option: string | RegExp,
) {
  await user.click(form.getByRole('button', { name: field }));
  await user.click(await screen.findByRole('option', { name: option }));
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}

async function openForm() {
  await user.click(
    await screen.findByRole('button', { name: 'Announce change' }),
  );
  return within(await screen.findByRole('form', { name: 'Announce a change' }));
}

/** A major change of ingress-nginx in production's December window. */
async function fillValidChange(form: ReturnType<typeof within>) {
  await write(
    form.getByRole('textbox', { name: /^Title/ }),
    'Ingress NGINX 1.12',
  );
  await choose(form, /^Class/, 'Major update');
  await user.click(form.getByRole('checkbox', { name: 'production' }));
  await choose(form, /^Window occurrence/, /^prod-monthly: Tue 8 Dec, 02:00/);
  await user.click(form.getByRole('checkbox', { name: 'Platform services' }));
  await write(
    form.getByRole('textbox', { name: /^Contingency plan/ }),
    'Roll the Helm release back',
  );
}

const expectedInput = {
  title: 'Ingress NGINX 1.12',
  class: 'major',
  entityRefs: ['component:default/ingress-nginx'],
  environments: ['production'],
  window: 'prod-monthly',
  windowStart: '2026-12-08T01:00:00.000Z',
  updates: ['platform-services'],
  description: '',
  contingencyPlan: 'Roll the Helm release back',
  silenceAlerts: false,
};

function render(allowed: boolean, entity = ingressNginxEntity) {
  return renderWithChanges(<EntityChangesCard />, { api, entity, allowed });
}

describe('EntityChangesCard', () => {
  // Filling a dialog of MUI fields in jsdom takes a few seconds per test.
  jest.setTimeout(30_000);

  beforeEach(() => {
    Settings.now = () => testNow.toMillis();
    Settings.defaultZone = 'UTC';
    jest.resetAllMocks();
    api.getSummary.mockResolvedValue(ingressNginxMaintenanceSummary);
    api.getChanges.mockImplementation(async query =>
      query?.entityRef
        ? [stagingUpgradeChange, productionUpgradeChange]
        : [cancelledChange, doneChange, stagingUpgradeChange],
    );
    api.getWindows.mockResolvedValue(windows);
  });
  afterEach(() => {
    Settings.now = () => Date.now();
    Settings.defaultZone = 'system';
  });

  it('lists upcoming and past changes, newest first, with retrospectives and the actions still open', async () => {
    await render(true);

    const done = (await screen.findByText('Ingress NGINX 1.11.3')).closest(
      'tr',
    )!;
    expect(done).toHaveTextContent(
      'Tue 10 Nov 2026, 01:00–05:00 UTC (prod-monthly)',
    );
    expect(done).toHaveTextContent('Done');
    expect(done).toHaveTextContent(
      'Went well: No alert fired during the rollout',
    );
    expect(
      within(done)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Pre-pull images on every node', 'Shorten the window']);
    // Done and cancelled changes are final: no action left.
    expect(within(done).queryByRole('button')).toBeNull();

    const titles = [
      'Ingress NGINX 1.12 in production',
      'Ingress NGINX 1.12 in staging',
      'Ingress NGINX 1.11.3',
      'Tune the controller’s config reloads',
    ];
    const rows = screen
      .getAllByRole('row')
      .map(row => titles.find(title => row.textContent?.includes(title)))
      .filter(Boolean);
    // Newest first; the upcoming list and the past year's merged, once each.
    expect(rows).toEqual(titles);
    expect(api.getChanges).toHaveBeenCalledWith({
      entityRef: 'component:default/ingress-nginx',
    });
    expect(api.getChanges).toHaveBeenCalledWith({
      from: '2025-11-22T00:05:00.000Z',
    });

    const staging = screen
      .getByText('Ingress NGINX 1.12 in staging')
      .closest('tr')!;
    expect(staging).toHaveTextContent('short notice: 9d given, 30d expected');
    expect(
      within(staging)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['Start', 'Done', 'Postpone', 'Cancel']);
  });

  it("shows a dependency's change as coming via it", async () => {
    api.getChanges.mockImplementation(async query =>
      query?.entityRef
        ? [
            {
              ...productionUpgradeChange,
              via: 'component:default/ingress-nginx',
            },
          ]
        : [productionUpgradeChange],
    );
    await render(false, checkoutServiceEntity);
    const row = (
      await screen.findByText('Ingress NGINX 1.12 in production')
    ).closest('tr')!;
    expect(row).toHaveTextContent('Platform services · via ingress-nginx');
  });

  it('offers the window occurrences in both zones, and checks the form before sending', async () => {
    await render(true);
    const form = await openForm();
    await user.click(form.getByRole('button', { name: /^Window occurrence/ }));
    expect(
      (await screen.findAllByRole('option')).map(option => option.textContent),
    ).toEqual([
      'staging-monthly: Tue 1 Dec, 09:00–13:00 Europe/Stockholm (your time 08:00–12:00 UTC) · staging',
      'prod-monthly: Tue 8 Dec, 02:00–06:00 Europe/Stockholm (your time 01:00–05:00 UTC) · production',
      'staging-monthly: Tue 5 Jan, 09:00–13:00 Europe/Stockholm (your time 08:00–12:00 UTC) · staging',
    ]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    // Only the chosen environments' windows are offered.
    await user.click(form.getByRole('checkbox', { name: 'staging' }));
    await user.click(form.getByRole('button', { name: /^Window occurrence/ }));
    expect(await screen.findAllByRole('option')).toHaveLength(2);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await user.click(form.getByRole('checkbox', { name: 'staging' }));
    expect(api.getWindows).toHaveBeenCalledWith({
      from: '2026-11-22T00:05:00.000Z',
      to: '2027-05-22T00:05:00.000Z',
    });
    expect(form.getByRole('textbox', { name: /^Components/ })).toHaveValue(
      'component:default/ingress-nginx',
    );

    await user.click(form.getByRole('button', { name: 'Announce' }));

    expect(
      form.getByRole('textbox', { name: /^Title/ }),
    ).toHaveAccessibleDescription('must say what changes');
    expect(form.getByText('must say how big the change is')).toHaveAttribute(
      'id',
      'change-class-helper-text',
    );
    expect(
      form.getByRole('group', { name: /^Environments/ }),
    ).toHaveAccessibleDescription('must name at least one environment');
    expect(
      form.getByText('choose a window occurrence, or give an explicit time'),
    ).toHaveAttribute('id', 'change-window-helper-text');
    expect(
      form.getByRole('group', { name: /^Updates/ }),
    ).toHaveAccessibleDescription(
      'must name what is updated: kubernetes, node-os-image, system-pods, platform-services',
    );
    expect(
      form.getByRole('textbox', { name: /^Contingency plan/ }),
    ).toHaveAccessibleDescription(
      'must say how to go back if the change fails',
    );

    await write(
      form.getByRole('textbox', { name: /^Link/ }),
      'ftp://example.com/notes',
    );
    await user.click(form.getByRole('button', { name: 'Announce' }));
    expect(
      form.getByRole('textbox', { name: /^Link/ }),
    ).toHaveAccessibleDescription('must be an http(s) URL');
    expect(api.announceChange).not.toHaveBeenCalled();
  });

  it('announces the change, shows the warnings and refreshes the history', async () => {
    api.announceChange.mockImplementation(async input => ({
      change: { ...stagingUpgradeChange, ...input, id: input.id! } as any,
      warnings: [
        'Short notice: a major change needs 30d, this one has 16d. It is recorded and flagged.',
        'Owners were not notified: the notifications service did not answer',
      ],
    }));
    await render(true);
    const form = await openForm();
    await fillValidChange(form);
    await user.click(form.getByRole('button', { name: 'Announce' }));

    const saved = await screen.findByRole('alert', { name: 'Change saved' });
    expect(saved).toHaveTextContent('Announced: Ingress NGINX 1.12');
    expect(
      within(saved)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Short notice: a major change needs 30d, this one has 16d. It is recorded and flagged.',
      'Owners were not notified: the notifications service did not answer',
    ]);
    expect(
      screen.queryByRole('form', { name: 'Announce a change' }),
    ).toBeNull();
    const sent = api.announceChange.mock.calls[0][0] as ChangeInput;
    expect(sent.id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect({ ...sent, id: 'any' }).toEqual({ ...expectedInput, id: 'any' });
    // Twice for the first load, twice for the refresh.
    await waitFor(() => expect(api.getChanges).toHaveBeenCalledTimes(4));
  });

  it('sends an explicit time in UTC, from the viewer’s time', async () => {
    Settings.defaultZone = 'America/New_York';
    api.announceChange.mockImplementation(async input => ({
      change: { ...stagingUpgradeChange, title: input.title },
      warnings: [],
    }));
    await render(true);
    const form = await openForm();
    await fillValidChange(form);
    await user.click(form.getByRole('radio', { name: 'At another time' }));
    fireEvent.change(form.getByLabelText(/^Start/), {
      target: { value: '2026-12-15T21:00' },
    });
    fireEvent.change(form.getByLabelText(/^End/), {
      target: { value: '2026-12-15T20:00' },
    });
    await user.click(form.getByRole('button', { name: 'Announce' }));
    expect(form.getByLabelText(/^End/)).toHaveAccessibleDescription(
      'must be after start',
    );
    expect(api.announceChange).not.toHaveBeenCalled();

    fireEvent.change(form.getByLabelText(/^End/), {
      target: { value: '2026-12-15T23:30' },
    });
    await user.click(form.getByRole('button', { name: 'Announce' }));
    await waitFor(() => expect(api.announceChange).toHaveBeenCalledTimes(1));
    const sent = api.announceChange.mock.calls[0][0];
    expect(sent).toMatchObject({
      start: '2026-12-16T02:00:00.000Z',
      end: '2026-12-16T04:30:00.000Z',
    });
    expect(sent.window).toBeUndefined();
    expect(sent.windowStart).toBeUndefined();
    expect(
      await screen.findByRole('alert', { name: 'Change saved' }),
    ).toHaveTextContent('Announced: Ingress NGINX 1.12');
  });

  it("shows the backend's 400 next to the window occurrence, and keeps the form", async () => {
    const message =
      'Invalid body: windowStart: not an occurrence of prod-monthly; the next ones start 2027-01-12T01:00:00.000Z, 2027-02-09T01:00:00.000Z';
    api.announceChange.mockRejectedValue(
      await backendError(400, 'InputError', message),
    );
    await render(true);
    const form = await openForm();
    await fillValidChange(form);
    await user.click(form.getByRole('button', { name: 'Announce' }));

    expect(await form.findByRole('alert')).toHaveTextContent(
      `The change was not announced: ${message}`,
    );
    expect(
      form.getByText(
        'not an occurrence of prod-monthly; the next ones start 2027-01-12T01:00:00.000Z, 2027-02-09T01:00:00.000Z',
      ),
    ).toHaveAttribute('id', 'change-window-helper-text');
    expect(form.getByRole('textbox', { name: /^Title/ })).toHaveValue(
      'Ingress NGINX 1.12',
    );
  });

  it('says which permission is missing on a 403', async () => {
    api.announceChange.mockRejectedValue(
      await backendError(
        403,
        'NotAllowedError',
        'Missing permission platform-ops.change.create',
      ),
    );
    await render(true);
    const form = await openForm();
    await fillValidChange(form);
    await user.click(form.getByRole('button', { name: 'Announce' }));
    expect(await form.findByRole('alert')).toHaveTextContent(
      'You may not announce or update changes: Missing permission platform-ops.change.create. Ask the platform team for the permission platform-ops.change.create.',
    );
  });

  it('sends the same id when a failed submit is retried, and a new one for the next change', async () => {
    api.announceChange
      .mockRejectedValueOnce(
        await backendError(503, 'ServiceUnavailableError', 'database busy'),
      )
      .mockImplementation(async input => ({
        change: { ...stagingUpgradeChange, id: input.id!, title: input.title },
        warnings: [],
      }));
    await render(true);
    let form = await openForm();
    await fillValidChange(form);
    await user.click(form.getByRole('button', { name: 'Announce' }));
    expect(await form.findByRole('alert')).toHaveTextContent(
      'The change was not announced: database busy. Submitting again does it once.',
    );
    await user.click(form.getByRole('button', { name: 'Announce' }));
    await waitFor(() => expect(api.announceChange).toHaveBeenCalledTimes(2));
    // The dialog closes on success; the next change gets a fresh form.
    await waitFor(() =>
      expect(
        screen.queryByRole('form', { name: 'Announce a change' }),
      ).not.toBeInTheDocument(),
    );

    form = await openForm();
    await fillValidChange(form);
    await user.click(form.getByRole('button', { name: 'Announce' }));
    await waitFor(() => expect(api.announceChange).toHaveBeenCalledTimes(3));

    const ids = api.announceChange.mock.calls.map(([input]) => input.id);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
