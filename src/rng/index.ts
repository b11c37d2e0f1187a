export { substream, type Uniform } from './substream.ts';
export {
  type GuideTable,
  UNIFORM_BUFFER,
  UNIFORM_LANES,
  UniformStream,
} from './uniform-stream.ts';
