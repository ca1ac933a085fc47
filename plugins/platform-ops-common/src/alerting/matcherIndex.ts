import {
  AlertMatcher,
  compileMatcherRegex,
  matcherAccepts,
  MatcherRegex,
} from './matchers';

type CompiledEntry = {
  id: string;
  matchers: Array<{ matcher: AlertMatcher; regex?: MatcherRegex }>;
};

/**
 * Finds which matcher sets accept an alert's labels without testing every
 * set against every alert.
 *
 * Each set that has an equality matcher with a non-empty value is filed
 * under that one `label=value`; an alert then only meets the sets filed
 * under its own labels. Sets without such a matcher (regex only) are kept
 * in a short list that every alert is checked against. Regexes are compiled
 * once, when the index is built.
 *
 * @public
 */
export class MatcherIndex {
  private readonly byLabel = new Map<string, Map<string, CompiledEntry[]>>();
  private readonly scanned: CompiledEntry[] = [];

  private constructor() {}

  /** Builds the index; `id` is typically an entity ref. */
  static build(
    entries: Iterable<{ id: string; matchers: AlertMatcher[] }>,
  ): MatcherIndex {
    const index = new MatcherIndex();
    for (const entry of entries) index.add(entry.id, entry.matchers);
    return index;
  }

  /** How many sets need a scan for every alert, for diagnostics. */
  get scannedCount(): number {
    return this.scanned.length;
  }

  /** The ids of every set that accepts these labels. */
  match(labels: Record<string, string>): string[] {
    const ids: string[] = [];
    for (const [name, value] of Object.entries(labels)) {
      const bucket = this.byLabel.get(name)?.get(value);
      if (!bucket) continue;
      for (const entry of bucket) {
        if (accepts(entry, labels)) ids.push(entry.id);
      }
    }
    for (const entry of this.scanned) {
      if (accepts(entry, labels)) ids.push(entry.id);
    }
    return ids;
  }

  private add(id: string, matchers: AlertMatcher[]) {
    if (matchers.length === 0) return;
    const entry: CompiledEntry = {
      id,
      matchers: matchers.map(matcher => ({
        matcher,
        regex:
          matcher.operator === '=~' || matcher.operator === '!~'
            ? compileMatcherRegex(matcher.value)
            : undefined,
      })),
    };
    const key = matchers.find(
      matcher => matcher.operator === '=' && matcher.value !== '',
    );
    if (!key) {
      this.scanned.push(entry);
      return;
    }
    let values = this.byLabel.get(key.name);
    if (!values) {
      values = new Map();
      this.byLabel.set(key.name, values);
    }
    const bucket = values.get(key.value);
    if (bucket) bucket.push(entry);
    else values.set(key.value, [entry]);
  }
}

function accepts(
  entry: CompiledEntry,
  labels: Record<string, string>,
): boolean {
  return entry.matchers.every(({ matcher, regex }) =>
    matcherAccepts(matcher, labels[matcher.name], regex),
  );
}
