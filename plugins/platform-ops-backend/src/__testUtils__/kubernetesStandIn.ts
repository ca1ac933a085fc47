import path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');

/** A Kubernetes object as the stand-in serves it. */
export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

/** A request the stand-in received. */
export type StandInRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
};

/** scripts/demo-kubernetes.js's loopback Kubernetes API, started by a test. */
export type KubernetesStandIn = {
  url: string;
  port: number;
  /** The last requests, oldest first. */
  requests: StandInRequest[];
  set(objects: KubernetesObject[]): void;
  stop(): Promise<void>;
};

type DemoKubernetes = {
  startKubernetesStandIn(options: {
    objects?: KubernetesObject[];
    token?: string;
    host?: string;
    port?: number;
  }): Promise<KubernetesStandIn>;
  loadDemoObjects(file: string, options?: { now?: number }): KubernetesObject[];
  demoFiles(): Array<{ environment: string; file: string }>;
  DEMO_PORTS: Record<string, number>;
  DEMO_TOKENS: Record<string, string>;
};

/** The demo script itself, so tests exercise what `npm start` serves. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const demoKubernetes: DemoKubernetes = require(path.join(
  ROOT,
  'scripts',
  'demo-kubernetes.js',
));

/**
 * Starts the stand-in on 127.0.0.1 on a free port; stop it in afterAll.
 */
export function startKubernetesStandIn(options: {
  objects?: KubernetesObject[];
  token?: string;
}): Promise<KubernetesStandIn> {
  return demoKubernetes.startKubernetesStandIn({
    ...options,
    host: '127.0.0.1',
    port: 0,
  });
}
