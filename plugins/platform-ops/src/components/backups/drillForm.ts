import {
  DrillInput,
  drillInputSchema,
} from '@platform-ops/plugin-platform-ops-common';
import { fieldErrorsOfMessage as fieldErrorsOf } from '../shared/fieldErrorsOfMessage';

/** The "Record drill" form as typed: every field is text. */
export type DrillFormValues = {
  /** Entity refs separated by commas or line breaks. */
  entityRefs: string;
  environment: string;
  /** YYYY-MM-DD. */
  date: string;
  scenario: string;
  ledBy: string;
  /** Empty when the drill did not measure it. */
  measuredRto: string;
  outcome: string;
  wentWell: string;
  toImprove: string;
  /** One per line. */
  actionItems: string;
};

/** A field of the form. */
export type DrillField = keyof DrillFormValues;

/** What is wrong with each field, in the words the backend would use. */
export type DrillFieldErrors = Partial<Record<DrillField, string>>;

const FIELDS: readonly DrillField[] = [
  'entityRefs',
  'environment',
  'date',
  'scenario',
  'ledBy',
  'measuredRto',
  'outcome',
  'wentWell',
  'toImprove',
  'actionItems',
];

function isField(name: string): name is DrillField {
  return (FIELDS as readonly string[]).includes(name);
}

function lines(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map(item => item.trim())
    .filter(Boolean);
}

/** A fresh form for a drill of one component, dated today. */
export function emptyDrillForm(
  entityRef: string,
  today: string,
  environment = '',
): DrillFormValues {
  return {
    entityRefs: entityRef,
    environment,
    date: today,
    scenario: '',
    ledBy: '',
    measuredRto: '',
    outcome: '',
    wentWell: '',
    toImprove: '',
    actionItems: '',
  };
}

/**
 * Checks the form with the schema the backend uses, so the form names the
 * same fields with the same messages before anything is sent.
 */
export function parseDrillForm(
  values: DrillFormValues,
  id: string,
): { input: DrillInput; errors?: undefined } | { errors: DrillFieldErrors } {
  const entityRefs = lines(values.entityRefs, /[,\n]/);
  const result = drillInputSchema.safeParse({
    id,
    entityRefs,
    environment: values.environment.trim(),
    date: values.date.trim(),
    scenario: values.scenario,
    ledBy: values.ledBy,
    measuredRto: values.measuredRto.trim() || undefined,
    outcome: values.outcome,
    wentWell: values.wentWell,
    toImprove: values.toImprove,
    actionItems: lines(values.actionItems, /\n/),
  });
  if (result.success) return { input: result.data };
  const errors: DrillFieldErrors = {};
  for (const issue of result.error.issues) {
    const [name, index] = issue.path;
    const field = String(name);
    if (!isField(field) || errors[field]) continue;
    let message = issue.message;
    // An unchosen choice reads better than the schema's "Invalid enum value".
    if (field === 'outcome') {
      message = 'must say how the drill ended';
    } else if (field === 'environment' && !values.environment.trim()) {
      message = 'must say which environment was drilled';
    } else if (field === 'entityRefs' && typeof index === 'number') {
      message = `${entityRefs[index]}: ${message}`;
    } else if (typeof index === 'number') {
      message = `item ${index + 1}: ${message}`;
    }
    errors[field] = message;
  }
  return { errors };
}

/**
 * The fields named in a backend InputError message ("Invalid body:
 * environment: must be one of staging, production; date: ..."), so they
 * show next to the fields they are about.
 */
export function fieldErrorsOfMessage(message: string): DrillFieldErrors {
  return fieldErrorsOf(message, isField);
}
