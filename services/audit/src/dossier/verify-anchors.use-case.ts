import { Injectable } from '@nestjs/common';
import { AnchorVerification, verifyAnchoredState } from './anchor-verification';
import { DossierRepository } from './dossier.repository';

/** Checks the anchors' own chain, the latest root, and that every grievance an anchor saw is still whole. */
@Injectable()
export class VerifyAnchors {
  constructor(private readonly dossier: DossierRepository) {}

  async execute(): Promise<AnchorVerification> {
    return verifyAnchoredState(await this.dossier.anchoredState());
  }
}
