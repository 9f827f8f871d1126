export * from './directory-seed';
export * from './csv';
export * from './city-files';
