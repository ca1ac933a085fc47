import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  Problem,
  ScopeSection,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { gitlabCiSummary } from '../../testing/gitlabCi';
import { ingressNginxSummary } from '../../testing/ingressNginx';
import { ScopeDetails, ScopeDetailsVariant } from './ScopeDetails';

async function renderScope(
  scope: ScopeSection,
  variant: ScopeDetailsVariant,
  problems: Problem[] = [],
) {
  return renderInTestApp(
    <ScopeDetails scope={scope} problems={problems} variant={variant} />,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The value next to a label. */
function field(label: string): HTMLElement {
  return screen.getByText(`${label}:`).parentElement!;
}

const runbookProblem: Problem = {
  key: 'platform-ops/runbook',
  value: 'wiki/runbooks/gitlab-ci',
  expected: 'an absolute http:// or https:// URL',
  message:
    'platform-ops/runbook: "wiki/runbooks/gitlab-ci" is not valid; expected an absolute http:// or https:// URL.',
};

// The overview card shows the compact variant, the scope card the full one:
// both must show the accountable team, owner, runbook and audits alike.
describe.each<ScopeDetailsVariant>(['compact', 'full'])(
  'ScopeDetails (%s)',
  variant => {
    it('links the accountable team, its email and the runbook', async () => {
      await renderScope(ingressNginxSummary.scope, variant);
      expect(
        within(field('Accountable')).getByRole('link', {
          name: 'Platform team',
        }),
      ).toHaveAttribute('href', '/catalog/default/group/platform-team');
      expect(
        within(field('Accountable')).getByRole('link', {
          name: 'platform-team@example.com',
        }),
      ).toHaveAttribute('href', 'mailto:platform-team@example.com');
      expect(
        within(field('Runbook')).getByRole('link', {
          name: /runbooks\/ingress-nginx/,
        }),
      ).toHaveAttribute(
        'href',
        'https://wiki.example.com/runbooks/ingress-nginx',
      );
      expect(screen.queryByText('Owner in the catalog:')).toBeNull();
    });

    it('says when nobody is accountable, and shows a differing owner', async () => {
      await renderScope(
        {
          ...gitlabCiSummary.scope,
          accountable: undefined,
          owner: 'user:default/maria',
          ownerDiffers: true,
        },
        variant,
      );
      expect(field('Accountable')).toHaveTextContent(
        'unknown: the entity has no owner',
      );
      expect(
        within(field('Owner in the catalog')).getByRole('link', {
          name: 'Maria Santos',
        }),
      ).toHaveAttribute('href', '/catalog/default/user/maria');
    });

    it('shows an invalid runbook as text and points to its problem', async () => {
      const scope = {
        ...gitlabCiSummary.scope,
        runbook: 'wiki/runbooks/gitlab-ci',
      };
      await renderScope(scope, variant, [runbookProblem]);
      expect(field('Runbook')).toHaveTextContent(
        'wiki/runbooks/gitlab-ci invalid, see the problems above',
      );
      expect(within(field('Runbook')).queryByRole('link')).toBeNull();
    });

    it('never links a runbook that is not http(s), even without a problem', async () => {
      // eslint-disable-next-line no-script-url -- the hostile value under test
      const hostile = 'javascript:alert(1)';
      const { container } = await renderScope(
        { ...gitlabCiSummary.scope, runbook: hostile },
        variant,
      );
      expect(field('Runbook')).toHaveTextContent(
        `${hostile} invalid: not an http(s) link`,
      );
      expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    });

    it('says which annotation a missing runbook needs', async () => {
      await renderScope(
        { ...gitlabCiSummary.scope, runbook: undefined },
        variant,
        [runbookProblem],
      );
      expect(field('Runbook')).toHaveTextContent(
        /^Runbook: invalid, see the problems above$/,
      );
    });

    it('warns about an overdue audit', async () => {
      await renderScope(
        {
          ...gitlabCiSummary.scope,
          audits: [
            {
              kind: 'provider',
              last: '2025-09-15',
              interval: '365d',
              nextDue: '2026-09-15',
              state: 'overdue',
            },
          ],
        },
        variant,
      );
      const audits = field('Audits');
      expect(audits).toHaveTextContent(/provider.*overdue since 2026-09-15/);
      expect(within(audits).getByTestId('status-warning')).toBeInTheDocument();
      expect(within(audits).queryByTestId('status-ok')).toBeNull();
    });
  },
);

describe('ScopeDetails escalation', () => {
  it('lists the steps with members on the scope card', async () => {
    await renderScope(ingressNginxSummary.scope, 'full');
    const steps = within(
      screen.getByRole('list', { name: 'Escalation path' }),
    ).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      'GroupPlatform on-call · platform-oncall@example.commembers: Ahmed Haddad, Li Wei',
      'UserJane Okafor · jane@example.com',
    ]);
  });

  it('puts the steps on one line in the overview', async () => {
    await renderScope(ingressNginxSummary.scope, 'compact');
    expect(field('Escalation')).toHaveTextContent(
      'Escalation: Platform on-call · platform-oncall@example.com → Jane Okafor · jane@example.com',
    );
    expect(screen.queryByRole('list', { name: 'Escalation path' })).toBeNull();
  });
});
