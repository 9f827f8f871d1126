import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { UnitOfWork } from '@grievance/messaging';
import { Clock } from '@grievance/platform';
import { anchorHash, anchorRoot, ChainHead, GENESIS_HASH } from './chain';
import { AnchorReason, AnchorRow, DossierRepository } from './dossier.repository';

/**
 * Takes an anchor over every chain's head. The root also goes to the log: log lines are
 * shipped out of this database, so they witness the anchors from outside it.
 */
@Injectable()
export class TakeAnchor {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dossier: DossierRepository,
    private readonly logger: PinoLogger,
    private readonly clock: Clock,
  ) {
    this.logger.setContext('anchor');
  }

  async execute(reason: AnchorReason): Promise<AnchorRow | null> {
    const { anchor, refused } = await this.anchor(reason, this.clock.now());
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

  /**
   * Under the exclusive lock, every chain's current head. A chain that is shorter than, or
   * not the one, the last anchor saw is not re-anchored (the anchor keeps what it saw, so
   * verification names it); a grievance missing altogether stays in the anchored state for
   * the same reason. A periodic anchor with nothing new is skipped.
   */
  private anchor(reason: AnchorReason, now: Date): Promise<{ anchor: AnchorRow | null; refused: ChainHead[] }> {
    return this.unitOfWork.run(async () => {
      await this.dossier.lockForAnchor();
      const current = await this.dossier.currentHeads();
      const previous = await this.dossier.anchoredHeads();
      const state = new Map(previous.map((h) => [h.grievanceId, h]));
      const changed: ChainHead[] = [];
      const refused: ChainHead[] = [];
      for (const head of current) {
        const before = state.get(head.grievanceId);
        if (!before) changed.push(head);
        else if (head.length > before.length) changed.push(head);
        else if (head.length < before.length || head.headHash !== before.headHash) refused.push(head);
      }
      const last = await this.dossier.latestAnchor();
      if (reason === 'periodic' && last && changed.length === 0) return { anchor: null, refused };

      for (const head of changed) state.set(head.grievanceId, head);
      const heads = [...state.values()];
      const id = await this.dossier.nextAnchorId();
      const content = {
        id,
        anchoredAt: now.toISOString(),
        root: anchorRoot(heads),
        matters: heads.length,
        events: heads.reduce((sum, h) => sum + h.length, 0),
        prevAnchorHash: last?.anchorHash ?? GENESIS_HASH,
      };
      const anchor: AnchorRow = { ...content, reason, anchorHash: anchorHash(content) };
      await this.dossier.saveAnchor(anchor, changed);
      return { anchor, refused };
    });
  }
}
