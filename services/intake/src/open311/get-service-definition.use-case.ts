import { Injectable } from '@nestjs/common';
import { CategoryCatalogue } from '../categories/category-catalogue';
import { Open311Error } from './open311-error';
import type { Open311Record } from './open311-format';
import { isOpen311Service, serviceDefinitionOf } from './open311-services';

/** "GET Service Definition": the attributes a request of a hazard category may carry, or 404 naming the code. */
@Injectable()
export class GetServiceDefinition {
  constructor(private readonly categories: CategoryCatalogue) {}

  execute(code: string): Open311Record {
    const category = this.categories.find(code);
    if (!category || !isOpen311Service(category)) throw Open311Error.notFound(`service_code: ${code.slice(0, 64)} not found`);
    return serviceDefinitionOf(category);
  }
}
