import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import ICAL from 'ical.js';
import request from 'supertest';
import { platformOpsPlugin } from './plugin';

function component(
  name: string,
  options: {
    annotations?: Record<string, string>;
    dependsOn?: string[];
    owner: string;
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations: options.annotations ?? {} },
    spec: {
      type: 'service',
      owner: options.owner,
      lifecycle: 'production',
      dependsOn: options.dependsOn,
    },
    relations: [
      { type: 'ownedBy', targetRef: options.owner },
      ...(options.dependsOn ?? []).map(targetRef => ({
        type: 'dependsOn',
        targetRef,
      })),
    ],
  };
}

const entities = [
  component('ingress-nginx', {
    owner: 'group:default/platform-team',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/alert-matchers': '{namespace="ingress-nginx"}',
    },
  }),
  component('checkout-service', {
    owner: 'group:default/checkout-team',
    annotations: { 'platform-ops/scope': 'application' },
    dependsOn: ['component:default/ingress-nginx'],
  }),
];

const config = {
  platformOps: {
    environments: [
      { name: 'staging', maintenanceWindow: 'staging-monthly' },
      { name: 'production', maintenanceWindow: 'prod-monthly' },
    ],
    maintenance: {
      windows: {
        'prod-monthly': {
          rrule: 'FREQ=MONTHLY;BYDAY=2TU',
          start: '02:00',
          duration: '4h',
          timezone: 'Europe/Stockholm',
        },
        'staging-monthly': {
          rrule: 'FREQ=MONTHLY;BYDAY=1TU',
          start: '09:00',
          duration: '4h',
          timezone: 'Europe/Stockholm',
        },
      },
    },
  },
};

async function start(
  extra: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  return startTestBackend({
    features: [
      ...extra,
      platformOpsPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
}

/** The second Tuesday of the month after next, at 01:00Z in winter. */
async function nextProductionWindow(server: Parameters<typeof request>[0]) {
  const from = new Date(Date.now() + 40 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 120 * 86_400_000).toISOString();
  const response = await request(server)
    .get('/api/platform-ops/windows')
    .query({ from, to, environment: 'production' });
  expect(response.status).toBe(200);
  return response.body.occurrences[0];
}

describe('maintenance routes', () => {
  it('lists window occurrences and refuses a bad range naming the field', async () => {
    const { server } = await start();
    const response = await request(server)
      .get('/api/platform-ops/windows')
      .query({ from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(response.body).toEqual({
      occurrences: [
        expect.objectContaining({
          window: 'staging-monthly',
          start: '2026-11-03T08:00:00.000Z',
          environments: ['staging'],
        }),
        expect.objectContaining({
          window: 'prod-monthly',
          start: '2026-11-10T01:00:00.000Z',
          environments: ['production'],
        }),
        expect.objectContaining({
          window: 'staging-monthly',
          start: '2026-12-01T08:00:00.000Z',
        }),
        expect.objectContaining({
          window: 'prod-monthly',
          start: '2026-12-08T01:00:00.000Z',
        }),
      ],
      truncated: false,
    });
    const bad = await request(server)
      .get('/api/platform-ops/windows')
      .query({ from: '2026-11-01', to: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('from:');
    const backwards = await request(server)
      .get('/api/platform-ops/windows')
      .query({ from: '2027-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(backwards.body.error.message).toContain('to: must be after from');
  });

  it('announces a major change that its dependents see on their own summary', async () => {
    const { server } = await start();
    const window = await nextProductionWindow(server);
    const announced = await request(server)
      .post('/api/platform-ops/changes')
      .send({
        id: 'change-ingress-112',
        title: 'Upgrade ingress-nginx to 1.12',
        class: 'major',
        entityRefs: ['component:default/ingress-nginx'],
        environments: ['production'],
        window: 'prod-monthly',
        windowStart: window.start,
        updates: ['system-pods'],
        contingencyPlan: 'helm rollback ingress-nginx',
      });
    expect(announced.status).toBe(201);
    expect(announced.body.change).toMatchObject({
      status: 'planned',
      shortNotice: false,
      announcedBy: 'user:default/mock',
    });
    // The test backend has no notifications backend: the change is kept and the failure said.
    expect(announced.body.warnings).toEqual([
      expect.stringContaining('Owners were not notified'),
    ]);

    const summary = await request(server).get(
      '/api/platform-ops/summary/component/default/checkout-service',
    );
    expect(summary.body.maintenance.changes).toEqual([
      expect.objectContaining({
        id: 'change-ingress-112',
        via: 'component:default/ingress-nginx',
      }),
    ]);
    const listed = await request(server)
      .get('/api/platform-ops/changes')
      .query({ entity: 'component:default/checkout-service' });
    expect(
      listed.body.changes.map((change: { id: string }) => change.id),
    ).toEqual(['change-ingress-112']);

    const done = await request(server)
      .patch('/api/platform-ops/changes/change-ingress-112')
      .send({
        status: 'done',
        retrospective: {
          wentWell: 'No downtime',
          actionItems: ['Automate the rollback'],
        },
      });
    expect(done.status).toBe(200);
    expect(done.body.change.retrospective).toEqual({
      wentWell: 'No downtime',
      toImprove: '',
      actionItems: ['Automate the rollback'],
    });
    const again = await request(server)
      .patch('/api/platform-ops/changes/change-ingress-112')
      .send({ status: 'planned' });
    expect(again.status).toBe(409);
  });

  it('refuses bad changes with a 400 naming the field and stores nothing', async () => {
    const { server } = await start();
    for (const [field, body] of [
      [
        'contingencyPlan',
        {
          title: 'x',
          class: 'minor',
          entityRefs: ['component:default/ingress-nginx'],
          environments: ['production'],
          start: '2027-01-01T00:00:00Z',
          end: '2027-01-01T01:00:00Z',
          updates: ['kubernetes'],
        },
      ],
      [
        'environments',
        {
          title: 'x',
          class: 'minor',
          entityRefs: ['component:default/ingress-nginx'],
          environments: ['qa'],
          start: '2027-01-01T00:00:00Z',
          end: '2027-01-01T01:00:00Z',
          updates: ['kubernetes'],
          contingencyPlan: 'y',
        },
      ],
      [
        'entityRefs',
        {
          title: 'x',
          class: 'minor',
          entityRefs: ['component:default/nowhere'],
          environments: ['production'],
          start: '2027-01-01T00:00:00Z',
          end: '2027-01-01T01:00:00Z',
          updates: ['kubernetes'],
          contingencyPlan: 'y',
        },
      ],
    ] as const) {
      const response = await request(server)
        .post('/api/platform-ops/changes')
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(`${field}:`);
    }
    const listed = await request(server).get('/api/platform-ops/changes');
    expect(listed.body.changes).toEqual([]);
    const path = await request(server)
      .patch('/api/platform-ops/changes/x')
      .send({ status: 'done' });
    expect(path.status).toBe(400);
    const unknown = await request(server)
      .patch('/api/platform-ops/changes/change-unknown')
      .send({ status: 'done' });
    expect(unknown.status).toBe(404);
  });

  it('refuses to announce or update without the permission', async () => {
    const { server } = await start([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    expect(
      (await request(server).post('/api/platform-ops/changes').send({})).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .patch('/api/platform-ops/changes/change-ingress-112')
          .send({ status: 'done' })
      ).status,
    ).toBe(403);
  });

  it('serves an iCalendar feed to a session or to a revocable token, never to anyone else', async () => {
    const { server } = await start();
    const window = await nextProductionWindow(server);
    await request(server)
      .post('/api/platform-ops/changes')
      .send({
        id: 'change-calendar-1',
        title: 'Patch node images',
        class: 'security-patch',
        entityRefs: ['component:default/ingress-nginx'],
        environments: ['production'],
        window: 'prod-monthly',
        windowStart: window.start,
        updates: ['node-os-image'],
        contingencyPlan: 'Keep the old image in the pool',
      });
    const own = await request(server)
      .get('/api/platform-ops/calendar.ics')
      .query({ environment: 'production' });
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(own.text))
      .getAllSubcomponents('vevent')
      .map(event => new ICAL.Event(event));
    expect(events.map(event => event.uid)).toContain(
      'change-change-calendar-1@platform-ops',
    );
    const change = events.find(
      event => event.uid === 'change-change-calendar-1@platform-ops',
    )!;
    expect(change.startDate.toJSDate().toISOString()).toBe(window.start);
    expect(events.some(event => event.summary.includes('prod-monthly'))).toBe(
      true,
    );
    expect(
      events.some(event => event.summary.includes('staging-monthly')),
    ).toBe(false);

    // By owner: the changes of components that team owns, refs compared
    // without regard to case.
    const uidsOf = (text: string) =>
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map(event => new ICAL.Event(event).uid);
    const platform = await request(server)
      .get('/api/platform-ops/calendar.ics')
      .query({ owner: 'Group:default/Platform-Team' });
    expect(uidsOf(platform.text)).toContain(
      'change-change-calendar-1@platform-ops',
    );
    const checkout = await request(server)
      .get('/api/platform-ops/calendar.ics')
      .query({ owner: 'group:default/checkout-team' });
    expect(checkout.status).toBe(200);
    expect(uidsOf(checkout.text)).not.toContain(
      'change-change-calendar-1@platform-ops',
    );

    const anonymous = () =>
      request(server)
        .get('/api/platform-ops/calendar.ics')
        .set('Authorization', mockCredentials.none.header());
    expect((await anonymous()).status).toBe(401);
    const issued = await request(server).post(
      '/api/platform-ops/calendar-token',
    );
    expect(issued.status).toBe(201);
    const token = new URL(issued.body.url).searchParams.get('token')!;
    expect((await anonymous().query({ token })).status).toBe(200);
    expect(
      (await request(server).delete('/api/platform-ops/calendar-token')).status,
    ).toBe(204);
    expect((await anonymous().query({ token })).status).toBe(401);
    expect((await anonymous().query({ token: 'not a token' })).status).toBe(
      400,
    );
  });
});
