export * from './directory-seed';
