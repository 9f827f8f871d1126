import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { RegisterReporter } from './register-reporter.use-case';
import { RegisterWorkerDto } from './register-worker.dto';
import { WorkerRegistrationView } from './registration-view';
import { ShowRegistration } from './show-registration.use-case';

/**
 * The reporters' registration over HTTP, at /v1/workers (a worker, 新就业群体, is who reports).
 * The class keeps its name: its methods name the operations of the published OpenAPI document.
 */
@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkersController {
  constructor(
    private readonly registerReporter: RegisterReporter,
    private readonly showRegistration: ShowRegistration,
  ) {}

  /** Registers (or re-registers) the calling worker. */
  @Put('me')
  @Roles('worker')
  @ApiOkResponse({ type: WorkerRegistrationView })
  register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterWorkerDto): Promise<WorkerRegistrationView> {
    return this.registerReporter.execute({ workerId: principal.sub, ...body });
  }

  /** The calling worker's registration; 404 before they registered. */
  @Get('me')
  @Roles('worker')
  @ApiOkResponse({ type: WorkerRegistrationView })
  me(@CurrentPrincipal() principal: Principal): Promise<WorkerRegistrationView> {
    return this.showRegistration.execute({ workerId: principal.sub });
  }
}
