export * from './kafka-connection';
export * from './migrations';
