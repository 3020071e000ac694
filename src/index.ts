export { extract, buildOutput, type ExtractOptions } from './pipeline.js';
export { ExtractError, type ErrorCode } from './errors.js';
export * from './model/index.js';
