import { Entity } from '@backstage/catalog-model';
import { Parsed, problem } from '../problems';
import { WorkloadSelection } from './drain';
import { parseSelectorText } from './labelSelectors';

/**
 * Backstage's own Kubernetes annotations, read here, never copied.
 *
 * @public
 */
export const KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** @public */
export const KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
/** @public */
export const KUBERNETES_NAMESPACE = 'backstage.io/kubernetes-namespace';

/**
 * Which workloads are an entity's, from `backstage.io/kubernetes-id`,
 * `backstage.io/kubernetes-label-selector` (which wins when both are set,
 * as in Backstage's Kubernetes plugin) and `backstage.io/kubernetes-namespace`.
 * Undefined when neither names any; a selector that is not one is a
 * problem and names nothing.
 *
 * @public
 */
export function workloadSelectionOf(entity: Entity): Parsed<WorkloadSelection> {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[KUBERNETES_ID]?.trim();
  const selectorText = annotations[KUBERNETES_LABEL_SELECTOR]?.trim();
  const namespace = annotations[KUBERNETES_NAMESPACE]?.trim() || undefined;
  if (selectorText) {
    const labelSelector = parseSelectorText(selectorText);
    if (!labelSelector) {
      return {
        value: undefined,
        problems: [
          problem(
            KUBERNETES_LABEL_SELECTOR,
            selectorText,
            'a Kubernetes label selector such as app=orders,tier!=cache',
          ),
        ],
      };
    }
    return { value: { labelSelector, namespace }, problems: [] };
  }
  if (id) return { value: { kubernetesId: id, namespace }, problems: [] };
  return { value: undefined, problems: [] };
}
