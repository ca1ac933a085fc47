/**
 * Generators for property-based tests (fast-check) of code that reads
 * `platform-ops/` annotations, live alerts, backup and cluster inventories
 * and drills: the suite's own packages use them, and so may an app that
 * renders the cards in its own way.
 *
 * @packageDocumentation
 */
export * from './testUtils/arbitraries';
export * from './testUtils/liveData';
