#!/usr/bin/env node
/*
 * A loopback stand-in for the Kubernetes API, so that the real
 * @kubernetes/client-node can read Velero objects and the workloads, budgets,
 * nodes and pods of drain readiness where no API server can be installed
 * (demo, e2e run and backend tests):
 *
 *   production  http://127.0.0.1:16443  objects from demo/kubernetes/production.yaml
 *   staging     http://127.0.0.1:16444  objects from demo/kubernetes/staging.yaml
 *
 * It answers what the client's list and get calls ask for, for any resource
 * its objects have plus the kinds in KNOWN_RESOURCES:
 *   GET /apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}]
 *   GET /api/v1[/namespaces/{ns}]/{plural}[/{name}]
 * with labelSelector (a=b, a==b, a!=b, a in (x,y), a notin (x), key, !key),
 * fieldSelector (dotted paths, = and !=), limit and continue. Anything else
 * is a Kubernetes Status: 404 NotFound, 400 BadRequest, 405 MethodNotAllowed,
 * 401 Unauthorized without the bearer token it was started with.
 *
 * Times in the demo files are written relative to when they are loaded:
 * `now-5h` (a whole string value) becomes an RFC 3339 time, `{now-5h}`
 * inside a string becomes Velero's name stamp (20261122013000). An object
 * with `x-demo-repeat: { count: 14, every: 24h }` stands for 14 copies, each
 * one `every` older, as a schedule makes them. The demo reloads the files
 * every hour, so it keeps showing the same states.
 *
 * Used by scripts/start-demo.js (npm start), scripts/run-e2e.js and the
 * backend's tests; runnable alone: `node scripts/demo-kubernetes.js`.
 * Plain CommonJS; the YAML files are read with the `yaml` package that the
 * Backstage toolchain installs.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const DEMO_DIR = path.resolve(__dirname, '..', 'demo', 'kubernetes');
/** The demo ports, as in app-config.yaml; clear of 3000, 7007, 9093 and 9094. */
const DEMO_PORTS = { production: 16443, staging: 16444 };
/** The bearer tokens app-config.yaml sends; demo values, not secrets. */
const DEMO_TOKENS = {
  production: 'platform-ops-demo-production',
  staging: 'platform-ops-demo-staging',
};
const RELOAD_INTERVAL_MS = 60 * 60 * 1000;
const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];

/**
 * Resources that exist even when no object of theirs is served, so that an
 * empty list is an empty list and not a 404. A later source adds its kinds
 * here and its objects to the demo files.
 */
const KNOWN_RESOURCES = [
  { apiVersion: 'velero.io/v1', kind: 'Backup', namespaced: true },
  { apiVersion: 'velero.io/v1', kind: 'Schedule', namespaced: true },
  {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    namespaced: true,
  },
  { apiVersion: 'velero.io/v1', kind: 'Restore', namespaced: true },
  { apiVersion: 'apps/v1', kind: 'Deployment', namespaced: true },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', namespaced: true },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', namespaced: true },
  { apiVersion: 'v1', kind: 'Pod', namespaced: true },
  { apiVersion: 'v1', kind: 'Node', namespaced: false },
  { apiVersion: 'v1', kind: 'Namespace', namespaced: false },
];

/** The REST name of a kind: Backup → backups, NetworkPolicy → networkpolicies. */
function pluralOf(kind) {
  const lower = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(lower)) return lower + 'es';
  if (/[^aeiou]y$/.test(lower)) return lower.slice(0, -1) + 'ies';
  return lower + 's';
}

function status(code, reason, message) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
}

// ---------------------------------------------------------------- selectors

const KEY = '[A-Za-z0-9][-A-Za-z0-9_./]*';
const VALUE = '[-A-Za-z0-9_.]*';
const SET_RULE = new RegExp('^(' + KEY + ')\\s+(in|notin)\\s+\\(([^()]*)\\)$');
const EQUALITY_RULE = new RegExp('^(' + KEY + ')\\s*(==|=|!=)\\s*(' + VALUE + ')$');
const EXISTS_RULE = new RegExp('^(!?)\\s*(' + KEY + ')$');

/** Splits on commas outside parentheses: `a in (x,y),b` → two requirements. */
function splitRequirements(text) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(part => part.trim());
}

/**
 * A label selector as a predicate over a labels object, with Kubernetes'
 * meaning: `a!=b` and `a notin (...)` also match objects without label a.
 * Throws on a selector the API server would refuse.
 */
function parseLabelSelector(text) {
  if (!text || !text.trim()) return () => true;
  const tests = splitRequirements(text).map(requirement => {
    let match = SET_RULE.exec(requirement);
    if (match) {
      const [, key, operator, list] = match;
      const values = list.split(',').map(value => value.trim());
      if (values.some(value => !new RegExp('^' + VALUE + '$').test(value))) {
        throw new Error('invalid value in ' + JSON.stringify(requirement));
      }
      return labels =>
        operator === 'in'
          ? key in labels && values.includes(labels[key])
          : !(key in labels) || !values.includes(labels[key]);
    }
    match = EQUALITY_RULE.exec(requirement);
    if (match) {
      const [, key, operator, value] = match;
      return labels => (operator === '!=' ? labels[key] !== value : labels[key] === value);
    }
    match = EXISTS_RULE.exec(requirement);
    if (match) {
      const [, not, key] = match;
      return labels => key in labels !== Boolean(not);
    }
    throw new Error('unable to parse requirement ' + JSON.stringify(requirement));
  });
  return labels => tests.every(test => test(labels || {}));
}

/** A field selector over dotted paths (metadata.name=x, spec.nodeName!=y). */
function parseFieldSelector(text) {
  if (!text || !text.trim()) return () => true;
  const tests = splitRequirements(text).map(requirement => {
    const match = /^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/.exec(requirement);
    if (!match) throw new Error('invalid field selector ' + JSON.stringify(requirement));
    const [, field, operator, value] = match;
    const read = object =>
      field.split('.').reduce((node, key) => (node == null ? undefined : node[key]), object);
    return object => {
      const actual = read(object) === undefined ? '' : String(read(object));
      return operator === '!=' ? actual !== value : actual === value;
    };
  });
  return object => tests.every(test => test(object));
}

// ------------------------------------------------------------------- server

/** Copies the objects and gives each the uid and resourceVersion a server adds. */
function prepare(objects, firstVersion) {
  return objects.map((object, index) => {
    const copy = JSON.parse(JSON.stringify(object));
    copy.metadata = copy.metadata || {};
    const key = [copy.apiVersion, copy.kind, copy.metadata.namespace, copy.metadata.name].join('/');
    const hash = crypto.createHash('sha256').update(key).digest('hex');
    copy.metadata.uid =
      copy.metadata.uid ||
      [
        hash.slice(0, 8),
        hash.slice(8, 12),
        hash.slice(12, 16),
        hash.slice(16, 20),
        hash.slice(20, 32),
      ].join('-');
    copy.metadata.resourceVersion = String(firstVersion + index);
    return copy;
  });
}

/** Which resource a path names: `{ apiVersion, plural, namespace?, name? }`, or undefined. */
function parsePath(pathname) {
  const match =
    /^\/api\/(v1)\/(.+)$/.exec(pathname) || /^\/apis\/([^/]+\/[^/]+)\/(.+)$/.exec(pathname);
  if (!match) return undefined;
  let segments;
  try {
    segments = match[2].split('/').filter(Boolean).map(decodeURIComponent);
  } catch (error) {
    return undefined; // malformed percent-encoding names nothing
  }
  if (segments[0] === 'namespaces' && segments.length >= 3 && segments.length <= 4) {
    return {
      apiVersion: match[1],
      namespace: segments[1],
      plural: segments[2],
      name: segments[3],
    };
  }
  if (segments.length <= 2) return { apiVersion: match[1], plural: segments[0], name: segments[1] };
  return undefined;
}

function encodeContinue(resourceVersion, offset) {
  return Buffer.from(JSON.stringify({ rv: resourceVersion, offset })).toString('base64url');
}

function decodeContinue(token) {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return Number.isInteger(value.offset) && value.offset >= 0 ? value : undefined;
  } catch (error) {
    return undefined;
  }
}

/**
 * Starts the stand-in on loopback. `objects` are Kubernetes objects
 * (apiVersion, kind, metadata.name and, when namespaced, metadata.namespace).
 * With `token`, every API request needs `Authorization: Bearer <token>`.
 *
 * @returns {Promise<{ url: string, port: number, requests: object[],
 *   set(objects: object[]): void, stop(): Promise<void> }>}
 */
async function startKubernetesStandIn(options) {
  const opts = options || {};
  const host = opts.host || '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host)) {
    throw new Error('The Kubernetes stand-in listens on loopback only, not on ' + host);
  }
  const expected = opts.token ? Buffer.from('Bearer ' + opts.token) : undefined;
  let version = 1;
  let objects = [];
  const requests = [];

  const set = next => {
    objects = prepare(next || [], version + 1);
    version += objects.length + 1;
  };
  set(opts.objects);

  const resources = () => {
    const known = new Map(
      KNOWN_RESOURCES.map(item => [item.apiVersion + ' ' + pluralOf(item.kind), item]),
    );
    for (const object of objects) {
      const key = object.apiVersion + ' ' + pluralOf(object.kind);
      if (!known.has(key)) {
        known.set(key, {
          apiVersion: object.apiVersion,
          kind: object.kind,
          namespaced: Boolean(object.metadata.namespace),
        });
      }
    }
    return known;
  };

  const answer = (response, code, body) => {
    const text = JSON.stringify(body);
    response.writeHead(code, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  };

  const handle = (request, response) => {
    const url = new URL(request.url, 'http://stand-in');
    requests.push({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    });
    if (requests.length > 1000) requests.shift();
    if (['/readyz', '/livez', '/healthz'].includes(url.pathname)) {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
      return;
    }
    const given = Buffer.from(request.headers.authorization || '');
    if (
      expected &&
      !(given.length === expected.length && crypto.timingSafeEqual(given, expected))
    ) {
      answer(response, 401, status(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    if (request.method !== 'GET') {
      answer(
        response,
        405,
        status(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        ),
      );
      return;
    }
    const target = parsePath(url.pathname);
    const resource = target && resources().get(target.apiVersion + ' ' + target.plural);
    if (!target || !resource || (target.namespace !== undefined && !resource.namespaced)) {
      answer(
        response,
        404,
        status(404, 'NotFound', 'the server could not find the requested resource'),
      );
      return;
    }
    const group = target.apiVersion.includes('/') ? target.apiVersion.split('/')[0] : '';
    const qualified = target.plural + (group ? '.' + group : '');
    const matching = objects.filter(
      object =>
        object.apiVersion === target.apiVersion &&
        pluralOf(object.kind) === target.plural &&
        (target.namespace === undefined || object.metadata.namespace === target.namespace),
    );
    if (target.name !== undefined) {
      const found = matching.find(object => object.metadata.name === target.name);
      if (found) answer(response, 200, found);
      else
        answer(
          response,
          404,
          status(404, 'NotFound', qualified + ' "' + target.name + '" not found'),
        );
      return;
    }
    if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
      answer(response, 400, status(400, 'BadRequest', 'watch is not supported by this stand-in'));
      return;
    }
    let labels;
    let fields;
    try {
      labels = parseLabelSelector(url.searchParams.get('labelSelector'));
      fields = parseFieldSelector(url.searchParams.get('fieldSelector'));
    } catch (error) {
      answer(response, 400, status(400, 'BadRequest', error.message));
      return;
    }
    const items = matching
      .filter(object => labels(object.metadata.labels) && fields(object))
      .sort(
        (a, b) =>
          (a.metadata.namespace || '').localeCompare(b.metadata.namespace || '') ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
    const resourceVersion = String(version);
    let offset = 0;
    const token = url.searchParams.get('continue');
    if (token) {
      const position = decodeContinue(token);
      if (!position) {
        answer(response, 400, status(400, 'BadRequest', 'continue key is not valid'));
        return;
      }
      if (position.rv !== resourceVersion) {
        answer(
          response,
          410,
          status(
            410,
            'Expired',
            'The provided continue parameter is too old to display a consistent list result.',
          ),
        );
        return;
      }
      offset = position.offset;
    }
    const limit = Number(url.searchParams.get('limit')) || 0;
    const page = limit > 0 ? items.slice(offset, offset + limit) : items.slice(offset);
    const next = offset + page.length;
    const metadata = { resourceVersion };
    if (next < items.length) {
      metadata.continue = encodeContinue(resourceVersion, next);
      metadata.remainingItemCount = items.length - next;
    }
    answer(response, 200, {
      apiVersion: target.apiVersion,
      kind: resource.kind + 'List',
      metadata,
      items: page,
    });
  };

  const server = http.createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      answer(response, 500, status(500, 'InternalError', String(error && error.message)));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: opts.port || 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = server.address().port;
  let stopped;
  return {
    url: 'http://' + (host.includes(':') ? '[' + host + ']' : host) + ':' + port,
    port,
    requests,
    set,
    stop() {
      if (!stopped) {
        stopped = new Promise(resolve => server.close(() => resolve()));
        // Keep-alive connections would hold close() open.
        server.closeAllConnections();
      }
      return stopped;
    },
  };
}

// -------------------------------------------------------------- demo files

const UNITS_MS = { s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000 };
const OFFSET = '([+-])((?:\\d+[smhdw])+)';
const WHOLE_TIME = new RegExp('^now(?:' + OFFSET + ')?$');
const STAMP = new RegExp('\\{now(?:' + OFFSET + ')?\\}', 'g');

/** Milliseconds of `5h`, `1d2h30m`, ... */
function durationMs(text) {
  let total = 0;
  const parts = String(text).match(/\d+[smhdw]/g);
  if (!parts || parts.join('') !== String(text)) throw new Error('not a duration: ' + text);
  for (const part of parts) total += Number(part.slice(0, -1)) * UNITS_MS[part.slice(-1)];
  return total;
}

function offsetTime(now, sign, amount) {
  return now + (sign === '-' ? -1 : 1) * (amount ? durationMs(amount) : 0);
}

/** RFC 3339 to the second, as Kubernetes writes times. */
function rfc3339(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Velero's name stamp of a time: 20261122013000. */
function stamp(ms) {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Turns `now-5h` values and `{now-5h}` stamps into times relative to `now` (ms). */
function resolveRelativeTimes(value, now) {
  if (Array.isArray(value)) return value.map(item => resolveRelativeTimes(item, now));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveRelativeTimes(item, now)]),
    );
  }
  if (typeof value !== 'string') return value;
  const whole = WHOLE_TIME.exec(value);
  if (whole) return rfc3339(offsetTime(now, whole[1], whole[2]));
  return value.replace(STAMP, (_, sign, amount) => stamp(offsetTime(now, sign, amount)));
}

/** Expands `x-demo-repeat` objects into their copies, each `every` older. */
function expandRepeats(objects, now) {
  return objects.flatMap(object => {
    const repeat = object['x-demo-repeat'];
    const { ['x-demo-repeat']: _, ...plain } = object;
    if (!repeat) return [resolveRelativeTimes(plain, now)];
    const every = durationMs(repeat.every);
    return Array.from({ length: repeat.count }, (__, index) =>
      resolveRelativeTimes(plain, now - index * every),
    );
  });
}

/** The objects of one demo file (.yaml, several documents, or .json, an array or a List). */
function loadDemoObjects(file, options) {
  const now = (options && options.now) || Date.now();
  const text = fs.readFileSync(file, 'utf8');
  let documents;
  if (file.endsWith('.json')) {
    documents = [JSON.parse(text)];
  } else {
    const YAML = require('yaml');
    documents = YAML.parseAllDocuments(text).map(document => {
      if (document.errors.length > 0) throw new Error(file + ': ' + document.errors[0].message);
      return document.toJS();
    });
  }
  const objects = documents
    .filter(Boolean)
    .flatMap(document =>
      Array.isArray(document) ? document : document.kind === 'List' ? document.items : [document],
    );
  return expandRepeats(objects, now);
}

/** The demo environments: one file per environment in demo/kubernetes/. */
function demoFiles(dir) {
  const folder = dir || DEMO_DIR;
  return fs
    .readdirSync(folder)
    .filter(name => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map(name => ({
      environment: name.replace(/\.(ya?ml|json)$/, ''),
      file: path.join(folder, name),
    }));
}

function defaultLog(message) {
  process.stdout.write('[demo-kubernetes] ' + message + '\n');
}

/**
 * Serves each demo environment on its own loopback port, with its token.
 *
 * @param options.ports  { production: 16443, staging: 16444 } by default; 0 picks a free port
 * @param options.reloadIntervalMs  re-resolve the relative times (default 1 h; 0 turns it off)
 * @returns `{ environments: { name: { url, port, token, objects } }, urls, stop() }`
 */
async function startDemo(options) {
  const opts = options || {};
  const ports = opts.ports || DEMO_PORTS;
  const log = opts.log || defaultLog;
  const handle = {
    environments: {},
    urls: {},
    standIns: [],
    timer: undefined,
    stop: () => stop(handle),
  };
  try {
    for (const { environment, file } of demoFiles(opts.dir)) {
      if (!(environment in ports)) continue;
      const objects = loadDemoObjects(file);
      const token = DEMO_TOKENS[environment] || 'platform-ops-demo-' + environment;
      const standIn = await startKubernetesStandIn({
        objects,
        token,
        port: ports[environment],
      });
      handle.standIns.push({ environment, file, standIn });
      handle.environments[environment] = {
        url: standIn.url,
        port: standIn.port,
        token,
        objects: objects.length,
      };
      handle.urls[environment] = standIn.url;
    }
  } catch (error) {
    await stop(handle);
    throw error;
  }
  const interval = opts.reloadIntervalMs === undefined ? RELOAD_INTERVAL_MS : opts.reloadIntervalMs;
  if (interval > 0) {
    handle.timer = setInterval(() => {
      for (const { file, standIn } of handle.standIns) {
        try {
          standIn.set(loadDemoObjects(file));
        } catch (error) {
          log('reloading ' + file + ' failed: ' + error.message);
        }
      }
    }, interval);
    handle.timer.unref();
  }
  return handle;
}

/** Stops the stand-ins of a handle from startDemo(). */
async function stop(handle) {
  if (!handle || handle.stopped) return;
  handle.stopped = true;
  if (handle.timer) clearInterval(handle.timer);
  await Promise.all(handle.standIns.map(entry => entry.standIn.stop()));
}

/** One line per environment, for logs. */
function describe(handle) {
  return Object.entries(handle.environments).map(
    ([environment, entry]) =>
      environment +
      ' Kubernetes API stand-in on ' +
      entry.url +
      ': ' +
      entry.objects +
      ' objects',
  );
}

async function main() {
  let handle;
  const shutdown = async signal => {
    defaultLog('stopping (' + signal + ')');
    await stop(handle);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    handle = await startDemo();
  } catch (error) {
    defaultLog('could not start: ' + error.message);
    process.exit(1);
  }
  describe(handle).forEach(line => defaultLog(line));
  defaultLog('Ctrl-C stops both');
}

module.exports = {
  startKubernetesStandIn,
  startDemo,
  stop,
  describe,
  loadDemoObjects,
  demoFiles,
  resolveRelativeTimes,
  parseLabelSelector,
  pluralOf,
  DEMO_DIR,
  DEMO_PORTS,
  DEMO_TOKENS,
  KNOWN_RESOURCES,
};

if (require.main === module) {
  main();
}
