import { readFileSync } from 'node:fs';

/**
 * Prints the functions with the most self time in a V8 .cpuprofile (from `node --cpu-prof`), and
 * the same grouped by package, so a missed benchmark target can be traced to its cause.
 * Usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [top=25]
 */
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const profile = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Profile;
const top = Number(process.argv[3] ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  if (url.includes('/src/') || url.includes('/dist/')) return 'flexiti-mock';
  return url.startsWith('node:') ? 'node core' : url ? url.split('/').slice(-2).join('/') : '(native/gc/idle)';
};
const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, micros] of self) {
  const frame = (byId.get(id) as Node).callFrame;
  const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + micros);
  const pkg = frame.url ? where(frame.url) : frame.functionName;
  packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
}
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((micros / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
};
show('self time by function', functions);
show('self time by package', packages);
