import cliProgress from 'cli-progress';
import type { BatteryProgress, Check } from '../verify/index.ts';

/** Work units of a check, for the overall bar's ETA: responses simulated, at least 1. */
function weight(check: Check): number {
  if (check.kind === 'deterministic') return 1e4;
  return check.groups * Math.max(check.M ?? 1, 1);
}

/**
 * The progress display of `verify` on `stream` (stderr): when it is a TTY, two cli-progress bars,
 * the current check and the whole run with an ETA; otherwise one plain log line per check as it
 * ends (`[3/141] <id> done in 0.52 s`), so that CI logs stay readable. `checks` is the whole battery, used to weight the overall ETA.
 */
export function progressReporter(
  stream: NodeJS.WriteStream,
  checks: readonly Check[],
): BatteryProgress {
  const weights = checks.map(weight);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let before = 0;
  let current = 0;
  let index = 0;
  if (!stream.isTTY) {
    // One line per check, when it ends: a log of `n` checks has `n` lines.
    return {
      start(_check, i) {
        index = i;
      },
      advance() {},
      done(row) {
        stream.write(
          `[${index + 1}/${checks.length}] ${row.id} done in ${row.seconds.toFixed(2)} s\n`,
        );
      },
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      stream,
      clearOnComplete: true,
      hideCursor: true,
      etaBuffer: 50,
      format: '{label} |{bar}| {percentage}% | ETA {eta_formatted} | {name}',
    },
    cliProgress.Presets.shades_classic,
  );
  const overall = multi.create(total, 0, { label: 'run  ', name: '' });
  const one = multi.create(1, 0, { label: 'check', name: '' });
  return {
    start(check, i, count) {
      index = i;
      current = weights[i] ?? 1;
      one.start(1, 0, { label: 'check', name: check.id });
      overall.update(before, { name: `${i + 1}/${count}` });
    },
    advance(fraction) {
      one.update(fraction);
      overall.update(before + fraction * current);
    },
    done() {
      before += current;
      one.update(1);
      overall.update(before);
    },
    stop() {
      multi.stop();
    },
  };
}
