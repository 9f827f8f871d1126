import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@grievance/auth';
import { HealthReport, HealthService } from './health.service';

interface StatusSetter {
  status(code: number): unknown;
}

const CHECKS_SCHEMA = {
  type: 'object',
  properties: {
    postgres: { type: 'string', enum: ['up', 'down'] },
    redis: { type: 'string', enum: ['up', 'down'] },
    kafka: { type: 'string', enum: ['up', 'down'] },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether Postgres, Redis and Kafka all answer (no token needed)' })
  @ApiOkResponse({
    description: 'Every dependency answers',
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, checks: CHECKS_SCHEMA } },
  })
  @ApiServiceUnavailableResponse({
    description: 'At least one dependency is down; `down` names them',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['error'] },
        checks: CHECKS_SCHEMA,
        down: { type: 'array', items: { type: 'string', enum: ['postgres', 'redis', 'kafka'] } },
        message: { type: 'array', items: { type: 'string' } },
      },
    },
  })
  async check(@Res({ passthrough: true }) response: StatusSetter): Promise<HealthReport> {
    const report = await this.health.check();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
