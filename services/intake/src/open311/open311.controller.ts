import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { Public } from '@grievance/auth';
import { decodeUtf8Strictly } from '@grievance/contracts';
import { clientAddressOf, Clock, RateLimit, RateLimitGuard, RateLimiter } from '@grievance/platform';
import { IntakeConfig } from '../config';
import { Open311Error } from './open311-error';
import { CONTENT_TYPE, formatOf, OPEN311_FORMATS, serialize, serializeOne, type Open311Format } from './open311-format';
import { isServiceRequestId, readRequestFilter, readServiceRequestForm } from './open311-input';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { parsePartners, partnerOf, type Partner } from './open311-partners';
import { OPEN311_POST_BUCKET, OPEN311_READ_BUCKET } from './open311-rate-limits';
import { createdRequestOf } from './open311-requests';
import { FindRequestIdByToken } from './find-request-id-by-token.use-case';
import { GetServiceDefinition } from './get-service-definition.use-case';
import { GetServiceRequest } from './get-service-request.use-case';
import { ListServiceRequests } from './list-service-requests.use-case';
import { ListServices } from './list-services.use-case';
import { SubmitOpen311Request } from './submit-open311-request.use-case';

interface Reply {
  setHeader(name: string, value: string): unknown;
}

/** The most a form may weigh (a description of 4000 characters, in Chinese, and the rest). */
const FORM_LIMIT_BYTES = 64 * 1024;

const format = { name: 'format', enum: OPEN311_FORMATS, description: 'json or xml' } as const;
const jurisdiction = { name: 'jurisdiction_id', required: false, description: 'this city\'s OPEN311_JURISDICTION_ID; another gives 404' } as const;
/** GeoReport v2 reads are public and its POST is guarded by the api_key: no bearer token. */
const open = (summary: string) => ApiOperation({ summary, security: [] });

/** A form body, read here: only these routes take one (the spec's application/x-www-form-urlencoded). */
async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw Open311Error.badRequest([`content-type: must be application/x-www-form-urlencoded${type ? `, not ${type.slice(0, 60)}` : ''}`]);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) throw Open311Error.badRequest([`body: at most ${FORM_LIMIT_BYTES / 1024} KiB`]);
    chunks.push(chunk);
  }
  const text = decodeUtf8Strictly(Buffer.concat(chunks));
  if (text === undefined) throw Open311Error.badRequest(['body: must be valid UTF-8']);
  return new URLSearchParams(text);
}

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over intake: the hazard
 * categories as services, a partner app's request entering intake's own submission path, and
 * the tracking view of hazards as service requests. Answers in JSON or XML by the path's
 * extension; errors in the spec's format.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ExceptionFilter)
@UseGuards(RateLimitGuard)
@ApiTooManyRequestsResponse({
  description:
    'Past the limit (reads: OPEN311_RATE_LIMIT_READS_PER_MINUTE per client address; posts: OPEN311_RATE_LIMIT_POSTS_PER_MINUTE per api_key): '
    + 'the spec\'s error list, [{"code": 429, "description": "too many …; try again in N s"}] or <errors><error>…, in the format the path asks for',
  headers: {
    'Retry-After': { description: 'seconds until the next request is allowed', schema: { type: 'integer' } },
    'RateLimit-Limit': { description: 'requests allowed a minute', schema: { type: 'integer' } },
    'RateLimit-Remaining': { description: 'requests left now', schema: { type: 'integer' } },
  },
})
@Controller('open311/v2')
export class Open311Controller {
  private readonly partners: readonly Partner[];

  constructor(
    private readonly listServices: ListServices,
    private readonly getServiceDefinition: GetServiceDefinition,
    private readonly submit: SubmitOpen311Request,
    private readonly listServiceRequests: ListServiceRequests,
    private readonly getServiceRequest: GetServiceRequest,
    private readonly findRequestIdByToken: FindRequestIdByToken,
    private readonly config: IntakeConfig,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
  ) {
    this.partners = parsePartners(config.OPEN311_PARTNERS);
  }

  /** 404 for another jurisdiction (none named: this one). */
  private checkJurisdiction(id: string | undefined): void {
    if (id !== undefined && id !== this.config.OPEN311_JURISDICTION_ID) {
      throw Open311Error.notFound(`jurisdiction_id: ${id.slice(0, 100)} is not served here`);
    }
  }

  /** The query of a read that takes no filter: jurisdiction_id (and an api_key, which reads need not). */
  private checkPlainQuery(query: Record<string, unknown>): void {
    const unknown = Object.keys(query).filter((key) => key !== 'jurisdiction_id' && key !== 'api_key');
    if (unknown.length > 0) throw Open311Error.badRequest(unknown.map((key) => `${key.slice(0, 60)}: not an argument of this call`));
    if (query.jurisdiction_id !== undefined && typeof query.jurisdiction_id !== 'string') throw Open311Error.badRequest(['jurisdiction_id: given more than once']);
    this.checkJurisdiction(query.jurisdiction_id as string | undefined);
  }

  private answer(reply: Reply, format: Open311Format, body: string): string {
    reply.setHeader('content-type', CONTENT_TYPE[format]);
    return body;
  }

  @RateLimit(OPEN311_READ_BUCKET)
  @Get('services.:format')
  @open('GeoReport v2 service list: the hazard categories')
  @ApiParam(format)
  @ApiQuery(jurisdiction)
  @ApiProduces('application/json', 'text/xml')
  services(@Param('format') extension: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: Reply): string {
    const as = formatOf(extension);
    this.checkPlainQuery(query);
    return this.answer(reply, as, serialize(as, 'services', 'service', this.listServices.execute()));
  }

  @RateLimit(OPEN311_READ_BUCKET)
  @Get('services/:service_code.:format')
  @open('GeoReport v2 service definition: the attributes a request of this service may carry')
  @ApiParam({ name: 'service_code' })
  @ApiParam(format)
  @ApiQuery(jurisdiction)
  @ApiProduces('application/json', 'text/xml')
  definition(
    @Param('service_code') code: string,
    @Param('format') extension: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: Reply,
  ): string {
    const as = formatOf(extension);
    this.checkPlainQuery(query);
    return this.answer(reply, as, serializeOne(as, 'service_definition', this.getServiceDefinition.execute(code)));
  }

  @Post('requests.:format')
  @HttpCode(201)
  @open('GeoReport v2 POST service request, form-encoded, with a partner app\'s api_key')
  @ApiParam(format)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['api_key', 'service_code', 'lat', 'long'],
      properties: Object.fromEntries(
        [
          'api_key', 'jurisdiction_id', 'service_code', 'lat', 'long', 'address_string', 'description', 'media_url',
          'email', 'first_name', 'last_name', 'phone', 'device_id', 'account_id', 'attribute[urgency]',
        ].map((name) => [name, { type: 'string' }]),
      ),
    },
  })
  @ApiProduces('application/json', 'text/xml')
  async create(@Param('format') extension: string, @Req() request: IncomingMessage & { ip?: string }, @Res({ passthrough: true }) reply: Reply): Promise<string> {
    const as = formatOf(extension);
    const fields = await readForm(request);
    const partner = partnerOf(this.partners, fields.get('api_key') ?? '');
    // A partner's posts count against its api_key; a post with a key nobody holds, against its address.
    await this.limiter.enforce(OPEN311_POST_BUCKET, partner === undefined ? `address:${clientAddressOf(request) ?? 'unknown'}` : `partner:${partner}`, reply);
    this.checkJurisdiction(fields.get('jurisdiction_id') ?? undefined);
    if (partner === undefined) throw Open311Error.forbidden('api_key: invalid api_key received; ask the city for a partner key');
    const form = readServiceRequestForm(fields);
    const created = await this.submit.execute(partner, form);
    return this.answer(reply, as, serialize(as, 'service_requests', 'request', [createdRequestOf(created.trackingNo, created.token, form.accountId ?? null)]));
  }

  @RateLimit(OPEN311_READ_BUCKET)
  @Get('requests.:format')
  @open('GeoReport v2 service requests: hazards, newest first, at most 1000, by default of the last 90 days')
  @ApiParam(format)
  @ApiQuery(jurisdiction)
  @ApiQuery({ name: 'service_request_id', required: false, description: 'comma-separated tracking numbers; when given, the other filters are ignored' })
  @ApiQuery({ name: 'service_code', required: false, description: 'comma-separated service codes' })
  @ApiQuery({ name: 'start_date', required: false, description: 'ISO 8601 with offset; requested on or after' })
  @ApiQuery({ name: 'end_date', required: false, description: 'ISO 8601 with offset; requested on or before (at most 90 days after start_date)' })
  @ApiQuery({ name: 'status', required: false, description: 'open, closed, or both comma-separated' })
  @ApiProduces('application/json', 'text/xml')
  async list(@Param('format') extension: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: Reply): Promise<string> {
    const as = formatOf(extension);
    const filter = readRequestFilter(query, this.clock.now());
    this.checkJurisdiction(filter.jurisdictionId);
    return this.answer(reply, as, serialize(as, 'service_requests', 'request', await this.listServiceRequests.execute(filter)));
  }

  @RateLimit(OPEN311_READ_BUCKET)
  @Get('requests/:service_request_id.:format')
  @open('GeoReport v2 service request: one, by its service_request_id (the tracking number)')
  @ApiParam({ name: 'service_request_id', description: 'the tracking number, e.g. NC-20261206-000001' })
  @ApiParam(format)
  @ApiQuery(jurisdiction)
  @ApiProduces('application/json', 'text/xml')
  async one(
    @Param('service_request_id') id: string,
    @Param('format') extension: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<string> {
    const as = formatOf(extension);
    this.checkPlainQuery(query);
    if (!isServiceRequestId(id)) throw Open311Error.notFound(`service_request_id: ${id.slice(0, 60)} not found`);
    return this.answer(reply, as, serialize(as, 'service_requests', 'request', await this.getServiceRequest.execute(id)));
  }

  @RateLimit(OPEN311_READ_BUCKET)
  @Get('tokens/:token.:format')
  @open('GeoReport v2 request id from a token (the token a POST answered)')
  @ApiParam({ name: 'token' })
  @ApiParam(format)
  @ApiQuery(jurisdiction)
  @ApiProduces('application/json', 'text/xml')
  async token(
    @Param('token') token: string,
    @Param('format') extension: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<string> {
    const as = formatOf(extension);
    this.checkPlainQuery(query);
    return this.answer(reply, as, serialize(as, 'service_requests', 'request', await this.findRequestIdByToken.execute(token)));
  }
}
