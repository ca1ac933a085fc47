import { subscriptionUrl } from './subscriptionUrl';

const BASE = 'https://backstage.example.com/api/platform-ops';
const TOKEN = 'Zq3xv0c8Yc2Vb5nU9sJk1LmN4oPqRsTuVwXyZaBcDeF';

describe('subscriptionUrl', () => {
  it('adds the filters to the URL the backend returned', () => {
    expect(
      subscriptionUrl(`${BASE}/calendar.ics?token=${TOKEN}`, BASE, {
        environment: 'staging',
        owner: 'group:default/platform-team',
      }),
    ).toBe(
      `${BASE}/calendar.ics?token=${TOKEN}&environment=staging&owner=group%3Adefault%2Fplatform-team`,
    );
  });

  it('drops filters no longer chosen', () => {
    expect(
      subscriptionUrl(
        `${BASE}/calendar.ics?token=${TOKEN}&environment=staging`,
        BASE,
        {},
      ),
    ).toBe(`${BASE}/calendar.ics?token=${TOKEN}`);
  });

  it("resolves a relative URL against the plugin's base URL", () => {
    expect(subscriptionUrl(`calendar.ics?token=${TOKEN}`, `${BASE}/`, {})).toBe(
      `${BASE}/calendar.ics?token=${TOKEN}`,
    );
  });

  it('offers nothing that is no http(s) URL with a token', () => {
    expect(
      subscriptionUrl(`javascript:alert(1)//?token=${TOKEN}`, BASE, {}),
    ).toBeUndefined();
    expect(subscriptionUrl(`${BASE}/calendar.ics`, BASE, {})).toBeUndefined();
  });
});
