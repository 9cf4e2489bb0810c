export * from './config.js';
export * from './errors.js';
export * from './facts.js';
export * from './pipeline.js';
export * from './api/auth.js';
export * from './challenge.js';
export * from './challenge-case.js';
