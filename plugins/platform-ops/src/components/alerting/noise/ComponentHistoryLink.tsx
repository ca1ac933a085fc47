import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * The path of the entity's Platform Ops tab, where its alert history chart
 * is, as the app mounts `EntityPlatformOpsContent` (see the README).
 */
export const PLATFORM_OPS_TAB = 'platform-ops';

/**
 * A component's name, linking to its Platform Ops tab with the alert
 * history chart. The namespace shows when it is not `default`.
 */
export function ComponentHistoryLink(props: { entityRef: string }) {
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseEntityRef(props.entityRef);
  const label =
    ref.namespace === 'default' ? ref.name : `${ref.namespace}/${ref.name}`;
  return (
    // Encoded as the catalog's own entity links are.
    <Link
      to={`${entityRoute(
        entityRouteParams(ref, { encodeParams: true }),
      )}/${PLATFORM_OPS_TAB}`}
      title={`Alert history of ${props.entityRef}`}
    >
      {label}
    </Link>
  );
}
