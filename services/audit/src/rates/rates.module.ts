import { Module } from '@nestjs/common';
import { DossierModule } from '../dossier/dossier.module';
import { AssessYear } from './assess-year.use-case';
import { ComputeRates } from './compute-rates.use-case';
import { RankMonth } from './rank-month.use-case';
import { RatesController } from './rates.controller';

/** The three rates (响应率, 解决率, 满意率) by grouping, the monthly rankings and the yearly assessment (年度考核), counted from the dossier. */
@Module({
  imports: [DossierModule],
  controllers: [RatesController],
  providers: [ComputeRates, RankMonth, AssessYear],
})
export class RatesModule {}
