import { Duration } from 'luxon';
import {
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_BACKUP_PROTECTION,
  ANNOTATION_BACKUP_SCOPE,
  ANNOTATION_BACKUP_SOURCE,
} from '../annotations';
import { Parsed, problem, Problem } from '../problems';
import { parseDuration } from '../values/duration';
import { parseKeyValueList, parseList } from '../values/list';

/**
 * Recovery point objective, retention and recovery time objective.
 *
 * @public
 */
export type BackupPolicy = {
  rpo: Duration;
  retention: Duration;
  rto: Duration;
};

/**
 * The keys of a {@link BackupPolicy}.
 *
 * @public
 */
export const BACKUP_POLICY_KEYS: readonly (keyof BackupPolicy)[] = [
  'rpo',
  'retention',
  'rto',
];

/**
 * Parses `platform-ops/backup-policy` (`rpo=24h, retention=7d, rto=4h`).
 * Any subset of the keys may be given; the rest come from config.
 *
 * @public
 */
export function parseBackupPolicyAnnotation(
  text: string,
): Parsed<Partial<BackupPolicy>> {
  const key = ANNOTATION_BACKUP_POLICY;
  const pairs = parseKeyValueList(key, text);
  const problems: Problem[] = [...pairs.problems];
  if (!pairs.value) return { value: undefined, problems };
  const policy: Partial<BackupPolicy> = {};
  for (const [name, durationText] of pairs.value) {
    if (!(BACKUP_POLICY_KEYS as readonly string[]).includes(name)) {
      problems.push(
        problem(
          key,
          `${name}=${durationText}`,
          'keys among rpo, retention, rto',
        ),
      );
      continue;
    }
    const duration = parseDuration(key, durationText);
    problems.push(...duration.problems);
    if (duration.value) policy[name as keyof BackupPolicy] = duration.value;
  }
  return { value: policy, problems };
}

/**
 * Where a component's backup status comes from.
 *
 * @public
 */
export type BackupSourceSpec =
  | { type: 'velero'; schedule: string }
  | { type: 'velero'; selector: { label: string; value: string } }
  | { type: 'push' }
  | { type: 'none' };

const KUBERNETES_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/**
 * Parses `platform-ops/backup-source`: `velero:schedule=NAME`,
 * `velero:selector=LABEL=VALUE`, `push` or `none`.
 *
 * @public
 */
export function parseBackupSourceAnnotation(
  text: string,
): Parsed<BackupSourceSpec> {
  const key = ANNOTATION_BACKUP_SOURCE;
  const expected =
    'one of velero:schedule=NAME, velero:selector=LABEL=VALUE, push or none';
  const trimmed = text.trim();
  if (trimmed === 'push' || trimmed === 'none') {
    return { value: { type: trimmed }, problems: [] };
  }
  const schedule = /^velero:schedule=(.+)$/.exec(trimmed);
  if (schedule) {
    if (!KUBERNETES_NAME.test(schedule[1])) {
      return {
        value: undefined,
        problems: [
          problem(key, text, 'a Velero schedule name such as daily-platform'),
        ],
      };
    }
    return { value: { type: 'velero', schedule: schedule[1] }, problems: [] };
  }
  const selector = /^velero:selector=([^=]+)=(.*)$/.exec(trimmed);
  if (selector) {
    if (!LABEL_KEY.test(selector[1]) || !LABEL_VALUE.test(selector[2])) {
      return {
        value: undefined,
        problems: [
          problem(
            key,
            text,
            'a Kubernetes label selector such as velero:selector=app=orders',
          ),
        ],
      };
    }
    return {
      value: {
        type: 'velero',
        selector: { label: selector[1], value: selector[2] },
      },
      problems: [],
    };
  }
  return { value: undefined, problems: [problem(key, text, expected)] };
}

/**
 * Kinds of item a backup can cover.
 *
 * @public
 */
export const BACKUP_SCOPE_KINDS = [
  'pvc',
  'namespace',
  'database',
  'bucket',
  'volume',
  'files',
] as const;

/**
 * One item declared as backed up, for example a PVC `orders/data-orders-db-0`.
 *
 * @public
 */
export type BackupScopeItem = {
  kind: (typeof BACKUP_SCOPE_KINDS)[number];
  target: string;
};

/**
 * Parses `platform-ops/backup-scope`
 * (`pvc:orders/data-orders-db-0, database:orders`).
 *
 * @public
 */
export function parseBackupScopeAnnotation(
  text: string,
): Parsed<BackupScopeItem[]> {
  const key = ANNOTATION_BACKUP_SCOPE;
  const list = parseList(key, text);
  const problems: Problem[] = [...list.problems];
  if (!list.value) return { value: undefined, problems };
  const items: BackupScopeItem[] = [];
  for (const item of list.value) {
    const match = /^([a-z]+):(\S+)$/.exec(item);
    const kind = match?.[1] as BackupScopeItem['kind'] | undefined;
    if (!match || !kind || !BACKUP_SCOPE_KINDS.includes(kind)) {
      problems.push(
        problem(
          key,
          item,
          `KIND:TARGET with KIND one of ${BACKUP_SCOPE_KINDS.join(', ')}`,
        ),
      );
      continue;
    }
    if (kind === 'pvc' && !/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(match[2])) {
      problems.push(problem(key, item, 'a PVC written as pvc:NAMESPACE/NAME'));
      continue;
    }
    items.push({ kind, target: match[2] });
  }
  return { value: items, problems };
}

/**
 * Backup protections a platform team is expected to have in place.
 *
 * @public
 */
export const BACKUP_PROTECTIONS = [
  'object-lock',
  'off-site',
  'off-cloud',
  'encrypted',
] as const;

/**
 * One of {@link BACKUP_PROTECTIONS}.
 *
 * @public
 */
export type BackupProtection = (typeof BACKUP_PROTECTIONS)[number];

/**
 * Parses `platform-ops/backup-protection` (`object-lock, off-site, encrypted`).
 *
 * @public
 */
export function parseBackupProtectionAnnotation(
  text: string,
): Parsed<BackupProtection[]> {
  const key = ANNOTATION_BACKUP_PROTECTION;
  const list = parseList(key, text);
  const problems: Problem[] = [...list.problems];
  if (!list.value) return { value: undefined, problems };
  const protections: BackupProtection[] = [];
  for (const item of list.value) {
    if (!(BACKUP_PROTECTIONS as readonly string[]).includes(item)) {
      problems.push(
        problem(key, item, `one of ${BACKUP_PROTECTIONS.join(', ')}`),
      );
    } else if (protections.includes(item as BackupProtection)) {
      problems.push(problem(key, item, `"${item}" only once`));
    } else {
      protections.push(item as BackupProtection);
    }
  }
  return { value: protections, problems };
}

/**
 * The annotations of the backups aspect.
 *
 * @public
 */
export const BACKUPS_ANNOTATIONS: readonly string[] = [
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_BACKUP_SOURCE,
  ANNOTATION_BACKUP_SCOPE,
  ANNOTATION_BACKUP_PROTECTION,
];

/**
 * The parsed annotations of the backups aspect.
 *
 * @public
 */
export type BackupsAnnotations = {
  backupPolicy?: Partial<BackupPolicy>;
  backupSource?: BackupSourceSpec;
  backupScope?: BackupScopeItem[];
  backupProtection?: BackupProtection[];
};
