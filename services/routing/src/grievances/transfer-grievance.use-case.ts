import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { DirectoryRepository } from '../directory/directory.repository';
import { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { DepartmentBounce } from './department-bounce';
import { publishByCaller } from './department-rules';
import { GrievanceView } from './grievance-view';

/** 转办: a department hands a hazard that is not its own straight to the named department (a live one, not itself). */
@Injectable()
export class TransferGrievance {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly routing: RoutingDirectoryCache,
    private readonly directory: DirectoryRepository,
    private readonly bounce: DepartmentBounce,
  ) {}

  execute(principal: Principal, grievanceId: string, departmentCode: string, reason: string): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await this.bounce.movable(principal, grievanceId);
      const from = grievance.departmentCode!;
      if (departmentCode === from) throw DomainError.invalid(`departmentCode ${departmentCode} is the department that holds the grievance already`, { field: 'departmentCode' }, { key: 'error.department.alreadyHolds', params: { departmentCode } });
      if (!(await this.directory.department(departmentCode))) {
        throw DomainError.invalid(`departmentCode ${departmentCode} is not a live department of the directory`, { field: 'departmentCode' }, { key: 'error.department.notLive', params: { departmentCode } });
      }
      const to = this.bounce.destination(grievance, departmentCode, from, (await this.routing.get()).fallbackOwner(grievance.districtId));
      return this.bounce.move(tx, grievance, to, 'transferred', (fromHolder, toHolder, bounces) =>
        publishByCaller(tx, principal, grievance.grievanceId, 'grievance.transferred.v1', { fromHolder, toHolder, departmentCode: to.departmentCode, reason, bounces, arbitration: to.arbitration }),
      );
    });
  }
}
