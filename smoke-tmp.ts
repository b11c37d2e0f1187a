import { resolveTrain, schemeMeanField, runTrainChunk } from './src/dynamics/index.ts';
const config = resolveTrain({ schemes: ['grpo'], M: 8, corpus: 'tabular:prompts=10000,alpha=0.5,beta=2', steps: 2000, batch: 256, lr: 256, seeds: 2 });
for (let k = 0; k < 2; k++) {
let t0 = performance.now(); schemeMeanField(config, 0, false); console.log('mf', (performance.now()-t0)/1000);
t0 = performance.now(); runTrainChunk(config, 0); console.log('seed', (performance.now()-t0)/1000, config.seedsPerChunk);
}
