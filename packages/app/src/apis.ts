import { AnyApiFactory } from '@backstage/core-plugin-api';

export const apis: AnyApiFactory[] = [];
