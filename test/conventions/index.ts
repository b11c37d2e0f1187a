// Re-implementations of the trainer conventions of docs/theory.md §7, written for the audit's tests and
// fixtures independently of the scheme catalogue, and the trace writer they feed.
export { causalBaseline } from './causal-baseline.ts';
export { chenPassk } from './chen-passk.ts';
export { dapoFilter } from './dapo-filter.ts';
export { meanAndSampleStd } from './mean-and-sample-std.ts';
export { openrlhf } from './openrlhf.ts';
export { opoLengthBaseline } from './opo-length-baseline.ts';
export { pkpo } from './pkpo.ts';
export { reinforcePlusPlus } from './reinforce-plus-plus.ts';
export { sampleGroups } from './sample-groups.ts';
export { traceJsonl } from './trace-jsonl.ts';
export { trlGrpo } from './trl-grpo.ts';
export { verlGrpo } from './verl-grpo.ts';
export { verlGrpoPassk } from './verl-grpo-passk.ts';
