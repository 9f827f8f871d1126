export * from './environment';
export * from './database';
export * from './redis';
export * from './kafka';
export * from './infra';
export * from './service-app';
export * from './service-boots';
export * from './fixtures/fixture-service';
