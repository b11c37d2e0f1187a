import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** The `workerData` of a pool's worker threads: it asks them to announce their loading. */
export const POOL_WORKER_DATA = { rlObjectivePoolWorker: true } as const;

/** The message a pool's worker thread posts once its module has loaded. */
export const WORKER_LOADED = 'rl-objective: worker loaded';

/**
 * Tells the pool that started this worker thread that its task module has loaded: each worker
 * module of a pool (`createWorkerPool`) calls it as the last statement of its top level, so that
 * every module it imports is evaluated by then. Terminating a worker thread while it is still
 * loading its modules can abort the whole process in V8 (`v8::Module::IsGraphAsync must be used
 * on an instantiated module`), so a pool stops no worker before this message. Does nothing in
 * any other thread (the main thread, or a worker thread of someone else's).
 */
export function announceLoaded(): void {
  const data = workerData as typeof POOL_WORKER_DATA | undefined;
  if (!isMainThread && data?.rlObjectivePoolWorker === true) parentPort?.postMessage(WORKER_LOADED);
}
