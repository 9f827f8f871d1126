import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { ApiOkResponse } from '@nestjs/swagger';
import { DutyBody, DutyView, GridIdParam, GridsQuery } from './directory.dto';
import { FindGrids, GridView } from './find-grids.use-case';
import { GridWorkerView, ListGridWorkers } from './list-grid-workers.use-case';
import { GetDuty } from './get-duty.use-case';
import { SetDuty } from './set-duty.use-case';

@Controller()
export class DirectoryController {
  constructor(
    private readonly findGrids: FindGrids,
    private readonly listGridWorkers: ListGridWorkers,
    private readonly getDuty: GetDuty,
    private readonly setDuty: SetDuty,
  ) {}

  /** Every grid, or with `lat` and `lng` the grid(s) holding that point. */
  @Get('v1/grids')
  @ApiOkResponse({ type: [GridView] })
  grids(@Query() query: GridsQuery): Promise<GridView[]> {
    const at = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
    return this.findGrids.execute({ at });
  }

  /** A grid's workers; their names in full only for an admin and the grid's own workers. */
  @Get('v1/grids/:id/workers')
  workers(@CurrentPrincipal() principal: Principal, @Param() params: GridIdParam): Promise<GridWorkerView[]> {
    return this.listGridWorkers.execute({ gridId: params.id, viewer: { role: principal.role, gridId: principal.gridId } });
  }

  /** The caller's own duty, as dispatch sees it. */
  @Get('v1/grid-workers/me/duty')
  @Roles('grid_worker')
  @ApiOkResponse({ type: DutyView })
  currentDuty(@CurrentPrincipal() principal: Principal): Promise<DutyView> {
    return this.getDuty.execute({ gridWorkerId: principal.sub, gridId: principal.gridId });
  }

  @Put('v1/grid-workers/me/duty')
  @Roles('grid_worker')
  @ApiOkResponse({ type: DutyView })
  duty(@CurrentPrincipal() principal: Principal, @Body() body: DutyBody): Promise<DutyView> {
    return this.setDuty.execute({ gridWorkerId: principal.sub, gridId: principal.gridId, onDuty: body.onDuty });
  }
}
