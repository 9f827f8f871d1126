import { Module } from '@nestjs/common';
import { GrievancesModule } from '../grievances/grievances.module';
import { NotificationSenderModule } from '../notifications/notification-sender.module';
import { AddCatalogueItem } from './add-catalogue-item.use-case';
import { ApplyForBenefit } from './apply-for-benefit.use-case';
import { AwardVolunteering } from './award-volunteering.use-case';
import { BenefitsController } from './benefits.controller';
import { BenefitsRepository } from './benefits.repository';
import { DecideBenefit } from './decide-benefit.use-case';
import { GetPointsAccount } from './get-points-account.use-case';
import { HandOverRedemption } from './hand-over-redemption.use-case';
import { ListBenefitApplications } from './list-benefit-applications.use-case';
import { ListCatalogue } from './list-catalogue.use-case';
import { ListStationRedemptions } from './list-station-redemptions.use-case';
import { PointsController } from './points.controller';
import { PointsRepository } from './points.repository';
import { RecordWorkerRegistration } from './record-worker-registration.use-case';
import { RedeemItem } from './redeem-item.use-case';
import { StationsController } from './stations.controller';
import { UpdateCatalogueItem } from './update-catalogue-item.use-case';
import { WorkerRegistrationsConsumer } from './worker-registrations.consumer';

/** The points ledger (五入积分法): stations' catalogues, redemptions and their hand-over, volunteering awards, and benefit applications with their committees' decisions. */
@Module({
  imports: [GrievancesModule, NotificationSenderModule],
  controllers: [PointsController, StationsController, BenefitsController],
  providers: [
    PointsRepository,
    BenefitsRepository,
    AddCatalogueItem,
    UpdateCatalogueItem,
    RedeemItem,
    HandOverRedemption,
    AwardVolunteering,
    ApplyForBenefit,
    DecideBenefit,
    RecordWorkerRegistration,
    GetPointsAccount,
    ListCatalogue,
    ListStationRedemptions,
    ListBenefitApplications,
    WorkerRegistrationsConsumer,
  ],
})
export class PointsModule {}
