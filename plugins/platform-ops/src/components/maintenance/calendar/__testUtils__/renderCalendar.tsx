import { discoveryApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReactElement } from 'react';
import { useLocation } from 'react-router-dom';
import { PlatformOpsApi, platformOpsApiRef } from '../../../../api';
import {
  calendarCatalogEntities,
  changesBetween,
  windowsBetween,
} from '../../../../testing/calendar';

/**
 * A jest mock of the API methods the calendar uses, answering from the
 * calendar fixtures and honouring the query as the backend does.
 */
export function calendarApiMock() {
  return {
    getWindows: jest.fn<
      ReturnType<PlatformOpsApi['getWindows']>,
      Parameters<PlatformOpsApi['getWindows']>
    >(async query => windowsBetween(query)),
    getChanges: jest.fn<
      ReturnType<PlatformOpsApi['getChanges']>,
      Parameters<PlatformOpsApi['getChanges']>
    >(async query => changesBetween(query ?? {})),
    createCalendarToken: jest.fn<
      ReturnType<PlatformOpsApi['createCalendarToken']>,
      []
    >(),
    revokeCalendarToken: jest.fn<
      ReturnType<PlatformOpsApi['revokeCalendarToken']>,
      []
    >(),
  };
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

/** The current URL's search parameters, as the probe shows them. */
export function currentSearch(): URLSearchParams {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

/**
 * Renders a calendar component at `route` with the Platform Ops API
 * mocked, the catalog holding the changed components with their owners,
 * and the discovery API at http://localhost:7007.
 */
export async function renderCalendar(
  element: ReactElement,
  options: {
    api: Partial<PlatformOpsApi>;
    route?: string;
    catalogApi?: ReturnType<typeof catalogApiMock>;
  },
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformOpsApiRef, options.api],
        [
          catalogApiRef,
          options.catalogApi ??
            catalogApiMock({ entities: calendarCatalogEntities }),
        ],
        [
          discoveryApiRef,
          mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
        ],
      ]}
    >
      {element}
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [options.route ?? '/'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
