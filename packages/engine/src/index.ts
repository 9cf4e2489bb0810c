export * from './models/types.js';
export * from './sandbox/types.js';
