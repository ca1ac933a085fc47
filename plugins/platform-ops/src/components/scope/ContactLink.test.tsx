import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { Contact } from '@platform-ops/plugin-platform-ops-common';
import { screen } from '@testing-library/react';
import { ContactLink } from './ContactLink';

function jane(email: string): Contact {
  return {
    ref: 'user:default/jane',
    kind: 'user',
    found: true,
    title: 'Jane Okafor',
    email,
  };
}

async function renderContact(contact: Contact) {
  return renderInTestApp(
    <ContactLink entityRef={contact.ref} contact={contact} />,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('ContactLink', () => {
  it('links the catalog page and a plain email address', async () => {
    await renderContact(jane('jane.okafor+oncall@mail.example.com'));
    expect(screen.getByRole('link', { name: 'Jane Okafor' })).toHaveAttribute(
      'href',
      '/catalog/default/user/jane',
    );
    expect(
      screen.getByRole('link', { name: 'jane.okafor+oncall@mail.example.com' }),
    ).toHaveAttribute('href', 'mailto:jane.okafor+oncall@mail.example.com');
  });

  it.each([
    ['a query that adds a copy', 'jane@example.com?cc=attacker@evil.example'],
    ['a second field', 'jane@example.com?subject=x&body=wire%20money'],
    ['an ampersand', 'jane&bcc=attacker@evil.example'],
    ['percent-encoding', 'jane%40evil.example@example.com'],
    ['a space', 'jane okafor@example.com'],
    ['a comma', 'jane@example.com,attacker@evil.example'],
    ['angle brackets', '<jane@example.com>'],
    ['quotes', '"jane"@example.com'],
    ['no dot in the host', 'jane@localhost'],
  ])('shows an email with %s as plain text, never a link', async (_, email) => {
    const { container } = await renderContact(jane(email));
    expect(screen.getByText(email)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: email })).toBeNull();
    expect(container.querySelector('a[href^="mailto:"]')).toBeNull();
    // The catalog page is still linked.
    expect(
      screen.getByRole('link', { name: 'Jane Okafor' }),
    ).toBeInTheDocument();
  });

  it('shows a ref the catalog does not know as text only', async () => {
    const { container } = await renderContact({
      ref: 'user:default/ghost',
      kind: 'user',
      found: false,
      email: 'ghost@example.com',
    });
    expect(container).toHaveTextContent(
      'user:default/ghost (not in the catalog)',
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
