/** The service's validated config (also injectable by its own class and by `ServiceConfig`). */
export const SERVICE_CONFIG = 'grievance:service-config';
/** The service's ioredis client (`@Inject(REDIS_CLIENT) redis: Redis`). */
export const REDIS_CLIENT = 'grievance:redis-client';
