import { parsePlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import http from 'http';
import net, { AddressInfo } from 'net';
import {
  KubernetesStandIn,
  startKubernetesStandIn,
} from '../../__testUtils__/kubernetesStandIn';
import {
  velero,
  VELERO_OBJECTS as OBJECTS,
} from '../../__testUtils__/veleroObjects';
import { VeleroBackupSource } from './VeleroBackupSource';

const TOKEN = 'test-token-0123456789';

/** A source read from config as the plugin reads it, defaults applied. */
function sourceFor(
  kubernetes: Record<string, unknown> | undefined,
  options: Parameters<typeof VeleroBackupSource.fromConfig>[1] = {},
) {
  const { config, problems } = parsePlatformOpsConfig({
    environments: [{ name: 'production', kubernetes }],
  });
  expect(problems).toEqual([]);
  return VeleroBackupSource.fromConfig(config!.environments[0], options);
}

/** A server on 127.0.0.1 that accepts connections and never answers. */
async function silentServer() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      sockets.forEach(socket => socket.destroy());
      await new Promise(resolve => server.close(resolve));
    },
  };
}

describe('VeleroBackupSource', () => {
  let standIn: KubernetesStandIn;

  beforeAll(async () => {
    standIn = await startKubernetesStandIn({ objects: OBJECTS, token: TOKEN });
  });

  afterAll(async () => {
    await standIn.stop();
  });

  function source(options: Parameters<typeof sourceFor>[1] = {}) {
    return sourceFor(
      { url: standIn.url, serviceAccountToken: TOKEN, skipTLSVerify: true },
      options,
    )!;
  }

  it('is made only for an environment with kubernetes', () => {
    expect(sourceFor(undefined)).toBeUndefined();
    const made = source();
    expect(made.id).toBe('velero:production');
    expect(made.environment).toBe('production');
  });

  it('lists every kind in the velero namespace and maps its fields', async () => {
    const inventory = await source().fetchInventory({});

    expect(inventory.backups).toHaveLength(4);
    const byName = new Map(inventory.backups.map(b => [b.name, b]));
    expect(byName.get('nightly-20261121020000')).toEqual({
      name: 'nightly-20261121020000',
      schedule: 'nightly',
      labels: { 'velero.io/schedule-name': 'nightly', app: 'orders' },
      phase: 'Completed',
      failureReason: undefined,
      errors: 0,
      warnings: 1,
      startedAt: '2026-11-21T02:00:00Z',
      completedAt: '2026-11-21T02:10:00Z',
      expiresAt: '2026-12-05T02:00:00Z',
      storageLocation: 'default',
      includedNamespaces: ['orders'],
      excludedNamespaces: ['orders-cache'],
    });
    expect(byName.get('nightly-20261120020000')).toMatchObject({
      phase: 'Failed',
      failureReason: 'rpc error: AccessDenied',
    });
    expect(byName.get('nightly-20261119020000')?.failureReason).toBe(
      '2 errors and 1 warning; see velero backup logs nightly-20261119020000',
    );
    expect(byName.get('manual-orders')).toMatchObject({
      phase: 'New',
      schedule: undefined,
      includedNamespaces: [],
    });

    expect(inventory.schedules).toEqual([
      {
        name: 'nightly',
        paused: true,
        cron: '0 2 * * *',
        lastBackupAt: '2026-11-21T02:00:00Z',
        storageLocation: 'default',
        includedNamespaces: ['orders'],
        excludedNamespaces: ['orders-cache'],
        labelSelector: { app: 'orders' },
      },
    ]);
    expect(inventory.storageLocations).toEqual([
      {
        name: 'default',
        phase: 'Unavailable',
        lastValidatedAt: '2026-11-21T09:59:00Z',
        message: 'NoSuchBucket',
        default: true,
      },
    ]);
    expect(inventory.restores).toEqual([
      {
        name: 'nightly-20261121020000-drill',
        backupName: 'nightly-20261121020000',
        phase: 'Completed',
        startedAt: '2026-11-21T08:00:00Z',
        completedAt: '2026-11-21T08:20:00Z',
      },
    ]);

    const paths = standIn.requests.slice(-4).map(request => request.path);
    expect(paths.sort()).toEqual(
      ['backups', 'backupstoragelocations', 'restores', 'schedules'].map(
        plural => `/apis/velero.io/v1/namespaces/velero/${plural}`,
      ),
    );
  });

  it('reads the namespace it is given', async () => {
    const inventory = await source({ namespace: 'other' }).fetchInventory({});
    expect(inventory.backups.map(backup => backup.name)).toEqual(['elsewhere']);
  });

  it('reads long lists page by page', async () => {
    const many = Array.from({ length: 1203 }, (_, index) =>
      velero('Backup', `hourly-${String(index).padStart(5, '0')}`, {
        status: { phase: 'Completed' },
      }),
    );
    const paged = await startKubernetesStandIn({ objects: many });
    try {
      const inventory = await sourceFor({
        url: paged.url,
        skipTLSVerify: true,
      })!.fetchInventory({});
      expect(new Set(inventory.backups.map(b => b.name)).size).toBe(1203);
      const pages = paged.requests.filter(r => r.path.endsWith('/backups'));
      expect(pages).toHaveLength(3);
      expect(pages.every(page => page.query.limit === '500')).toBe(true);
      expect(pages.filter(page => page.query.continue)).toHaveLength(2);
    } finally {
      await paged.stop();
    }
  });

  it('leaves out malformed objects and counts them, unless none fits', async () => {
    const odd = await startKubernetesStandIn({
      objects: [
        velero('Backup', 'good', { status: { phase: 'Completed' } }),
        velero('Backup', 'bad', { status: { phase: 'Completed', errors: -1 } }),
        velero('Restore', 'no-backup-name', { spec: {} }),
      ],
    });
    try {
      const skipped: unknown[] = [];
      const made = sourceFor(
        { url: odd.url, skipTLSVerify: true },
        { onSkipped: counts => skipped.push(counts) },
      )!;
      await expect(made.fetchInventory({})).rejects.toThrow(
        /sent 1 restores\.velero\.io, none of them in Velero's shape/,
      );
      odd.set([
        velero('Backup', 'good', { status: { phase: 'Completed' } }),
        velero('Backup', 'bad', { status: { phase: 'Completed', errors: -1 } }),
      ]);
      const inventory = await made.fetchInventory({});
      expect(inventory.backups.map(backup => backup.name)).toEqual(['good']);
      expect(made.lastSkipped).toEqual({ backups: 1 });
      expect(skipped).toEqual([{ backups: 1 }]);
    } finally {
      await odd.stop();
    }
  });

  it('says so when the token is wrong', async () => {
    const wrong = sourceFor({
      url: standIn.url,
      serviceAccountToken: 'not-the-token',
      skipTLSVerify: true,
    })!;
    await expect(wrong.fetchInventory({})).rejects.toThrow(
      /^Kubernetes API of production at http:\/\/127\.0\.0\.1:\d+ answered 401 Unauthorized to listing \w+\.velero\.io in namespace velero: check its serviceAccountToken$/,
    );
  });

  it('refuses plain http without skipTLSVerify, saying why', async () => {
    await expect(
      sourceFor({
        url: standIn.url,
        serviceAccountToken: TOKEN,
      })!.fetchInventory({}),
    ).rejects.toThrow(/plain http: set skipTLSVerify: true/);
  });

  it('says the API did not answer when nothing listens, without waiting', async () => {
    const gone = await startKubernetesStandIn({ objects: OBJECTS });
    const made = sourceFor(
      { url: gone.url, skipTLSVerify: true },
      { timeoutMs: 5_000 },
    )!;
    await gone.stop();
    const started = Date.now();
    await expect(made.fetchInventory({})).rejects.toThrow(
      /^Kubernetes API of production at http:\/\/127\.0\.0\.1:\d+ did not answer: .*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up on a silent API within its timeout', async () => {
    const silent = await silentServer();
    try {
      const made = sourceFor(
        { url: silent.url, skipTLSVerify: true },
        { timeoutMs: 300 },
      )!;
      const started = Date.now();
      await expect(made.fetchInventory({})).rejects.toThrow(
        /^Kubernetes API of production at .* did not answer within 0\.3 s$/,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.close();
    }
  });

  it('ends a request when the poll is aborted', async () => {
    const silent = await silentServer();
    try {
      const made = sourceFor({ url: silent.url, skipTLSVerify: true })!;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      await expect(
        made.fetchInventory({ signal: controller.signal }),
      ).rejects.toThrow(/^Reading Velero backups from the .* was cancelled$/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.close();
    }
  });

  it('never follows a redirect away from the configured server', async () => {
    let elsewhere = 0;
    const other = http.createServer((_, response) => {
      elsewhere += 1;
      response.end('{}');
    });
    await new Promise<void>(resolve => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as AddressInfo).port;
    const redirecting = http.createServer((request, response) => {
      response.writeHead(302, {
        location: `http://127.0.0.1:${otherPort}${request.url}`,
      });
      response.end();
    });
    await new Promise<void>(r => redirecting.listen(0, '127.0.0.1', r));
    try {
      const made = sourceFor({
        url: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`,
        serviceAccountToken: TOKEN,
        skipTLSVerify: true,
      })!;
      await expect(made.fetchInventory({})).rejects.toThrow(
        /did not answer: .*refused to connect to 127\.0\.0\.1:\d+, which is not the configured API server/,
      );
      expect(elsewhere).toBe(0);
    } finally {
      for (const server of [other, redirecting]) {
        server.closeAllConnections();
        await new Promise(resolve => server.close(resolve));
      }
    }
  });
});
