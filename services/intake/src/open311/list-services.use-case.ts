import { Injectable } from '@nestjs/common';
import { CategoryCatalogue } from '../categories/category-catalogue';
import type { Open311Record } from './open311-format';
import { isOpen311Service, serviceOf } from './open311-services';

/** "GET Service List": the hazard categories, as services. */
@Injectable()
export class ListServices {
  constructor(private readonly categories: CategoryCatalogue) {}

  execute(): Open311Record[] {
    return this.categories.list().filter(isOpen311Service).map(serviceOf);
  }
}
