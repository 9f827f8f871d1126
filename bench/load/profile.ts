/** Reads a V8 .cpuprofile (node --cpu-prof): where the samples fell, by function and by package. */
import * as fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface ProfileSummary {
  file: string;
  seconds: number;
  /** Share of samples by function (self time), highest first. */
  topFrames: { frame: string; selfPct: number }[];
  /** Share of samples by where the code lives: a package under node_modules, our own libs/services, node internals, GC, idle. */
  byPlace: { place: string; selfPct: number }[];
}

function placeOf(url: string, name: string): string {
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/(libs|services)\/([^/]+)\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url;
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number };
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const frames = new Map<string, number>();
  const places = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const shortUrl = url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/(libs|services)\//, '$1/');
    const frame = `${functionName || '(anonymous)'} ${shortUrl ? `${shortUrl}:${lineNumber + 1}` : ''}`.trim();
    frames.set(frame, (frames.get(frame) ?? 0) + hits);
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + hits);
  }
  const pct = (n: number) => Math.round((n / total) * 1000) / 10;
  return {
    file,
    seconds: Math.round((profile.endTime - profile.startTime) / 1e5) / 10,
    topFrames: [...frames].sort((a, b) => b[1] - a[1]).slice(0, top).map(([frame, n]) => ({ frame, selfPct: pct(n) })),
    byPlace: [...places].sort((a, b) => b[1] - a[1]).slice(0, top).map(([place, n]) => ({ place, selfPct: pct(n) })),
  };
}
