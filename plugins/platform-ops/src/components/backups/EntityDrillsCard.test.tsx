import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  DURATION_EXPECTATION,
  Drill,
  DrillInput,
  DrillsResponse,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import { argocdDrill, argocdEntity, argocdSummary } from '../../testing/argocd';
import { testNow } from '../../testing/testConfig';
import { EntityDrillsCard } from './EntityDrillsCard';

const api = {
  getSummary: jest.fn<
    ReturnType<PlatformOpsApi['getSummary']>,
    Parameters<PlatformOpsApi['getSummary']>
  >(),
  getDrills: jest.fn<
    ReturnType<PlatformOpsApi['getDrills']>,
    Parameters<PlatformOpsApi['getDrills']>
  >(),
  recordDrill: jest.fn<
    ReturnType<PlatformOpsApi['recordDrill']>,
    Parameters<PlatformOpsApi['recordDrill']>
  >(),
};

const argocdDrills: DrillsResponse = {
  drills: [argocdDrill],
  components: [
    {
      entity: argocdSummary.entity,
      state: 'ok',
      lastDrill: '2026-10-01',
      nextDue: '2027-03-30',
    },
  ],
};

async function backendError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'POST', url: '/drills' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

async function renderCard() {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformOpsApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={argocdEntity}>
        <EntityDrillsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

// No pause between keystrokes: the form has many fields to fill.
const user = userEvent.setup({ delay: null });

/** Types text into a field at once, as a paste does. */
async function write(field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function openForm() {
  await user.click(await screen.findByRole('button', { name: 'Record drill' }));
  return within(await screen.findByRole('form', { name: 'Record a drill' }));
}

async function choose(
  form: ReturnType<typeof within>,
  field: string,
  option: string,
) {
  await user.click(form.getByRole('button', { name: new RegExp(`^${field}`) }));
  await user.click(await screen.findByRole('option', { name: option }));
  // The rest of the page is hidden from queries until the menu has gone.
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}

async function fillValidDrill(form: ReturnType<typeof within>) {
  await choose(form, 'Environment', 'staging');
  await write(
    form.getByRole('textbox', { name: /^Scenario/ }),
    'Restore argocd into a new cluster',
  );
  await write(form.getByRole('textbox', { name: /^Led by/ }), 'Li Wei');
  await write(form.getByRole('textbox', { name: /^Measured RTO/ }), '2h');
  await choose(form, 'Outcome', 'Failed');
  await write(
    form.getByRole('textbox', { name: /^To improve/ }),
    'The cluster credentials were not in the backup',
  );
  await write(
    form.getByRole('textbox', { name: /^Action items/ }),
    'Back up the cluster secrets\n\n  Drill again in staging ',
  );
}

describe('EntityDrillsCard', () => {
  // Filling a dialog of MUI fields in jsdom takes a few seconds per test.
  jest.setTimeout(20_000);

  beforeAll(() => {
    Settings.now = () => testNow.toMillis();
  });
  afterAll(() => {
    Settings.now = () => Date.now();
  });
  beforeEach(() => {
    jest.resetAllMocks();
    api.getSummary.mockResolvedValue(argocdSummary);
    api.getDrills.mockResolvedValue(argocdDrills);
  });

  it("lists this component's drills with each retrospective", async () => {
    await renderCard();
    const row = (await screen.findByText('2026-10-01')).closest('tr')!;
    expect(api.getDrills).toHaveBeenCalledWith({
      entityRef: 'component:default/argocd',
    });
    const cells = within(row)
      .getAllByRole('cell')
      .map(cell => cell.textContent);
    expect(cells.slice(0, 6)).toEqual([
      '2026-10-01',
      'production',
      'Lose the argocd namespace; restore it from the nightly backup',
      'Jane Okafor',
      '3h',
      'Succeeded',
    ]);
    expect(within(row).getByTestId('status-ok')).toBeInTheDocument();
    expect(row).toHaveTextContent(
      'Went well: The runbook was right; applications resynced on their own',
    );
    expect(row).toHaveTextContent(
      'To improve: Finding the right backup took an hour',
    );
    expect(
      within(row)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Link the backup list from the runbook',
      'Name restores after the drill',
    ]);
  });

  it('checks the form before sending and names each bad field next to it', async () => {
    await renderCard();
    const form = await openForm();
    expect(form.getByRole('textbox', { name: /^Components/ })).toHaveValue(
      'component:default/argocd',
    );
    expect(form.getByLabelText(/^Date/)).toHaveValue('2026-11-22');

    await user.click(form.getByRole('button', { name: 'Record' }));

    expect(
      form.getByRole('textbox', { name: /^Scenario/ }),
    ).toHaveAccessibleDescription('must say what was drilled');
    expect(
      form.getByRole('textbox', { name: /^Led by/ }),
    ).toHaveAccessibleDescription('must say who led the drill');
    expect(form.getByText('must say how the drill ended')).toHaveAttribute(
      'id',
      'drill-outcome-helper-text',
    );
    expect(api.recordDrill).not.toHaveBeenCalled();

    await write(
      form.getByRole('textbox', { name: /^Measured RTO/ }),
      '3 hours',
    );
    await write(form.getByRole('textbox', { name: /^Components/ }), ', orders');
    await user.click(form.getByRole('button', { name: 'Record' }));
    expect(
      form.getByRole('textbox', { name: /^Measured RTO/ }),
    ).toHaveAccessibleDescription(`must be ${DURATION_EXPECTATION}`);
    expect(
      form.getByRole('textbox', { name: /^Components/ }),
    ).toHaveAccessibleDescription(/^orders: must be /);
    expect(api.recordDrill).not.toHaveBeenCalled();
  });

  it('records the drill, closes the form and refreshes the history', async () => {
    const recorded: Drill = {
      id: 'stored',
      entityRefs: ['component:default/argocd'],
      environment: 'staging',
      date: '2026-11-22',
      scenario: 'Restore argocd into a new cluster',
      ledBy: 'Li Wei',
      measuredRto: '2h',
      outcome: 'failed',
      wentWell: '',
      toImprove: 'The cluster credentials were not in the backup',
      actionItems: ['Back up the cluster secrets', 'Drill again in staging'],
      recordedBy: 'user:default/li-wei',
      recordedAt: '2026-11-22T00:10:00Z',
    };
    api.recordDrill.mockResolvedValue(recorded);
    await renderCard();
    const form = await openForm();
    await fillValidDrill(form);
    api.getDrills.mockResolvedValue({
      ...argocdDrills,
      drills: [recorded, argocdDrill],
    });

    await user.click(form.getByRole('button', { name: 'Record' }));

    await waitFor(() =>
      expect(
        screen.queryByRole('form', { name: 'Record a drill' }),
      ).not.toBeInTheDocument(),
    );
    expect(api.recordDrill).toHaveBeenCalledTimes(1);
    const sent = api.recordDrill.mock.calls[0][0] as DrillInput;
    expect(sent.id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect({ ...sent, id: 'any' }).toEqual({
      id: 'any',
      entityRefs: ['component:default/argocd'],
      environment: 'staging',
      date: '2026-11-22',
      scenario: 'Restore argocd into a new cluster',
      ledBy: 'Li Wei',
      measuredRto: '2h',
      outcome: 'failed',
      wentWell: '',
      toImprove: 'The cluster credentials were not in the backup',
      actionItems: ['Back up the cluster secrets', 'Drill again in staging'],
    });
    const row = (await screen.findByText('2026-11-22')).closest('tr')!;
    expect(row).toHaveTextContent('Restore argocd into a new cluster');
    expect(within(row).getByTestId('status-error')).toBeInTheDocument();
    expect(api.getDrills).toHaveBeenCalledTimes(2);
  });

  it("shows the backend's 400 with the field it names, and keeps the form", async () => {
    api.recordDrill.mockRejectedValue(
      await backendError(
        400,
        'InputError',
        'Invalid body: environment: must be one of staging, production',
      ),
    );
    await renderCard();
    const form = await openForm();
    await fillValidDrill(form);
    await user.click(form.getByRole('button', { name: 'Record' }));

    expect(await form.findByRole('alert')).toHaveTextContent(
      'The drill was not recorded: Invalid body: environment: must be one of staging, production',
    );
    expect(
      form.getByText('must be one of staging, production'),
    ).toHaveAttribute('id', 'drill-environment-helper-text');
    expect(form.getByRole('textbox', { name: /^Scenario/ })).toHaveValue(
      'Restore argocd into a new cluster',
    );
    expect(api.getDrills).toHaveBeenCalledTimes(1);
  });

  it('says which permission is missing when the backend answers 403', async () => {
    api.recordDrill.mockRejectedValue(
      await backendError(
        403,
        'NotAllowedError',
        'Missing permission platform-ops.drill.create',
      ),
    );
    await renderCard();
    const form = await openForm();
    await fillValidDrill(form);
    await user.click(form.getByRole('button', { name: 'Record' }));
    expect(await form.findByRole('alert')).toHaveTextContent(
      'You may not record drills: Missing permission platform-ops.drill.create. Ask the platform team for the permission platform-ops.drill.create.',
    );
  });

  it('sends the same id when a failed submit is retried, and a new one for the next drill', async () => {
    api.recordDrill
      .mockRejectedValueOnce(
        await backendError(503, 'ServiceUnavailableError', 'database busy'),
      )
      .mockImplementation(async input => ({
        ...input,
        id: input.id!,
        recordedBy: 'user:default/li-wei',
        recordedAt: '2026-11-22T00:10:00Z',
      }));
    await renderCard();
    let form = await openForm();
    await fillValidDrill(form);
    await user.click(form.getByRole('button', { name: 'Record' }));
    expect(await form.findByRole('alert')).toHaveTextContent(
      'The drill was not recorded: database busy. Submitting again records it once.',
    );
    await user.click(form.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(api.recordDrill).toHaveBeenCalledTimes(2));
    // The dialog closes on success; the next drill gets a fresh form.
    await waitFor(() =>
      expect(
        screen.queryByRole('form', { name: 'Record a drill' }),
      ).not.toBeInTheDocument(),
    );

    form = await openForm();
    await fillValidDrill(form);
    await user.click(form.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(api.recordDrill).toHaveBeenCalledTimes(3));

    const ids = api.recordDrill.mock.calls.map(([input]) => input.id);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
