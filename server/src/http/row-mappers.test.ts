import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// On Node 20 an object literal that spreads a built object and then lists many more properties (`{ ...toSummary(r),
// a, b, c, … }`) takes V8's slow path for every property after the spread: about 50–150 µs an object, which made list
// and detail endpoints slow. Mappers build on the summary with Object.assign(toSummary(r), { … }) instead.

const SRC = join(import.meta.dirname, '..');
const MANY = 5;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `file:line` of each multi-line literal that opens with a spread of a call and lists `MANY` or more properties after it. */
function slowSpreads(file: string, text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const spread = /^(\s*)\.\.\.[\w.]+\(.*\),\s*$/.exec(lines[i]);
    if (!spread || !lines[i - 1].trimEnd().endsWith('{')) continue;
    const indent = spread[1].length;
    let after = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const lead = lines[j].length - lines[j].trimStart().length;
      if (lines[j].trim() === '') continue;
      if (lead < indent) break;
      if (lead === indent) after++;
    }
    if (after >= MANY) found.push(`${relative(SRC, file)}:${i + 1}`);
  }
  return found;
}

describe('row mappers', () => {
  it('finds a spread followed by many properties (the check itself)', () => {
    const slow = [
      'const toDetail = (r: Row) => ({',
      '  ...toSummary(r),',
      '  a: 1,',
      '  b: 2,',
      '  c: 3,',
      '  d: 4,',
      '  e: 5,',
      '});',
    ].join('\n');
    expect(slowSpreads(join(SRC, 'x.ts'), slow)).toEqual(['x.ts:2']);
    const fast = [
      'const toDetail = (r: Row) => Object.assign(toSummary(r), {',
      '  a: 1,',
      '  b: 2,',
      '  c: 3,',
      '  d: 4,',
      '  e: 5,',
      '});',
    ].join('\n');
    expect(slowSpreads(join(SRC, 'x.ts'), fast)).toEqual([]);
    const small = ['return {', '  ...toSummary(r),', '  a: 1,', '};'].join('\n');
    expect(slowSpreads(join(SRC, 'x.ts'), small)).toEqual([]);
  });

  it('no list or detail mapper spreads a built object and then lists many properties (Node 20 slow path)', () => {
    const offenders = sourceFiles(SRC).flatMap((f) => slowSpreads(f, readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
