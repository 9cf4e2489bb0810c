export * from './config.js';
export * from './errors.js';
export * from './facts.js';
export * from './pipeline.js';
export * from './api/auth.js';
