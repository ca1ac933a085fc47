/**
 * The fields named in a backend InputError message ("Invalid body:
 * environment: must be one of staging, production; date: ..."), so each
 * problem shows next to the field it is about. Only the first problem of a
 * field is kept; parts naming no known field are left to the message shown
 * above the form.
 */
export function fieldErrorsOfMessage<Field extends string>(
  message: string,
  isField: (name: string) => name is Field,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const details = message.replace(/^Invalid (?:body|query|path): /, '');
  for (const part of details.split(/; (?=[A-Za-z]+(?:\.[A-Za-z0-9]+)*: )/)) {
    const match = /^([A-Za-z]+)(?:\.[A-Za-z0-9]+)*: (.+)$/s.exec(part);
    if (match && isField(match[1]) && !errors[match[1]]) {
      errors[match[1]] = match[2];
    }
  }
  return errors;
}
