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
  let body: { message?: unknown; errorId?: string } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // not JSON
  }
  const messages = Array.isArray(body.message) ? body.message.map(String) : typeof body.message === 'string' ? [body.message] : [];
  return new ApiError(response.status, messages, body.errorId);
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
