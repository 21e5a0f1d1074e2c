// Scheme B in core (issue 16 "Speed"): appraise() for 2,000 engineers and a month of ≈ 100,000 rated services, with
// six months of incidents for the windows, against a baseline that only walks the same facts once.
// Run: npx tsx bench/appraisal/appraise.bench.ts [--quick] [--engineers 2000] [--services 100000]
// This times the pure computation; the set-based reads of the server (appraisal.facts.ts) are not part of it.
import { type TAppraisalFacts, type TRatingGrade, appraise } from '../../core/src/appraisal';
import { defaultPolicy } from '../../core/src/policy/defaults';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const quick = process.argv.includes('--quick');
const engineers = arg('engineers', quick ? 200 : 2000);
const services = arg('services', quick ? 10_000 : 100_000);

// Deterministic inputs (mulberry32) so runs compare like with like.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(16);
const GRADES: TRatingGrade[] = ['excellent', 'good', 'good', 'good', 'fair', 'poor'];
const grade = () => GRADES[Math.floor(random() * GRADES.length)];
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
const HISTORY = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

const people: TAppraisalFacts[] = Array.from({ length: engineers }, (_, i) => ({
  userId: i + 1,
  month: '2026-09',
  supervisor: false,
  services: [],
  signatureFaults: random() < 0.05 ? [{ letterId: i, ref: `L-${i}`, date: day('2026-09', 10), fault: 'missing' }] : [],
  overruns: null,
  lateWeeklyReports: random() < 0.2 ? [{ obligationId: i, kind: '周报', period: day('2026-09', 7), dueAt: '2026-09-11T10:00:00Z' }] : [],
  exams: random() < 0.1 ? [{ attemptId: i, examId: 1, title: '#1', passed: random() < 0.7, gradedAt: '2026-09-15T02:00:00Z' }] : [],
  examFailuresBefore: Math.floor(random() * 3),
  incidents: Array.from({ length: Math.floor(random() * 4) }, (_, k) => ({
    incidentId: i * 10 + k,
    classId: random() < 0.3 ? ('I' as const) : ('II' as const),
    date: day(HISTORY[Math.floor(random() * HISTORY.length)], 1 + Math.floor(random() * 28)),
  })),
  attendance: null,
  workload: null,
  scores: {},
  yearGrades: [],
  carry: { fairRun: Math.floor(random() * 3), cleanMonths: Math.floor(random() * 3), monthsWithoutClassI: 0 },
}));
for (let s = 0; s < services; s++) {
  const p = people[Math.floor(random() * engineers)];
  p.services.push({
    ticketId: s + 1,
    ref: `SR-2026-${s + 1}`,
    ratedAt: `${day('2026-09', 1 + (s % 30))}T0${s % 10}:00:00Z`,
    attitude: grade(),
    skill: grade(),
    result: grade(),
  });
}
const policy = { appraisal: defaultPolicy().appraisal, version: 1 };

function time(run: () => number): { ms: number; out: number } {
  const start = performance.now();
  const out = run();
  return { ms: performance.now() - start, out };
}
// Baseline: one pass over the same facts counting the 差 ratings (no explanations, no windows).
const baseline = time(() => people.reduce((n, p) => n + p.services.filter((s) => s.attitude === 'poor').length, 0));
const ours = time(() => people.reduce((n, p) => n + appraise(policy, p).lines.length, 0));
console.log(`scheme B in core: ${engineers} engineers, ${services} services, 6 months of incidents`);
console.log(`  appraise()  ${ours.ms.toFixed(0)} ms  (${ours.out} lines)`);
console.log(`  baseline    ${baseline.ms.toFixed(0)} ms  (one pass, ${baseline.out} poor ratings)`);
console.log(`  issue 16 target: under 2,000 ms for the whole run → ${ours.ms < 2000 ? 'met' : 'NOT met'}`);
