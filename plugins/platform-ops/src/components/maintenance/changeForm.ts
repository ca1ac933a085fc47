import {
  ChangeInput,
  changeInputSchema,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { fieldErrorsOfMessage } from '../shared/fieldErrorsOfMessage';

/** The "Announce change" form as filled in. */
export type ChangeFormValues = {
  title: string;
  /** Empty until chosen. */
  class: string;
  /** Entity refs separated by commas or line breaks. */
  entityRefs: string;
  environments: string[];
  /** In a window occurrence, or at an explicit time. */
  timing: 'window' | 'explicit';
  /** The chosen occurrence, written by {@link occurrenceKey}. */
  occurrence: string;
  /** `datetime-local` values, in the viewer's time. */
  start: string;
  end: string;
  updates: string[];
  description: string;
  link: string;
  contingencyPlan: string;
  silenceAlerts: boolean;
};

/** The fields the backend names, as its schema calls them. */
export const CHANGE_FIELDS = [
  'title',
  'class',
  'entityRefs',
  'environments',
  'window',
  'windowStart',
  'start',
  'end',
  'updates',
  'description',
  'link',
  'contingencyPlan',
  'silenceAlerts',
] as const;

/** A field the backend may name in a 400. */
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** What is wrong with each field, in the words the backend would use. */
export type ChangeFieldErrors = Partial<Record<ChangeField, string>>;

function isField(name: string): name is ChangeField {
  return (CHANGE_FIELDS as readonly string[]).includes(name);
}

function items(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map(item => item.trim())
    .filter(Boolean);
}

/** An occurrence as one choice: its window and start. */
export function occurrenceKey(occurrence: {
  window: string;
  start: string;
}): string {
  return `${occurrence.window} ${occurrence.start}`;
}

/** A fresh form announcing a change of one component. */
export function emptyChangeForm(
  entityRef: string,
  environments: string[] = [],
): ChangeFormValues {
  return {
    title: '',
    class: '',
    entityRefs: entityRef,
    environments,
    timing: 'window',
    occurrence: '',
    start: '',
    end: '',
    updates: [],
    description: '',
    link: '',
    contingencyPlan: '',
    silenceAlerts: false,
  };
}

/** A `datetime-local` value in the viewer's zone as UTC ISO 8601. */
function utcOf(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const time = DateTime.fromISO(local);
  // Left as written when it is no time, so the schema names the field.
  return time.isValid ? time.toUTC().toISO()! : local;
}

/** What the form sends, before the schema has looked at it. */
function inputOf(values: ChangeFormValues, id: string) {
  const [window, windowStart] =
    values.timing === 'window' && values.occurrence
      ? values.occurrence.split(' ')
      : [undefined, undefined];
  const explicit = values.timing === 'explicit';
  return {
    id,
    title: values.title,
    class: values.class,
    entityRefs: items(values.entityRefs),
    environments: values.environments,
    window,
    windowStart,
    start: explicit ? utcOf(values.start) : undefined,
    end: explicit ? utcOf(values.end) : undefined,
    updates: values.updates,
    description: values.description,
    link: values.link.trim() || undefined,
    contingencyPlan: values.contingencyPlan,
    silenceAlerts: values.silenceAlerts,
  };
}

/** Problems the schema words for an API rather than for a form. */
function formProblems(values: ChangeFormValues): ChangeFieldErrors {
  const errors: ChangeFieldErrors = {};
  if (!values.class) errors.class = 'must say how big the change is';
  if (values.timing === 'window' && !values.occurrence) {
    errors.window = 'choose a window occurrence, or give an explicit time';
  }
  if (values.timing === 'explicit') {
    if (!values.start.trim()) errors.start = 'must say when the change starts';
    if (!values.end.trim()) errors.end = 'must say when the change ends';
  }
  return errors;
}

/**
 * Checks the form with the schema the backend uses, so the form names the
 * same fields with the same messages before anything is sent.
 */
export function parseChangeForm(
  values: ChangeFormValues,
  id: string,
): { input: ChangeInput; errors?: undefined } | { errors: ChangeFieldErrors } {
  const input = inputOf(values, id);
  const result = changeInputSchema.safeParse(input);
  const errors = formProblems(values);
  if (result.success && Object.keys(errors).length === 0) {
    return { input: result.data };
  }
  for (const issue of result.success ? [] : result.error.issues) {
    const [name, index] = issue.path;
    const field = String(name);
    if (!isField(field) || errors[field]) continue;
    // With the form's own word for a missing time, the schema's "give
    // either ..." adds nothing.
    if (
      (field === 'window' || field === 'start') &&
      (errors.window || errors.start)
    ) {
      continue;
    }
    errors[field] =
      field === 'entityRefs' && typeof index === 'number'
        ? `${input.entityRefs[index]}: ${issue.message}`
        : issue.message;
  }
  return { errors };
}

/** The fields a backend 400 names, next to their fields. */
export function changeFieldErrorsOfMessage(message: string): ChangeFieldErrors {
  return fieldErrorsOfMessage(message, isField);
}
