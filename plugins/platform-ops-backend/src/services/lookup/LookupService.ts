import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  LookupResponse,
  rankLookup,
} from '@platform-ops/plugin-platform-ops-common';
import { AlertService } from '../alerting/AlertService';
import { filterVisible } from '../catalogVisibility';
import { EntityIndex } from '../EntityIndex';
import { ContactResolver } from '../scope/ContactResolver';
import { contactRefsOf, withContacts } from '../scope/contacts';

/** At most this many results: an incident lookup is for the first screen. */
export const LOOKUP_LIMIT = 20;

/**
 * The incident lookup: from a name or an alert label to the owner,
 * escalation path and runbook, answered from the entity index. It spans the
 * aspects (scope for who to call, alerting for what fires), so it lives
 * beside them rather than in one of them.
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
    return new LookupService(
      options.index,
      options.catalog,
      options.contacts,
      options.alerts,
    );
  }

  async lookup(
    query: string,
    options: { credentials: BackstageCredentials },
  ): Promise<LookupResponse> {
    await this.index.ensureLoaded();
    // Only what the caller may read is ranked and counted: cutting to the
    // limit first would lose visible matches behind hidden ones, and the
    // count would reveal how many entities the caller cannot see.
    const visible = await filterVisible(
      this.catalog,
      this.index.list(),
      entry => entry.ref,
      options,
    );
    const matches = rankLookup(
      query,
      visible.map(entry => entry.candidate),
      LOOKUP_LIMIT,
    );
    const indexed = matches.map(match => this.index.get(match.ref)!);
    const contacts = await this.contacts.resolve(
      indexed.flatMap(entry => contactRefsOf(entry.summary.scope)),
      options,
    );
    const alerts = await this.alerts.countsFor(
      indexed.map(entry => entry.summary),
    );
    return {
      query,
      results: matches.map((match, position) => ({
        entity: indexed[position].summary.entity,
        match: {
          field: match.field,
          matched: match.matched,
          score: match.score,
        },
        scope: withContacts(indexed[position].summary, contacts).scope,
        alerts: alerts[position].counts,
        alertsTrustworthy: alerts[position].trustworthy,
      })),
      indexedAt: this.index.indexedAt?.toISO() ?? undefined,
      indexedEntities: visible.length,
    };
  }
}
