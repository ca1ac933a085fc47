import { DateTime } from 'luxon';
import {
  ANNOTATION_AUDITS,
  ANNOTATION_ESCALATION,
  ANNOTATION_RUNBOOK,
  ANNOTATION_SCOPE,
} from '../annotations';
import { Parsed, problem, Problem } from '../problems';
import { parsePastDate } from '../values/date';
import { parseKindedEntityRef } from '../values/entityRef';
import { parseKeyValueList, parseList } from '../values/list';
import { isValidName, NAME_EXPECTATION, parseName } from '../values/names';
import { parseHttpUrl } from '../values/url';

/**
 * Parses `platform-ops/scope`: the party name. Whether the party is known is
 * checked against config during scope resolution.
 *
 * @public
 */
export function parseScopeAnnotation(text: string): Parsed<string> {
  return parseName(ANNOTATION_SCOPE, text);
}

/**
 * Parses `platform-ops/escalation` into canonical entity refs of Groups and
 * Users, in order. Duplicates are reported and dropped.
 *
 * @public
 */
export function parseEscalationAnnotation(text: string): Parsed<string[]> {
  const list = parseList(ANNOTATION_ESCALATION, text);
  const problems: Problem[] = [...list.problems];
  if (!list.value) return { value: undefined, problems };
  const refs: string[] = [];
  for (const item of list.value) {
    const ref = parseKindedEntityRef(ANNOTATION_ESCALATION, item, [
      'group',
      'user',
    ]);
    problems.push(...ref.problems);
    if (!ref.value) continue;
    if (refs.includes(ref.value)) {
      problems.push(
        problem(ANNOTATION_ESCALATION, item, `${ref.value} only once`),
      );
      continue;
    }
    refs.push(ref.value);
  }
  return { value: refs, problems };
}

/**
 * The last audit of each kind, such as `application` or `provider`.
 *
 * @public
 */
export type AuditDates = Record<string, DateTime>;

/**
 * Parses `platform-ops/audits` (`application=2026-03-01, provider=2025-11-02`).
 *
 * @public
 */
export function parseAuditsAnnotation(
  text: string,
  now: DateTime = DateTime.utc(),
): Parsed<AuditDates> {
  const pairs = parseKeyValueList(ANNOTATION_AUDITS, text);
  const problems: Problem[] = [...pairs.problems];
  if (!pairs.value) return { value: undefined, problems };
  const audits: AuditDates = {};
  for (const [kind, dateText] of pairs.value) {
    if (!isValidName(kind)) {
      problems.push(
        problem(
          ANNOTATION_AUDITS,
          `${kind}=${dateText}`,
          `an audit kind that is ${NAME_EXPECTATION}`,
        ),
      );
      continue;
    }
    const date = parsePastDate(ANNOTATION_AUDITS, dateText, now);
    problems.push(...date.problems);
    if (date.value) audits[kind] = date.value;
  }
  return { value: audits, problems };
}

/**
 * Parses `platform-ops/runbook`: http(s) only.
 *
 * @public
 */
export function parseRunbookAnnotation(text: string): Parsed<string> {
  return parseHttpUrl(ANNOTATION_RUNBOOK, text);
}

/**
 * The annotations of the scope aspect: their problems belong on the scope
 * card.
 *
 * @public
 */
export const SCOPE_ANNOTATIONS: readonly string[] = [
  ANNOTATION_SCOPE,
  ANNOTATION_ESCALATION,
  ANNOTATION_AUDITS,
  ANNOTATION_RUNBOOK,
];

/**
 * The parsed annotations of the scope aspect.
 *
 * @public
 */
export type ScopeAnnotations = {
  scope?: string;
  escalation?: string[];
  audits?: AuditDates;
  runbook?: string;
};
