import {
  ANNOTATION_ESCALATION,
  Contact,
  OpsSummary,
  problem,
  ScopeSection,
} from '@platform-ops/plugin-platform-ops-common';

/** Every Group or User ref a scope section names. */
export function contactRefsOf(scope: ScopeSection): string[] {
  return [scope.accountable, scope.owner, ...scope.escalation].filter(
    (ref): ref is string => ref !== undefined,
  );
}

/**
 * Adds contact details to a summary's scope section, and a problem for each
 * escalation step the catalog does not know: an escalation path with a dead
 * end must be visible before the incident, not during it.
 */
export function withContacts(
  summary: OpsSummary,
  contacts: Record<string, Contact>,
): OpsSummary {
  const own = Object.fromEntries(
    contactRefsOf(summary.scope)
      .filter(ref => contacts[ref])
      .map(ref => [ref, contacts[ref]]),
  );
  const unknown = summary.scope.escalation.filter(ref => own[ref] && !own[ref].found);
  return {
    ...summary,
    scope: { ...summary.scope, contacts: own },
    problems: [
      ...summary.problems,
      ...unknown.map(ref =>
        problem(ANNOTATION_ESCALATION, ref, 'a Group or User that exists in the catalog'),
      ),
    ],
  };
}
