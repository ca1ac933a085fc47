import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { PlatformOpsApi, platformOpsApiRef } from '../../../api';

/** A jest mock of each API method the change tests use. */
export function changeApiMock() {
  const method = <Name extends keyof PlatformOpsApi>() =>
    jest.fn<
      ReturnType<PlatformOpsApi[Name]>,
      Parameters<PlatformOpsApi[Name]>
    >();
  return {
    getSummary: method<'getSummary'>(),
    getChanges: method<'getChanges'>(),
    announceChange: method<'announceChange'>(),
    updateChange: method<'updateChange'>(),
    getWindows: method<'getWindows'>(),
  };
}

// The permission API's answer, typed without importing the permission
// common package this plugin does not depend on.
type Decision = Exclude<
  NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize'],
  Function | undefined
>;

/**
 * Renders an entity's component with the API mocked and the permission
 * framework allowing or denying everything; returns the permissions asked.
 */
export async function renderWithChanges(
  element: ReactElement,
  options: {
    api: Partial<PlatformOpsApi>;
    entity: Entity;
    allowed: boolean;
  },
): Promise<string[]> {
  const asked: string[] = [];
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformOpsApiRef, options.api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request => {
              asked.push(request.permission.name);
              return (options.allowed ? 'ALLOW' : 'DENY') as Decision;
            },
          }),
        ],
      ]}
    >
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return asked;
}

/** What the backend answers on failure, as the client throws it. */
export async function backendError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
