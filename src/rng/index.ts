export { substream, type Uniform } from './substream.ts';
export { UNIFORM_BUFFER, UNIFORM_LANES, UniformStream } from './uniform-stream.ts';
