import { Injectable } from '@nestjs/common';
import { AnchorRow, DossierRepository } from './dossier.repository';

/** The latest anchors, newest first. */
@Injectable()
export class ListAnchors {
  constructor(private readonly dossier: DossierRepository) {}

  execute({ limit }: { limit: number }): Promise<AnchorRow[]> {
    return this.dossier.listAnchors(limit);
  }
}
