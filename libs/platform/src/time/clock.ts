import { Injectable } from '@nestjs/common';

/**
 * The time, behind a seam so tests can hold it still. PlatformModule provides it to every
 * service; code that needs "now" takes a Clock instead of calling `new Date()`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
