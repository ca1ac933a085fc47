import { z } from 'zod';
import {
  entityRefInput,
  environmentInput,
  textInput,
  timestampInput,
} from '../values/inputSchemas';
import { RawBackup } from './types';

/**
 * What a pushed backup report can say happened.
 *
 * @public
 */
export const BACKUP_REPORT_STATUSES = [
  'completed',
  'partially-failed',
  'failed',
  'in-progress',
] as const;

/**
 * A backup report pushed by an application-specific tool (pg_dump and the
 * like) through `POST /api/platform-ops/backup-reports`. Idempotent by `id`.
 *
 * @public
 */
export const backupReportSchema = z
  .object({
    id: z
      .string({
        required_error: 'is required',
        invalid_type_error: 'must be text',
      })
      .regex(
        /^[A-Za-z0-9._:-]{1,128}$/,
        'must be 1 to 128 letters, digits, dots, colons, dashes or underscores',
      ),
    entityRef: entityRefInput,
    environment: environmentInput,
    status: z.enum(BACKUP_REPORT_STATUSES),
    startedAt: timestampInput,
    completedAt: timestampInput.optional(),
    /** When the tool deletes the backup; past this it cannot be restored. */
    expiresAt: timestampInput.optional(),
    sizeBytes: z
      .number({ invalid_type_error: 'must be a number of bytes' })
      .int('must be a whole number of bytes')
      .nonnegative('must not be negative')
      .optional(),
    /** Shown as text, never fetched or linked. */
    location: textInput(500).optional(),
    failureReason: textInput(1000).optional(),
  })
  .strict()
  .superRefine((report, context) => {
    if (report.status !== 'in-progress' && !report.completedAt) {
      context.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: `is required when status is ${report.status}`,
      });
    }
    if (
      report.completedAt &&
      Date.parse(report.completedAt) < Date.parse(report.startedAt)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: 'must not be before startedAt',
      });
    }
  });

/**
 * A pushed backup report, as validated from a request body.
 *
 * @public
 */
export type BackupReport = z.output<typeof backupReportSchema>;

const PHASES: Record<BackupReport['status'], string> = {
  completed: 'Completed',
  'partially-failed': 'PartiallyFailed',
  failed: 'Failed',
  'in-progress': 'InProgress',
};

/**
 * A pushed report in the same shape as a Velero backup, so one set of rules
 * judges both.
 *
 * @public
 */
export function backupOfReport(report: BackupReport): RawBackup {
  return {
    name: report.id,
    labels: {},
    phase: PHASES[report.status],
    failureReason: report.failureReason,
    startedAt: report.startedAt,
    completedAt: report.completedAt,
    expiresAt: report.expiresAt,
    includedNamespaces: [],
    excludedNamespaces: [],
    sizeBytes: report.sizeBytes,
    location: report.location,
  };
}
