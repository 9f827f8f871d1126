import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { stationState } from './directory-admin.rules';
import { CreateStationDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Adds a station of a live district (409 when the id exists). */
@Injectable()
export class CreateStation {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, dto: CreateStationDto): Promise<StoredEntry> {
    return this.change.put(principal, stationState(dto.id, dto), { mustBeNew: true, expectedVersion: dto.expectedVersion, parentField: 'districtId' });
  }
}
