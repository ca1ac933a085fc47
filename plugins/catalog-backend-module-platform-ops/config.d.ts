export interface Config {
  platformOps?: {
    catalog?: {
      /**
       * What to do with invalid platform-ops annotations: "warn" logs them
       * and keeps the entity (default); "error" reports catalog processing
       * errors, which also holds back the new version of the entity. Any
       * other value stops the backend at startup with the common config
       * error naming this key.
       * @default warn
       */
      annotationValidation?: 'warn' | 'error';
    };
  };
}
