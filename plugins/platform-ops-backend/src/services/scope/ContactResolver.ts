import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Contact } from '@platform-ops/plugin-platform-ops-common';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile',
  'relations',
];

/** Enough members to know whom to call, not the whole department. */
const MAX_MEMBERS = 10;

function kindOf(ref: string): string {
  return ref.slice(0, ref.indexOf(':')).toLocaleLowerCase('en-US');
}

function contactOf(ref: string, entity: Entity | null | undefined): Contact {
  if (!entity) return { ref, kind: kindOf(ref), found: false };
  const profile = (entity.spec?.profile ?? {}) as { displayName?: unknown; email?: unknown };
  return {
    ref,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    found: true,
    title:
      (typeof profile.displayName === 'string' && profile.displayName) ||
      entity.metadata.title ||
      entity.metadata.name,
    email: typeof profile.email === 'string' ? profile.email : undefined,
  };
}

/**
 * Turns Group and User refs into contact details from their catalog
 * profiles, with the caller's credentials, in two batched catalog calls.
 */
export class ContactResolver {
  private constructor(private readonly catalog: CatalogService) {}

  static create(options: { catalog: CatalogService }): ContactResolver {
    return new ContactResolver(options.catalog);
  }

  async resolve(
    refs: Iterable<string>,
    options: { credentials: BackstageCredentials },
  ): Promise<Record<string, Contact>> {
    const wanted = [...new Set(refs)];
    if (wanted.length === 0) return {};
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: wanted, fields: FIELDS },
      options,
    );
    const memberRefs = new Map<string, string[]>();
    items.forEach((entity, index) => {
      if (entity?.kind.toLocaleLowerCase('en-US') !== 'group') return;
      const members = (entity.relations ?? [])
        .filter(relation => relation.type === RELATION_HAS_MEMBER)
        .map(relation => relation.targetRef)
        .slice(0, MAX_MEMBERS);
      memberRefs.set(wanted[index], members);
    });
    const members = await this.membersOf([...memberRefs.values()].flat(), options);

    const contacts: Record<string, Contact> = {};
    wanted.forEach((ref, index) => {
      const contact = contactOf(ref, items[index]);
      const groupMembers = memberRefs.get(ref);
      if (groupMembers) {
        contact.members = groupMembers.map(member => members.get(member)!);
      }
      contacts[ref] = contact;
    });
    return contacts;
  }

  private async membersOf(
    refs: string[],
    options: { credentials: BackstageCredentials },
  ): Promise<Map<string, Contact>> {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return new Map();
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: unique, fields: FIELDS },
      options,
    );
    return new Map(
      unique.map((ref, index) => [ref, contactOf(ref, items[index])]),
    );
  }
}
