import {
  RawDisruptionBudget,
  RawNode,
  RawPod,
  RawWorkload,
} from '@platform-ops/plugin-platform-ops-common';
import { z } from 'zod';
import { mapItems } from '../kubernetes/mapItems';

const labels = z
  .record(z.string())
  .nullish()
  .transform(value => value ?? {});
const metadata = z.object({
  name: z.string(),
  namespace: z.string().nullish(),
  labels,
});
const selector = z
  .object({
    matchLabels: z.record(z.string()).nullish(),
    matchExpressions: z
      .array(
        z.object({
          key: z.string(),
          operator: z.string(),
          values: z.array(z.string()).nullish(),
        }),
      )
      .nullish(),
  })
  .nullish();
const intOrString = z.union([z.number(), z.string()]).nullish();
const quantities = z.record(z.union([z.string(), z.number()])).nullish();

const workload = z.object({
  metadata,
  spec: z.object({
    replicas: z.number().int().nonnegative().nullish(),
    template: z
      .object({
        metadata: z.object({ labels }).nullish(),
        spec: z
          .object({
            terminationGracePeriodSeconds: z.number().nullish(),
            topologySpreadConstraints: z
              .array(
                z.object({
                  topologyKey: z.string(),
                  whenUnsatisfiable: z.string().nullish(),
                }),
              )
              .nullish(),
            affinity: z
              .object({
                podAntiAffinity: z
                  .object({
                    requiredDuringSchedulingIgnoredDuringExecution: z
                      .array(z.object({ topologyKey: z.string() }))
                      .nullish(),
                    preferredDuringSchedulingIgnoredDuringExecution: z
                      .array(
                        z.object({
                          podAffinityTerm: z.object({
                            topologyKey: z.string(),
                          }),
                        }),
                      )
                      .nullish(),
                  })
                  .nullish(),
              })
              .nullish(),
          })
          .nullish(),
      })
      .nullish(),
  }),
});

const budget = z.object({
  metadata,
  spec: z
    .object({
      selector,
      minAvailable: intOrString,
      maxUnavailable: intOrString,
    })
    .nullish(),
});

const node = z.object({
  metadata,
  spec: z.object({ unschedulable: z.boolean().nullish() }).nullish(),
  status: z.object({ allocatable: quantities }).nullish(),
});

const pod = z.object({
  metadata: metadata.extend({
    ownerReferences: z.array(z.object({ kind: z.string() })).nullish(),
  }),
  spec: z
    .object({
      nodeName: z.string().nullish(),
      containers: z
        .array(
          z.object({ resources: z.object({ requests: quantities }).nullish() }),
        )
        .nullish(),
    })
    .nullish(),
  status: z.object({ phase: z.string().nullish() }).nullish(),
});

const SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  m: 1e-3,
  '': 1,
};

/**
 * A Kubernetes quantity (`500m`, `2`, `16Gi`, `129e6`) as a number of
 * units, or undefined when it is none.
 */
export function parseQuantity(
  value: string | number | undefined | null,
): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match =
    /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P|m)?$/.exec(
      value.trim(),
    );
  if (!match) return undefined;
  return Number(match[1]) * SUFFIXES[match[2] ?? ''];
}

/** A parser for one kind: good items mapped, malformed ones counted. */
function kind<T, R>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  map: (item: T) => R,
) {
  return (items: unknown[]) => mapItems(items, schema, map);
}

function workloadOf(
  kindName: RawWorkload['kind'],
  item: z.infer<typeof workload>,
): RawWorkload {
  const template = item.spec.template;
  const anti = template?.spec?.affinity?.podAntiAffinity;
  return {
    kind: kindName,
    namespace: item.metadata.namespace ?? 'default',
    name: item.metadata.name,
    labels: item.metadata.labels,
    replicas: item.spec.replicas ?? 1,
    podLabels: template?.metadata?.labels ?? {},
    terminationGracePeriodSeconds:
      template?.spec?.terminationGracePeriodSeconds ?? undefined,
    topologySpread: (template?.spec?.topologySpreadConstraints ?? []).map(
      constraint => ({
        topologyKey: constraint.topologyKey,
        whenUnsatisfiable: constraint.whenUnsatisfiable ?? undefined,
      }),
    ),
    antiAffinity: {
      required: (
        anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []
      ).map(term => term.topologyKey),
      preferred: (
        anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []
      ).map(term => term.podAffinityTerm.topologyKey),
    },
  };
}

/** The kinds the cluster source reads, each mapped to its raw shape. */
export const clusterKinds = {
  deployments: kind(workload, item => workloadOf('Deployment', item)),
  statefulsets: kind(workload, item => workloadOf('StatefulSet', item)),
  disruptionBudgets: kind(
    budget,
    (item): RawDisruptionBudget => ({
      namespace: item.metadata.namespace ?? 'default',
      name: item.metadata.name,
      selector: item.spec?.selector
        ? {
            matchLabels: item.spec.selector.matchLabels ?? undefined,
            matchExpressions: (item.spec.selector.matchExpressions ?? []).map(
              expression => ({
                key: expression.key,
                operator: expression.operator,
                values: expression.values ?? undefined,
              }),
            ),
          }
        : undefined,
      minAvailable: item.spec?.minAvailable ?? undefined,
      maxUnavailable: item.spec?.maxUnavailable ?? undefined,
    }),
  ),
  nodes: kind(
    node,
    (item): RawNode => ({
      name: item.metadata.name,
      unschedulable: item.spec?.unschedulable ?? false,
      cpuMillis: Math.round(
        (parseQuantity(item.status?.allocatable?.cpu) ?? 0) * 1000,
      ),
      memoryBytes: Math.round(
        parseQuantity(item.status?.allocatable?.memory) ?? 0,
      ),
    }),
  ),
  pods: kind(pod, (item): RawPod => {
    const requests = (item.spec?.containers ?? []).map(
      container => container.resources?.requests ?? {},
    );
    return {
      namespace: item.metadata.namespace ?? 'default',
      name: item.metadata.name,
      nodeName: item.spec?.nodeName ?? undefined,
      phase: item.status?.phase ?? 'Unknown',
      daemonSet: (item.metadata.ownerReferences ?? []).some(
        owner => owner.kind === 'DaemonSet',
      ),
      cpuMillis: Math.round(
        requests.reduce(
          (sum, request) => sum + (parseQuantity(request.cpu) ?? 0),
          0,
        ) * 1000,
      ),
      memoryBytes: Math.round(
        requests.reduce(
          (sum, request) => sum + (parseQuantity(request.memory) ?? 0),
          0,
        ),
      ),
    };
  }),
};
