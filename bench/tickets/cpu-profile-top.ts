// Top functions of a V8 .cpuprofile (from `node --cpu-prof`) by self time, then by total time (self + callees,
// each function counted once per sample):  npx tsx bench/tickets/cpu-profile-top.ts <file> [n] [filter]
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { nodes: Node[]; samples: number[] };
const top = Number(process.argv[3] ?? 30);
const filter = process.argv[4] ?? '';
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*\/work\/main\//, '')}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const sample of profile.samples) {
  const leaf = byId.get(sample)!;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
  const seen = new Set<string>();
  for (let id: number | undefined = sample; id != null; id = parent.get(id)) seen.add(name(byId.get(id)!));
  for (const k of seen) total.set(k, (total.get(k) ?? 0) + 1);
}
const n = profile.samples.length;
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, c] of [...m]
    .filter(([k]) => k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`${((100 * c) / n).toFixed(1).padStart(5)} %  ${key}`);
};
print('self time', self);
print('total time', total);
