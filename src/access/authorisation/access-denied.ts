/**
 * A request the access layer refuses. It is thrown past AdminJS's own error handling (which would
 * answer 200 with a notice) to the panel's error handler, which answers `status` with a translated
 * notice and no detail: 400 a malformed request, 401 nobody logged in, 403 not allowed, 404 no such
 * resource, record or action, 405 a state change sent as GET or HEAD.
 */
export class AccessDenied extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 405,
    public readonly reason: string,
  ) {
    super(reason);
    this.name = 'AccessDenied';
  }
}
