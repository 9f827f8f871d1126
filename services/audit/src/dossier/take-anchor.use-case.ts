import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Clock } from '@grievance/platform';
import { AnchorReason, AnchorRow, DossierRepository } from './dossier.repository';

/**
 * Takes an anchor over every chain's head. The root also goes to the log: log lines are
 * shipped out of this database, so they witness the anchors from outside it.
 */
@Injectable()
export class TakeAnchor {
  constructor(
    private readonly dossier: DossierRepository,
    private readonly logger: PinoLogger,
    private readonly clock: Clock,
  ) {
    this.logger.setContext('anchor');
  }

  async execute(reason: AnchorReason): Promise<AnchorRow | null> {
    const { anchor, refused } = await this.dossier.anchor(reason, this.clock.now());
    if (refused.length > 0) {
      this.logger.error({ matters: refused.map((h) => h.grievanceId) }, 'chains shorter than or different from what the last anchor saw: not re-anchored');
    }
    if (anchor) {
      this.logger.info(
        { anchorId: anchor.id, root: anchor.root, anchorHash: anchor.anchorHash, matters: anchor.matters, events: anchor.events, reason },
        'dossier anchored',
      );
    }
    return anchor;
  }
}
