import { AlertMatcher } from '../alerting/matchers';

/**
 * What the incident lookup can match an entity on.
 *
 * @public
 */
export type LookupField =
  | 'name'
  | 'title'
  | 'kubernetes-id'
  | 'alert-label'
  | 'tag';

/**
 * The searchable text of one entity.
 *
 * @public
 */
export type LookupCandidate = {
  ref: string;
  name: string;
  title?: string;
  tags: string[];
  kubernetesId?: string;
  /** Equality matchers of `platform-ops/alert-matchers`: label values an alert would carry. */
  alertLabels: Array<{ name: string; value: string }>;
};

/**
 * Why a candidate matched: the field, the text it matched, and a score.
 *
 * @public
 */
export type LookupMatch = {
  ref: string;
  score: number;
  field: LookupField;
  /** The matched text, e.g. `namespace=ingress-nginx` for an alert label. */
  matched: string;
};

/** Score of an exact, prefix and substring match per field: higher is better. */
const WEIGHTS: Record<
  LookupField,
  [exact: number, prefix: number, contains: number]
> = {
  name: [100, 80, 60],
  'kubernetes-id': [95, 70, 50],
  'alert-label': [90, 65, 45],
  title: [85, 70, 50],
  tag: [60, 40, 25],
};

function scoreText(query: string, text: string, field: LookupField): number {
  const value = text.toLocaleLowerCase('en-US');
  const [exact, prefix, contains] = WEIGHTS[field];
  if (value === query) return exact;
  if (value.startsWith(query)) return prefix;
  if (value.includes(query)) return contains;
  return 0;
}

/**
 * Builds the alert-label part of a candidate from its matchers: only
 * equality matchers name a value an alert would carry.
 *
 * @public
 */
export function alertLabelsOf(matchers: AlertMatcher[] | undefined) {
  return (matchers ?? [])
    .filter(matcher => matcher.operator === '=')
    .map(({ name, value }) => ({ name, value }));
}

/**
 * The best match of one candidate for a query, or undefined. The query may
 * be `label=value`, which then only matches that alert label.
 */
function bestMatch(
  query: string,
  candidate: LookupCandidate,
): LookupMatch | undefined {
  let best: LookupMatch | undefined;
  const consider = (
    field: LookupField,
    text: string | undefined,
    matched = text,
  ) => {
    if (!text) return;
    const score = scoreText(query, text, field);
    if (score > 0 && (!best || score > best.score)) {
      best = { ref: candidate.ref, score, field, matched: matched! };
    }
  };
  consider('name', candidate.name);
  consider('kubernetes-id', candidate.kubernetesId);
  consider('title', candidate.title);
  for (const label of candidate.alertLabels) {
    consider('alert-label', label.value, `${label.name}=${label.value}`);
    consider('alert-label', `${label.name}=${label.value}`);
  }
  for (const tag of candidate.tags) consider('tag', tag);
  return best;
}

/**
 * Ranks candidates for an incident lookup, best first: exact before prefix
 * before substring, and name before Kubernetes id, alert label, title and
 * tag. Ties are broken by name so the order is stable.
 *
 * @public
 */
export function rankLookup(
  query: string,
  candidates: Iterable<LookupCandidate & { name: string }>,
  limit: number,
): LookupMatch[] {
  const normalized = query
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/\s*=\s*"?([^"]*)"?$/, '=$1');
  if (!normalized) return [];
  const names = new Map<string, string>();
  const matches: LookupMatch[] = [];
  for (const candidate of candidates) {
    const match = bestMatch(normalized, candidate);
    if (match) {
      matches.push(match);
      names.set(candidate.ref, candidate.name);
    }
  }
  matches.sort(
    (a, b) =>
      b.score - a.score || names.get(a.ref)!.localeCompare(names.get(b.ref)!),
  );
  return matches.slice(0, limit);
}
