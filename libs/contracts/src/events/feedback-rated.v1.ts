import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RATINGS, Rating } from '../vocabulary';

/** feedback.rated.v1: the reporter rated the result (回访 / 满意度). */
export class FeedbackRatedV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reporterId!: string;

  @IsIn(RATINGS)
  rating!: Rating;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
