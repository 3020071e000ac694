export type ErrorCode =
  | 'E_NOT_FOUND'
  | 'E_IS_DIRECTORY'
  | 'E_EMPTY'
  | 'E_BINARY'
  | 'E_UNKNOWN_FORMAT'
  | 'E_NOT_PDF'
  | 'E_TRUNCATED'
  | 'E_ENCRYPTED'
  | 'E_BAD_PASSWORD'
  | 'E_NO_PAGES'
  | 'E_NEEDS_OCR'
  | 'E_LINKED_DOCUMENT'
  | 'E_READ'
  | 'E_TOO_LARGE'
  | 'E_TIMEOUT'
  | 'E_GOLDEN'
  | 'E_OUTPUT'
  | 'E_NOT_OUTPUT'
  | 'E_INTERNAL'
  | 'E_USAGE';

/** An input the library cannot use. The CLI prints `extract: <file>: <reason> [<code>]` and exits 2. */
export class ExtractError extends Error {
  readonly code: ErrorCode;
  readonly file: string;
  constructor(code: ErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractError';
    this.code = code;
    this.file = file;
  }
}
