import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasLibreOffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

/**
 * Opens a spreadsheet in LibreOffice (headless) and returns every sheet as UTF-8 CSV text, joined — the check that an
 * Excel export opens in the office suite finance uses, not only in the library that wrote it. Undefined when
 * LibreOffice is missing (`npm test` then prints a SKIPPED line).
 */
export function spreadsheetAsCsv(xlsx: Buffer): string | undefined {
  if (!hasLibreOffice) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lo-export-'));
  // A private profile per run: two conversions at once must not share LibreOffice's user folder.
  const profile = join(tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`);
  try {
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, xlsx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        // comma, double quote, UTF-8, first line 1, ..., every sheet (-1)
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000, stdio: 'ignore' },
    );
    return readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
