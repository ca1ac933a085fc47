import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_SCOPE } from '../annotations';
import { PlatformOpsConfig } from '../config/readConfig';
import { problem, Problem } from '../problems';

/** The party whose components are inside the fence. */
export const PLATFORM_PARTY = 'platform';

/** The party of application teams: accountable through each entity's owner. */
export const APPLICATION_PARTY = 'application';

/**
 * Who is accountable for a component, and on which side of the fence it is.
 *
 * @public
 */
export type ScopeResolution = {
  party?: string;
  partyTitle?: string;
  /** True inside the fence, false outside, absent when the party is unknown. */
  insideFence?: boolean;
  /** Entity ref of the accountable team. */
  accountable?: string;
  /** Where `accountable` came from: the entity's spec.owner or the party's configured owner. */
  accountableSource?: 'owner' | 'party';
  /** The entity's spec.owner as a full ref. */
  owner?: string;
  /** True when the party's owner is accountable but spec.owner names someone else. */
  ownerDiffers: boolean;
  problems: Problem[];
};

function normalizeOwner(owner: unknown, namespace: string): string | undefined {
  if (typeof owner !== 'string' || owner.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Resolves the party and the accountable team of a component:
 *
 * - `platform` and `application`: the entity's `spec.owner` is accountable;
 * - any other party: the party's configured owner, falling back to
 *   `spec.owner`; when both exist and differ, both are kept.
 *
 * Problems: the scope is missing, the party is unknown to config, or the
 * scope is `platform` but the owner is not the platform party's group.
 *
 * @public
 */
export function resolveScope(options: {
  /** The parsed `platform-ops/scope`, undefined when absent or invalid. */
  party: string | undefined;
  /**
   * Whether a missing scope is a problem: true for entities that carry other
   * Platform Ops annotations but no `platform-ops/scope`. An invalid scope is
   * reported by its parser instead.
   */
  reportMissing: boolean;
  owner: unknown;
  namespace: string;
  config: PlatformOpsConfig;
}): ScopeResolution {
  const { party, config } = options;
  const owner = normalizeOwner(options.owner, options.namespace);
  const parties = Object.keys(config.parties);
  const problems: Problem[] = [];

  if (!party) {
    if (options.reportMissing) {
      problems.push(
        problem(
          ANNOTATION_SCOPE,
          '',
          `the annotation to be set to one of ${parties.join(', ')}`,
        ),
      );
    }
    return {
      owner,
      accountable: owner,
      accountableSource: owner ? 'owner' : undefined,
      ownerDiffers: false,
      problems,
    };
  }

  const partyConfig = config.parties[party];
  if (!partyConfig) {
    problems.push(
      problem(
        ANNOTATION_SCOPE,
        party,
        `a party from config (${parties.join(', ')})`,
      ),
    );
    return {
      party,
      owner,
      accountable: owner,
      accountableSource: owner ? 'owner' : undefined,
      ownerDiffers: false,
      problems,
    };
  }

  const partyOwner = normalizeOwner(partyConfig.owner, 'default');
  const base = {
    party,
    partyTitle: partyConfig.title,
    insideFence: party === PLATFORM_PARTY,
    owner,
  };

  if (party === PLATFORM_PARTY || party === APPLICATION_PARTY) {
    if (
      party === PLATFORM_PARTY &&
      partyOwner &&
      owner &&
      owner !== partyOwner
    ) {
      problems.push(
        problem(
          ANNOTATION_SCOPE,
          party,
          `spec.owner to be the platform party's group ${partyOwner}, not ${owner}`,
        ),
      );
    }
    return {
      ...base,
      accountable: owner,
      accountableSource: owner ? 'owner' : undefined,
      ownerDiffers: false,
      problems,
    };
  }

  if (!partyOwner) {
    return {
      ...base,
      accountable: owner,
      accountableSource: owner ? 'owner' : undefined,
      ownerDiffers: false,
      problems,
    };
  }
  return {
    ...base,
    accountable: partyOwner,
    accountableSource: 'party',
    ownerDiffers: owner !== undefined && owner !== partyOwner,
    problems,
  };
}
