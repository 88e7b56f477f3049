export * from './escape.js';
export * from './axes.js';
export * from './line-chart.js';
export * from './bar-chart.js';
export * from './charts.js';
