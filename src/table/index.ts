export * from './csv.js';
export * from './manifest.js';
