/** A signal aborted by the first SIGINT or SIGTERM, and how to stop listening. */
export interface InterruptSignal {
  readonly signal: AbortSignal;
  /** Removes the handlers: a later SIGINT or SIGTERM ends the process as usual. */
  dispose(): void;
}

/**
 * Listens for SIGINT (Ctrl-C) and SIGTERM (a scheduler's stop) once: the first aborts the
 * returned signal, so that a run stops its workers and keeps its completed chunks; a second one
 * finds no handler and ends the process at once, as a user pressing Ctrl-C twice expects.
 */
export function interruptSignal(): InterruptSignal {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
