import { Duration, IANAZone } from 'luxon';
import { z } from 'zod';
import { DURATION_EXPECTATION, parseDuration } from '../values/duration';
import { checkWindowRule } from '../maintenance/recurrence';
import { isValidEntityRefWithKind } from './refs';
import { isAlertLevel } from '../values/level';
import { isValidName, NAME_EXPECTATION } from '../values/names';

const name = z
  .string()
  .refine(isValidName, { message: `must be ${NAME_EXPECTATION}` });

const duration = z.string().transform((text, context): Duration => {
  const parsed = parseDuration('duration', text);
  if (!parsed.value) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be ${DURATION_EXPECTATION}`,
    });
    return z.NEVER;
  }
  return parsed.value;
});

const level = z
  .string()
  .refine(isAlertLevel, { message: 'must be one of P1, P2, P3' });

const httpUrl = z
  .string()
  .url({ message: 'must be an absolute URL' })
  .refine(text => /^https?:\/\//.test(text), {
    message: 'must use http or https',
  });

const groupRef = z
  .string()
  .refine(text => isValidEntityRefWithKind(text, 'group'), {
    message: 'must be a group entity ref such as group:default/platform-team',
  });

/**
 * The largest alert list read from an Alertmanager by default, 10 MiB:
 * room for thousands of alerts, yet a bound on what one source can make the
 * backend hold in memory.
 */
const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

const party = z.object({
  title: z.string().min(1),
  owner: groupRef.optional(),
  description: z.string().optional(),
});

const environment = z.object({
  name,
  title: z.string().optional(),
  alertmanager: z
    .object({
      baseUrl: httpUrl,
      heartbeat: z
        .object({ alertname: z.string().min(1).default('Watchdog') })
        .default({}),
      maxResponseBytes: z
        .number({ invalid_type_error: 'must be a whole number of bytes' })
        .int('must be a whole number of bytes')
        .positive('must be at least 1')
        .default(DEFAULT_MAX_RESPONSE_BYTES),
    })
    .optional(),
  kubernetes: z
    .object({
      url: httpUrl,
      serviceAccountToken: z.string().min(1).optional(),
      caData: z.string().optional(),
      skipTLSVerify: z.boolean().default(false),
    })
    .optional(),
  maintenanceWindow: name.optional(),
});

const window = z.object({
  rrule: z.string().superRefine((rrule, context) => {
    const problem = checkWindowRule(rrule);
    if (problem) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be an RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=2TU: ${problem}`,
      });
    }
  }),
  /** The first day the rule applies; it anchors rules with INTERVAL. */
  since: z
    .string()
    .date('must be a date written YYYY-MM-DD')
    .default('2026-01-01'),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'must be a local time HH:MM',
  }),
  duration,
  timezone: z.string().refine(zone => IANAZone.isValidZone(zone), {
    message: 'must be an IANA time zone such as Europe/Stockholm',
  }),
});

const DEFAULT_LEVELS: Record<string, string> = {
  production: 'P2',
  staging: 'P3',
};

const DEFAULT_PARTIES = {
  platform: { title: 'Platform team' },
  application: { title: 'Application team' },
  'it-systems': { title: 'IT systems team' },
  infrastructure: { title: 'Infrastructure team' },
  identity: { title: 'Identity team' },
};

/**
 * The zod schema of the `platformOps` config block, with the defaults from
 * the design applied.
 *
 * @public
 */
export const platformOpsConfigSchema = z
  .object({
    // Config adds parties to the built-in ones (and may retitle them).
    parties: z
      .record(name, party)
      .default({})
      .transform(
        (parties): Record<string, z.output<typeof party>> => ({
          ...DEFAULT_PARTIES,
          ...parties,
        }),
      ),
    environments: z
      .array(environment)
      .min(1)
      .default([{ name: 'staging' }, { name: 'production' }]),
    alerting: z
      .object({
        // Without config, the design's defaults apply to those of the
        // environments that exist (see the transform below).
        defaultLevels: z.record(name, level).optional(),
        severityLevels: z
          .record(z.string().min(1), level)
          .default({ critical: 'P1', warning: 'P2', info: 'P3' }),
        pollInterval: duration.default('30s'),
      })
      .default({}),
    backups: z
      .object({
        defaultPolicy: z
          .object({
            rpo: duration.default('24h'),
            retention: duration.default('7d'),
            rto: duration.default('4h'),
          })
          .default({}),
        drillInterval: duration.default('180d'),
        /** How often backup sources are polled. */
        pollInterval: duration.default('5m'),
      })
      .default({}),
    audits: z
      .record(name, duration)
      .default({ application: '365d', provider: '365d' }),
    maintenance: z
      .object({
        windows: z.record(name, window).default({}),
        notice: z
          .object({
            major: duration.default('30d'),
            minor: duration.default('7d'),
            'security-patch': duration.default('0d'),
          })
          .default({}),
        /** The longest terminationGracePeriodSeconds a drain should wait for. */
        maxGracePeriod: duration.default('60s'),
        /** How often clusters are read for drain readiness. */
        pollInterval: duration.default('5m'),
        /** How many `dependsOn` hops away a dependent still hears of a change. */
        dependencyDepth: z
          .number({ invalid_type_error: 'must be a whole number' })
          .int('must be a whole number')
          .min(0, 'must be at least 0')
          .max(10, 'must be at most 10')
          .default(3),
      })
      .default({}),
    catalog: z
      .object({
        // Read by the catalog module: what an annotation problem does there.
        annotationValidation: z
          .enum(['warn', 'error'], {
            errorMap: () => ({ message: 'must be one of warn, error' }),
          })
          .default('warn'),
      })
      .default({}),
    endOfLife: z
      .object({
        warnWithin: duration.default('90d'),
        products: z
          .record(
            z.string().min(1),
            z.array(
              z.object({
                cycle: z.string().min(1),
                eol: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {
                  message: 'must be a date YYYY-MM-DD',
                }),
              }),
            ),
          )
          .default({}),
      })
      .default({}),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.environments.forEach((entry, index) => {
      if (seen.has(entry.name)) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['environments', index, 'name'],
          message: `"${entry.name}" is listed twice`,
        });
      }
      seen.add(entry.name);
      if (
        entry.maintenanceWindow &&
        !config.maintenance.windows[entry.maintenanceWindow]
      ) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['environments', index, 'maintenanceWindow'],
          message: `names no window under platformOps.maintenance.windows ("${entry.maintenanceWindow}")`,
        });
      }
    });
    for (const environmentName of Object.keys(
      config.alerting.defaultLevels ?? {},
    )) {
      if (!seen.has(environmentName)) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['alerting', 'defaultLevels', environmentName],
          message: `names no environment under platformOps.environments ("${environmentName}")`,
        });
      }
    }
  })
  .transform(config => ({
    ...config,
    alerting: {
      ...config.alerting,
      defaultLevels:
        config.alerting.defaultLevels ??
        Object.fromEntries(
          Object.entries(DEFAULT_LEVELS).filter(([environmentName]) =>
            config.environments.some(entry => entry.name === environmentName),
          ),
        ),
    },
  }));
