import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { stationState } from './directory-admin.rules';
import { UpdateStationDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Changes a station (name, district, address, hours, staff, phone). */
@Injectable()
export class UpdateStation {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, id: string, dto: UpdateStationDto): Promise<StoredEntry> {
    return this.change.put(principal, stationState(id, dto), { mustExist: true, expectedVersion: dto.expectedVersion, parentField: 'districtId' });
  }
}
