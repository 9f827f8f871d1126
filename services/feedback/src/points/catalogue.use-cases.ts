import { Injectable } from '@nestjs/common';
import { CatalogueItemKind } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { CatalogueItem, PointsRepository } from './points.repository';

export interface AddCatalogueItemCommand {
  stationId: string;
  staffId: string;
  name: string;
  kind: CatalogueItemKind;
  cost: number;
  stock: number;
}

export interface UpdateCatalogueItemCommand {
  stationId: string;
  staffId: string;
  itemId: string;
  change: Partial<Pick<CatalogueItem, 'name' | 'kind' | 'cost' | 'stock'>>;
}

/**
 * A station's staff keep its catalogue (五入积分法): prizes and small wishes (微心愿), each with
 * a cost in points and a stock. Only their own station's: an item of another station reads
 * as missing (404), its existence is not theirs to know.
 */
@Injectable()
export class ManageCatalogue {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly points: PointsRepository,
  ) {}

  add(command: AddCatalogueItemCommand): Promise<CatalogueItem> {
    return this.outbox.run((tx) =>
      this.points.insertItem(
        tx.manager,
        { stationId: command.stationId, name: command.name.trim(), kind: command.kind, cost: command.cost, stock: command.stock },
        command.staffId,
      ),
    );
  }

  update(command: UpdateCatalogueItemCommand): Promise<CatalogueItem> {
    return this.outbox.run(async (tx) => {
      const change = { ...command.change, ...(command.change.name !== undefined ? { name: command.change.name.trim() } : {}) };
      const item = await this.points.updateItem(tx.manager, command.stationId, command.itemId, change, command.staffId);
      if (!item) throw DomainError.notFound('catalogue item', command.itemId);
      return item;
    });
  }
}
