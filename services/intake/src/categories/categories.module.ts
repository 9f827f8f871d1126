import { Module } from '@nestjs/common';
import { CategoryCatalogue } from './category-catalogue';

/** The categories a reporter chooses from, read once per process from the city's directory files. */
@Module({
  providers: [CategoryCatalogue],
  exports: [CategoryCatalogue],
})
export class CategoriesModule {}
