import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EnvInteger, IsIntegerBetween, ServiceConfig } from '@grievance/platform';
import { TRACKING_PREFIX_PATTERN } from './grievances/tracking-number';
import { PARTNERS_PATTERN } from './open311/open311-partners';

/**
 * The intake service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/intake/.env.example).
 */
export class IntakeConfig extends ServiceConfig {
  override SERVICE_NAME = 'intake';
  override PORT = 3001;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_intake';
  /**
   * intake's groups keep the reporter's view of a grievance: a rider reading it sees a
   * dispatch or a reply a twentieth of a second later, for a fraction of the transactions
   * (the view followed every event of a grievance in a transaction of its own: six a grievance).
   */
  override KAFKA_FETCH_GATHER_MS = 50;

  /** A hazard this close (metres) to an open one of the same category is a duplicate. */
  @EnvInteger()
  @IsIntegerBetween(1, 10_000)
  DUPLICATE_RADIUS_M = 50;

  /** ... and reported at most this many hours after it. */
  @EnvInteger()
  @IsIntegerBetween(1, 24 * 365)
  DUPLICATE_WINDOW_H = 72;

  /** Where the known categories are: a city's folder (its categories.csv) or a JSON file with `categories`; defaults to <repo>/deploy/seed/demo-city. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  CATEGORIES_FILE?: string;

  /** The city's mark that begins every tracking number (NC for Nanchang: NC-YYYYMMDD-NNNNNN). */
  @Matches(TRACKING_PREFIX_PATTERN, { message: 'TRACKING_PREFIX must be 2 to 8 capital letters or digits, starting with a letter (NC, GZ, JA)' })
  TRACKING_PREFIX = 'NC';

  /** The time zone whose calendar day goes into tracking numbers (<prefix>-YYYYMMDD-NNNNNN). */
  @IsString()
  @MaxLength(64)
  TRACKING_TIMEZONE = 'Asia/Shanghai';

  /** Where uploaded attachments are stored (content-addressed); defaults to <repo>/.cache/attachments. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  ATTACHMENTS_DIR?: string;

  /** Reports and replies one caller may send a minute (429 with Retry-After beyond; counted in Redis across replicas). */
  @EnvInteger()
  @IsIntegerBetween(1, 1_000_000)
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE = 20;

  /** Photos one caller may upload a minute. */
  @EnvInteger()
  @IsIntegerBetween(1, 1_000_000)
  RATE_LIMIT_UPLOADS_PER_MINUTE = 60;

  /** Tracking and catalogue reads one caller may make a minute. */
  @EnvInteger()
  @IsIntegerBetween(1, 1_000_000)
  RATE_LIMIT_READS_PER_MINUTE = 600;

  /** The jurisdiction Open311 GeoReport v2 answers for; a request naming another gets 404. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'OPEN311_JURISDICTION_ID must be 1 to 100 letters, digits, dots, dashes or underscores' })
  OPEN311_JURISDICTION_ID = 'nanchang.example';

  /** The partner apps that may post Open311 requests: `app-id:<SHA-256 hex of its api_key>`, comma-separated (the keys themselves are never configured); none by default. */
  @IsOptional()
  @Matches(new RegExp(`${PARTNERS_PATTERN.source}|^$`), { message: 'OPEN311_PARTNERS must be app-id:sha256-hex pairs, comma-separated' })
  OPEN311_PARTNERS?: string;

  /** Open311 reads (services, requests, tokens) one client address may make a minute: they are public, so the address is the caller (as TRUST_PROXY reads it). */
  @EnvInteger()
  @IsIntegerBetween(1, 1_000_000)
  OPEN311_RATE_LIMIT_READS_PER_MINUTE = 300;

  /** Open311 requests one partner app (by its api_key) may post a minute; posts with an unknown api_key count against the client address. */
  @EnvInteger()
  @IsIntegerBetween(1, 1_000_000)
  OPEN311_RATE_LIMIT_POSTS_PER_MINUTE = 60;
}
