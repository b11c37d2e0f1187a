export { substream, type Uniform } from './substream.ts';
