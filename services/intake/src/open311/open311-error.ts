/** One entry of an Open311 GeoReport v2 error answer: `[{code, description}]` (JSON) or `<errors><error>…` (XML). */
export interface Open311ErrorEntry {
  /** The HTTP status, as the spec's examples give it (400, 403, 404). */
  code: number;
  /** Starts with the field it is about, so a client can show it there. */
  description: string;
}

/**
 * What an Open311 endpoint refuses, in the spec's terms: the status and one entry per problem.
 * Thrown by the request checks; the Open311 exception filter writes it in the asked-for format.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly entries: readonly Open311ErrorEntry[],
  ) {
    super(entries.map((e) => e.description).join('; '));
  }

  /** One problem per field, all answered together with 400. */
  static badRequest(problems: readonly string[]): Open311Error {
    return new Open311Error(400, problems.map((description) => ({ code: 400, description })));
  }

  static forbidden(description: string): Open311Error {
    return new Open311Error(403, [{ code: 403, description }]);
  }

  static notFound(description: string): Open311Error {
    return new Open311Error(404, [{ code: 404, description }]);
  }
}
