/** An answer that was not 2xx, with what the service said (a 400 names each bad field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly errorId?: string,
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

/** From an error answer's parsed body ({statusCode, error, message: [...], errorId?}). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const { message, errorId } = (body && typeof body === 'object' ? body : {}) as { message?: unknown; errorId?: string };
  const messages = Array.isArray(message) ? message.map(String) : typeof message === 'string' ? [message] : [];
  return new ApiError(status, messages, errorId);
}

/**
 * A 400's messages by the form field they name ("title must be shorter…", "location.lat must
 * be…" → location); what names no field of the form stays in `rest` for the form's top.
 */
export function fieldErrors(messages: readonly string[], fields: readonly string[]): { byField: Record<string, string[]>; rest: string[] } {
  const byField: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const message of messages) {
    const head = message.split(/\s/, 1)[0] ?? '';
    const field = fields.find((f) => head === f || head.startsWith(`${f}.`) || head.startsWith(`${f}[`));
    if (field) (byField[field] ??= []).push(message);
    else rest.push(message);
  }
  return { byField, rest };
}
