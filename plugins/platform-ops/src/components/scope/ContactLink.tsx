import MuiLink from '@material-ui/core/Link';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Contact } from '@platform-ops/plugin-platform-ops-common';

/** A mailto link, only for something that looks like one address. */
function isEmail(text: string | undefined): text is string {
  return text !== undefined && /^[^\s@:/]+@[^\s@:/]+$/.test(text);
}

/**
 * A Group or User: its catalog page and, when known, its email. A ref the
 * catalog does not know is plain text, never a link.
 */
export function ContactLink(props: { entityRef: string; contact?: Contact }) {
  const { entityRef, contact } = props;
  if (contact && !contact.found) {
    return (
      <span>
        {entityRef} <em>(not in the catalog)</em>
      </span>
    );
  }
  return (
    <span>
      <EntityRefLink entityRef={entityRef} title={contact?.title} />
      {isEmail(contact?.email) && (
        <>
          {' · '}
          <MuiLink href={`mailto:${contact!.email}`}>{contact!.email}</MuiLink>
        </>
      )}
    </span>
  );
}
