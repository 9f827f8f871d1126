export * from './spatial-index';
export * from './distance';
export * from './polygon-checks';
