/** What a refusal adds: the field it is about, the entry's current version (a stale edit), each problem of a rejected setting. */
export interface ErrorDetails {
  field?: string;
  version?: number;
  errors?: string[];
}

/** An answer that was not 2xx, with what the service said (a 400 names each bad field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly errorId?: string,
    readonly details: ErrorDetails = {},
    /** The field each message is about (the JSON path of the answer's `errors[].field`), where the service said. */
    readonly fields: readonly (string | undefined)[] = [],
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
  }
}

/** One entry of an error answer's `errors`: the problem in the language the console asked for. */
interface ErrorEntry {
  field?: string;
  code: string;
  message: string;
}

const isEntry = (e: unknown): e is ErrorEntry =>
  !!e && typeof e === 'object' && typeof (e as ErrorEntry).message === 'string' && typeof (e as ErrorEntry).code === 'string' && ['string', 'undefined'].includes(typeof (e as ErrorEntry).field);

export async function apiErrorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // not JSON
  }
  return apiErrorFrom(response.status, body);
}

/**
 * From an error answer's parsed body ({statusCode, error, message: [...], errors: [{field?, code, message}], errorId?, details?}).
 * The messages are those of `errors` (in the language sent as Accept-Language), each with its field
 * (a rejected SLA setting gives one entry per problem); an answer without `errors` falls back to the
 * English of details.errors (one per problem, naming its field first) or else its `message`.
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const { message, errorId, details, errors } = (body && typeof body === 'object' ? body : {}) as { message?: unknown; errorId?: string; details?: unknown; errors?: unknown };
  const d = (details && typeof details === 'object' ? details : {}) as Record<string, unknown>;
  const own: ErrorDetails = {
    ...(typeof d.field === 'string' ? { field: d.field } : {}),
    ...(typeof d.version === 'number' ? { version: d.version } : {}),
    ...(Array.isArray(d.errors) && d.errors.every((e) => typeof e === 'string') ? { errors: d.errors as string[] } : {}),
  };
  if (Array.isArray(errors) && errors.length > 0 && errors.every(isEntry)) {
    return new ApiError(status, errors.map((e) => e.message), errorId, own, errors.map((e) => e.field));
  }
  const messages = own.errors?.length ? own.errors : Array.isArray(message) ? message.map(String) : typeof message === 'string' ? [message] : [];
  return new ApiError(status, messages, errorId, own);
}

/**
 * A 400's messages by the form field they name: the field the answer gives each (`location.lat`
 * → location), else the message's first word ("title must be shorter…"); what names no field
 * of the form stays in `rest` for the form's top.
 */
export function fieldErrors(
  messages: readonly string[],
  fields: readonly string[],
  namedField?: string,
  messageFields: readonly (string | undefined)[] = [],
): { byField: Record<string, string[]>; rest: string[] } {
  const byField: Record<string, string[]> = {};
  const rest: string[] = [];
  const matching = (path: string) => fields.find((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`));
  for (const [index, message] of messages.entries()) {
    const given = messageFields[index];
    // "gridId: there is no grid g9" names its field with a colon.
    const head = (message.split(/\s/, 1)[0] ?? '').replace(/:$/, '');
    // A message that names no field in its words ("a grid needs a polygon") may name it in the answer's details.
    const field = (given !== undefined ? matching(given) : matching(head)) ?? (namedField && fields.includes(namedField) ? namedField : undefined);
    if (field) (byField[field] ??= []).push(message);
    else rest.push(message);
  }
  return { byField, rest };
}
