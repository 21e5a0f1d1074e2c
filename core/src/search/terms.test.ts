import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fts5Query, tsQuery } from './queries';
import { indexTerms, MAX_QUERY_TERMS, MAX_TERM_LENGTH, queryTerms, type TQueryTerm } from './terms';

/** What the database does with the terms: every query term is an indexed term, or the prefix of one. */
const matches = (q: string, ...texts: string[]): boolean => {
  const index = indexTerms(...texts);
  return queryTerms(q).every((t) => (t.prefix ? index.some((term) => term.startsWith(t.term)) : index.includes(t.term)));
};

describe('indexTerms', () => {
  it('indexes 打印机无法打印 by its words, characters and overlapping pairs', () => {
    const terms = indexTerms('打印机无法打印');
    expect(terms).toEqual(expect.arrayContaining(['打印', '印机', '机无', '无法', '法打', '打', '印', '机', '无', '法']));
    // ICU segments 打印机 as 打印|机, so the whole word is not a term; its pairs 打印 and 印机 are, and find it.
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('joins CJK across segment boundaries, so pairs such as 印机 exist', () => {
    expect(indexTerms('打印机')).toContain('印机');
  });

  it('gives unique, space-free, lower-case terms from several texts and skips null and undefined', () => {
    const terms = indexTerms('Printer jams', null, '打印机 PRINTER', undefined, '');
    expect(terms).toEqual(['printer', 'jams', '打印', '机', '打', '印', '印机']);
    for (const term of terms) expect(term).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
  });

  it('normalises full-width letters and digits with NFKC', () => {
    expect(indexTerms('ＡＢＣ１２３ 打印机')).toContain('abc123');
    expect(matches('abc', 'ＡＢＣ１２３')).toBe(true);
    expect(matches('ＡＢＣ', 'abc123')).toBe(true);
  });

  it('cuts words at any character that is not a letter or digit, as the unicode61 tokenizer does', () => {
    expect(indexTerms("don't e-mail 1,000 user@example.com a_b")).toEqual([
      'don',
      't',
      'e',
      'mail',
      '1',
      '000',
      'user',
      'example',
      'com',
      'a',
      'b',
    ]);
  });

  it('keeps the Latin part of a mixed word such as x光机 as its own term', () => {
    expect(indexTerms('x光机坏了')).toEqual(expect.arrayContaining(['x', '光', '机', '光机', '机坏', '坏了']));
    expect(matches('x光机', 'X光机坏了')).toBe(true);
    expect(matches('3d打印', '3D打印机')).toBe(true);
  });

  it('cuts a term at 40 characters', () => {
    const long = 'a'.repeat(60);
    expect(indexTerms(long)).toEqual(['a'.repeat(MAX_TERM_LENGTH)]);
    expect(matches(long, `${long}b`)).toBe(true);
  });

  it('indexes kana and hangul runs like Han', () => {
    expect(indexTerms('東京タワー')).toEqual(expect.arrayContaining(['タワ', 'ワー', '京タ']));
    expect(matches('국어', '한국어 텍스트')).toBe(true);
  });
});

describe('queryTerms', () => {
  it('finds 打印机无法打印 with 打印, with 机 and with 打印机', () => {
    expect(queryTerms('打印')).toEqual([{ term: '打印', prefix: false }]);
    expect(matches('打印', '打印机无法打印')).toBe(true);
    expect(queryTerms('机')).toEqual([{ term: '机', prefix: false }]);
    expect(matches('机', '打印机无法打印')).toBe(true);
    expect(matches('打印机', '打印机无法打印')).toBe(true);
  });

  it('matches 打印机卡纸 only when every one of its pairs is in the text', () => {
    expect(queryTerms('打印机卡纸').map((t) => t.term)).toEqual(['打印', '印机', '机卡', '卡纸']);
    expect(matches('打印机卡纸', '打印机频繁卡纸')).toBe(false);
    expect(matches('打印机卡纸', '三楼打印机卡纸，已重启')).toBe(true);
    expect(matches('打印机 卡纸', '打印机频繁卡纸')).toBe(true);
  });

  it('finds "Printer jams" by the prefix "print"', () => {
    expect(queryTerms('print')).toEqual([{ term: 'print', prefix: true }]);
    expect(matches('print', 'Printer jams')).toBe(true);
    expect(matches('PRINT JAM', 'Printer jams')).toBe(true);
    expect(matches('printers', 'Printer jams')).toBe(false);
  });

  it('turns a mixed Chinese and English query into prefix and exact terms', () => {
    expect(queryTerms('HP打印机 卡纸')).toEqual([
      { term: 'hp', prefix: true },
      { term: '打印', prefix: false },
      { term: '印机', prefix: false },
      { term: '卡纸', prefix: false },
    ]);
  });

  it('gives no terms for an empty, blank or punctuation-only query', () => {
    for (const q of ['', '   ', '\n\t', '，。！？', '...', '&|!()', ':*', '""', "''"]) expect(queryTerms(q)).toEqual([]);
  });

  it('drops duplicates and keeps the first order', () => {
    expect(queryTerms('print 打印 PRINT 打印')).toEqual([
      { term: 'print', prefix: true },
      { term: '打印', prefix: false },
    ]);
  });

  it('keeps at most 16 terms', () => {
    const q = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(queryTerms(q)).toHaveLength(MAX_QUERY_TERMS);
    expect(queryTerms(q)[15]).toEqual({ term: 'w15', prefix: true });
  });
});

describe('fts5Query and tsQuery', () => {
  it('write the terms as an FTS5 MATCH expression and a tsquery literal', () => {
    const terms = queryTerms('打印机 print');
    expect(fts5Query(terms)).toBe('"打印" AND "印机" AND "print"*');
    expect(tsQuery(terms)).toBe("'打印' & '印机' & 'print':*");
  });

  it('give an empty string when there are no terms', () => {
    expect(fts5Query([])).toBe('');
    expect(tsQuery([])).toBe('');
    expect(fts5Query(queryTerms('!!!'))).toBe('');
  });

  it('reduce hostile queries to quoted words', () => {
    expect(fts5Query(queryTerms('a" OR "b'))).toBe('"a"* AND "or"* AND "b"*');
    expect(tsQuery(queryTerms('a" OR "b'))).toBe("'a':* & 'or':* & 'b':*");
    expect(tsQuery(queryTerms("'; drop table tickets; --"))).toBe("'drop':* & 'table':* & 'tickets':*");
    expect(fts5Query(queryTerms('NEAR(a b) OR c*'))).toBe('"near"* AND "a"* AND "b"* AND "or"* AND "c"*');
    for (const q of ['\\', '\\\\', ':*', '&|!()', '*', '^', '-']) {
      expect(fts5Query(queryTerms(q))).toBe('');
      expect(tsQuery(queryTerms(q))).toBe('');
    }
  });

  it('quote terms that did not come from queryTerms so they cannot break out either', () => {
    const hostile: TQueryTerm[] = [
      { term: 'a" OR "b', prefix: false },
      { term: "'; drop", prefix: true },
      { term: '\\', prefix: false },
      { term: ':*', prefix: false },
      { term: '&|!()', prefix: false },
      { term: '', prefix: true },
    ];
    expect(fts5Query(hostile)).toBe('"a"" OR ""b" AND "\'; drop"* AND "\\" AND ":*" AND "&|!()"');
    expect(tsQuery(hostile)).toBe("'a\" OR \"b' & '''; drop':* & '\\\\' & ':*' & '&|!()'");
  });

  it('keep every quoted FTS5 string balanced for any term', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ term: fc.string(), prefix: fc.boolean() })), (terms) => {
        // A string is "…" where "" is a quote; replacing each by T must leave only ANDs between them.
        const rebuilt = fts5Query(terms).replace(/"(?:[^"]|"")*"\*?/g, 'T');
        expect(rebuilt).toMatch(/^(T( AND T)*)?$/);
      }),
    );
  });

  it('keep every quoted tsquery lexeme balanced for any term', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ term: fc.string(), prefix: fc.boolean() })), (terms) => {
        // A lexeme is '…' where '' is a quote and \x any escaped character.
        const rebuilt = tsQuery(terms).replace(/'(?:[^'\\]|''|\\.)*'(?::\*)?/gs, 'T');
        expect(rebuilt).toMatch(/^(T( & T)*)?$/);
      }),
    );
  });
});

describe('search term properties', () => {
  const han = fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp));
  const separator = fc.constantFrom(' ', '\n', '，', '。', '、', '！', ',', '.', ':', '-', "'", '"', '/', '_', '@', '*', '(', ')', '\\');

  // Restriction: CJK-only text (Han from U+4E00–U+9FFF, always word-like in ICU) with punctuation between.
  // There every query term is exact and comes from a CJK run of t, which lies inside a CJK run of s, so any
  // substring of s works, wherever it starts or ends.
  it('finds a CJK text by any of its substrings', () => {
    const text = fc.array(fc.oneof({ weight: 4, arbitrary: han }, { weight: 1, arbitrary: separator }), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (chars, a, b) => {
        const s = chars.join('');
        const [from, to] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y);
        const t = chars.slice(from, to).join('');
        fc.pre(/\p{Script=Han}/u.test(t));
        const index = new Set(indexTerms(s));
        const terms = queryTerms(t);
        expect(terms.length).toBeGreaterThan(0);
        for (const term of terms) {
          expect(term.prefix).toBe(false);
          expect(index.has(term.term)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  // Restriction: mixed text made of whole words — Latin/digit words (ASCII or full-width), Han words — with
  // separators between (none between a Han word and its neighbour, as Chinese is written), and t is a run of
  // whole words of s whose last word may be cut short (typing ahead). A t that starts in the middle of a Latin
  // word ("nter" in "printer") is deliberately not covered: it is no prefix of any term, and matching it would
  // need n-grams of Latin words too.
  it('finds a text by any run of its whole words, the last one possibly unfinished', () => {
    const latin = fc.array(fc.constantFrom(...'abcXYZ019ＡＢ９'), { minLength: 1, maxLength: 50 }).map((cs) => ({ cjk: false, chars: cs }));
    const hanWord = fc.array(han, { minLength: 1, maxLength: 6 }).map((cs) => ({ cjk: true, chars: cs }));
    const words = fc.array(fc.tuple(fc.oneof(latin, hanWord), separator, fc.boolean()), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(words, fc.nat(), fc.nat(), fc.nat(), (list, a, b, cut) => {
        const from = a % list.length;
        const to = from + 1 + (b % (list.length - from));
        // The separator after word i; empty only next to a Han word.
        const sep = (i: number): string => (list[i][2] && (list[i][0].cjk || list[i + 1]?.[0].cjk === true) ? '' : list[i][1]);
        const join = (parts: string[][], start: number): string =>
          parts.map((chars, k) => chars.join('') + (k < parts.length - 1 ? sep(start + k) : '')).join('');
        const s = join(
          list.map(([w]) => w.chars),
          0,
        );
        const picked = list.slice(from, to).map(([w]) => w.chars);
        const last = picked[picked.length - 1];
        picked[picked.length - 1] = last.slice(0, 1 + (cut % last.length));
        const t = join(picked, from);
        const index = indexTerms(s);
        const terms = queryTerms(t);
        expect(terms.length).toBeGreaterThan(0);
        for (const term of terms) {
          if (term.prefix) expect(index.some((i) => i.startsWith(term.term))).toBe(true);
          else expect(index).toContain(term.term);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives terms without whitespace, quotes or operators for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (s, q) => {
        for (const term of [...indexTerms(s), ...queryTerms(q).map((t) => t.term)]) {
          expect(term).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
          expect([...term].length).toBeLessThanOrEqual(MAX_TERM_LENGTH);
        }
      }),
    );
  });
});
