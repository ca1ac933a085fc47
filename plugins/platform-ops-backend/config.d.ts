export interface Config {
  /**
   * Platform Ops: the platform team's fence, environments and their sources,
   * alerting, backup, audit and maintenance rules. Every field is optional;
   * the defaults are documented in the common package README.
   */
  platformOps?: {
    /**
     * Parties and what they are accountable for, keyed by the value used in
     * the `platform-ops/scope` annotation. `platform` is inside the fence.
     */
    parties?: {
      [name: string]: {
        /** Shown to people, for example "IT systems team". */
        title: string;
        /** Group accountable for the party's components, such as group:default/it-systems. */
        owner?: string;
        description?: string;
      };
    };
    /** Environments, in the order they are upgraded (staging before production). */
    environments?: Array<{
      name: string;
      title?: string;
      /** Alertmanager of this environment, polled through its v2 API. */
      alertmanager?: {
        baseUrl: string;
        /** The always-firing alert that proves the pipeline works. */
        heartbeat?: { alertname?: string };
        /**
         * The largest alert list read from this Alertmanager, in bytes
         * (default 10485760, 10 MiB). A larger answer fails the poll with
         * an error naming this key; reading stops at the limit.
         */
        maxResponseBytes?: number;
      };
      /** Kubernetes API server of this environment, read for Velero backups. */
      kubernetes?: {
        url: string;
        /**
         * Token of a service account allowed to read velero.io resources.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /**
         * Base64 PEM of the API server's certificate authority.
         * @visibility secret
         */
        caData?: string;
        skipTLSVerify?: boolean;
      };
      /** Default maintenance window of this environment. */
      maintenanceWindow?: string;
    }>;
    alerting?: {
      /** Component level per environment when no annotation says otherwise. */
      defaultLevels?: { [environment: string]: string };
      /** Level of an alert without a priority label, by its severity label. */
      severityLevels?: { [severity: string]: string };
      /** How often sources are polled, such as 30s. */
      pollInterval?: string;
    };
    backups?: {
      defaultPolicy?: { rpo?: string; retention?: string; rto?: string };
      /** How often each component's restore must be drilled, such as 180d. */
      drillInterval?: string;
      /** How often backup sources (Velero) are polled, such as 5m. */
      pollInterval?: string;
    };
    /** Interval per audit kind, such as { application: 365d, provider: 365d }. */
    audits?: { [kind: string]: string };
    maintenance?: {
      windows?: {
        [name: string]: {
          /** RFC 5545 recurrence rule, such as FREQ=MONTHLY;BYDAY=2TU. */
          rrule: string;
          /** Local start time HH:MM in the window's time zone. */
          start: string;
          duration: string;
          /** IANA time zone, such as Europe/Stockholm. */
          timezone: string;
          /** The first day the rule applies (YYYY-MM-DD); it anchors INTERVAL. Default 2026-01-01. */
          since?: string;
        };
      };
      /** Minimum notice per change class, such as { major: 30d }. */
      notice?: { major?: string; minor?: string; 'security-patch'?: string };
      /** How many dependsOn hops away a dependent still sees a change (default 3). */
      dependencyDepth?: number;
      /** The longest terminationGracePeriodSeconds a node drain should wait for (default 60s). */
      maxGracePeriod?: string;
      /** How often clusters are read for drain readiness (default 5m). */
      pollInterval?: string;
    };
    endOfLife?: {
      warnWithin?: string;
      products?: { [product: string]: Array<{ cycle: string; eol: string }> };
    };
  };
}
