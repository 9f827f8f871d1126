import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

/** The prevHash of the first row of every grievance's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if what a link hashes ever changes; old rows keep verifying under the version they were written with. */
export const LINK_VERSION = 1;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What one dossier row commits to: the event as received, where it sits in its grievance's chain, and the row before it. */
export interface LinkContent {
  topic: string;
  /** 0 for a grievance's first row, in arrival order. */
  chainIndex: number;
  prevHash: string;
  /** The envelope exactly as decoded from the wire, as plain JSON. */
  event: unknown;
}

/** SHA-256 (hex) over the canonical encoding of the row's content and the previous row's hash. */
export function linkHash(content: LinkContent): string {
  return sha256Hex(
    canonicalJson({ v: LINK_VERSION, topic: content.topic, chainIndex: content.chainIndex, prevHash: content.prevHash, event: content.event }),
  );
}

/** A dossier row as read back for verification. */
export interface StoredLink {
  seq: string;
  eventId: string;
  grievanceId: string;
  chainIndex: number;
  topic: string;
  /** The row's queryable columns, which must agree with the hashed envelope. */
  eventType: string;
  occurredAt: string;
  prevHash: string;
  hash: string;
  event: { eventId?: unknown; grievanceId?: unknown; type?: unknown; occurredAt?: unknown } & Record<string, unknown>;
}

export type BrokenLinkReason =
  /** The row's content no longer hashes to its stored hash: it was edited. */
  | 'content_changed'
  /** The row does not point at the hash of the row before it: a row before it was edited, replaced or removed. */
  | 'prev_hash_mismatch'
  /** A chain position is empty: a row was deleted. */
  | 'missing_link'
  /** The row's columns (event id, grievance, type, time) disagree with the envelope it hashes. */
  | 'columns_changed'
  /** The anchor saw more rows of this grievance than the dossier now holds: rows at the end (or all of them) were deleted. */
  | 'truncated'
  /** The chain holds together, but the row an anchor saw has another hash now: the chain was rebuilt. */
  | 'rewritten';

export interface BrokenLink {
  reason: BrokenLinkReason;
  /** The chain position where the chain stops holding. */
  chainIndex: number;
  /** The row found there (absent when the position is empty). */
  eventId?: string;
  seq?: string;
  message: string;
}

export interface ChainVerdict {
  verified: boolean;
  /** Rows in the chain as stored. */
  length: number;
  /** The stored hash of the last row (GENESIS_HASH for an empty chain). */
  head: string;
  brokenLink?: BrokenLink;
}

/**
 * Walks one grievance's chain in chain order (arrival order, not occurredAt) and reports
 * the first link that does not hold. `links` must be that grievance's rows sorted by
 * chainIndex.
 */
export function verifyChain(grievanceId: string, links: readonly StoredLink[]): ChainVerdict {
  let expectedPrev = GENESIS_HASH;
  const head = links.length > 0 ? links[links.length - 1]!.hash : GENESIS_HASH;
  const broken = (brokenLink: BrokenLink): ChainVerdict => ({ verified: false, length: links.length, head, brokenLink });
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const at = { chainIndex: i, eventId: link.eventId, seq: link.seq };
    if (link.chainIndex !== i) {
      return broken({
        reason: 'missing_link',
        chainIndex: i,
        message: `chain position ${i} is empty; the next row stored is position ${link.chainIndex} (event ${link.eventId})`,
      });
    }
    if (link.prevHash !== expectedPrev) {
      return broken({ reason: 'prev_hash_mismatch', ...at, message: `row ${i} (event ${link.eventId}) does not point at the hash of row ${i - 1}` });
    }
    if (linkHash({ topic: link.topic, chainIndex: link.chainIndex, prevHash: link.prevHash, event: link.event }) !== link.hash) {
      return broken({ reason: 'content_changed', ...at, message: `row ${i} (event ${link.eventId}) no longer matches its hash: it was edited` });
    }
    const e = link.event;
    const occurredAt = typeof e.occurredAt === 'string' ? Date.parse(e.occurredAt) : Number.NaN;
    if (
      e.eventId !== link.eventId ||
      e.grievanceId !== grievanceId ||
      link.grievanceId !== grievanceId ||
      `${String(e.type)}` !== link.eventType ||
      occurredAt !== Date.parse(link.occurredAt)
    ) {
      return broken({ reason: 'columns_changed', ...at, message: `row ${i} (event ${link.eventId}): its columns disagree with the event it hashes` });
    }
    expectedPrev = link.hash;
  }
  return { verified: true, length: links.length, head };
}

/** What an anchor remembers of one grievance's chain. */
export interface ChainHead {
  grievanceId: string;
  length: number;
  headHash: string;
}

/**
 * The root of an anchor: SHA-256 over the canonical encoding of every chain's
 * (grievanceId, head hash, length), sorted by grievance id. A simple hash rather than a
 * Merkle tree: verification always recomputes it from the whole anchored state.
 */
export function anchorRoot(heads: readonly ChainHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.grievanceId < b.grievanceId ? -1 : a.grievanceId > b.grievanceId ? 1 : 0));
  return sha256Hex(canonicalJson({ v: LINK_VERSION, heads: sorted.map((h) => [h.grievanceId, h.headHash, h.length]) }));
}

export interface AnchorContent {
  id: string;
  anchoredAt: string;
  root: string;
  matters: number;
  events: number;
  /** The hash of the anchor before this one (GENESIS_HASH for the first): anchors form a chain of their own. */
  prevAnchorHash: string;
}

export function anchorHash(anchor: AnchorContent): string {
  return sha256Hex(canonicalJson({ v: LINK_VERSION, ...anchor }));
}

/** What the dossier holds now for a grievance an anchor saw. */
export interface AnchoredHeadCheck extends ChainHead {
  /** The stored hash of the row at position length - 1, if that row still exists. */
  foundHash: string | null;
  /** Rows the dossier holds for the grievance now. */
  foundLength: number;
}

export type AnchorProblemKind = 'matter_missing' | 'truncated' | 'head_changed';

export interface AnchorProblem {
  grievanceId: string;
  problem: AnchorProblemKind;
  anchoredLength: number;
  foundLength: number;
  message: string;
}

/** Compares each anchored chain head with what the dossier holds now (a chain may have grown since; it may not shrink or change). */
export function anchoredHeadProblems(checks: readonly AnchoredHeadCheck[]): AnchorProblem[] {
  const problems: AnchorProblem[] = [];
  for (const c of checks) {
    const base = { grievanceId: c.grievanceId, anchoredLength: c.length, foundLength: c.foundLength };
    if (c.foundLength === 0) {
      problems.push({ ...base, problem: 'matter_missing', message: `grievance ${c.grievanceId} was anchored with ${c.length} events; the dossier holds none` });
    } else if (c.foundHash === null || c.foundLength < c.length) {
      problems.push({ ...base, problem: 'truncated', message: `grievance ${c.grievanceId} was anchored with ${c.length} events; the dossier holds ${c.foundLength}` });
    } else if (c.foundHash !== c.headHash) {
      problems.push({ ...base, problem: 'head_changed', message: `grievance ${c.grievanceId}: row ${c.length - 1} no longer has the hash the anchor saw` });
    }
  }
  return problems;
}
