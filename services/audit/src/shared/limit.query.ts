import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional `limit` query parameter: a whole number in [1, max], `fallback` when absent. */
export const LimitParam = (max: number, fallback: number): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ minimum: 1, maximum: max, default: fallback }), IsOptional(), Type(() => Number), IsInt(), Min(1), Max(max));
