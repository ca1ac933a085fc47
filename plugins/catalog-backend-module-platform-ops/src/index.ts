/**
 * Catalog module that reports invalid `platform-ops/` annotations.
 *
 * @packageDocumentation
 */

export { catalogModulePlatformOps as default } from './module';
export {
  PlatformOpsAnnotationsProcessor,
  type AnnotationValidationMode,
} from './processor/PlatformOpsAnnotationsProcessor';
