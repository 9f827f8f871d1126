import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { RATINGS, Rating } from '@grievance/contracts';
import { correlationIdForNewWork } from '@grievance/platform';
import { RateMatter, RateMatterResult } from './rate-matter.use-case';

export class RateMatterDto {
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
  constructor(private readonly rateMatter: RateMatter) {}

  /** The reporter rates a resolved matter; unsatisfied reopens it, otherwise it closes. */
  @Post(':id/rating')
  @HttpCode(201)
  @Roles('worker')
  rate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RateMatterDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RateMatterResult> {
    return this.rateMatter.execute({
      grievanceId: id,
      reporterId: principal.sub,
      rating: body.rating,
      comment: body.comment,
      correlationId: correlationIdForNewWork(),
    });
  }
}
