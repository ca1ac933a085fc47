import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { platformOpsPlugin } from './plugin';

// Bad input on every route of the API table in the README: each case gets
// a 4xx (400 unless the route's meaning says 404, 409, 401 or 403) whose
// message names the field, and leaves every table the writes use as it was.

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** Every table a write of the API stores into. */
const WRITTEN_TABLES = [
  'platform_ops_drills',
  'platform_ops_drill_entities',
  'platform_ops_backup_reports',
  'platform_ops_changes',
  'platform_ops_change_entities',
  'platform_ops_change_silences',
  'platform_ops_calendar_tokens',
];

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/platform-team',
      lifecycle: 'production',
    },
  };
}

const entities = [
  component('ingress-nginx', {
    'platform-ops/scope': 'platform',
    'platform-ops/alert-matchers': '{namespace="ingress-nginx"}',
    'platform-ops/backup-source': 'none',
  }),
  component('orders-db', {
    'platform-ops/scope': 'application',
    'platform-ops/environments': 'production',
    'platform-ops/backup-source': 'push',
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

const INGRESS = 'component:default/ingress-nginx';
const LONG = (length: number) => 'a'.repeat(length);
const TOKEN_SHAPED = 'A'.repeat(43);

const drill = {
  id: 'drill-bad-input-0001',
  entityRefs: [INGRESS],
  environment: 'production',
  date: '2026-11-20',
  scenario: 'Restore the ingress configuration',
  ledBy: 'user:default/jane',
  measuredRto: '3h',
  outcome: 'succeeded',
  actionItems: ['Script it'],
};

const report = {
  id: 'pg-dump-orders-2026-11-28',
  entityRef: 'component:default/orders-db',
  environment: 'production',
  status: 'completed',
  startedAt: '2026-11-28T01:00:00Z',
  completedAt: '2026-11-28T01:20:00Z',
  sizeBytes: 5368709120,
};

const change = {
  id: 'change-bad-input-0001',
  title: 'Ingress NGINX 1.12',
  class: 'minor',
  entityRefs: [INGRESS],
  environments: ['production'],
  start: '2030-01-15T01:00:00Z',
  end: '2030-01-15T02:00:00Z',
  updates: ['platform-services'],
  description: 'Patch release',
  link: 'https://github.com/kubernetes/ingress-nginx/releases',
  contingencyPlan: 'Roll the Helm release back',
};

/** The valid body with `changes` applied; `undefined` removes a field. */
function but<T extends object>(body: T, changes: Record<string, unknown>) {
  const result: Record<string, unknown> = { ...body, ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
  }
  return result;
}

type Case = {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Path and raw query string, under /api/platform-ops. */
  path: string;
  body?: unknown;
  /** Sent as it is, as application/json. */
  rawBody?: string;
  /** Who asks; a signed-in user by default. */
  as?: 'none' | 'service';
  status: number;
  /** What the message must name. */
  field: RegExp;
};

const PLANNED = 'change-planned-0001';
const DONE = 'change-done-00001';

const get = (path: string, field: RegExp, status = 400): Case => ({
  method: 'get',
  path,
  status,
  field,
});
const post = (path: string, body: unknown, field: RegExp, status = 400) =>
  ({ method: 'post', path, body, status, field } as Case);
const patch = (id: string, body: unknown, field: RegExp, status = 400) =>
  ({ method: 'patch', path: `/changes/${id}`, body, status, field } as Case);

const CASES: Array<[string, string, Case]> = [
  // GET /summary/:kind/:namespace/:name
  ...(
    [
      ['kind starting with a dash', '/summary/-component/default/x', /kind/],
      ['kind with markup', '/summary/%3Cscript%3E/default/x', /kind/],
      ['kind with bad percent-encoding', '/summary/%ZZ/default/x', /kind/],
      [
        'namespace with a space',
        '/summary/component/de%20fault/x',
        /namespace/,
      ],
      ['namespace of a lone %', '/summary/component/%/x', /namespace/],
      [
        'name with a space',
        '/summary/component/default/ingress%20nginx',
        /name/,
      ],
      [
        'name with truncated UTF-8',
        '/summary/component/default/%E0%A4%A',
        /name/,
      ],
      [
        'name with an encoded slash',
        '/summary/component/default/a%2Fb',
        /name/,
      ],
      [
        'name starting with a dot',
        '/summary/component/default/.hidden',
        /name/,
      ],
      [
        'name of 254 characters',
        `/summary/component/default/${LONG(254)}`,
        /name/,
      ],
    ] as const
  ).map(
    ([name, path, field]) =>
      ['GET /summary', name, get(path, field)] as [string, string, Case],
  ),
  [
    'GET /summary',
    'an entity the catalog does not have',
    get('/summary/component/default/no-such-thing', /no-such-thing/, 404),
  ],

  // GET /overview
  ...(
    [
      ['limit of 0', 'limit=0', /limit/],
      ['limit over 200', 'limit=201', /limit/],
      ['limit not a number', 'limit=abc', /limit/],
      ['limit negative', 'limit=-1', /limit/],
      ['limit with a fraction', 'limit=1.5', /limit/],
      ['limit in exponent form', 'limit=1e2', /limit/],
      ['limit empty', 'limit=', /limit/],
      ['limit repeated', 'limit=1&limit=2', /limit/],
      ['limit as an array', 'limit[]=5', /limit/],
      ['offset negative', 'offset=-1', /offset/],
      ['offset not a number', 'offset=x', /offset/],
      ['offset too large', 'offset=1000001', /offset/],
      ['offset repeated', 'offset=0&offset=50', /offset/],
      ['status unknown', 'status=bogus', /status/],
      ['status with one unknown flag', 'status=has-p1,bogus', /status/],
      ['status repeated', 'status=has-p1&status=eol-past', /status/],
      ['environment unknown', 'environment=qa', /environment/],
      ['environment empty', 'environment=', /environment/],
      [
        'environment repeated',
        'environment=staging&environment=production',
        /environment/,
      ],
      ['party repeated', 'party=platform&party=application', /party/],
      ['owner repeated', 'owner=a&owner=b', /owner/],
      ['q over 200 characters', `q=${LONG(201)}`, /\bq\b/],
      ['q repeated', 'q=a&q=b', /\bq\b/],
      ['an unknown key', 'colour=red', /colour/],
    ] as const
  ).map(
    ([name, query, field]) =>
      ['GET /overview', name, get(`/overview?${query}`, field)] as [
        string,
        string,
        Case,
      ],
  ),

  // GET /lookup
  ...(
    [
      ['q missing', '', /\bq\b/],
      ['q empty', 'q=', /\bq\b/],
      ['q only blanks', 'q=%20%20%20', /\bq\b/],
      ['q over 200 characters', `q=${LONG(201)}`, /\bq\b/],
      ['q repeated', 'q=ingress&q=orders', /\bq\b/],
      ['q as an object', 'q[a]=b', /\bq\b/],
    ] as const
  ).map(
    ([name, query, field]) =>
      ['GET /lookup', name, get(`/lookup?${query}`, field)] as [
        string,
        string,
        Case,
      ],
  ),

  // GET /alerts/history/:kind/:namespace/:name
  ...(
    [
      ['days of 0', 'days=0', /days/],
      ['days over 90', 'days=91', /days/],
      ['days not a number', 'days=abc', /days/],
      ['days in hex', 'days=0x10', /days/],
      ['days in exponent form', 'days=1e1', /days/],
      ['days with a sign', 'days=%2B5', /days/],
      ['days negative', 'days=-1', /days/],
      ['days with a fraction', 'days=1.5', /days/],
      ['days as an array', 'days[]=5', /days/],
      ['days repeated', 'days=5&days=6', /days/],
      ['days empty', 'days=', /days/],
    ] as const
  ).map(
    ([name, query, field]) =>
      [
        'GET /alerts/history',
        name,
        get(`/alerts/history/component/default/ingress-nginx?${query}`, field),
      ] as [string, string, Case],
  ),
  [
    'GET /alerts/history',
    'name with truncated UTF-8',
    get('/alerts/history/component/default/%E0%A4%A', /name/),
  ],
  [
    'GET /alerts/history',
    'kind starting with a dash',
    get('/alerts/history/-component/default/x', /kind/),
  ],
  [
    'GET /alerts/history',
    'an entity the catalog does not have',
    get(
      '/alerts/history/component/default/no-such-thing',
      /no-such-thing/,
      404,
    ),
  ],

  // GET /alerts/noise
  ...(
    [
      ['days other than 30 or 90', 'days=60', /days/],
      ['days of 0', 'days=0', /days/],
      ['days with a leading zero', 'days=030', /days/],
      ['days empty', 'days=', /days/],
      ['days repeated', 'days=30&days=90', /days/],
      ['days as an array', 'days[]=30', /days/],
      ['environment not configured', 'environment=qa', /environment/],
      ['environment empty', 'environment=', /environment/],
      [
        'environment repeated',
        'environment=staging&environment=production',
        /environment/,
      ],
      ['an unknown parameter', 'env=production', /env/],
    ] as const
  ).map(
    ([name, query, field]) =>
      ['GET /alerts/noise', name, get(`/alerts/noise?${query}`, field)] as [
        string,
        string,
        Case,
      ],
  ),

  // GET /drills
  ...(
    [
      ['entity not a ref', 'entity=nonsense', /entity/],
      ['entity of a user', 'entity=user:default/jane', /entity/],
      ['entity repeated', `entity=${INGRESS}&entity=${INGRESS}`, /entity/],
      ['an unknown key', 'colour=red', /colour/],
    ] as const
  ).map(
    ([name, query, field]) =>
      ['GET /drills', name, get(`/drills?${query}`, field)] as [
        string,
        string,
        Case,
      ],
  ),
  [
    'GET /drills',
    'entity the catalog does not have',
    get('/drills?entity=component:default/no-such-thing', /no-such-thing/, 404),
  ],

  // POST /drills
  [
    'POST /drills',
    'body that is not JSON',
    {
      method: 'post',
      path: '/drills',
      rawBody: '{"id":',
      status: 400,
      field: /body/,
    },
  ],
  ['POST /drills', 'body an array', post('/drills', [drill], /body/)],
  [
    'POST /drills',
    'body a string',
    post('/drills', 'drill', /entityRefs: Required/),
  ],
  ...(
    [
      ['entityRefs missing', { entityRefs: undefined }, /entityRefs/],
      ['entityRefs empty', { entityRefs: [] }, /entityRefs/],
      ['entityRefs not a list', { entityRefs: INGRESS }, /entityRefs/],
      ['entityRefs with a non-ref', { entityRefs: ['nonsense'] }, /entityRefs/],
      [
        'entityRefs naming no entity',
        { entityRefs: ['component:default/no-such-thing'] },
        /entityRefs/,
      ],
      ['environment missing', { environment: undefined }, /environment/],
      ['environment unknown', { environment: 'qa' }, /environment/],
      ['environment a number', { environment: 5 }, /environment/],
      ['date impossible', { date: '2026-02-30' }, /date/],
      ['date in words', { date: 'yesterday' }, /date/],
      ['date missing', { date: undefined }, /date/],
      ['scenario empty', { scenario: '' }, /scenario/],
      ['scenario over 500 characters', { scenario: LONG(501) }, /scenario/],
      ['scenario missing', { scenario: undefined }, /scenario/],
      ['ledBy missing', { ledBy: undefined }, /ledBy/],
      ['outcome unknown', { outcome: 'great' }, /outcome/],
      ['outcome missing', { outcome: undefined }, /outcome/],
      ['measuredRto not a duration', { measuredRto: 'soon' }, /measuredRto/],
      ['id too short', { id: 'short' }, /\bid\b/],
      ['id with spaces', { id: 'drill with spaces' }, /\bid\b/],
      ['actionItems not a list', { actionItems: 'Script it' }, /actionItems/],
      ['actionItems with an empty item', { actionItems: [''] }, /actionItems/],
      ['an unknown field', { colour: 'red' }, /colour/],
    ] as const
  ).map(
    ([name, changes, field]) =>
      ['POST /drills', name, post('/drills', but(drill, changes), field)] as [
        string,
        string,
        Case,
      ],
  ),

  // POST /backup-reports
  ...(
    [
      ['id missing', { id: undefined }, /\bid\b/],
      ['id with spaces', { id: 'pg dump' }, /\bid\b/],
      ['entityRef missing', { entityRef: undefined }, /entityRef/],
      ['entityRef not a ref', { entityRef: 'nonsense' }, /entityRef/],
      [
        'entityRef of an entity not backed up by push',
        { entityRef: INGRESS },
        /entityRef/,
      ],
      [
        'entityRef naming no entity',
        { entityRef: 'component:default/no-such-thing' },
        /entityRef/,
      ],
      ['environment unknown', { environment: 'qa' }, /environment/],
      ['status unknown', { status: 'done' }, /status/],
      ['startedAt in words', { startedAt: 'last night' }, /startedAt/],
      [
        'startedAt without a zone',
        { startedAt: '2026-11-28T01:00:00' },
        /startedAt/,
      ],
      [
        'completedAt missing when completed',
        { completedAt: undefined },
        /completedAt/,
      ],
      [
        'completedAt before startedAt',
        { completedAt: '2026-11-28T00:59:00Z' },
        /completedAt/,
      ],
      ['sizeBytes negative', { sizeBytes: -1 }, /sizeBytes/],
      ['sizeBytes with a fraction', { sizeBytes: 1.5 }, /sizeBytes/],
      ['sizeBytes as text', { sizeBytes: '5' }, /sizeBytes/],
      ['an unknown field', { colour: 'red' }, /colour/],
    ] as const
  ).map(
    ([name, changes, field]) =>
      [
        'POST /backup-reports',
        name,
        post('/backup-reports', but(report, changes), field),
      ] as [string, string, Case],
  ),
  [
    'POST /backup-reports',
    'body an array',
    post('/backup-reports', [report], /body/),
  ],

  // GET /changes
  ...(
    [
      ['from in words', 'from=yesterday', /from/],
      ['from without a time', 'from=2026-11-01', /from/],
      ['to in words', 'to=soon', /\bto\b/],
      [
        'from repeated',
        'from=2026-11-01T00:00:00Z&from=2026-12-01T00:00:00Z',
        /from/,
      ],
      ['environment not a name', 'environment=Not%20A%20Name', /environment/],
      ['environment unknown', 'environment=qa', /environment/],
      [
        'to before from',
        'from=2027-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
        /\bto\b/,
      ],
      [
        'to equal to from',
        'from=2027-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
        /\bto\b/,
      ],
      ['entity not a ref', 'entity=nonsense', /entity/],
      ['entity of a group', 'entity=group:default/platform-team', /entity/],
      ['an unknown key', 'colour=red', /colour/],
    ] as const
  ).map(
    ([name, query, field]) =>
      ['GET /changes', name, get(`/changes?${query}`, field)] as [
        string,
        string,
        Case,
      ],
  ),

  // POST /changes
  ['POST /changes', 'body an array', post('/changes', [change], /body/)],
  ...(
    [
      ['title missing', { title: undefined }, /title/],
      ['class missing', { class: undefined }, /class/],
      ['entityRefs missing', { entityRefs: undefined }, /entityRefs/],
      ['environments missing', { environments: undefined }, /environments/],
      ['updates missing', { updates: undefined }, /updates/],
      [
        'contingencyPlan missing',
        { contingencyPlan: undefined },
        /contingencyPlan/,
      ],
      ['title a number', { title: 5 }, /title/],
      ['title empty', { title: '' }, /title/],
      ['title over 200 characters', { title: LONG(201) }, /title/],
      ['class unknown', { class: 'huge' }, /class/],
      ['entityRefs not a list', { entityRefs: INGRESS }, /entityRefs/],
      ['entityRefs with a non-ref', { entityRefs: ['nonsense'] }, /entityRefs/],
      [
        'entityRefs naming no entity',
        { entityRefs: ['component:default/no-such-thing'] },
        /entityRefs/,
      ],
      [
        'environments not a list',
        { environments: 'production' },
        /environments/,
      ],
      ['environments empty', { environments: [] }, /environments/],
      [
        'environments with an unknown one',
        { environments: ['qa'] },
        /environments/,
      ],
      ['updates unknown', { updates: ['everything'] }, /updates/],
      ['updates empty', { updates: [] }, /updates/],
      ['silenceAlerts as text', { silenceAlerts: 'yes' }, /silenceAlerts/],
      ['description a number', { description: 5 }, /description/],
      ['contingencyPlan a list', { contingencyPlan: [] }, /contingencyPlan/],
      ['start in words', { start: 'tomorrow' }, /start/],
      ['end without a time', { end: '2030-01-15' }, /\bend\b/],
      ['start without a zone', { start: '2030-01-15T01:00:00' }, /start/],
      ['end before start', { end: '2030-01-15T00:30:00Z' }, /\bend\b/],
      ['end equal to start', { end: '2030-01-15T01:00:00Z' }, /\bend\b/],
      ['start without end', { end: undefined }, /\bend\b/],
      [
        'neither window nor start',
        { start: undefined, end: undefined },
        /window/,
      ],
      [
        'a window and an explicit start',
        { window: 'prod-monthly', windowStart: '2030-01-08T01:00:00Z' },
        /start/,
      ],
      [
        'a window not in config',
        {
          start: undefined,
          end: undefined,
          window: 'nightly',
          windowStart: '2030-01-08T01:00:00Z',
        },
        /window/,
      ],
      [
        'a window without windowStart',
        { start: undefined, end: undefined, window: 'prod-monthly' },
        /windowStart/,
      ],
      [
        'a windowStart that is no occurrence',
        {
          start: undefined,
          end: undefined,
          window: 'prod-monthly',
          windowStart: '2030-01-09T01:00:00Z',
        },
        /windowStart/,
      ],
      ['link to ftp', { link: 'ftp://example.com/notes' }, /link/],
      // eslint-disable-next-line no-script-url -- rejected input under test
      ['link to javascript:', { link: 'javascript:alert(1)' }, /link/],
      ['link not a URL', { link: 'see the wiki' }, /link/],
      ['id too short', { id: 'short' }, /\bid\b/],
      ['a status of its own', { status: 'done' }, /status/],
      ['an unknown field', { colour: 'red' }, /colour/],
    ] as const
  ).map(
    ([name, changes, field]) =>
      [
        'POST /changes',
        name,
        post('/changes', but(change, changes), field),
      ] as [string, string, Case],
  ),

  // PATCH /changes/:id
  [
    'PATCH /changes/:id',
    'status unknown',
    patch(PLANNED, { status: 'finished' }, /status/),
  ],
  ['PATCH /changes/:id', 'status missing', patch(PLANNED, {}, /status/)],
  [
    'PATCH /changes/:id',
    'body an array',
    patch(PLANNED, [{ status: 'done' }], /body/),
  ],
  [
    'PATCH /changes/:id',
    'start without end',
    patch(
      PLANNED,
      { status: 'postponed', start: '2030-02-01T01:00:00Z' },
      /\bend\b/,
    ),
  ],
  [
    'PATCH /changes/:id',
    'a move that ends before it starts',
    patch(
      PLANNED,
      {
        status: 'postponed',
        start: '2030-02-01T01:00:00Z',
        end: '2030-02-01T00:00:00Z',
      },
      /\bend\b/,
    ),
  ],
  [
    'PATCH /changes/:id',
    'a move with a start in words',
    patch(
      PLANNED,
      { status: 'postponed', start: 'later', end: '2030-02-01T00:00:00Z' },
      /start/,
    ),
  ],
  [
    'PATCH /changes/:id',
    'a move of a change under way',
    patch(
      PLANNED,
      {
        status: 'in-progress',
        start: '2030-02-01T01:00:00Z',
        end: '2030-02-01T02:00:00Z',
      },
      /status/,
    ),
  ],
  [
    'PATCH /changes/:id',
    'a retrospective on a change not done',
    patch(
      PLANNED,
      { status: 'in-progress', retrospective: { wentWell: 'All' } },
      /retrospective/,
    ),
  ],
  [
    'PATCH /changes/:id',
    'a retrospective with an unknown field',
    patch(DONE, { status: 'done', retrospective: { colour: 'red' } }, /colour/),
  ],
  [
    'PATCH /changes/:id',
    'an unknown field',
    patch(PLANNED, { status: 'planned', colour: 'red' }, /colour/),
  ],
  [
    'PATCH /changes/:id',
    'an id that is no change id',
    patch('x', { status: 'done' }, /\bid\b/),
  ],
  [
    'PATCH /changes/:id',
    'an unknown id',
    patch('change-no-such-one', { status: 'done' }, /change-no-such-one/, 404),
  ],
  [
    'PATCH /changes/:id',
    'a done change reopened',
    patch(DONE, { status: 'planned' }, /status/, 409),
  ],
  [
    'PATCH /changes/:id',
    'a done change cancelled',
    patch(DONE, { status: 'cancelled' }, /status/, 409),
  ],

  // GET /windows
  ...(
    [
      ['from missing', 'to=2027-01-01T00:00:00Z', /from/],
      ['to missing', 'from=2026-11-01T00:00:00Z', /\bto\b/],
      ['from in words', 'from=today&to=2027-01-01T00:00:00Z', /from/],
      [
        'to without a time',
        'from=2026-11-01T00:00:00Z&to=2027-01-01',
        /\bto\b/,
      ],
      [
        'to before from',
        'from=2027-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
        /\bto\b/,
      ],
      [
        'to equal to from',
        'from=2027-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
        /\bto\b/,
      ],
      [
        'a range over 800 days',
        'from=2026-01-01T00:00:00Z&to=2028-03-12T00:00:00Z',
        /\bto\b/,
      ],
      [
        'from repeated',
        'from=2026-11-01T00:00:00Z&from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z',
        /from/,
      ],
      [
        'environment unknown',
        'from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z&environment=qa',
        /environment/,
      ],
      [
        'environment not a name',
        'from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z&environment=Not%20A%20Name',
        /environment/,
      ],
      [
        'an unknown key',
        'from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z&colour=red',
        /colour/,
      ],
    ] as const
  ).map(
    ([name, query, field]) =>
      ['GET /windows', name, get(`/windows?${query}`, field)] as [
        string,
        string,
        Case,
      ],
  ),

  // GET /calendar.ics
  ...(
    [
      ['environment unknown', 'environment=qa', /environment/],
      ['environment not a name', 'environment=Not%20A%20Name', /environment/],
      ['environment unknown', 'environment=qa', /environment/],
      [
        'to before from',
        'from=2027-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
        /\bto\b/,
      ],
      [
        'to equal to from',
        'from=2027-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
        /\bto\b/,
      ],
      ['entity not a ref', 'entity=nonsense', /entity/],
      ['owner without a kind', 'owner=platform-team', /owner/],
      ['owner a component', `owner=${INGRESS}`, /owner/],
      [
        'owner repeated',
        'owner=group:default/a&owner=group:default/b',
        /owner/,
      ],
      ['token too short', 'token=short', /token/],
      [
        'token repeated',
        `token=${TOKEN_SHAPED}&token=${TOKEN_SHAPED}`,
        /token/,
      ],
      ['an unknown key', 'colour=red', /colour/],
    ] as const
  ).map(
    ([name, query, field]) =>
      ['GET /calendar.ics', name, get(`/calendar.ics?${query}`, field)] as [
        string,
        string,
        Case,
      ],
  ),
  [
    'GET /calendar.ics',
    'a token never issued, without a session',
    { ...get(`/calendar.ics?token=${TOKEN_SHAPED}`, /token/, 401), as: 'none' },
  ],

  // POST and DELETE /calendar-token: no input but the caller, a user.
  [
    'POST /calendar-token',
    'no credentials',
    {
      method: 'post',
      path: '/calendar-token',
      as: 'none',
      status: 401,
      field: /credentials|token/i,
    },
  ],
  [
    'POST /calendar-token',
    'a service, which has no user to stand for',
    {
      method: 'post',
      path: '/calendar-token',
      as: 'service',
      status: 403,
      field: /service|user/i,
    },
  ],
  [
    'DELETE /calendar-token',
    'no credentials',
    {
      method: 'delete',
      path: '/calendar-token',
      as: 'none',
      status: 401,
      field: /credentials|token/i,
    },
  ],
  [
    'DELETE /calendar-token',
    'a service, which has no user to stand for',
    {
      method: 'delete',
      path: '/calendar-token',
      as: 'service',
      status: 403,
      field: /service|user/i,
    },
  ],
];

describe('bad input on every route', () => {
  let server: Parameters<typeof request>[0];
  let knex: Knex;
  let stopBackend: () => Promise<void>;

  /** Every row of every table a write uses, in a stable order. */
  async function stored(): Promise<string> {
    const tables: Record<string, unknown[]> = {};
    for (const table of WRITTEN_TABLES) {
      tables[table] = (await knex(table).select()).map(row =>
        JSON.stringify(row),
      );
      (tables[table] as string[]).sort();
    }
    return JSON.stringify(tables);
  }

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        platformOpsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: config }),
        mockServices.database.factory({ knex }),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
    // Something to refuse writes over: a planned change, a done one, a
    // drill, a report and a calendar token.
    const seed = async (
      method: 'post' | 'patch',
      path: string,
      status: number,
      body?: object,
    ) => {
      const response = await request(server)
        [method](`/api/platform-ops${path}`)
        .send(body);
      if (response.status !== status) {
        throw new Error(
          `${method} ${path}: ${response.status} ${JSON.stringify(
            response.body,
          )}`,
        );
      }
    };
    await seed('post', '/changes', 201, { ...change, id: PLANNED });
    await seed('post', '/changes', 201, { ...change, id: DONE });
    await seed('patch', `/changes/${DONE}`, 200, { status: 'done' });
    await seed('post', '/drills', 201, drill);
    await seed('post', '/backup-reports', 200, report);
    await seed('post', '/calendar-token', 201);
  });

  afterAll(async () => {
    await stopBackend?.();
  });

  it('covers every route of the API table', () => {
    const routes = new Set(CASES.map(([route]) => route));
    expect([...routes].sort()).toEqual(
      [
        'GET /summary',
        'GET /overview',
        'GET /lookup',
        'GET /alerts/history',
        'GET /alerts/noise',
        'GET /drills',
        'POST /drills',
        'POST /backup-reports',
        'GET /changes',
        'POST /changes',
        'PATCH /changes/:id',
        'GET /windows',
        'GET /calendar.ics',
        'POST /calendar-token',
        'DELETE /calendar-token',
      ].sort(),
    );
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(CASES)('%s: %s', async (_route, _name, input) => {
    const before = await stored();
    let pending = request(server)[input.method](
      `/api/platform-ops${input.path}`,
    );
    if (input.as === 'none') {
      pending = pending.set('Authorization', mockCredentials.none.header());
    } else if (input.as === 'service') {
      pending = pending.set('Authorization', mockCredentials.service.header());
    }
    if (input.rawBody !== undefined) {
      pending = pending
        .set('Content-Type', 'application/json')
        .send(input.rawBody);
    } else if (input.body !== undefined) {
      pending = pending.send(input.body as object);
    }
    const response = await pending;
    expect({
      status: response.status,
      message: response.body?.error?.message,
    }).toEqual({
      status: input.status,
      message: expect.stringMatching(input.field),
    });
    expect(await stored()).toBe(before);
  });
});
