import { startPostgres } from './postgres';

/**
 * Starts a real PostgreSQL 15 for the database tests and tells Backstage's
 * TestDatabases where it is, so they run on SQLite and PostgreSQL alike.
 */
export default async function globalSetup() {
  const postgres = await startPostgres();
  (globalThis as { platformOpsPostgres?: typeof postgres }).platformOpsPostgres = postgres;
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING = postgres.connectionString;
}
