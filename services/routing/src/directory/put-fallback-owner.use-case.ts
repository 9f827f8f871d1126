import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { fallbackState } from './directory-admin.rules';
import { FallbackOwnerDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Sets the fallback owner (兜底) of a district, or of the city. */
@Injectable()
export class PutFallbackOwner {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, dto: FallbackOwnerDto): Promise<StoredEntry> {
    return this.change.put(principal, fallbackState(dto), { expectedVersion: dto.expectedVersion });
  }
}
