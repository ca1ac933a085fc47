import { ResponseError } from '@backstage/errors';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  calendarApiMock,
  renderCalendar,
} from './__testUtils__/renderCalendar';
import { SubscribeCard } from './SubscribeCard';

const user = userEvent.setup({ delay: null });

const TOKEN = 'Zq3xv0c8Yc2Vb5nU9sJk1LmN4oPqRsTuVwXyZaBcDeF';
const RETURNED = `http://localhost:7007/api/platform-ops/calendar.ics?token=${TOKEN}`;

describe('SubscribeCard', () => {
  it('creates the token only when asked and shows the feed URL with it and the filters', async () => {
    const api = calendarApiMock();
    api.createCalendarToken.mockResolvedValue({ url: RETURNED });
    await renderCalendar(
      <SubscribeCard
        environment="production"
        owner="group:default/orders-team"
      />,
      { api },
    );
    expect(screen.getByText(/iCalendar feed/)).toBeInTheDocument();
    expect(api.createCalendarToken).not.toHaveBeenCalled();
    expect(
      screen.queryByRole('textbox', { name: 'Subscription URL' }),
    ).toBeNull();

    await user.click(
      screen.getByRole('button', { name: 'Create subscription URL' }),
    );
    const field = await screen.findByRole('textbox', {
      name: 'Subscription URL',
    });
    expect(api.createCalendarToken).toHaveBeenCalledTimes(1);
    const url = new URL((field as HTMLInputElement).value);
    expect(url.origin + url.pathname).toBe(
      'http://localhost:7007/api/platform-ops/calendar.ics',
    );
    expect(url.searchParams.get('token')).toBe(TOKEN);
    expect(url.searchParams.get('environment')).toBe('production');
    expect(url.searchParams.get('owner')).toBe('group:default/orders-team');
    expect(
      screen.getByRole('button', { name: 'Copy the subscription URL' }),
    ).toBeInTheDocument();
  });

  it('revokes the URL', async () => {
    const api = calendarApiMock();
    api.createCalendarToken.mockResolvedValue({ url: RETURNED });
    api.revokeCalendarToken.mockResolvedValue();
    await renderCalendar(<SubscribeCard />, { api });
    await user.click(
      screen.getByRole('button', { name: 'Create subscription URL' }),
    );
    const field = await screen.findByRole('textbox', {
      name: 'Subscription URL',
    });
    expect((field as HTMLInputElement).value).toBe(RETURNED);

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(api.revokeCalendarToken).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText(/Revoked: your subscription URL no longer works/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', { name: 'Subscription URL' }),
    ).toBeNull();
  });

  it("shows the backend's refusal", async () => {
    const api = calendarApiMock();
    api.createCalendarToken.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'Only users' },
          }),
          {
            status: 403,
            statusText: 'Forbidden',
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      ),
    );
    await renderCalendar(<SubscribeCard />, { api });
    await user.click(
      screen.getByRole('button', { name: 'Create subscription URL' }),
    );
    await waitFor(() =>
      expect(
        screen.getByText(/Could not create the subscription URL/),
      ).toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('textbox', { name: 'Subscription URL' }),
    ).toBeNull();
  });
});
