import {
  CHANGE_TARGETS,
  ChangeClass,
  ChangeStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { rangeText } from './describeWindow';

/** A change class in words. */
export const CLASS_TEXT: Record<ChangeClass, string> = {
  'security-patch': 'Security patch',
  minor: 'Minor update',
  major: 'Major update',
};

/** A change status in words. */
export const STATUS_TEXT: Record<ChangeStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
  postponed: 'Postponed',
};

/** What a change updates, in words. */
export const TARGET_TEXT: Record<(typeof CHANGE_TARGETS)[number], string> = {
  kubernetes: 'Kubernetes',
  'node-os-image': 'Node OS image',
  'system-pods': 'System pods',
  'platform-services': 'Platform services',
};

/** "short notice: 9d given, 30d expected". */
export function shortNoticeText(change: {
  noticeGiven: string;
  noticeRequired: string;
}): string {
  return `short notice: ${change.noticeGiven} given, ${change.noticeRequired} expected`;
}

/**
 * When a change runs, in the viewer's time with its zone, and the window
 * it was announced in: "Tue 1 Dec, 09:00–13:00 Europe/Berlin
 * (staging-monthly)".
 */
export function changeTimeText(
  change: { start: string; end: string; window?: string },
  options: { year?: boolean } = {},
): string {
  const start = DateTime.fromISO(change.start).toLocal();
  const end = DateTime.fromISO(change.end).toLocal();
  const window = change.window ? ` (${change.window})` : '';
  return `${rangeText(start, end, options)} ${start.zoneName}${window}`;
}

/** "ingress-nginx" for `component:default/ingress-nginx`. */
export function shortRef(ref: string): string {
  const match = /^component:default\/(.+)$/.exec(ref);
  return match ? match[1] : ref;
}
