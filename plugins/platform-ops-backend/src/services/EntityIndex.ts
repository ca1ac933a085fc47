import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  alertLabelsOf,
  ComponentIndex,
  hasPlatformOpsAnnotations,
  LookupCandidate,
  OpsSummary,
  PlatformOpsConfig,
  summarizeEntity,
  WindowOccurrenceCache,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { yieldToRequests } from './yieldToRequests';

/** The fields the index needs; everything else stays in the catalog. */
const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.tags',
  'metadata.annotations',
  'spec.owner',
  'relations',
];

const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** How soon an empty index may be re-read on demand. */
const EMPTY_RETRY_SECONDS = 5;

/**
 * What the catalog's relations say about every entity: what it depends on
 * and who owns it.
 */
export type CatalogGraph = {
  dependsOn: Map<string, string[]>;
  owners: Map<string, string>;
};

/**
 * One annotated entity, parsed once per refresh. The entity itself is not
 * kept: the summary and the lookup text hold what is needed of it.
 */
export type IndexedEntity = {
  ref: string;
  /** The config-aware summary, without live data or contacts. */
  summary: OpsSummary;
  candidate: LookupCandidate;
};

/**
 * In-memory index of every entity with `platform-ops/` annotations, refreshed
 * from the catalog on a schedule, so that requests never scan the catalog.
 * Each backend replica keeps its own copy.
 */
export class EntityIndex {
  private entries = new Map<string, IndexedEntity>();
  private graph: CatalogGraph = { dependsOn: new Map(), owners: new Map() };
  private refreshedAt?: DateTime;
  /** Refreshes that worked. */
  private refreshes = 0;
  /** Refreshes that changed an entry or the graph. */
  private changes = 0;
  private matchers?: { generation: number; index: ComponentIndex };
  private loading?: Promise<void>;

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly config: PlatformOpsConfig,
    private readonly logger: LoggerService,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    config: PlatformOpsConfig;
    logger: LoggerService;
    clock?: () => DateTime;
  }): EntityIndex {
    return new EntityIndex(
      options.catalog,
      options.auth,
      options.config,
      options.logger,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  /**
   * Reads every annotated entity from the catalog; keeps the old index on
   * failure. An entry whose summary and lookup text came out the same as
   * before is kept as it was, and when all are, with the same graph, the
   * generation stays: nothing built from the index needs building again.
   */
  async refresh(): Promise<void> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const now = this.clock();
    const next = new Map<string, IndexedEntity>();
    const graph: CatalogGraph = { dependsOn: new Map(), owners: new Map() };
    // Most components share a few windows: their occurrences once each.
    const windows = new WindowOccurrenceCache();
    for await (const page of this.catalog.streamEntities(
      { fields: FIELDS },
      { credentials },
    )) {
      // A page at a time, serving requests in between.
      await yieldToRequests();
      for (const entity of page) {
        const ref = stringifyEntityRef(entity);
        // Every entity's dependencies and owner, annotated or not: a
        // change reaches the owners of everything that depends on it.
        const targets = (entity.relations ?? [])
          .filter(relation => relation.type === RELATION_DEPENDS_ON)
          .map(relation => relation.targetRef);
        if (targets.length > 0) graph.dependsOn.set(ref, targets);
        const owner = (entity.relations ?? []).find(
          relation => relation.type === RELATION_OWNED_BY,
        )?.targetRef;
        if (owner) graph.owners.set(ref, owner);
        if (!hasPlatformOpsAnnotations(entity)) continue;
        const summary = summarizeEntity(entity, this.config, now, {
          windows,
        });
        const entry = {
          ref,
          summary,
          candidate: candidateOf(ref, entity, summary),
        };
        const before = this.entries.get(ref);
        next.set(ref, before && sameEntry(before, entry) ? before : entry);
      }
    }
    const changed =
      this.refreshedAt === undefined ||
      next.size !== this.entries.size ||
      [...next].some(([ref, entry]) => this.entries.get(ref) !== entry) ||
      !sameGraph(graph, this.graph);
    this.entries = next;
    this.graph = graph;
    this.refreshedAt = now;
    this.refreshes += 1;
    if (changed) this.changes += 1;
    this.logger.debug(
      `Indexed ${next.size} annotated entities${changed ? '' : ', unchanged'}`,
    );
  }

  /**
   * Loads the index on first use. An empty index is re-read at most every
   * few seconds: right after startup the catalog may not have processed its
   * entities yet, and waiting for the next scheduled refresh would leave the
   * lookup empty for a minute.
   */
  async ensureLoaded(): Promise<void> {
    const now = this.clock();
    const emptyAndOld =
      this.entries.size === 0 &&
      this.refreshedAt !== undefined &&
      now.diff(this.refreshedAt).as('seconds') >= EMPTY_RETRY_SECONDS;
    if (this.refreshedAt && !emptyAndOld) return;
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    await this.loading;
  }

  /** Every indexed entity. */
  list(): IndexedEntity[] {
    return [...this.entries.values()];
  }

  get(ref: string): IndexedEntity | undefined {
    return this.entries.get(ref);
  }

  /** Every entity's `dependsOn` targets and owner, by entity ref. */
  get catalogGraph(): CatalogGraph {
    return this.graph;
  }

  /**
   * The alert matchers of every indexed entity, indexed for matching once
   * per refresh: the alert poller and the summaries match every poll's
   * alerts against them.
   */
  componentIndex(): ComponentIndex {
    if (this.matchers?.generation !== this.changes) {
      this.matchers = {
        generation: this.changes,
        index: ComponentIndex.build(
          this.list().map(entry => ({
            id: entry.ref,
            matchers: entry.summary.alerting.matchers,
            environments: entry.summary.alerting.environments,
          })),
        ),
      };
    }
    return this.matchers.index;
  }

  /** Changes whenever a refresh changed an entry or the catalog graph. */
  get generation(): number {
    return this.changes;
  }

  /** Counts the refreshes that worked, changing anything or not. */
  get refreshCount(): number {
    return this.refreshes;
  }

  /** When the index was last refreshed, if ever. */
  get indexedAt(): DateTime | undefined {
    return this.refreshedAt;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The searchable text of an entity; the matchers come from its summary, parsed once. */
function candidateOf(
  ref: string,
  entity: Entity,
  summary: OpsSummary,
): LookupCandidate {
  return {
    ref,
    name: entity.metadata.name,
    title: entity.metadata.title,
    tags: entity.metadata.tags ?? [],
    kubernetesId: entity.metadata.annotations?.[KUBERNETES_ID],
    alertLabels: alertLabelsOf(summary.alerting.matchers),
  };
}

/** Whether a refresh gave an entry the same content, the summary's date aside. */
function sameEntry(before: IndexedEntity, after: IndexedEntity): boolean {
  return (
    sameData(before.candidate, after.candidate) &&
    sameData(
      { ...before.summary, generatedAt: '' },
      { ...after.summary, generatedAt: '' },
    )
  );
}

function sameGraph(a: CatalogGraph, b: CatalogGraph): boolean {
  if (a.owners.size !== b.owners.size) return false;
  if (a.dependsOn.size !== b.dependsOn.size) return false;
  for (const [ref, owner] of a.owners) {
    if (b.owners.get(ref) !== owner) return false;
  }
  for (const [ref, targets] of a.dependsOn) {
    if (!sameData(targets, b.dependsOn.get(ref))) return false;
  }
  return true;
}

/** Deep equality of JSON-like data: objects, arrays and primitives. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return false;
  }
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return (
      a.length === other.length &&
      a.every((item, position) => sameData(item, other[position]))
    );
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every(
      key =>
        Object.prototype.hasOwnProperty.call(right, key) &&
        sameData(left[key], right[key]),
    )
  );
}
