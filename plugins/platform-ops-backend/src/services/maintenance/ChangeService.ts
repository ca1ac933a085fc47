import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  AlertLevel,
  AlertMatcher,
  Change,
  ChangeInput,
  changeTimeOf,
  ChangeUpdate,
  ComponentChange,
  dependenciesOf,
  dependentsOf,
  noticeOf,
  OpsSummary,
  PlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { randomUUID } from 'crypto';
import { DateTime } from 'luxon';
import { EntityIndex } from '../EntityIndex';
import { LayerVersion } from '../liveLayers';
import { publicError } from '../sources/publicError';
import { ChangeEvent, ChangeNotifier } from './ChangeNotifier';
import { ChangeFilter, ChangeSilence, ChangeStore } from './ChangeStore';

/** A component whose alerts a change silences. */
export type SilencedComponent = {
  ref: string;
  matchers: AlertMatcher[];
  levels: Record<string, AlertLevel | undefined>;
};

/** Creates, moves and removes the Alertmanager silences of a change. */
export interface ChangeSilencer {
  silence(
    change: Change,
    components: SilencedComponent[],
    existing: ChangeSilence[],
  ): Promise<{ records: ChangeSilence[]; skipped: string[] }>;
  unsilence(records: ChangeSilence[]): Promise<void>;
}

/** Statuses after which a change no longer moves. */
const FINAL = ['done', 'cancelled'];

/** Statuses of a change still to come or under way. */
const UPCOMING = ['planned', 'in-progress', 'postponed'];

/** What a write did besides storing the change, in sentences for people. */
export type ChangeResult = { change: Change; warnings: string[] };

/**
 * Announced maintenance changes: the notice rule, the window they run in,
 * silences during the change, and the owners who hear of it, including the
 * owners of components that depend on the changed ones.
 */
export class ChangeService {
  private constructor(
    private readonly store: ChangeStore,
    private readonly index: Pick<
      EntityIndex,
      'ensureLoaded' | 'get' | 'catalogGraph'
    >,
    private readonly config: PlatformOpsConfig,
    private readonly silencer: ChangeSilencer | undefined,
    private readonly notifier: ChangeNotifier,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    store: ChangeStore;
    index: Pick<EntityIndex, 'ensureLoaded' | 'get' | 'catalogGraph'>;
    config: PlatformOpsConfig;
    silencer?: ChangeSilencer;
    notifier: ChangeNotifier;
    clock?: () => DateTime;
  }): ChangeService {
    return new ChangeService(
      options.store,
      options.index,
      options.config,
      options.silencer,
      options.notifier,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  /**
   * Records a change. Short notice is flagged, never refused: critical
   * security patches must go in at once.
   */
  async announce(
    input: ChangeInput,
    announcedBy: string,
  ): Promise<ChangeResult & { created: boolean }> {
    const environments = this.config.environments.map(entry => entry.name);
    const unknown = input.environments.filter(
      name => !environments.includes(name),
    );
    if (unknown.length > 0) {
      throw new InputError(
        `Invalid body: environments: ${unknown.join(
          ', ',
        )} not among ${environments.join(', ')}`,
      );
    }
    const now = this.clock();
    const { start, end } = this.timeOf(input);
    const notice = noticeOf(
      input.class,
      now,
      DateTime.fromISO(start),
      this.config,
    );
    const change: Change = {
      id: input.id ?? randomUUID(),
      title: input.title,
      class: input.class,
      status: 'planned',
      entityRefs: input.entityRefs,
      environments: input.environments,
      window: input.window,
      start,
      end,
      updates: input.updates,
      description: input.description,
      link: input.link,
      contingencyPlan: input.contingencyPlan,
      silenceAlerts: input.silenceAlerts,
      announcedAt: now.toISO()!,
      announcedBy,
      noticeRequired: notice.required,
      noticeGiven: notice.given,
      shortNotice: notice.short,
      sequence: 0,
      updatedAt: now.toISO()!,
    };
    const stored = await this.store.announce(change);
    if (!stored.created)
      return { change: stored.change, created: false, warnings: [] };
    const warnings = [
      ...(await this.silence(stored.change)),
      ...(await this.notify(stored.change, 'announced')),
    ];
    if (stored.change.shortNotice) {
      warnings.unshift(
        `Short notice: a ${change.class} change needs ${change.noticeRequired}, this one has ${change.noticeGiven}. It is recorded and flagged.`,
      );
    }
    return { change: stored.change, created: true, warnings };
  }

  /** Sets a change's status; a postponed or planned change may move. */
  async update(id: string, update: ChangeUpdate): Promise<ChangeResult> {
    const before = await this.store.get(id);
    if (!before) throw new NotFoundError(`No change ${id}`);
    if (FINAL.includes(before.status) && update.status !== before.status) {
      throw new ConflictError(
        `Change ${id} is ${before.status}; its status no longer changes`,
      );
    }
    const moves =
      update.start !== undefined &&
      update.end !== undefined &&
      (update.start !== before.start || update.end !== before.end);
    if (moves && !['planned', 'postponed'].includes(update.status)) {
      throw new InputError(
        'Invalid body: status: only a planned or postponed change moves',
      );
    }
    const now = this.clock().toISO()!;
    const after = await this.store.update(id, current => ({
      ...current,
      status: update.status,
      start: moves
        ? DateTime.fromISO(update.start!).toUTC().toISO()!
        : current.start,
      end: moves ? DateTime.fromISO(update.end!).toUTC().toISO()! : current.end,
      retrospective: update.retrospective ?? current.retrospective,
      sequence: current.sequence + (moves ? 1 : 0),
      updatedAt: now,
    }));
    const change = after!;
    const warnings: string[] = [];
    if (change.status === 'cancelled' && before.status !== 'cancelled') {
      warnings.push(...(await this.unsilence(change)));
      warnings.push(...(await this.notify(change, 'cancelled')));
    } else if (change.status === 'done' && before.status !== 'done') {
      // Finished early: its alerts matter again now, not at the planned end.
      warnings.push(...(await this.unsilence(change)));
    } else if (moves) {
      warnings.push(...(await this.silence(change)));
    }
    if (
      change.status === 'postponed' &&
      (before.status !== 'postponed' || moves)
    ) {
      warnings.push(...(await this.notify(change, 'postponed')));
    }
    return { change, warnings };
  }

  list(filter: ChangeFilter): Promise<Change[]> {
    return this.store.list(filter);
  }

  /**
   * The changes still to come or under way that concern a component: its
   * own, and those of components it depends on (`via`).
   */
  async changesFor(entityRef: string): Promise<ComponentChange[]> {
    const nearest = this.dependenciesOf(entityRef);
    const changes = await this.store.list({
      entityRefs: [entityRef, ...nearest],
      from: this.clock().toUTC().toISO()!,
    });
    return concerning(entityRef, nearest, changes);
  }

  /** The summary's maintenance section with its changes. */
  async withChanges(summary: OpsSummary): Promise<OpsSummary> {
    await this.index.ensureLoaded();
    return withComponentChanges(
      summary,
      await this.changesFor(summary.entity.ref),
    );
  }

  /** Many summaries' changes, with the changes still to come read once. */
  async changesOf(summaries: OpsSummary[]): Promise<ComponentChange[][]> {
    await this.index.ensureLoaded();
    const upcoming = (
      await this.store.list({ from: this.clock().toUTC().toISO()! })
    ).filter(change => UPCOMING.includes(change.status));
    return summaries.map(summary => {
      const ref = summary.entity.ref;
      const nearest = this.dependenciesOf(ref);
      const refs = new Set([ref, ...nearest]);
      const own = upcoming.filter(change =>
        change.entityRefs.some(changed => refs.has(changed)),
      );
      return concerning(ref, nearest, own);
    });
  }

  /** What the changes of summaries depend on besides the summaries and the time. */
  async version(): Promise<LayerVersion> {
    return { key: await this.store.version() };
  }

  /** What a component depends on, nearest first, as deep as configured. */
  private dependenciesOf(entityRef: string): string[] {
    const dependencies = dependenciesOf(
      entityRef,
      this.index.catalogGraph.dependsOn,
      this.config.maintenance.dependencyDepth,
    );
    return [...dependencies.entries()]
      .sort((a, b) => a[1] - b[1])
      .map(([ref]) => ref);
  }

  /** The owners of a change's components and of everything that depends on them. */
  ownersOf(change: Change): string[] {
    const { dependsOn, owners } = this.index.catalogGraph;
    const dependents = dependentsOf(
      change.entityRefs,
      dependsOn,
      this.config.maintenance.dependencyDepth,
    );
    return [...change.entityRefs, ...dependents.keys()]
      .map(ref => owners.get(ref))
      .filter((owner): owner is string => Boolean(owner));
  }

  private timeOf(input: ChangeInput): { start: string; end: string } {
    const time = changeTimeOf(input, this.config);
    if ('field' in time) {
      throw new InputError(`Invalid body: ${time.field}: ${time.message}`);
    }
    return time;
  }

  private async silence(change: Change): Promise<string[]> {
    if (!change.silenceAlerts || !this.silencer) {
      return change.silenceAlerts
        ? ['No Alertmanager silences: the silencer is not configured']
        : [];
    }
    const components = change.entityRefs.map(ref => {
      const summary = this.index.get(ref)?.summary;
      return {
        ref,
        matchers: summary?.alerting.matchers ?? [],
        levels: Object.fromEntries(
          Object.entries(summary?.alerting.levels ?? {}).map(
            ([environment, level]) => [environment, level.value],
          ),
        ),
      };
    });
    try {
      const existing = await this.store.silences(change.id);
      const { records, skipped } = await this.silencer.silence(
        change,
        components,
        existing,
      );
      await this.store.setSilences(change.id, records);
      return skipped;
    } catch (error) {
      return [
        `Alerts were not silenced: ${publicError((error as Error).message)}`,
      ];
    }
  }

  private async unsilence(change: Change): Promise<string[]> {
    if (!this.silencer) return [];
    try {
      await this.silencer.unsilence(await this.store.silences(change.id));
      await this.store.setSilences(change.id, []);
      return [];
    } catch (error) {
      return [
        `Silences were not removed: ${publicError((error as Error).message)}`,
      ];
    }
  }

  private async notify(change: Change, event: ChangeEvent): Promise<string[]> {
    await this.index.ensureLoaded();
    const result = await this.notifier.notify(
      change,
      event,
      this.ownersOf(change),
    );
    return result.error ? [`Owners were not notified: ${result.error}`] : [];
  }
}

/** The upcoming ones of `changes`, each naming the dependency it comes through. */
function concerning(
  entityRef: string,
  nearest: string[],
  changes: Change[],
): ComponentChange[] {
  return changes
    .filter(change => UPCOMING.includes(change.status))
    .map(change =>
      change.entityRefs.includes(entityRef)
        ? change
        : {
            ...change,
            via: nearest.find(ref => change.entityRefs.includes(ref)),
          },
    );
}

function withComponentChanges(
  summary: OpsSummary,
  changes: ComponentChange[],
): OpsSummary {
  return {
    ...summary,
    maintenance: { ...summary.maintenance, changes },
  };
}
