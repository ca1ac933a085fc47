/**
 * Extension points and source interfaces for the Platform Ops backend.
 *
 * @packageDocumentation
 */

export * from './sources';
