/** Errors shaped like Apps Script's: `String(error)` reads "Exception: <message>". */
export class GasException extends Error {
  override name = "Exception";
}

export function fail(message: string): never {
  throw new GasException(message);
}
