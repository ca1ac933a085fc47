import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OpsSummary,
  PlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { AlertService } from './alerting/AlertService';
import { BackupService } from './backups/BackupService';
import { ChangeService } from './maintenance/ChangeService';
import { DrainService } from './maintenance/DrainService';
import { ContactResolver } from './scope/ContactResolver';
import { contactRefsOf, withContacts } from './scope/contacts';

/**
 * Builds one {@link @platform-ops/plugin-platform-ops-common#OpsSummary} per
 * entity.
 *
 * @public
 */
export interface SummaryService {
  /** Returns the summary, or undefined when the catalog has no such entity. */
  getSummary(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<OpsSummary | undefined>;
}

/**
 * The default {@link SummaryService}: reads the entity from the catalog with
 * the caller's credentials, so catalog permissions apply, and combines its
 * annotations with config.
 */
export class CatalogSummaryService implements SummaryService {
  private constructor(
    private readonly catalog: CatalogService,
    private readonly contacts: ContactResolver,
    private readonly alerts: Pick<AlertService, 'withAlerts'>,
    private readonly backups: Pick<BackupService, 'withBackups'>,
    private readonly maintenance: Pick<ChangeService, 'withChanges'>,
    private readonly drain: Pick<DrainService, 'withDrainReadiness'>,
    private readonly config: PlatformOpsConfig,
    private readonly logger: LoggerService,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    catalog: CatalogService;
    contacts: ContactResolver;
    alerts: Pick<AlertService, 'withAlerts'>;
    backups: Pick<BackupService, 'withBackups'>;
    maintenance: Pick<ChangeService, 'withChanges'>;
    drain: Pick<DrainService, 'withDrainReadiness'>;
    config: PlatformOpsConfig;
    logger: LoggerService;
    clock?: () => DateTime;
  }): CatalogSummaryService {
    return new CatalogSummaryService(
      options.catalog,
      options.contacts,
      options.alerts,
      options.backups,
      options.maintenance,
      options.drain,
      options.config,
      options.logger,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  async getSummary(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<OpsSummary | undefined> {
    const entity = await this.catalog.getEntityByRef(ref, options);
    if (!entity) return undefined;
    const base = summarizeEntity(entity, this.config, this.clock());
    const contacts = await this.contacts.resolve(
      contactRefsOf(base.scope),
      options,
    );
    const summary = await this.drain.withDrainReadiness(
      await this.maintenance.withChanges(
        await this.backups.withBackups(
          await this.alerts.withAlerts(withContacts(base, contacts)),
        ),
      ),
    );
    if (summary.problems.length > 0) {
      this.logger.debug(
        `${stringifyEntityRef(entity)} has ${
          summary.problems.length
        } annotation problem(s)`,
      );
    }
    return summary;
  }
}
