import { describe, expect, it } from 'vitest';
import { prefixUpperBound, searchProbe } from './prefix';

describe('prefixUpperBound (SEC-1: indexed prefix search as a range)', () => {
  it('raises the last character, so every string with the prefix lies below and the next one does not', () => {
    expect(prefixUpperBound('abc')).toBe('abd');
    expect('abc' < prefixUpperBound('abc') && 'abczzz' < prefixUpperBound('abc')).toBe(true);
    expect('abd' < prefixUpperBound('abc')).toBe(false);
    expect(prefixUpperBound('华为')).toBe('华主');
    expect('华为技术有限公司' < prefixUpperBound('华为')).toBe(true);
  });
  it('carries past U+10FFFF and skips the surrogate block', () => {
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('\ud7ff')).toBe('\ue000');
    expect(prefixUpperBound('')).toBe('');
  });
});

describe('searchProbe', () => {
  it('reads a letter number in the forms people type (FS-2: ZR-000042)', () => {
    expect(searchProbe('ZR-000042').letterId).toBe(42);
    expect(searchProbe('zr42').letterId).toBe(42);
    expect(searchProbe('42').letterId).toBe(42);
    expect(searchProbe('ZR-0').letterId).toBeNull();
    expect(searchProbe('99999999999').letterId).toBeNull();
    expect(searchProbe('张三').letterId).toBeNull();
  });
  it('takes 3 or more digits as a phone prefix, dropping spaces and dashes', () => {
    expect(searchProbe('138 0013').phone).toBe('1380013');
    expect(searchProbe('+86-138').phone).toBe('+86138');
    expect(searchProbe('13').phone).toBeNull();
    expect(searchProbe('SR-2026').phone).toBeNull();
  });
  it('gives the trimmed text lower-cased for names and upper-cased for request numbers', () => {
    expect(searchProbe('  Sr-2026 ')).toMatchObject({ text: 'sr-2026', upper: 'SR-2026' });
  });
});
