import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { CatalogueItem, PointsRepository } from './points.repository';

export interface UpdateCatalogueItemCommand {
  stationId: string;
  staffId: string;
  itemId: string;
  change: Partial<Pick<CatalogueItem, 'name' | 'kind' | 'cost' | 'stock'>>;
}

/**
 * A station's staff change an item of its catalogue. Only their own station's: an item of
 * another station reads as missing (404), its existence is not theirs to know.
 */
@Injectable()
export class UpdateCatalogueItem {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly points: PointsRepository,
  ) {}

  execute(command: UpdateCatalogueItemCommand): Promise<CatalogueItem> {
    return this.unitOfWork.run(async () => {
      const change = { ...command.change, ...(command.change.name !== undefined ? { name: command.change.name.trim() } : {}) };
      const item = await this.points.updateItem(command.stationId, command.itemId, change, command.staffId);
      if (!item) throw DomainError.notFound('catalogue item', command.itemId);
      return item;
    });
  }
}
