/** The name without any path, control characters or excess length (the extension is kept). */
export function cleanFileName(name: string): string {
  let base = [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  if (base.length > 200) {
    const ext = /\.[A-Za-z0-9]{1,10}$/.exec(base)?.[0] ?? '';
    base = base.slice(0, 200 - ext.length) + ext;
  }
  return base === '' || base === '.' || base === '..' ? 'file' : base;
}
