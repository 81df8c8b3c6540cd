// Summarises a V8 .cpuprofile (from node --cpu-prof): self time per function and per package.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CostLine {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  functions: CostLine[];
  packages: CostLine[];
}

/** Where a frame lives: an npm package, a file of this repository, Node itself, or V8's own bucket. */
function packageOf(url: string, functionName: string, root: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.split('/node_modules/').pop();
  if (inModules !== undefined && inModules !== path) {
    const parts = inModules.split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  if (path.startsWith('node:')) return 'node (core)';
  if (path.startsWith(root)) return path.slice(root.length + 1).split('/').slice(0, 3).join('/');
  return path;
}

function frameName(node: ProfileNode, root: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const path = url.replace(/^file:\/\//, '').replace(`${root}/`, '').replace(/^.*\/node_modules\//, '');
  return url === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} ${path}:${lineNumber + 1}`;
}

function top(map: Map<string, number>, total: number, count: number): CostLine[] {
  return [...map.entries()]
    .toSorted((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => ({ name, percent: Math.round((hits / total) * 1000) / 10 }));
}

/**
 * Self time as a share of the samples taken inside window (µs on the monotonic clock, which V8's
 * profiler and process.hrtime share), including (idle), so the shares add up to 100 %.
 */
export function summariseProfile(file: string, root: string, window: [number, number], count = 15): ProfileSummary & { samples: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    const node = nodes.get(id);
    if (!node || time < window[0] || time > window[1]) return;
    total++;
    const fn = frameName(node, root);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + 1);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName, root);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + 1);
  });
  if (total === 0) throw new Error('no profile samples inside the measured window');
  return { functions: top(byFunction, total, count), packages: top(byPackage, total, count), samples: total };
}
