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
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
  }
}

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
 * From an error answer's parsed body ({statusCode, error, message: [...], errorId?, details?}).
 * A rejected SLA setting says every problem in details.errors: those are the messages, one per field.
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const { message, errorId, details } = (body && typeof body === 'object' ? body : {}) as { message?: unknown; errorId?: string; details?: unknown };
  const d = (details && typeof details === 'object' ? details : {}) as Record<string, unknown>;
  const own: ErrorDetails = {
    ...(typeof d.field === 'string' ? { field: d.field } : {}),
    ...(typeof d.version === 'number' ? { version: d.version } : {}),
    ...(Array.isArray(d.errors) && d.errors.every((e) => typeof e === 'string') ? { errors: d.errors as string[] } : {}),
  };
  const messages = own.errors?.length ? own.errors : Array.isArray(message) ? message.map(String) : typeof message === 'string' ? [message] : [];
  return new ApiError(status, messages, errorId, own);
}

/**
 * A 400's messages by the form field they name ("title must be shorter…", "location.lat must
 * be…" → location); what names no field of the form stays in `rest` for the form's top.
 */
export function fieldErrors(messages: readonly string[], fields: readonly string[], namedField?: string): { byField: Record<string, string[]>; rest: string[] } {
  const byField: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const message of messages) {
    // "gridId: there is no grid g9" names its field with a colon.
    const head = (message.split(/\s/, 1)[0] ?? '').replace(/:$/, '');
    // A message that names no field in its words ("a grid needs a polygon") may name it in the answer's details.
    const field = fields.find((f) => head === f || head.startsWith(`${f}.`) || head.startsWith(`${f}[`)) ?? (namedField && fields.includes(namedField) ? namedField : undefined);
    if (field) (byField[field] ??= []).push(message);
    else rest.push(message);
  }
  return { byField, rest };
}
