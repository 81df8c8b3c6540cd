/** RFC 9457 problem details, as the NLGov API Design Rules ask. */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  invalidParams?: InvalidParam[];
}

/** An error that becomes an application/problem+json answer with its status. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly invalidParams: InvalidParam[] | undefined;
  readonly headers: Record<string, string>;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. `regel` for a line of an imported text. */
  readonly extra: Record<string, string | number>;

  constructor(
    status: number,
    code: string,
    title: string,
    options: { detail?: string; invalidParams?: InvalidParam[]; headers?: Record<string, string>; extra?: Record<string, string | number> } = {},
  ) {
    super(title);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = options.detail;
    this.invalidParams = options.invalidParams;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

/** The problem body for an error (type is a stable URN per code). */
export function toProblem(error: ProblemError, instance?: string): Problem {
  return {
    ...error.extra,
    type: `urn:loket:problem:${error.code}`,
    title: error.title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(error.invalidParams ? { invalidParams: error.invalidParams } : {}),
  };
}

export const notFound = (what = 'Dit bestaat niet, of u mag het niet zien.'): ProblemError =>
  new ProblemError(404, 'niet-gevonden', 'Niet gevonden', { detail: what });

export const badRequest = (invalidParams: InvalidParam[], detail = 'Een of meer velden kloppen niet.'): ProblemError =>
  new ProblemError(400, 'ongeldige-invoer', 'Ongeldige invoer', { detail, invalidParams });

export const conflict = (code: string, detail: string): ProblemError =>
  new ProblemError(409, code, 'Conflict', { detail });
