export * from './spatial-index';
export * from './distance';
