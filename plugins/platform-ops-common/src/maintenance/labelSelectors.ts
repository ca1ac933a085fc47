import { RawLabelSelector } from './clusterTypes';

/**
 * Whether labels satisfy a Kubernetes label selector. An empty selector
 * selects everything, as in Kubernetes; an operator it does not know
 * selects nothing, so an odd object never widens what is selected.
 *
 * @public
 */
export function selectorMatches(
  selector: RawLabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expression of selector.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(
      labels,
      expression.key,
    );
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
        if (!present || !values.includes(labels[expression.key])) return false;
        break;
      case 'NotIn':
        if (present && values.includes(labels[expression.key])) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

const KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/**
 * Parses a label selector written as text, as in
 * `backstage.io/kubernetes-label-selector`: `app=orders,tier!=cache`,
 * `env in (staging,production)`, `release`, `!canary`. Undefined when the
 * text is not a selector.
 *
 * @public
 */
export function parseSelectorText(text: string): RawLabelSelector | undefined {
  const selector: Required<RawLabelSelector> = {
    matchLabels: {},
    matchExpressions: [],
  };
  // Commas inside parentheses belong to a set, not between requirements.
  const parts = text.match(/[^,(]+(\([^)]*\))?[^,]*/g) ?? [];
  if (parts.length === 0) return undefined;
  for (const raw of parts) {
    const part = raw.trim();
    const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    const equal = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
    const exists = /^(!?)([^=!\s(),]+)$/.exec(part);
    if (set) {
      const values = set[3].split(',').map(value => value.trim());
      if (!KEY.test(set[1]) || !values.every(value => VALUE.test(value)))
        return undefined;
      selector.matchExpressions.push({
        key: set[1],
        operator: set[2] === 'in' ? 'In' : 'NotIn',
        values,
      });
    } else if (equal) {
      if (!KEY.test(equal[1]) || !VALUE.test(equal[3])) return undefined;
      if (equal[2] === '!=') {
        selector.matchExpressions.push({
          key: equal[1],
          operator: 'NotIn',
          values: [equal[3]],
        });
      } else {
        selector.matchLabels[equal[1]] = equal[3];
      }
    } else if (exists) {
      if (!KEY.test(exists[2])) return undefined;
      selector.matchExpressions.push({
        key: exists[2],
        operator: exists[1] ? 'DoesNotExist' : 'Exists',
      });
    } else {
      return undefined;
    }
  }
  return selector;
}
