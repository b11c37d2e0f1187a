import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { InputError } from '../errors/index.ts';
import {
  type ChunkResult,
  createSimulationPool,
  type FaultInjection,
  mergeChunkResults,
  runSimulation,
  type SimulationPool,
  type SimulationResult,
  summarizeSimulation,
} from '../estimators/index.ts';
import { type BatteryProgress, silentProgress } from './battery-progress.ts';
import type { Check, MonteCarloCheck } from './check.ts';
import { type BatteryResult, type CheckEvaluation, decideBattery } from './decide-battery.ts';
import type { BatteryPlan } from './plan-battery.ts';

/** What every way of running a battery's chunks takes: whole (`runBattery`) or one shard. */
export interface BatteryRunOptions extends FaultInjection {
  readonly threads: number;
  /** A pool to run on instead of one of `threads` workers started for the run; kept running. */
  readonly pool?: SimulationPool;
  readonly signal?: AbortSignal;
  readonly progress?: BatteryProgress;
  /** Chunks already computed, by battery-wide index (e.g. from a checkpoint): not rerun. */
  readonly completed?: ReadonlyMap<number, ChunkResult>;
  /** Called with each chunk's battery-wide index and result as it completes, e.g. to checkpoint. */
  readonly onChunk?: (index: number, result: ChunkResult) => void;
  /** Told, in one line, about a chunk that failed once and is run again. */
  readonly onRetry?: (message: string) => void;
}

/** How {@link runBattery} runs. */
export interface RunBatteryOptions extends BatteryRunOptions {
  /** Family-wise false-fail rate of the whole run, split by Holm over the Monte Carlo checks. */
  readonly alpha: number;
  /** False-pass rate at which each resolution is stated. */
  readonly beta: number;
}

/**
 * Runs every check of a planned battery and decides them (`decideBattery`, docs/theory.md §6): one
 * row per check, in the battery's order, with the calibration z-scores.
 *
 * The simulations of the Monte Carlo checks are numbered battery-wide (`planBattery`), so that
 * `completed` and `onChunk` speak of one index space for the whole battery. Each draws from the
 * substreams named by the run seed and its own stream, so its numbers do not depend on the other
 * checks, their order, the thread count, or which chunks came from a checkpoint. With
 * `threads > 1` one worker pool is shared by all the checks, and it is kept busy: a check's
 * simulations are queued as soon as the previous one has started all its chunks, and the checks
 * computed in this thread (deterministic ones, and those that simulate here, in parts) run beside
 * them instead of between them. `progress` still hears of the checks one at a time, in order. A
 * chunk that fails is retried once; a second failure rejects with a `ChunkFailure` naming the
 * check and the chunk, once the other running work has stopped.
 */
export async function runBattery(
  plan: BatteryPlan,
  options: RunBatteryOptions,
): Promise<BatteryResult> {
  const { checks } = plan;
  const progress = options.progress ?? silentProgress;
  const evaluations: CheckEvaluation[] = [];
  const needsPool = options.threads > 1 && plan.simulations.length > 0 && !options.pool;
  // Two tasks per worker: a worker goes on to its next chunk while this thread computes a part
  // of a check of its own.
  const ownPool = needsPool ? createSimulationPool(options.threads, 2) : undefined;
  const pool = options.pool ?? ownPool;
  const stop = new AbortController();
  const forward = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener('abort', forward, { once: true });
  let current = -1;
  // Each check's latest fraction: a check queued ahead tells it once it is the current one.
  const fractions = new Map<number, number>();
  const work = new BatteryWork(plan, options, pool, stop, (index, fraction) => {
    fractions.set(index, fraction);
    if (index === current) progress.advance(fraction);
  });
  try {
    if (pool !== undefined) work.startAhead();
    for (const [index, check] of checks.entries()) {
      // Lets a signal handler run between checks: deterministic checks never yield otherwise.
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
      current = index;
      progress.start(check, index, checks.length);
      const ahead = fractions.get(index);
      if (ahead !== undefined) progress.advance(ahead);
      evaluations.push(await work.evaluation(index));
      progress.done({ id: check.id, seconds: evaluations[index]!.seconds });
    }
  } catch (error) {
    stop.abort(error);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', forward);
    await work.settled();
    progress.stop();
    await ownPool?.destroy();
  }
  return decideBattery(checks, evaluations, options.alpha, options.beta);
}

/** Whether a check is computed in this thread: deterministic, or simulating there (`evaluate`). */
function computedHere(check: Check): boolean {
  return check.kind === 'deterministic' || check.evaluate !== undefined;
}

/**
 * The evaluations of a battery's checks, each computed once: the Monte Carlo checks' simulations
 * on the pool (or in this thread without one), the other checks in this thread. With a pool,
 * {@link startAhead} starts both lanes at once, so that the pool never waits for this thread.
 */
class BatteryWork {
  private readonly started = new Map<number, Promise<CheckEvaluation>>();
  /** The simulated checks, in order, and how many of them have been started. */
  private readonly simulated: number[];
  private nextSimulated = 0;
  /** The checks computed in this thread, in order, and the last one's promise. */
  private readonly inThread: number[];
  private lastInThread: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly plan: BatteryPlan,
    private readonly options: BatteryRunOptions,
    private readonly pool: SimulationPool | undefined,
    private readonly stop: AbortController,
    private readonly onAdvance: (index: number, fraction: number) => void,
  ) {
    const indices = plan.checks.map((_, index) => index);
    this.simulated = indices.filter((index) => !computedHere(plan.checks[index]!));
    this.inThread = indices.filter((index) => computedHere(plan.checks[index]!));
  }

  /** Starts the first simulated check (the others follow it) and every check of this thread. */
  startAhead(): void {
    this.startNextSimulated();
    for (const index of this.inThread) this.computeHere(index, true);
  }

  /** Check `index`'s evaluation, started now if it was not yet. */
  evaluation(index: number): Promise<CheckEvaluation> {
    const check = this.plan.checks[index]!;
    const started = this.started.get(index);
    if (started !== undefined) return started;
    if (computedHere(check)) return this.computeHere(index, false);
    return this.remember(
      index,
      this.simulate(index, () => {}),
    );
  }

  /** Resolves once no work of this battery runs any more, whatever its outcome. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.started.values(), this.lastInThread]);
  }

  private remember(index: number, evaluation: Promise<CheckEvaluation>): Promise<CheckEvaluation> {
    // A failure stops the other running work at once; the run, which awaits the checks in order,
    // then rejects with it.
    evaluation.catch((error) => this.stop.abort(error));
    this.started.set(index, evaluation);
    return evaluation;
  }

  private startNextSimulated(): void {
    if (this.stop.signal.aborted || this.nextSimulated >= this.simulated.length) return;
    const index = this.simulated[this.nextSimulated++]!;
    this.remember(
      index,
      this.simulate(index, () => this.startNextSimulated()),
    );
  }

  /**
   * Runs check `index`'s simulations, each queued once the one before has started all its chunks,
   * and reads its outcome; `onAllStarted` once the last has started all its chunks.
   */
  private async simulate(index: number, onAllStarted: () => void): Promise<CheckEvaluation> {
    const { plan, options, pool, stop } = this;
    const check = plan.checks[index]! as MonteCarloCheck;
    const mine = plan.simulations.filter((s) => s.check === index);
    const begun = performance.now();
    const runs: Promise<SimulationResult>[] = [];
    // The fraction done of each simulation: two of them may run at once.
    const done = mine.map(() => 0);
    const start = (k: number) => {
      if (k === mine.length) {
        onAllStarted();
        return;
      }
      const { simulation, first, closedForm } = mine[k]!;
      const completed: ChunkResult[] = [];
      for (let c = 0; c < mine[k]!.chunks; c++) {
        const done = options.completed?.get(first + c);
        if (done !== undefined) completed.push(done);
      }
      let handedOver = false;
      // Called from inside `runSimulation`, possibly before it returns: the next simulation
      // starts once this call stack has unwound.
      const next = () => {
        if (handedOver) return;
        handedOver = true;
        queueMicrotask(() => start(k + 1));
      };
      const run = runSimulation(simulation, {
        pool,
        signal: stop.signal,
        closedForm: closedForm?.(),
        completed,
        offset: first,
        owner: `check '${check.id}'`,
        onRetry: options.onRetry,
        faults: options.faults,
        onChunk: (result) => options.onChunk?.(first + result.first, result),
        onProgress: (p) => {
          done[k] = p.groupsDone / p.groups;
          this.onAdvance(index, done.reduce((sum, f) => sum + f, 0) / mine.length);
        },
        onAllStarted: next,
      });
      run.catch(() => {});
      runs[k] = run;
    };
    start(0);
    const results: SimulationResult[] = [];
    for (let k = 0; k < mine.length; k++) results.push(await runs[k]!);
    return { outcome: check.outcome(results), seconds: seconds(begun) };
  }

  /**
   * Computes check `index` in this thread, after the previous such check: at once, or, `inParts`,
   * a part at a time with a turn of the event loop after each, so that the pool's workers get
   * their next chunks meanwhile. Its seconds are those of its own parts.
   */
  private computeHere(index: number, inParts: boolean): Promise<CheckEvaluation> {
    const { plan, stop } = this;
    const check = plan.checks[index]!;
    const compute = async (): Promise<CheckEvaluation> => {
      if (inParts) {
        await yieldToEventLoop();
        stop.signal.throwIfAborted();
      }
      let spent = 0;
      const timed = <T>(part: () => T): T => {
        const begun = performance.now();
        const result = part();
        spent += seconds(begun);
        return result;
      };
      if (check.kind === 'deterministic')
        return { outcome: timed(() => check.evaluate()), seconds: spent };
      const parts = inParts ? check.evaluateInParts?.(plan.seed) : undefined;
      if (parts === undefined)
        return { outcome: timed(() => check.evaluate!(plan.seed)), seconds: spent };
      for (;;) {
        const step = timed(() => parts.next());
        if (step.done) return { outcome: step.value, seconds: spent };
        await yieldToEventLoop();
        stop.signal.throwIfAborted();
      }
    };
    const evaluation = this.lastInThread.then(compute);
    this.lastInThread = evaluation.catch(() => {});
    return this.remember(index, evaluation);
  }
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

/** The settings of the verdicts of a {@link mergeBattery}. */
export interface MergeBatteryOptions {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Completes a run of a planned battery from the results of all its chunks, by battery-wide index (gathered
 * from shards by `mergeParts`): merges each simulation's chunks left to right in chunk order
 * (`mergeChunkResults`, Chan's merge, docs/theory.md §6) exactly as a single-machine run does, so the
 * estimates are bit-identical to it; computes the deterministic checks and the checks that
 * simulate in this thread (`evaluate`: cheap, and the same
 * version of the code computes them as the shards' identity guarantees); and decides every check
 * as `runBattery` does (`decideBattery`).
 *
 * Each row's `seconds` is the time this merge spent on the check, not the shards' compute time.
 * Throws an {@link InputError} when a chunk is missing: nothing partial is decided.
 */
export function mergeBattery(
  plan: BatteryPlan,
  chunks: ReadonlyMap<number, ChunkResult>,
  options: MergeBatteryOptions,
): BatteryResult {
  const { checks, seed } = plan;
  const evaluations: CheckEvaluation[] = checks.map((check, index) => {
    const started = performance.now();
    if (check.kind === 'deterministic') {
      return { outcome: check.evaluate(), seconds: seconds(started) };
    }
    if (check.evaluate) return { outcome: check.evaluate(seed), seconds: seconds(started) };
    const results: SimulationResult[] = plan.simulations
      .filter((s) => s.check === index)
      .map((planned) => {
        let merged: ChunkResult | undefined;
        for (let c = 0; c < planned.chunks; c++) {
          const chunk = chunks.get(planned.first + c);
          if (chunk === undefined) {
            throw new InputError(
              `chunk ${planned.first + c} (check '${check.id}') is missing: the run is incomplete`,
            );
          }
          merged = merged === undefined ? chunk : mergeChunkResults(merged, chunk);
        }
        return summarizeSimulation(planned.simulation, merged!, seconds(started), {
          closedForm: planned.closedForm?.(),
        });
      });
    return { outcome: check.outcome(results), seconds: seconds(started) };
  });
  return decideBattery(checks, evaluations, options.alpha, options.beta);
}
