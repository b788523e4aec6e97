/**
 * OpenAI's error body for `/v1/*` (DESIGN.md, "HTTP"): `{"error":{"message","type","param","code"}}`,
 * as in https://platform.openai.com/docs/guides/error-codes. OpenAI clients pick their
 * exception by HTTP status (`BadRequestError` for 400, `AuthenticationError` for 401,
 * `RateLimitError` for 429, `InternalServerError` for 5xx) and show `message`.
 */
import { AppError, type ErrorStatus } from '../../errors.js';

/** The fields of an error that reach the body; `param` names the request field at fault. */
export interface OpenAIErrorFields {
  status: number;
  code: string;
  message: string;
  param?: string;
}

/**
 * A request OpenAI's API would also refuse, naming the field at fault as OpenAI does
 * (`messages[0].content[1].type`), so a client can show which part of its request to fix.
 */
export class OpenAIRequestError extends AppError {
  override name = 'OpenAIRequestError';
  constructor(
    status: Extract<ErrorStatus, 400 | 404>,
    code: string,
    message: string,
    readonly param: string | undefined,
  ) {
    super(status, code, message);
  }
}

function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

/** @example openAIErrorBody({ status: 404, code: 'model_not_found', message: '…', param: 'model' }) */
export function openAIErrorBody(error: OpenAIErrorFields) {
  return {
    error: { message: error.message, type: errorType(error.status), param: error.param ?? null, code: error.code },
  };
}
