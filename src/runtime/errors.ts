/**
 * Errors a handler throws to answer with a status code and a
 * `{"Code": "<ClassName>", "Message": "<message>"}` JSON body, as Chalice does.
 * Subclass it for other statuses: `class TeapotError extends ViewError { static readonly statusCode = 418 }`.
 * @example throw new NotFoundError(`no city named ${city}`)
 */
export class ViewError extends Error {
  static readonly statusCode: number = 500;
  /** The `Code` of the body; the built-in classes spell it out so it survives minification. */
  static readonly code: string = 'ViewError';

  constructor(message?: string) {
    super(message);
    this.name = this.code;
  }

  get statusCode(): number {
    return (this.constructor as typeof ViewError).statusCode;
  }
  /** The class's own `code`, else its name (user subclasses). */
  get code(): string {
    const type = this.constructor as typeof ViewError;
    return Object.hasOwn(type, 'code') ? type.code : type.name;
  }
}

export class BadRequestError extends ViewError {
  static readonly statusCode = 400;
  static readonly code = 'BadRequestError';
}
export class UnauthorizedError extends ViewError {
  static readonly statusCode = 401;
  static readonly code = 'UnauthorizedError';
}
export class ForbiddenError extends ViewError {
  static readonly statusCode = 403;
  static readonly code = 'ForbiddenError';
}
export class NotFoundError extends ViewError {
  static readonly statusCode = 404;
  static readonly code = 'NotFoundError';
}
export class MethodNotAllowedError extends ViewError {
  static readonly statusCode = 405;
  static readonly code = 'MethodNotAllowedError';
}
export class RequestTimeoutError extends ViewError {
  static readonly statusCode = 408;
  static readonly code = 'RequestTimeoutError';
}
export class ConflictError extends ViewError {
  static readonly statusCode = 409;
  static readonly code = 'ConflictError';
}
export class UnprocessableEntityError extends ViewError {
  static readonly statusCode = 422;
  static readonly code = 'UnprocessableEntityError';
}
export class TooManyRequestsError extends ViewError {
  static readonly statusCode = 429;
  static readonly code = 'TooManyRequestsError';
}

/** The JSON body of every error response. */
export interface ErrorBody {
  Code: string;
  Message: string;
  /** Present only when `app.debug` is true and the error was not a ViewError. */
  Stack?: string;
}
