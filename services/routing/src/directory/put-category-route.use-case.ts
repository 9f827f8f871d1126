import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { routeState } from './directory-admin.rules';
import { CategoryRouteDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Sets the department a category goes to in a district. */
@Injectable()
export class PutCategoryRoute {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, dto: CategoryRouteDto): Promise<StoredEntry> {
    return this.change.put(principal, routeState(dto), { expectedVersion: dto.expectedVersion });
  }
}
