// Every handler runs through runSafe: cancellation becomes RequestCancelled, exceptions are logged and answered
// with the handler's default result, so bad input never takes the server down.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export type Logger = (message: string) => void;

export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers declare different error-data types
export function cancelled(): ResponseError<any> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export async function runSafe<T>(
  log: Logger,
  name: string,
  fallback: T,
  fn: () => T | Promise<T>,
  token?: CancellationToken,
// eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<T | ResponseError<any>> {
  try {
    if (token?.isCancellationRequested) return cancelled();
    const result = await fn();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (e) {
    if (e instanceof ResponseError) return e;
    log(`${name} failed: ${describeError(e)}`);
    return fallback;
  }
}

/** For notifications: nothing to answer, just never let an exception escape. */
export function guard<A extends unknown[]>(log: Logger, name: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const r = fn(...args);
      if (r instanceof Promise) r.catch((e) => log(`${name} failed: ${describeError(e)}`));
    } catch (e) {
      log(`${name} failed: ${describeError(e)}`);
    }
  };
}
