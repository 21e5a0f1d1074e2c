// SEC-1 / design (fast on large tables): the global search matches by index only — equality or a prefix written as
// a range `column >= low AND column < high`, which a B-tree index answers on both databases (LIKE 'x%' would need
// text_pattern_ops on PostgreSQL and a NOCASE column on SQLite). Pure helpers of that query.

/** The exclusive upper bound of the strings that start with `prefix` ('' for an empty prefix: match nothing). */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = chars.pop() as string;
    const code = last.codePointAt(0) as number;
    // U+10FFFF has no successor: drop it and carry into the character before.
    if (code < 0x10ffff) {
      const next = code + 1;
      // Skip the surrogate block: it is not a character a text column holds.
      return chars.join('') + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
    }
  }
  return '';
}

/** What a typed search text can be besides words: a letter number (ZR-000042 → 42), a phone prefix (digits only). */
export type TSearchProbe = {
  /** The text as typed, trimmed, lower-cased: the prefix for names and user names. */
  text: string;
  /** Upper-cased: the prefix of a request number (SR-…). */
  upper: string;
  /** ZR-000042, zr42 or 42 → the letter id 42 (FS-2 numbers are the id padded). */
  letterId: number | null;
  /** At least 3 digits (spaces and dashes dropped): a phone prefix. */
  phone: string | null;
};

const LETTER = /^(?:zr-?)?0*(\d{1,9})$/i;

export function searchProbe(q: string): TSearchProbe {
  const text = q.trim().toLowerCase();
  const letter = LETTER.exec(text);
  const id = letter ? Number(letter[1]) : null;
  const digits = text.replace(/[\s-]/g, '');
  return {
    text,
    upper: q.trim().toUpperCase(),
    letterId: id != null && id > 0 && id <= 2_147_483_647 ? id : null,
    phone: /^\+?\d{3,20}$/.test(digits) ? digits : null,
  };
}
