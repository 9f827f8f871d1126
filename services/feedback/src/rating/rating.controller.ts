import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { RATINGS, Rating } from '@grievance/contracts';
import { correlationIdForNewWork } from '@grievance/platform';
import { RateGrievance, RateGrievanceResult } from './rate-grievance.use-case';

export class RateGrievanceDto {
  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating!: Rating;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

@ApiTags('rating')
@ApiBearerAuth()
@Controller('v1/grievances')
export class RatingController {
  constructor(private readonly rateGrievance: RateGrievance) {}

  /** The reporter rates a resolved grievance; unsatisfied reopens it, otherwise it closes. */
  @Post(':id/rating')
  @HttpCode(201)
  @Roles('worker')
  rate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RateGrievanceDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RateGrievanceResult> {
    return this.rateGrievance.execute({
      grievanceId: id,
      reporterId: principal.sub,
      rating: body.rating,
      comment: body.comment,
      correlationId: correlationIdForNewWork(),
    });
  }
}
