/**
 * The message of a thrown value on one line (line breaks folded to spaces), for messages that
 * quote another error, e.g. a worker's.
 */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
