import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import {
  KubernetesObject,
  KubernetesStandIn,
  startKubernetesStandIn,
} from './kubernetesStandIn';
import { VELERO_OBJECTS as OBJECTS } from './veleroObjects';

// The stand-in is tested through the real client, as the sources use it.

const TOKEN = 'test-token-0123456789';

describe('the Kubernetes API stand-in', () => {
  let standIn: KubernetesStandIn;
  let api: CustomObjectsApi;

  beforeAll(async () => {
    standIn = await startKubernetesStandIn({ objects: OBJECTS, token: TOKEN });
    const config = new KubeConfig();
    config.loadFromClusterAndUser(
      { name: 'stand-in', server: standIn.url, skipTLSVerify: true },
      { name: 'test', token: TOKEN },
    );
    api = config.makeApiClient(CustomObjectsApi);
  });

  afterAll(async () => {
    await standIn.stop();
  });

  async function names(labelSelector: string): Promise<string[]> {
    const list = await api.listNamespacedCustomObject({
      group: 'velero.io',
      version: 'v1',
      namespace: 'velero',
      plural: 'backups',
      labelSelector,
    });
    expect(list).toMatchObject({
      apiVersion: 'velero.io/v1',
      kind: 'BackupList',
    });
    return (list.items as KubernetesObject[]).map(item => item.metadata.name);
  }

  it('answers a list with labelSelector with the matching backups only', async () => {
    expect(await names('velero.io/schedule-name=nightly')).toEqual([
      'nightly-20261119020000',
      'nightly-20261120020000',
      'nightly-20261121020000',
    ]);
    expect(await names('velero.io/schedule-name=nightly,app=orders')).toEqual([
      'nightly-20261121020000',
    ]);
    expect(await names('app!=orders,velero.io/schedule-name')).toEqual([
      'nightly-20261119020000',
      'nightly-20261120020000',
    ]);
    expect(await names('!velero.io/schedule-name')).toEqual(['manual-orders']);
    expect(await names('app in (orders, billing)')).toEqual([
      'nightly-20261121020000',
    ]);
    expect(await names('app=billing')).toEqual([]);
  });

  it('refuses a selector the API server would refuse', async () => {
    await expect(names('app==orders=x')).rejects.toMatchObject({ code: 400 });
  });

  it('serves any resource it has objects of, cluster-scoped ones too', async () => {
    const other = await startKubernetesStandIn({
      token: TOKEN,
      objects: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: {
            name: 'ingress-nginx-controller',
            namespace: 'ingress-nginx',
          },
          spec: { replicas: 3 },
        },
        ...['worker-1', 'worker-2', 'control-1'].map<KubernetesObject>(
          name => ({
            apiVersion: 'v1',
            kind: 'Node',
            metadata: {
              name,
              labels: Object.fromEntries(
                name.startsWith('worker')
                  ? [['node-role.kubernetes.io/worker', '']]
                  : [],
              ),
            },
          }),
        ),
      ],
    });
    try {
      const config = new KubeConfig();
      config.loadFromClusterAndUser(
        { name: 'other', server: other.url, skipTLSVerify: true },
        { name: 'test', token: TOKEN },
      );
      const deployments = await config
        .makeApiClient(AppsV1Api)
        .listNamespacedDeployment({ namespace: 'ingress-nginx' });
      expect(
        deployments.items.map(d => [d.metadata?.name, d.spec?.replicas]),
      ).toEqual([['ingress-nginx-controller', 3]]);
      const core = config.makeApiClient(CoreV1Api);
      const workers = await core.listNode({
        labelSelector: 'node-role.kubernetes.io/worker',
      });
      expect(workers.items.map(n => n.metadata?.name)).toEqual([
        'worker-1',
        'worker-2',
      ]);
      const first = await core.listNode({ limit: 2 });
      const rest = await core.listNode({
        limit: 2,
        _continue: first.metadata?._continue,
      });
      expect(
        [...first.items, ...rest.items].map(n => n.metadata?.name),
      ).toEqual(['control-1', 'worker-1', 'worker-2']);
      expect(rest.metadata?._continue).toBeUndefined();
      // Known kinds without objects are empty lists, not unknown paths.
      const pods = await core.listNamespacedPod({ namespace: 'ingress-nginx' });
      expect(pods.items).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it('answers an unknown path with a 404 Status', async () => {
    await expect(
      api.listNamespacedCustomObject({
        group: 'example.com',
        version: 'v1',
        namespace: 'velero',
        plural: 'widgets',
      }),
    ).rejects.toMatchObject({
      code: 404,
      body: expect.stringContaining('"reason":"NotFound"'),
    });
  });
});
