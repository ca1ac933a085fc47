/**
 * The components that depend on changed ones, directly or through others,
 * up to `depth` hops: each with the changed component it depends on
 * ("via ingress-nginx") and how many hops away it is. Cycles in `dependsOn`
 * are visited once, never looped. The changed components themselves are
 * not their own dependents.
 *
 * @public
 */
export function dependentsOf(
  changed: string[],
  /** Every entity's `dependsOn` targets, by entity ref. */
  dependsOn: Map<string, string[]>,
  depth: number,
): Map<string, { via: string; hops: number }> {
  const dependentsOfRef = new Map<string, string[]>();
  for (const [ref, targets] of dependsOn) {
    for (const target of targets) {
      const list = dependentsOfRef.get(target);
      if (list) list.push(ref);
      else dependentsOfRef.set(target, [ref]);
    }
  }
  const found = new Map<string, { via: string; hops: number }>();
  const seen = new Set(changed);
  let frontier = changed.map(ref => ({ ref, via: ref }));
  for (let hops = 1; hops <= depth && frontier.length > 0; hops++) {
    const next: typeof frontier = [];
    for (const { ref, via } of frontier) {
      for (const dependent of dependentsOfRef.get(ref) ?? []) {
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        found.set(dependent, { via, hops });
        next.push({ ref: dependent, via });
      }
    }
    frontier = next;
  }
  return found;
}

/**
 * What one component depends on, directly or through others, up to `depth`
 * hops, each with how many hops away it is. Cycles are visited once.
 *
 * @public
 */
export function dependenciesOf(
  ref: string,
  dependsOn: Map<string, string[]>,
  depth: number,
): Map<string, number> {
  const found = new Map<string, number>();
  let frontier = [ref];
  for (let hops = 1; hops <= depth && frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (const target of dependsOn.get(current) ?? []) {
        if (target === ref || found.has(target)) continue;
        found.set(target, hops);
        next.push(target);
      }
    }
    frontier = next;
  }
  return found;
}
