import {
  CategoryEntity,
  CategoryRouteEntity,
  DepartmentEntity,
  FallbackOwnerEntity,
  OrgUnitEntity,
  WorkerRegistrationEntity,
} from './directory/directory.entities';
import { GrievanceEntity } from './grievances/grievance.entity';

/** Every TypeORM entity of the routing database. */
export const ROUTING_ENTITIES = [
  OrgUnitEntity,
  DepartmentEntity,
  CategoryEntity,
  CategoryRouteEntity,
  FallbackOwnerEntity,
  WorkerRegistrationEntity,
  GrievanceEntity,
];
