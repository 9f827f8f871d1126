import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, fieldErrors } from './errors';
import type { Problems } from './validation';

/** Shows the form's own problems at their fields; true when there were none. */
export function showProblems(form: FormInstance, problems: Problems, t: TFunction, fields: readonly string[]): boolean {
  form.setFields(fields.map((name) => ({ name, errors: problems[name] ? [t(problems[name]!.key, problems[name]!.values ?? {})] : [] })));
  return Object.keys(problems).length === 0;
}

/** A 400's messages at the fields they name; returns what names no field (for the form's top). */
export function showApiErrors(form: FormInstance, error: unknown, fields: readonly string[], rename: Record<string, string> = {}): unknown {
  if (!(error instanceof ApiError) || error.status !== 400) return error;
  const api = [...fields.map((f) => rename[f] ?? f)];
  const { byField, rest } = fieldErrors(error.messages, api, undefined, error.fields);
  form.setFields(fields.map((name) => ({ name, errors: byField[rename[name] ?? name] ?? [] })));
  return rest.length ? new ApiError(400, rest) : null;
}

/** A field's message goes as soon as the person changes the field. */
export const clearOnChange = (form: FormInstance) => (changed: Record<string, unknown>) =>
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
