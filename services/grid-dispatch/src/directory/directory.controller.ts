import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsLatitude, IsLongitude, IsNotEmpty, IsNumber, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { maskName } from '@grievance/platform';
import { DirectoryService, GridView, GridWorkerView } from './directory.service';

/** A query value as a number; an empty one is not zero (Number('') would make ?lat= the equator). */
const toNumber = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value)) : value);

export class GridsQuery {
  /** With lng: only the grid(s) holding the point. */
  @ValidateIf((query: GridsQuery) => query.lat !== undefined || query.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: 'lat must be a number' })
  @IsLatitude({ message: 'lat must be a latitude from -90 to 90' })
  lat?: number;

  @ValidateIf((query: GridsQuery) => query.lat !== undefined || query.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: 'lng must be a number' })
  @IsLongitude({ message: 'lng must be a longitude from -180 to 180' })
  lng?: number;
}

export class GridIdParam {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  id!: string;
}

export class DutyBody {
  @IsBoolean()
  onDuty!: boolean;
}

@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  /** Every grid, or with `lat` and `lng` the grid(s) holding that point. */
  @Get('v1/grids')
  grids(@Query() query: GridsQuery): Promise<GridView[]> {
    if (query.lat !== undefined && query.lng !== undefined) return this.directory.gridsAt(query.lat, query.lng);
    return this.directory.listGrids();
  }

  /** A grid's workers; their names in full only for an admin and the grid's own workers. */
  @Get('v1/grids/:id/workers')
  async workers(@CurrentPrincipal() principal: Principal, @Param() params: GridIdParam): Promise<GridWorkerView[]> {
    const workers = await this.directory.workersOf(params.id);
    const colleague = principal.role === 'admin' || (principal.role === 'grid_worker' && principal.gridId === params.id);
    return colleague ? workers : workers.map((worker) => ({ ...worker, name: maskName(worker.name) }));
  }

  @Put('v1/grid-workers/me/duty')
  @Roles('grid_worker')
  duty(@CurrentPrincipal() principal: Principal, @Body() body: DutyBody): Promise<{ id: string; gridId: string; onDuty: boolean }> {
    return this.directory.setDuty(principal.sub, principal.gridId, body.onDuty);
  }
}
