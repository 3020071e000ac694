export * from './grid.js';
export * from './table.js';
export * from './form.js';
export * from './output.js';
export * from './blocks.js';
