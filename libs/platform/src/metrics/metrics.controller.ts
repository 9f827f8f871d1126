import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@grievance/auth';
import { ServiceMetrics } from './service-metrics';

interface TextResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * `GET /metrics`, the Prometheus text format, without a token like /health: it says how busy
 * the service is, never what is in it. Left out of the OpenAPI document, which describes the API.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Public()
  async scrape(@Res({ passthrough: true }) response: TextResponse): Promise<string> {
    const body = await this.metrics.render();
    response.setHeader('Content-Type', this.metrics.contentType);
    return body;
  }
}
