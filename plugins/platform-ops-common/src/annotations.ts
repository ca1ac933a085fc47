/**
 * Annotation keys read by the Platform Ops suite. The platform team writes
 * them in an entity's catalog-info.yaml.
 */

/**
 * Which side of the platform team's fence a component is on: `platform`
 * (inside), or the outside party accountable for it: `application`,
 * `it-systems`, `infrastructure`, `identity`, or a party defined in config.
 *
 * @public
 */
export const ANNOTATION_SCOPE = 'platform-ops/scope';

/**
 * Ordered escalation path as entity refs with a kind, for example
 * `group:default/platform-oncall, user:default/jane`.
 *
 * @public
 */
export const ANNOTATION_ESCALATION = 'platform-ops/escalation';

/**
 * Date of the last audit per kind, for example
 * `application=2026-03-01, provider=2025-11-02`.
 *
 * @public
 */
export const ANNOTATION_AUDITS = 'platform-ops/audits';

/**
 * Environments the component runs in, for example `staging, production`.
 * Defaults to every environment in config.
 *
 * @public
 */
export const ANNOTATION_ENVIRONMENTS = 'platform-ops/environments';

/**
 * Alertmanager matchers selecting this component's live alerts, for example
 * `{namespace="ingress-nginx", app="ingress-nginx"}`.
 *
 * @public
 */
export const ANNOTATION_ALERT_MATCHERS = 'platform-ops/alert-matchers';

/**
 * The level this component's failure gets per environment, for example
 * `production=P1, staging=P2`. Overrides `platformOps.alerting.defaultLevels`.
 *
 * @public
 */
export const ANNOTATION_ALERT_LEVELS = 'platform-ops/alert-levels';

/**
 * Recovery point objective, backup retention and recovery time objective,
 * for example `rpo=24h, retention=7d, rto=4h`. Overrides
 * `platformOps.backups.defaultPolicy` key by key.
 *
 * @public
 */
export const ANNOTATION_BACKUP_POLICY = 'platform-ops/backup-policy';

/**
 * Where the backup status comes from: `velero:schedule=NAME`,
 * `velero:selector=LABEL=VALUE`, `push`, or `none` to state on purpose that
 * nothing is backed up.
 *
 * @public
 */
export const ANNOTATION_BACKUP_SOURCE = 'platform-ops/backup-source';

/**
 * What is declared as backed up, for example
 * `pvc:orders/data-orders-db-0, database:orders`.
 *
 * @public
 */
export const ANNOTATION_BACKUP_SCOPE = 'platform-ops/backup-scope';

/**
 * Backup protection in place, from `object-lock`, `off-site`, `off-cloud`
 * and `encrypted`. Missing ones are shown as gaps.
 *
 * @public
 */
export const ANNOTATION_BACKUP_PROTECTION = 'platform-ops/backup-protection';

/**
 * Named maintenance windows from config per environment, for example
 * `production=prod-monthly, staging=staging-monthly`.
 *
 * @public
 */
export const ANNOTATION_MAINTENANCE_WINDOW = 'platform-ops/maintenance-window';

/**
 * Product and release cycle for end-of-life status, for example
 * `kubernetes@1.31`.
 *
 * @public
 */
export const ANNOTATION_RELEASE = 'platform-ops/release';

/**
 * Runbook link. Only http and https URLs are accepted; anything else is a
 * problem and is never rendered as a link.
 *
 * @public
 */
export const ANNOTATION_RUNBOOK = 'platform-ops/runbook';

/**
 * Prefix shared by every Platform Ops annotation.
 *
 * @public
 */
export const ANNOTATION_PREFIX = 'platform-ops/';
