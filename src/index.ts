/**
 * rl-objective: the public TypeScript API. Everything the CLI does is a typed function here first.
 */
export { InputError } from './errors/input-error.ts';
