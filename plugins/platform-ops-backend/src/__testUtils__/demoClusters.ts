import {
  EnvironmentConfig,
  parsePlatformOpsConfig,
  PlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { loadDemoConfig } from './demoPlatform';
import {
  demoKubernetes,
  KubernetesObject,
  KubernetesStandIn,
  startKubernetesStandIn,
} from './kubernetesStandIn';

/** One demo environment's cluster, served by a stand-in of its own. */
export type DemoCluster = {
  /** The environment's config, its `kubernetes` pointed at the stand-in. */
  environment: EnvironmentConfig;
  /** What the stand-in serves: the environment's demo file. */
  objects: KubernetesObject[];
};

/** The demo's config and clusters; stop them in afterAll. */
export type DemoClusters = {
  /** The demo app-config.yaml's `platformOps`, its sources as written. */
  config: PlatformOpsConfig;
  /** One per demo file, in the order of the files. */
  clusters: DemoCluster[];
  stop(): Promise<void>;
};

/**
 * Serves each environment's demo file (scripts/demo-kubernetes.js) from a
 * stand-in on 127.0.0.1, with the demo's token for that environment, so a
 * source built from `environment` reads what `npm start` serves. `now`
 * resolves the files' relative times.
 */
export async function startDemoClusters(options: {
  now: number;
}): Promise<DemoClusters> {
  const parsed = parsePlatformOpsConfig(
    loadDemoConfig({ keepSources: true }).platformOps,
  );
  if (!parsed.config) {
    throw new Error(parsed.problems.map(p => p.message).join('; '));
  }
  const config = parsed.config;
  const standIns: KubernetesStandIn[] = [];
  const stop = async () => {
    await Promise.all(standIns.map(standIn => standIn.stop()));
  };
  const clusters: DemoCluster[] = [];
  try {
    for (const { environment, file } of demoKubernetes.demoFiles()) {
      const objects = demoKubernetes.loadDemoObjects(file, {
        now: options.now,
      });
      const token = demoKubernetes.DEMO_TOKENS[environment];
      const standIn = await startKubernetesStandIn({ objects, token });
      standIns.push(standIn);
      const settings = config.environments.find(e => e.name === environment)!;
      clusters.push({
        environment: {
          ...settings,
          kubernetes: {
            url: standIn.url,
            serviceAccountToken: token,
            skipTLSVerify: true,
          },
        },
        objects,
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { config, clusters, stop };
}
