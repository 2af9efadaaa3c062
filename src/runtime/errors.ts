/**
 * Errors a handler throws to answer with a status code and a
 * `{"Code": "<ClassName>", "Message": "<message>"}` JSON body, as Chalice does.
 * @example throw new NotFoundError(`no city named ${city}`)
 */
export class ViewError extends Error {
  static readonly statusCode: number = 500;
  get statusCode(): number {
    return (this.constructor as typeof ViewError).statusCode;
  }
  get code(): string {
    return this.constructor.name;
  }
}

export class BadRequestError extends ViewError { static readonly statusCode = 400; }
export class UnauthorizedError extends ViewError { static readonly statusCode = 401; }
export class ForbiddenError extends ViewError { static readonly statusCode = 403; }
export class NotFoundError extends ViewError { static readonly statusCode = 404; }
export class MethodNotAllowedError extends ViewError { static readonly statusCode = 405; }
export class RequestTimeoutError extends ViewError { static readonly statusCode = 408; }
export class ConflictError extends ViewError { static readonly statusCode = 409; }
export class UnprocessableEntityError extends ViewError { static readonly statusCode = 422; }
export class TooManyRequestsError extends ViewError { static readonly statusCode = 429; }

/** The JSON body of every error response. */
export interface ErrorBody {
  Code: string;
  Message: string;
  /** Present only when `app.debug` is true and the error was not a ViewError. */
  Stack?: string;
}
