import { render, screen, waitFor, within } from '@testing-library/react';
import App from './App';

// The app as users get it, with the backend faked at the HTTP boundary: these
// tests fail if the app stops routing to the Platform Ops page or stops
// putting the Platform Ops cards and tab on entity pages.

const ingressNginx = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ingress-nginx',
    namespace: 'default',
    title: 'Ingress NGINX',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/alert-levels': 'production=P1',
      'platform-ops/backup-source': 'none',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/platform-team',
  },
};

const plain = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

// What GET /api/platform-ops/summary/... answers for ingress-nginx.
const ingressNginxSummary = {
  entity: {
    ref: 'component:default/ingress-nginx',
    kind: 'Component',
    namespace: 'default',
    name: 'ingress-nginx',
    title: 'Ingress NGINX',
  },
  annotated: true,
  scope: {
    party: 'platform',
    partyTitle: 'Platform team',
    insideFence: true,
    accountable: 'group:default/platform-team',
    accountableSource: 'owner',
    owner: 'group:default/platform-team',
    ownerDiffers: false,
    escalation: [],
    contacts: {},
    audits: [],
  },
  alerting: {
    environments: ['production'],
    levels: { production: { value: 'P1', source: 'annotation' } },
    matchers: [],
    alerts: [],
    counts: { P1: 0, P2: 0, P3: 0 },
    status: [
      {
        environment: 'production',
        heartbeat: 'ok',
        heartbeatAlertname: 'Watchdog',
        fetchedAt: new Date().toISOString(),
      },
    ],
    trustworthy: true,
  },
  backups: {
    policy: {
      rpo: { value: '24h', source: 'config' },
      retention: { value: '7d', source: 'config' },
      rto: { value: '4h', source: 'config' },
    },
    source: { type: 'none' },
    scope: [],
    protection: [],
    protectionGaps: [],
    environments: [],
  },
  maintenance: {
    windows: {},
    occurrences: {},
    skew: [],
    changes: [],
    drainReadiness: [],
  },
  problems: [],
  generatedAt: new Date().toISOString(),
};

const BACKEND: Record<string, unknown> = {
  '/api/catalog/entities/by-name/component/default/ingress-nginx': ingressNginx,
  '/api/catalog/entities/by-name/component/default/plain': plain,
  '/api/platform-ops/summary/component/default/ingress-nginx':
    ingressNginxSummary,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Answers the paths in BACKEND; everything else is 404, as an unknown route. */
function fakeBackend() {
  return jest.spyOn(global, 'fetch').mockImplementation(async input => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = BACKEND[url.pathname];
    if (body === undefined) {
      return json(404, {
        error: { name: 'NotFoundError', message: `${url.pathname} not found` },
        request: { method: 'GET', url: url.pathname },
        response: { statusCode: 404 },
      });
    }
    return json(200, body);
  });
}

// The app loads its pages and plugins lazily on first use: allow for a slow
// machine.
const LOADED_WITHIN_MS = 10_000;
jest.setTimeout(20_000);

function renderAppAt(path: string) {
  window.history.pushState({}, '', path);
  render(<App />);
}

describe('App', () => {
  // One fake for the whole file: the app is created once per module and
  // keeps the fetch function it found first.
  let backend: ReturnType<typeof fakeBackend>;
  beforeAll(() => {
    backend = fakeBackend();
  });
  afterAll(() => backend.mockRestore());

  beforeEach(() => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test', baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    // The fake backend has no guest auth: sign in with the local guest
    // identity, as if the user had chosen it before.
    localStorage.setItem('enableLegacyGuestToken', 'true');
    localStorage.setItem('@backstage/core:SignInPage:provider', 'guest');
  });

  it('serves the Platform Ops page at /platform-ops, linked from the sidebar', async () => {
    renderAppAt('/platform-ops');

    expect(
      await screen.findByRole(
        'heading',
        { name: 'Platform Ops' },
        { timeout: LOADED_WITHIN_MS },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Incident lookup' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(
      screen.getByRole('textbox', {
        name: 'Component, namespace or alert label',
      }),
    ).toHaveFocus();
    expect(
      screen
        .getAllByRole('link', { name: /Platform Ops/ })
        .map(link => link.getAttribute('href')),
    ).toContain('/platform-ops');
  });

  it('puts the Platform Ops cards and tab on an annotated entity page', async () => {
    const before = backend.mock.calls.length;
    renderAppAt('/catalog/default/component/ingress-nginx');

    // The overview card and the scope card both say which side of the fence.
    const sentences = await screen.findAllByText(
      'Inside the platform scope: the platform team is accountable',
      {},
      { timeout: LOADED_WITHIN_MS },
    );
    expect(sentences).toHaveLength(2);
    const alerting = screen.getByRole('region', { name: 'Alerting' });
    expect(within(alerting).getByText('P1')).toBeInTheDocument();
    // The alerts card.
    expect(screen.getByText('No alerts are firing.')).toBeInTheDocument();
    // The backups card.
    expect(screen.getByText('Not backed up, on purpose')).toBeInTheDocument();
    // The maintenance card.
    expect(
      screen.getByRole('heading', { name: 'Maintenance' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Platform Ops' }),
    ).toBeInTheDocument();
    // Five cards, one request: they share the summary.
    const ours = backend.mock.calls
      .slice(before)
      .map(([input]) => String(input instanceof Request ? input.url : input))
      .filter(url => url.includes('/api/platform-ops/'));
    expect(ours).toEqual([
      'http://localhost:7007/api/platform-ops/summary/component/default/ingress-nginx',
    ]);
  });

  it('has the notifications bell in the sidebar and the notifications page', async () => {
    renderAppAt('/notifications');

    // The page's header, once the page and its API have loaded.
    await waitFor(
      () =>
        expect(
          screen.getByRole('heading', { name: 'Notifications' }),
        ).toBeInTheDocument(),
      { timeout: LOADED_WITHIN_MS },
    );
    expect(
      screen
        .getAllByRole('link', { name: /Notifications/ })
        .map(link => link.getAttribute('href')),
    ).toContain('/notifications');
  });

  it('names the annotations to add on an entity without any, and has no Platform Ops tab', async () => {
    renderAppAt('/catalog/default/component/plain');

    expect(
      await screen.findByText(
        'Missing Annotation',
        {},
        { timeout: LOADED_WITHIN_MS },
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/platform-ops\/scope/).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByRole('tab', { name: 'Platform Ops' })).toBeNull();
    expect(screen.queryByText('No alerts are firing.')).toBeNull();
    expect(screen.queryByText('Not backed up, on purpose')).toBeNull();
  });
});
