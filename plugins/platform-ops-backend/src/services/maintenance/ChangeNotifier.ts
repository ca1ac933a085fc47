import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Change } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';

/** What happened to a change that its people hear about. */
export type ChangeEvent = 'announced' | 'postponed' | 'cancelled';

const VERBS: Record<ChangeEvent, string> = {
  announced: 'announced',
  postponed: 'postponed',
  cancelled: 'cancelled',
};

/**
 * Tells the owners of a change's components, and of the components that
 * depend on them, through Backstage notifications. A failure to notify is
 * logged, never lost silently and never fails the change itself.
 */
export class ChangeNotifier {
  private constructor(
    private readonly notifications: NotificationService | undefined,
    private readonly logger: LoggerService,
    private readonly linkOf: (change: Change) => string,
  ) {}

  static create(options: {
    notifications?: NotificationService;
    logger: LoggerService;
    linkOf: (change: Change) => string;
  }): ChangeNotifier {
    return new ChangeNotifier(
      options.notifications,
      options.logger,
      options.linkOf,
    );
  }

  /**
   * One notification per event to every owner at once: an owner of several
   * affected components hears of it once.
   */
  async notify(
    change: Change,
    event: ChangeEvent,
    owners: string[],
  ): Promise<{ sent: number; error?: string }> {
    const recipients = [...new Set(owners)].sort();
    if (!this.notifications || recipients.length === 0) return { sent: 0 };
    const start = DateTime.fromISO(change.start, { zone: 'utc' });
    const notice = change.shortNotice
      ? ` Short notice: ${change.noticeGiven} given, ${change.noticeRequired} expected.`
      : '';
    const description = `${change.environments.join(', ')}, ${start.toFormat(
      'yyyy-MM-dd HH:mm',
    )} UTC. Affects ${change.entityRefs.join(', ')}.${notice}`;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: `${change.class} change ${VERBS[event]}: ${change.title}`,
          description,
          link: this.linkOf(change),
          severity:
            change.class === 'major' || event === 'cancelled'
              ? 'high'
              : 'normal',
          topic: 'platform-ops-maintenance',
          scope: `platform-ops-change-${change.id}-${event}-${change.sequence}`,
        },
      });
      return { sent: recipients.length };
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(
        `Could not notify ${recipients.length} owner(s) of change ${change.id}: ${message}`,
      );
      return { sent: 0, error: message };
    }
  }
}
