// Search terms for Chinese and English (SR search). Pure: the application segments text and stores the terms in
// an ordinary full-text index (SQLite FTS5 over space-separated terms, PostgreSQL array_to_tsvector(terms)).
//
// How text becomes terms:
// - NFKC then lower case (full-width ＡＢＣ１２３ → abc123), then Intl.Segmenter('zh-CN', word); only word-like
//   segments count. A segment is cut further at any character that is not a letter, mark or digit ("don't",
//   "1,000", "a_b" → two pieces each), so terms never hold whitespace, quotes or operators and are exactly the
//   tokens SQLite's unicode61 tokenizer would see, which keeps SQLite and PostgreSQL in step.
// - Each piece is cut into runs of one script class: CJK (Han, kana, hangul) or other (Latin, digits, …).
// - CJK runs of adjacent segments join: ICU splits 打印机 into 打印|机, and the bigram 印机 crosses that boundary.
//   Matching CJK rests on the unigrams and bigrams of these joined runs, not on the dictionary's word choice, so
//   it does not change when a Node/ICU upgrade segments differently.
// - Mixed words ("x光机", "3d打印"): the Latin part is its own prefix-searchable term, the CJK part joins the
//   CJK run. Query "x光机" → x*, 光机; the index of "x光机坏了" holds x, 光, 机, 光机, ….

/** One term of a search query: matched exactly, or as the prefix of an indexed term. */
export interface TQueryTerm {
  term: string;
  prefix: boolean;
}

/** Longest term kept, in code points; longer words are cut (index and query alike, so prefixes still match). */
export const MAX_TERM_LENGTH = 40;
/** Most terms a query keeps; all must match, so more only narrow further. */
export const MAX_QUERY_TERMS = 16;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const NOT_TERM_CHAR = /[^\p{L}\p{M}\p{N}]+/u;
// ー (U+30FC) is script Common but only ever written inside kana words.
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]$/u;

const ASCII_WORD = /^[a-z0-9]+$/;
// Every character of those scripts lies at U+1100 (Hangul Jamo) or above: below it, skip the regex.
const FIRST_CJK_CODE_POINT = 0x1100;
const isCjkChar = (ch: string): boolean => (ch.codePointAt(0) as number) >= FIRST_CJK_CODE_POINT && CJK_CHAR.test(ch);

const cap = (chars: readonly string[]): string => chars.slice(0, MAX_TERM_LENGTH).join('');

/**
 * Calls back with each maximal CJK run (adjacent CJK pieces of word-like segments joined) and each other-script
 * piece, in order. A non-word segment, a character that is not a letter, mark or digit, or an other-script piece
 * ends a CJK run. Indexing calls this for every request written, so it avoids per-piece objects and regexes where
 * a segment is plain ASCII.
 */
function walk(text: string, onCjkRun: (chars: string[], words: string[]) => void, onOther: (text: string) => void): void {
  let chars: string[] = [];
  let words: string[] = [];
  const endRun = (): void => {
    if (chars.length > 0) onCjkRun(chars, words);
    chars = [];
    words = [];
  };
  const piece = (p: string): void => {
    let run: string[] = [];
    let runIsCjk = false;
    const flush = (): void => {
      if (run.length === 0) return;
      if (runIsCjk) {
        for (const ch of run) chars.push(ch);
        words.push(cap(run));
      } else {
        endRun();
        onOther(cap(run));
      }
      run = [];
    };
    for (const ch of p) {
      const cjk = isCjkChar(ch);
      if (run.length > 0 && cjk !== runIsCjk) flush();
      runIsCjk = cjk;
      run.push(ch);
    }
    flush();
  };
  for (const segment of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!segment.isWordLike) {
      endRun();
      continue;
    }
    const word = segment.segment;
    if (ASCII_WORD.test(word)) {
      endRun();
      onOther(word.length > MAX_TERM_LENGTH ? word.slice(0, MAX_TERM_LENGTH) : word);
      continue;
    }
    if (!NOT_TERM_CHAR.test(word)) {
      piece(word);
      continue;
    }
    word.split(NOT_TERM_CHAR).forEach((p, i) => {
      if (i > 0) endRun();
      piece(p);
    });
  }
  endRun();
}

const bigrams = (chars: readonly string[]): string[] => chars.slice(1).map((ch, i) => chars[i] + ch);

/**
 * The terms to index for these texts: unique, space-free, lower-cased, NFKC-normalised.
 * Every word (cut at 40 code points) and, for every run of CJK characters, each character and each overlapping
 * pair of characters, so that 打印, 印机 and 机 all find 打印机.
 */
export function indexTerms(...texts: Array<string | null | undefined>): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (text == null) continue;
    walk(
      text,
      (chars, words) => {
        for (const word of words) terms.add(word);
        for (const ch of chars) terms.add(ch);
        for (const pair of bigrams(chars)) terms.add(pair);
      },
      (other) => terms.add(other),
    );
  }
  return [...terms];
}

/**
 * The query's terms, all of which must match (AND): a Latin or digit word is a prefix term (type-ahead: "print"
 * finds "printer"); a CJK run of two or more characters gives its overlapping bigrams and a single CJK character
 * itself, both exact. Punctuation and whitespace are dropped; duplicates go, order stays; at most 16 terms.
 */
export function queryTerms(q: string): TQueryTerm[] {
  const terms = new Map<string, TQueryTerm>();
  const add = (term: string, prefix: boolean): void => {
    if (!terms.has(term)) terms.set(term, { term, prefix });
  };
  walk(
    q,
    (chars) => {
      if (chars.length === 1) add(chars[0], false);
      else for (const pair of bigrams(chars)) add(pair, false);
    },
    (other) => add(other, true),
  );
  return [...terms.values()].slice(0, MAX_QUERY_TERMS);
}
