import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { NextFunction, Request, Response } from 'express';
import {
  Contact,
  OpsSummary,
  overviewRowOf,
  OverviewRow,
  sortOverviewRows,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { EntityIndex } from './EntityIndex';
import { ContactResolver } from './scope/ContactResolver';
import { contactRefsOf, withContacts } from './scope/contacts';
import { LiveLayers } from './liveLayers';

/** Contacts per catalog call while building. */
const CONTACT_BATCH = 500;

/**
 * Every annotated entity's full summary and overview row, built at once.
 *
 * @public
 */
export type BuiltSummaries = {
  /** By entity ref, lower-cased: the catalog compares refs ignoring case. */
  summaries: Map<string, OpsSummary>;
  /** In overview order, worst first. */
  rows: OverviewRow[];
  builtAt: DateTime;
  indexedAt?: DateTime;
};

/**
 * The summaries of every annotated entity, built once per refresh of their
 * inputs rather than per request: the entity index (catalog), contacts,
 * and the live layers (alert, backup and cluster snapshots, drills,
 * changes). Each backend replica keeps its own copy, rebuilt from what all
 * replicas share in the database.
 *
 * A copy older than `maxAge` is rebuilt in the background while the old
 * one is served: each summary's sections say how old their sources are.
 * After a write on this replica (`invalidate`), the next read waits for
 * the rebuild, so a writer reads its own write.
 */
export class SummaryCache {
  private built?: BuiltSummaries;
  private building?: Promise<BuiltSummaries>;
  private dirty = false;

  private constructor(
    private readonly index: EntityIndex,
    private readonly contacts: ContactResolver,
    private readonly auth: AuthService,
    private readonly layers: LiveLayers,
    private readonly logger: LoggerService,
    private readonly maxAgeMs: number,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    index: EntityIndex;
    contacts: ContactResolver;
    auth: AuthService;
    layers: LiveLayers;
    logger: LoggerService;
    /** How old a copy may be before a read starts a rebuild. */
    maxAgeMs?: number;
    clock?: () => DateTime;
  }): SummaryCache {
    return new SummaryCache(
      options.index,
      options.contacts,
      options.auth,
      options.layers,
      options.logger,
      options.maxAgeMs ?? 5_000,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  /** After a write: the next read waits for a copy that includes it. */
  invalidate(): void {
    this.dirty = true;
  }

  /** The current copy; builds the first one, and refreshes an old one. */
  async current(): Promise<BuiltSummaries> {
    if (!this.built || this.dirty) {
      this.dirty = false;
      if (!this.built) return this.rebuild();
      try {
        return await this.rebuild();
      } catch (error) {
        // The database may be restarting: the old copy beats no answer,
        // and the next read tries again.
        this.dirty = true;
        this.logger.warn(`Rebuilding the summaries failed: ${error}`);
        return this.built;
      }
    }
    const age = this.clock().diff(this.built.builtAt).as('milliseconds');
    if (age > this.maxAgeMs) {
      // Served as it is meanwhile; a failed rebuild keeps the old copy.
      this.rebuild().catch(error =>
        this.logger.warn(`Rebuilding the summaries failed: ${error}`),
      );
    }
    return this.built;
  }

  /** One entity's summary, or undefined when it is not indexed. */
  async get(ref: string): Promise<OpsSummary | undefined> {
    return (await this.current()).summaries.get(ref.toLocaleLowerCase('en-US'));
  }

  private rebuild(): Promise<BuiltSummaries> {
    this.building ??= this.build()
      .then(built => {
        this.built = built;
        return built;
      })
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }

  private async build(): Promise<BuiltSummaries> {
    const started = Date.now();
    await this.index.ensureLoaded();
    const entries = this.index.list();
    const contacts = await this.resolveContacts(
      entries.flatMap(entry => contactRefsOf(entry.summary.scope)),
    );
    const summaries = await this.layers.fill(
      entries.map(entry => withContacts(entry.summary, contacts)),
    );
    const builtAt = this.clock();
    const byRef = new Map<string, OpsSummary>();
    for (const summary of summaries) {
      byRef.set(summary.entity.ref.toLocaleLowerCase('en-US'), {
        ...summary,
        generatedAt: builtAt.toISO()!,
      });
    }
    const rows = sortOverviewRows(
      summaries.map(summary => overviewRowOf(summary, builtAt)),
    );
    this.logger.debug(
      `Built ${byRef.size} summaries in ${Date.now() - started} ms`,
    );
    return {
      summaries: byRef,
      rows,
      builtAt,
      indexedAt: this.index.indexedAt,
    };
  }

  /**
   * Contacts with the plugin's own credentials: an escalation path is
   * shown to whoever may read the component it belongs to.
   */
  private async resolveContacts(
    refs: string[],
  ): Promise<Record<string, Contact>> {
    const unique = [...new Set(refs)];
    const credentials = await this.auth.getOwnServiceCredentials();
    const contacts: Record<string, Contact> = {};
    for (let start = 0; start < unique.length; start += CONTACT_BATCH) {
      Object.assign(
        contacts,
        await this.contacts.resolve(
          unique.slice(start, start + CONTACT_BATCH),
          { credentials },
        ),
      );
    }
    return contacts;
  }
}

/**
 * Express middleware: a successful write (any method but GET and HEAD) on
 * this replica invalidates the cache, so the writer's next read has it.
 */
export function invalidateOnWrite(cache: Pick<SummaryCache, 'invalidate'>) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.on('finish', () => {
        if (res.statusCode < 400) cache.invalidate();
      });
    }
    next();
  };
}
