import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import { PlatformOpsConfig } from '../config/readConfig';
import { formatDuration } from '../values/duration';
import {
  entityRefInput,
  environmentInput,
  textInput,
  timestampInput,
} from '../values/inputSchemas';
import { isHttpUrl } from '../values/url';

/**
 * How big a change is; each class has its own notice rule.
 *
 * @public
 */
export const CHANGE_CLASSES = ['security-patch', 'minor', 'major'] as const;

/**
 * A change's class.
 *
 * @public
 */
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

/**
 * Where a change stands.
 *
 * @public
 */
export const CHANGE_STATUSES = [
  'planned',
  'in-progress',
  'done',
  'cancelled',
  'postponed',
] as const;

/**
 * A change's status.
 *
 * @public
 */
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/**
 * What a maintenance change updates.
 *
 * @public
 */
export const CHANGE_TARGETS = [
  'kubernetes',
  'node-os-image',
  'system-pods',
  'platform-services',
] as const;

const retrospectiveSchema = z
  .object({
    wentWell: textInput(4000).default(''),
    toImprove: textInput(4000).default(''),
    actionItems: z.array(textInput(500).min(1)).max(50).default([]),
  })
  .strict();

/**
 * A change as announced through `POST /api/platform-ops/changes`: in a
 * window occurrence (`window` and `windowStart`) or at an explicit `start`
 * and `end`.
 *
 * @public
 */
export const changeInputSchema = z
  .object({
    /** Chosen by the client so that a retried request announces one change. */
    id: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]{8,64}$/,
        'must be 8 to 64 letters, digits, dots, dashes or underscores',
      )
      .optional(),
    title: textInput(200).min(1, 'must say what changes'),
    class: z.enum(CHANGE_CLASSES),
    entityRefs: z
      .array(entityRefInput)
      .min(1, 'must name at least one entity')
      .max(100),
    environments: z
      .array(environmentInput)
      .min(1, 'must name at least one environment'),
    window: environmentInput.optional(),
    windowStart: timestampInput.optional(),
    start: timestampInput.optional(),
    end: timestampInput.optional(),
    updates: z
      .array(z.enum(CHANGE_TARGETS))
      .min(1, `must name what is updated: ${CHANGE_TARGETS.join(', ')}`),
    description: textInput(4000).default(''),
    link: textInput(2000)
      .refine(isHttpUrl, { message: 'must be an http(s) URL' })
      .optional(),
    contingencyPlan: textInput(4000).min(
      1,
      'must say how to go back if the change fails',
    ),
    silenceAlerts: z.boolean().default(false),
  })
  .strict()
  .superRefine((change, context) => {
    const inWindow =
      change.window !== undefined || change.windowStart !== undefined;
    const explicit = change.start !== undefined || change.end !== undefined;
    if (inWindow === explicit) {
      context.addIssue({
        code: 'custom',
        path: [inWindow ? 'start' : 'window'],
        message:
          'give either a window occurrence (window and windowStart) or an explicit start and end, not both',
      });
      return;
    }
    if (inWindow && (!change.window || !change.windowStart)) {
      context.addIssue({
        code: 'custom',
        path: [change.window ? 'windowStart' : 'window'],
        message: 'is required with a window occurrence',
      });
    }
    if (explicit) {
      if (!change.start || !change.end) {
        context.addIssue({
          code: 'custom',
          path: [change.start ? 'end' : 'start'],
          message: 'is required with an explicit time',
        });
      } else if (Date.parse(change.end) <= Date.parse(change.start)) {
        context.addIssue({
          code: 'custom',
          path: ['end'],
          message: 'must be after start',
        });
      }
    }
  });

/**
 * A change to announce, as validated from a request body.
 *
 * @public
 */
export type ChangeInput = z.output<typeof changeInputSchema>;

/**
 * A status update through `PATCH /api/platform-ops/changes/:id`. A
 * postponed change may move; a done change may carry its retrospective.
 *
 * @public
 */
export const changeUpdateSchema = z
  .object({
    status: z.enum(CHANGE_STATUSES),
    start: timestampInput.optional(),
    end: timestampInput.optional(),
    retrospective: retrospectiveSchema.optional(),
  })
  .strict()
  .superRefine((update, context) => {
    if (update.retrospective && update.status !== 'done') {
      context.addIssue({
        code: 'custom',
        path: ['retrospective'],
        message: 'belongs to a done change',
      });
    }
    if ((update.start === undefined) !== (update.end === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [update.start ? 'end' : 'start'],
        message: 'moves together with the other end of the change',
      });
    } else if (
      update.start &&
      update.end &&
      Date.parse(update.end) <= Date.parse(update.start)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'must be after start',
      });
    }
  });

/**
 * A status update, as validated from a request body.
 *
 * @public
 */
export type ChangeUpdate = z.output<typeof changeUpdateSchema>;

/**
 * A change's retrospective: what went well, what to improve, action items.
 *
 * @public
 */
export type Retrospective = z.output<typeof retrospectiveSchema>;

/**
 * An announced maintenance change. Returned by
 * `GET /api/platform-ops/changes`.
 *
 * @public
 */
export type Change = {
  id: string;
  title: string;
  class: ChangeClass;
  status: ChangeStatus;
  entityRefs: string[];
  environments: string[];
  /** The window it runs in, if announced in one. */
  window?: string;
  start: string;
  end: string;
  updates: Array<(typeof CHANGE_TARGETS)[number]>;
  description: string;
  link?: string;
  contingencyPlan: string;
  silenceAlerts: boolean;
  announcedAt: string;
  announcedBy: string;
  /** Notice the class needs, and notice given, such as 30d and 12d. */
  noticeRequired: string;
  noticeGiven: string;
  /** Announced with less notice than its class needs: recorded, flagged. */
  shortNotice: boolean;
  retrospective?: Retrospective;
  /** Increases each time the change moves, for calendar clients. */
  sequence: number;
  updatedAt: string;
};

/**
 * The notice a change of this class needs, the notice it was given (from
 * announcement to start) and whether that falls short. A short-notice
 * change is recorded and flagged, never refused: critical security patches
 * must go in at once.
 *
 * @public
 */
export function noticeOf(
  changeClass: ChangeClass,
  announcedAt: DateTime,
  start: DateTime,
  config: PlatformOpsConfig,
): { required: string; given: string; short: boolean } {
  const required: Duration = config.maintenance.notice[changeClass];
  const givenMs = Math.max(0, start.diff(announcedAt).as('milliseconds'));
  const days = Math.floor(givenMs / 86_400_000);
  const given = days >= 1 ? `${days}d` : `${Math.floor(givenMs / 3_600_000)}h`;
  return {
    required: formatDuration(required),
    given,
    short: givenMs < required.as('milliseconds'),
  };
}
