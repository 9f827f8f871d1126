import { Injectable } from '@nestjs/common';
import { ConsumedEvent, HandlesEvent } from '@grievance/platform';
import { StationsRepository } from './stations.repository';

/**
 * Intake's copy of the directory's stations, as routing (their owner) publishes them on the
 * compacted directory.entry-changed.v1; the group reads it from its beginning, so a new intake
 * starts with every station. Other kinds are not intake's business. A change applies only over
 * an older version, so a replay changes nothing.
 */
@Injectable()
export class StationsConsumer {
  constructor(private readonly stations: StationsRepository) {}

  @HandlesEvent('directory.entry-changed.v1')
  async directoryChanged({ payload }: ConsumedEvent<'directory.entry-changed.v1'>): Promise<void> {
    // Other kinds are acknowledged quietly: the directory holds far more of them than stations.
    if (payload.kind !== 'station') return;
    await this.stations.applyStation({ id: payload.id, name: payload.name ?? payload.id, retired: payload.retired, version: payload.version });
  }
}
