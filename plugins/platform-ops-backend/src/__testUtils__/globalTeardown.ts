import type { TestPostgres } from './postgres';

export default async function globalTeardown() {
  (globalThis as { platformOpsPostgres?: TestPostgres }).platformOpsPostgres?.stop();
}
