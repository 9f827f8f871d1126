import { Injectable } from '@nestjs/common';
import { CatalogueItemKind } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { CatalogueItem, PointsRepository } from './points.repository';

export interface AddCatalogueItemCommand {
  stationId: string;
  staffId: string;
  name: string;
  kind: CatalogueItemKind;
  cost: number;
  stock: number;
}

/**
 * A station's staff add to its catalogue (五入积分法): a prize or a small wish (微心愿), with a
 * cost in points and a stock.
 */
@Injectable()
export class AddCatalogueItem {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly points: PointsRepository,
  ) {}

  execute(command: AddCatalogueItemCommand): Promise<CatalogueItem> {
    return this.unitOfWork.run(() =>
      this.points.insertItem({ stationId: command.stationId, name: command.name.trim(), kind: command.kind, cost: command.cost, stock: command.stock }, command.staffId),
    );
  }
}
