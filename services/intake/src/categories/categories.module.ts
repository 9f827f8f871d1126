import { Module } from '@nestjs/common';
import { CategoryCatalogue } from './category-catalogue';
import { ListCategories } from './list-categories.use-case';

/** The categories a reporter chooses from, read once per process from the city's directory files. */
@Module({
  providers: [CategoryCatalogue, ListCategories],
  exports: [CategoryCatalogue, ListCategories],
})
export class CategoriesModule {}
