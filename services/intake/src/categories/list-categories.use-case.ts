import { Injectable } from '@nestjs/common';
import { type Category, CategoryCatalogue } from './category-catalogue';

/** The categories a reporter can choose, in the catalogue's order. */
@Injectable()
export class ListCategories {
  constructor(private readonly categories: CategoryCatalogue) {}

  execute(): Category[] {
    return this.categories.list();
  }
}
