import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { LookupResponse, rankLookup } from '@platform-ops/plugin-platform-ops-common';
import { AlertService } from '../alerting/AlertService';
import { EntityIndex } from '../EntityIndex';
import { ContactResolver } from './ContactResolver';
import { contactRefsOf, withContacts } from './contacts';

/** At most this many results: an incident lookup is for the first screen. */
export const LOOKUP_LIMIT = 20;

/**
 * The incident lookup: from a name or an alert label to the owner,
 * escalation path and runbook, answered from the entity index.
 */
export class LookupService {
  private constructor(
    private readonly index: EntityIndex,
    private readonly catalog: CatalogService,
    private readonly contacts: ContactResolver,
    private readonly alerts: Pick<AlertService, 'countsFor'>,
  ) {}

  static create(options: {
    index: EntityIndex;
    catalog: CatalogService;
    contacts: ContactResolver;
    alerts: Pick<AlertService, 'countsFor'>;
  }): LookupService {
    return new LookupService(options.index, options.catalog, options.contacts, options.alerts);
  }

  async lookup(
    query: string,
    options: { credentials: BackstageCredentials },
  ): Promise<LookupResponse> {
    await this.index.ensureLoaded();
    // Rank more than needed: some may be hidden from this caller.
    const ranked = rankLookup(
      query,
      this.index.list().map(indexed => indexed.candidate),
      LOOKUP_LIMIT * 2,
    );
    const visible = await this.visibleTo(ranked.map(match => match.ref), options);
    const matches = ranked.filter(match => visible.has(match.ref)).slice(0, LOOKUP_LIMIT);
    const indexed = matches.map(match => this.index.get(match.ref)!);
    const contacts = await this.contacts.resolve(
      indexed.flatMap(entry => contactRefsOf(entry.summary.scope)),
      options,
    );
    const alerts = await this.alerts.countsFor(indexed.map(entry => entry.summary));
    return {
      query,
      results: matches.map((match, position) => ({
        entity: indexed[position].summary.entity,
        match: { field: match.field, matched: match.matched, score: match.score },
        scope: withContacts(indexed[position].summary, contacts).scope,
        alerts: alerts[position].counts,
        alertsTrustworthy: alerts[position].trustworthy,
      })),
      indexedAt: this.index.indexedAt?.toISO() ?? undefined,
      indexedEntities: this.index.size,
    };
  }

  /** The refs the caller may read, so the lookup honours catalog permissions. */
  private async visibleTo(
    refs: string[],
    options: { credentials: BackstageCredentials },
  ): Promise<Set<string>> {
    if (refs.length === 0) return new Set();
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ['kind', 'metadata.name'] },
      options,
    );
    return new Set(refs.filter((_, index) => items[index]));
  }
}
