// Public API of src/rewards: the reward classes of docs/theory.md §10 (graded levels, or several
// binary reward functions) and their validation.
export {
  levelClasses,
  MAX_REWARD_CLASSES,
  parseLevels,
  type RewardClasses,
  type RewardClassOptions,
  rewardClasses,
  rewardFunctionClasses,
} from './reward-classes.ts';
