import type { PartialResult, Shard } from '../checkpoint/index.ts';
import { runBatteryShard } from './run-battery-shard.ts';
import { batteryRunOptions, type VerifyOptions } from './verify.ts';
import { verifyBattery, verifyIdentity } from './verify-battery.ts';

/**
 * Runs shard `shard` of a `verify` run (`runBatteryShard`, MATH.md §6) and returns its part,
 * ready for `writePartial`: the run's identity (`verifyIdentity`), the shard, and the result of
 * each of its chunks. `merge` of the parts of shards `0..n-1` gives the report of the
 * single-machine run, with the same bits.
 */
export async function verifyShard(
  options: Omit<VerifyOptions, 'command'> & { readonly shard: Shard },
): Promise<PartialResult> {
  const resolved = verifyBattery(options);
  const identity = verifyIdentity(resolved);
  const chunks = await runBatteryShard(resolved.checks, {
    ...batteryRunOptions(options, resolved),
    shard: options.shard,
  });
  return {
    identity,
    shard: options.shard,
    chunks: Object.fromEntries([...chunks].sort(([a], [b]) => a - b)),
  };
}
