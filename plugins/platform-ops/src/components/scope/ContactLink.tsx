import MuiLink from '@material-ui/core/Link';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Contact } from '@platform-ops/plugin-platform-ops-common';

// A plain address: letters, digits and `._+-` before the `@`, dot-separated
// host labels after it. Anything more (`?`, `&`, `%`, spaces, commas, angle
// brackets, quotes) could add recipients or fields to the mail, so such a
// value is never put into a mailto: link.
const PLAIN_EMAIL =
  /^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function isPlainEmail(text: string): boolean {
  return text.length <= 254 && PLAIN_EMAIL.test(text);
}

/**
 * A Group or User: its catalog page and, when known, its email. A ref the
 * catalog does not know is plain text, never a link; so is an email that is
 * not a plain address.
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
  const email = contact?.email;
  return (
    <span>
      <EntityRefLink entityRef={entityRef} title={contact?.title} />
      {email && (
        <>
          {' · '}
          {isPlainEmail(email) ? (
            <MuiLink href={`mailto:${email}`}>{email}</MuiLink>
          ) : (
            <span>{email}</span>
          )}
        </>
      )}
    </span>
  );
}
