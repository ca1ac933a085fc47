import {
  ChangeUpdate,
  changeUpdateSchema,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';

/** What a status action does to a change. */
export type ChangeAction = 'start' | 'done' | 'postpone' | 'cancel';

/** The fields of the status dialogs, as typed. */
export type ChangeUpdateValues = {
  /** `datetime-local` values in the viewer's time, for postponing. */
  start: string;
  end: string;
  wentWell: string;
  toImprove: string;
  /** One per line. */
  actionItems: string;
};

/** A field of the status dialogs. */
export type ChangeUpdateField = keyof ChangeUpdateValues;

/** What is wrong with each field. */
export type ChangeUpdateErrors = Partial<Record<ChangeUpdateField, string>>;

const FIELDS: readonly string[] = [
  'start',
  'end',
  'wentWell',
  'toImprove',
  'actionItems',
];

/** An ISO time as a `datetime-local` value in the viewer's time. */
export function localInputOf(time: string): string {
  const parsed = DateTime.fromISO(time);
  return parsed.isValid ? parsed.toLocal().toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

function utcOf(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const time = DateTime.fromISO(local);
  return time.isValid ? time.toUTC().toISO()! : local;
}

/**
 * The update an action sends, checked with the backend's schema: starting
 * and cancelling only set the status, finishing carries the retrospective
 * when one is written, postponing carries the new time.
 */
export function parseChangeUpdate(
  action: ChangeAction,
  values: ChangeUpdateValues,
):
  | { update: ChangeUpdate; errors?: undefined }
  | { errors: ChangeUpdateErrors } {
  let body: Record<string, unknown>;
  const errors: ChangeUpdateErrors = {};
  switch (action) {
    case 'start':
      body = { status: 'in-progress' };
      break;
    case 'cancel':
      body = { status: 'cancelled' };
      break;
    case 'done': {
      const actionItems = values.actionItems
        .split('\n')
        .map(item => item.trim())
        .filter(Boolean);
      const written =
        values.wentWell.trim() || values.toImprove.trim() || actionItems.length;
      body = {
        status: 'done',
        retrospective: written
          ? {
              wentWell: values.wentWell,
              toImprove: values.toImprove,
              actionItems,
            }
          : undefined,
      };
      break;
    }
    default:
      if (!values.start.trim())
        errors.start = 'must say when the change now starts';
      if (!values.end.trim()) errors.end = 'must say when the change now ends';
      body = {
        status: 'postponed',
        start: utcOf(values.start),
        end: utcOf(values.end),
      };
  }
  const result = changeUpdateSchema.safeParse(body);
  if (result.success && Object.keys(errors).length === 0) {
    return { update: result.data };
  }
  for (const issue of result.success ? [] : result.error.issues) {
    // Retrospective problems belong to its own fields.
    const name = String(
      issue.path[0] === 'retrospective' ? issue.path[1] : issue.path[0],
    );
    if (FIELDS.includes(name) && !errors[name as ChangeUpdateField]) {
      errors[name as ChangeUpdateField] = issue.message;
    }
  }
  return { errors };
}
