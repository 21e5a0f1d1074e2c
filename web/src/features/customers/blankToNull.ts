/** Form text → API value: trimmed, and null when blank (the API's "no value"). */
export function blankToNull(value: string | null | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}
