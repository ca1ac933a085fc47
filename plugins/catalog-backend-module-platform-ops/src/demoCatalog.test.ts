import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ENTITY_STATUS_CATALOG_PROCESSING_TYPE } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleLogs from '@backstage/plugin-catalog-backend-module-logs';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { catalogModulePlatformOps } from './module';

/**
 * The demo catalog (catalog-info.yaml at the repository root and the files
 * its Location points to) in the real catalog backend, with the module and
 * the demo's app-config.yaml, as `npm start` runs it.
 */

const ROOT = path.resolve(__dirname, '../../..');
const CATALOG_INFO = path.join(ROOT, 'catalog-info.yaml');

/** The demo's app-config.yaml, as the backend reads it. */
const appConfig = parseAllDocuments(
  fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
)[0].toJS();

/**
 * The demo's catalog locations: its file targets are relative to
 * packages/backend, where the demo backend runs.
 */
const LOCATIONS = (
  appConfig.catalog.locations as { type: string; target: string }[]
).map(location => ({
  ...location,
  target: path.resolve(ROOT, 'packages/backend', location.target),
}));

function readEntities(file: string): Entity[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(
    document => document.toJS() as Entity,
  );
}

/** Every entity of the demo catalog, following Location targets. */
function demoEntityRefs(file = CATALOG_INFO): string[] {
  return readEntities(file).flatMap(entity => [
    stringifyEntityRef(entity),
    ...(entity.kind === 'Location'
      ? ((entity.spec?.targets as string[]) ?? []).flatMap(target =>
          demoEntityRefs(path.resolve(path.dirname(file), target)),
        )
      : []),
  ]);
}

/**
 * The demo's three deliberately broken annotations (see the platform-ops-lint
 * tests), with the processing error the catalog shows for each.
 */
const BROKEN: Record<string, string> = {
  'component:default/fluentd':
    'component:default/fluentd: platform-ops/alert-levels: "P0" is not valid; expected one of P1, P2, P3.',
  'component:default/rabbitmq':
    'component:default/rabbitmq: platform-ops/runbook: "javascript:alert(1)" is not valid; expected an absolute http:// or https:// URL.',
  'component:default/redis-cache':
    'component:default/redis-cache: platform-ops/backup-policy: "one day" is not valid; expected a duration such as 30s, 24h, 7d or 2w (a whole number and one of s, m, h, d, w).',
};
const BROKEN_REFS = Object.keys(BROKEN);
const WAIT_MS = 60_000;

/** Polls `check` until it returns a value, failing after WAIT_MS. */
async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${WAIT_MS / 1000} s waiting for ${what}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** `kind/namespace/name` of a full entity ref such as component:default/x. */
function byNamePath(ref: string): string {
  return ref.replace(':', '/');
}

type EntityWithStatus = Entity & {
  status?: {
    items?: Array<{
      type: string;
      level: string;
      message: string;
      error?: { name: string; message: string };
    }>;
  };
};

/** Starts the catalog with the module on `knex`, in one validation mode. */
async function startCatalog(
  knex: Awaited<ReturnType<TestDatabases['init']>>,
  annotationValidation: 'warn' | 'error',
) {
  const logger = mockServices.logger.mock();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleLogs,
      catalogModulePlatformOps,
      mockServices.database.factory({ knex }),
      logger.factory,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: appConfig.catalog.rules,
            locations: LOCATIONS,
          },
          platformOps: {
            ...appConfig.platformOps,
            catalog: { annotationValidation },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const api = `http://localhost:${port}/api/catalog`;

  async function call(method: string, route: string, body?: unknown) {
    const response = await fetch(`${api}${route}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  /** The stored entities for `refs`, null where the catalog has none. */
  async function byRefs(refs: string[]): Promise<(EntityWithStatus | null)[]> {
    const { status, body } = await call('POST', '/entities/by-refs', {
      entityRefs: refs,
    });
    expect(status).toBe(200);
    return body.items;
  }

  /** The catalog's own warnings (catalog-backend-module-logs) per entity. */
  function loggedErrors(ref: string): string[] {
    return logger.warn.mock.calls
      .filter(([, meta]) => (meta as { entity?: string })?.entity === ref)
      .map(([message]) => message);
  }

  return {
    backend,
    logger,
    byRefs,
    loggedErrors,
    /** GET /entities/by-name, as the entity page loads it. */
    byName: (ref: string) =>
      call('GET', `/entities/by-name/${byNamePath(ref)}`),
    /**
     * The processing errors the entity page shows for `ref`: the
     * EntityProcessingErrorsPanel reads the entity's ancestry and shows the
     * error-level ENTITY_STATUS_CATALOG_PROCESSING_TYPE status items of the
     * entity and of each ancestor.
     */
    async shownErrors(ref: string): Promise<Record<string, string[]>> {
      const { status, body } = await call(
        'GET',
        `/entities/by-name/${byNamePath(ref)}/ancestry`,
      );
      expect(status).toBe(200);
      const shown: Record<string, string[]> = {};
      for (const { entity } of body.items as { entity: EntityWithStatus }[]) {
        const errors = (entity.status?.items ?? []).filter(
          item =>
            item.type === ENTITY_STATUS_CATALOG_PROCESSING_TYPE &&
            item.level === 'error' &&
            item.error,
        );
        if (errors.length) {
          shown[stringifyEntityRef(entity)] = errors.map(
            item => `${item.error!.name}: ${item.error!.message}`,
          );
        }
      }
      return shown;
    },
    refresh: (ref: string) => call('POST', '/refresh', { entityRef: ref }),
  };
}

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('the demo catalog in the real catalog backend', () => {
  const demoRefs = demoEntityRefs();
  const validRefs = demoRefs.filter(ref => !BROKEN_REFS.includes(ref));

  it('has the three broken components among its entities', () => {
    expect(LOCATIONS).toEqual([{ type: 'file', target: CATALOG_INFO }]);
    expect(demoRefs.length).toBeGreaterThan(30);
    expect(demoRefs).toEqual(expect.arrayContaining(BROKEN_REFS));
    expect(databases.eachSupportedId()).toEqual([
      ['POSTGRES_15'],
      ['SQLITE_3'],
    ]);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it(
      'warn, then error: the stored components show their processing errors on their pages',
      async () => {
        const knex = await databases.init(databaseId as TestDatabaseId);

        // warn (the default): every demo entity is stored, none with an error.
        const warn = await startCatalog(knex, 'warn');
        const stored = await waitFor(
          'every demo entity in warn mode',
          async () => {
            const entities = await warn.byRefs(demoRefs);
            return entities.every(Boolean) ? entities : undefined;
          },
        );
        for (const entity of stored) {
          expect(entity!.status?.items ?? []).toEqual([]);
        }
        for (const ref of BROKEN_REFS) {
          expect(await warn.shownErrors(ref)).toEqual({});
          expect(warn.loggedErrors(ref)).toEqual([]);
          expect(warn.logger.warn).toHaveBeenCalledWith(BROKEN[ref]);
        }
        await warn.backend.stop();

        // error, on the same database: a refresh (the entity page's refresh
        // button, or the next processing round) reprocesses each component,
        // which keeps its stored version and shows its processing error.
        const error = await startCatalog(knex, 'error');
        for (const ref of BROKEN_REFS) {
          expect((await error.refresh(ref)).status).toBe(200);
        }
        for (const ref of BROKEN_REFS) {
          const shown = await waitFor(
            `the processing error of ${ref}`,
            async () => {
              const errors = await error.shownErrors(ref);
              return Object.keys(errors).length ? errors : undefined;
            },
          );
          expect(shown).toEqual({ [ref]: [`InputError: ${BROKEN[ref]}`] });

          // The entity page still opens, on the version stored in warn mode.
          const before = stored.find(
            entity => stringifyEntityRef(entity!) === ref,
          )!;
          const { status, body } = await error.byName(ref);
          expect(status).toBe(200);
          expect(body.metadata.uid).toBe(before.metadata.uid);
          expect(body.metadata.annotations).toEqual(
            before.metadata.annotations,
          );
          expect(body.status.items).toEqual([
            expect.objectContaining({
              type: ENTITY_STATUS_CATALOG_PROCESSING_TYPE,
              level: 'error',
              message: `InputError: ${BROKEN[ref]}`,
            }),
          ]);
          expect(error.loggedErrors(ref)).toContain(BROKEN[ref]);
        }
        await error.backend.stop();
      },
      3 * WAIT_MS,
    );

    it(
      'error, on a fresh catalog: the three broken components are held back and their errors logged',
      async () => {
        const knex = await databases.init(databaseId as TestDatabaseId);
        const error = await startCatalog(knex, 'error');

        const stored = await waitFor(
          'every valid demo entity and the three errors',
          async () => {
            const entities = await error.byRefs(validRefs);
            const processed = BROKEN_REFS.every(
              ref => error.loggedErrors(ref).length > 0,
            );
            return entities.every(Boolean) && processed ? entities : undefined;
          },
        );
        // Valid annotations pass in error mode too.
        for (const entity of stored) {
          expect(entity!.status?.items ?? []).toEqual([]);
        }
        for (const ref of BROKEN_REFS) {
          expect(error.loggedErrors(ref)[0]).toBe(BROKEN[ref]);
          expect((await error.byName(ref)).status).toBe(404);
        }
        expect(await error.byRefs(BROKEN_REFS)).toEqual([null, null, null]);
        await error.backend.stop();
      },
      2 * WAIT_MS,
    );
  });
});
