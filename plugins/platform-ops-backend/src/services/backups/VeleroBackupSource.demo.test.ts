import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  BackupEnvironmentStatus,
  backupEnvironmentStatus,
  BackupInventory,
  parseDuration,
  PlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import {
  DemoClusters,
  startDemoClusters,
} from '../../__testUtils__/demoClusters';
import { loadDemoEntities } from '../../__testUtils__/demoPlatform';
import {
  demoKubernetes,
  KubernetesObject,
} from '../../__testUtils__/kubernetesStandIn';
import { VeleroBackupSource } from './VeleroBackupSource';

// The demo's Velero objects, served by the demo's stand-in, read by the real
// client and judged as the backend judges them: the states the README
// promises must hold whenever the demo starts.

const NOW = Date.now();
const ENVIRONMENTS = ['production', 'staging'];

describe('the demo Velero objects', () => {
  const objects = new Map<string, KubernetesObject[]>();
  const inventories = new Map<string, BackupInventory>();
  const skipped = new Map<string, object>();
  let demo: DemoClusters | undefined;
  let config: PlatformOpsConfig;

  beforeAll(async () => {
    demo = await startDemoClusters({ now: NOW });
    config = demo.config;
    for (const cluster of demo.clusters) {
      const environment = cluster.environment.name;
      objects.set(environment, cluster.objects);
      const source = VeleroBackupSource.fromConfig(cluster.environment)!;
      inventories.set(environment, await source.fetchInventory({}));
      skipped.set(environment, source.lastSkipped);
    }
  });

  afterAll(async () => {
    await demo?.stop();
  });

  /** A demo component's backups in one environment, as its card shows them. */
  function status(name: string, environment: string): BackupEnvironmentStatus {
    const entity = loadDemoEntities().find(e => e.metadata.name === name)!;
    const now = DateTime.fromMillis(NOW);
    const { backups } = summarizeEntity(entity, config, now);
    expect(stringifyEntityRef(entity)).toBe(`component:default/${name}`);
    return backupEnvironmentStatus({
      environment,
      sourceId:
        backups.source!.type === 'push' ? 'push' : `velero:${environment}`,
      inventory:
        backups.source!.type === 'push'
          ? { backups: [], schedules: [], storageLocations: [], restores: [] }
          : inventories.get(environment),
      fresh: true,
      spec: backups.source!,
      declaredScope: backups.scope,
      rpo: parseDuration('rpo', backups.policy.rpo.value).value!,
      retention: parseDuration('retention', backups.policy.retention.value)
        .value!,
      now,
    });
  }

  it('has one file per environment, served where app-config.yaml looks', () => {
    expect(demoKubernetes.demoFiles().map(f => f.environment)).toEqual(
      ENVIRONMENTS,
    );
    for (const environment of ENVIRONMENTS) {
      const settings = config.environments.find(e => e.name === environment);
      expect(settings?.kubernetes).toEqual({
        url: `http://127.0.0.1:${demoKubernetes.DEMO_PORTS[environment]}`,
        serviceAccountToken: demoKubernetes.DEMO_TOKENS[environment],
        skipTLSVerify: true,
      });
    }
  });

  it('parses every object, with every relative time resolved', () => {
    for (const environment of ENVIRONMENTS) {
      // The files also hold the drain readiness objects, tested beside the
      // cluster source.
      const all = objects
        .get(environment)!
        .filter(o => o.apiVersion === 'velero.io/v1');
      const inventory = inventories.get(environment)!;
      const count = (kind: string) => all.filter(o => o.kind === kind).length;
      expect(inventory.backups).toHaveLength(count('Backup'));
      expect(inventory.schedules).toHaveLength(count('Schedule'));
      expect(inventory.storageLocations).toHaveLength(
        count('BackupStorageLocation'),
      );
      expect(inventory.restores).toHaveLength(count('Restore'));
      expect(all.length).toBe(
        inventory.backups.length +
          inventory.schedules.length +
          inventory.storageLocations.length +
          inventory.restores.length,
      );
      expect(new Set(all.map(o => o.metadata.name)).size).toBe(all.length);
      expect(skipped.get(environment)).toEqual({});
      expect(JSON.stringify(all)).not.toMatch(/"now|\{now|x-demo-repeat/);
    }
  });

  it('shows a breached RPO on postgresql-orders, which pushes its reports', () => {
    for (const environment of ENVIRONMENTS) {
      expect(status('postgresql-orders', environment).rpo).toBe('breached');
    }
  });

  it('shows a failed and a partially failed velero backup, with reasons, and its paused schedule', () => {
    const velero = status('velero', 'production');
    expect(velero.failures.map(f => f.phase)).toEqual([
      'Failed',
      'PartiallyFailed',
    ]);
    expect(velero.failures.every(f => f.failureReason)).toBe(true);
    expect(velero.schedule?.paused).toBe(true);
    expect(velero.rpo).toBe('breached');
    const paused = ENVIRONMENTS.flatMap(environment =>
      inventories
        .get(environment)!
        .schedules.filter(s => s.paused)
        .map(s => `${environment}/${s.name}`),
    );
    expect(paused).toEqual(['production/velero-config']);
  });

  it('shows one scope mismatch, on rabbitmq, both ways', () => {
    for (const environment of ENVIRONMENTS) {
      const mismatch = status('rabbitmq', environment).scopeMismatch;
      expect(mismatch?.declaredNotCovered.map(item => item.target)).toEqual([
        'rabbitmq/data-rabbitmq-0',
        'rabbitmq/data-rabbitmq-1',
        'rabbitmq/data-rabbitmq-2',
      ]);
      expect(mismatch?.coveredNotDeclared).toEqual(['rabbitmq-system']);
      for (const name of ['argocd', 'redis-cache', 'velero']) {
        expect(status(name, environment).scopeMismatch).toEqual({
          declaredNotCovered: [],
          coveredNotDeclared: [],
        });
      }
    }
  });

  it('shows one unavailable storage location, in staging, on velero', () => {
    const unavailable = ENVIRONMENTS.flatMap(environment =>
      inventories
        .get(environment)!
        .storageLocations.filter(l => l.phase !== 'Available')
        .map(l => `${environment}/${l.name}`),
    );
    expect(unavailable).toEqual(['staging/offsite']);
    expect(status('velero', 'staging').storageLocations).toEqual([
      expect.objectContaining({ name: 'offsite', phase: 'Unavailable' }),
    ]);
  });

  it('shows a proven restore on argocd, whose backups are otherwise in order', () => {
    const argocd = status('argocd', 'production');
    expect(argocd.lastRestore).toMatchObject({ phase: 'Completed' });
    for (const environment of ENVIRONMENTS) {
      expect(status('argocd', environment)).toMatchObject({
        rpo: 'ok',
        retention: 'ok',
        failures: [],
      });
      expect(status('redis-cache', environment)).toMatchObject({
        rpo: 'ok',
        failures: [],
      });
    }
  });
});
