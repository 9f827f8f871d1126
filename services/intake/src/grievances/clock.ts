import { Injectable } from '@nestjs/common';

/** The time, behind a seam so tests can hold it still. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
