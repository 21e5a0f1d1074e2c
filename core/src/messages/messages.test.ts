import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../reasons/catalogue';
import { MESSAGES, bilingualMail, isMessageKind, messageTexts, phraseOf } from './index';

const entries = Object.entries(MESSAGES).flatMap(([kind, m]) => [[`${kind} title`, m.title] as const, [`${kind} body`, m.body] as const]);

/** Every server source file (tests aside), to find the message kinds it names. */
function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the message catalogue (issue 13)', () => {
  it('every message has a non-empty title and body in zh-CN and en naming the same parameters', () => {
    const problems = entries.flatMap(([name, t]) => {
      const out: string[] = [];
      if (!t['zh-CN']?.trim()) out.push(`${name}: no zh-CN`);
      if (!t.en?.trim()) out.push(`${name}: no en`);
      if (placeholdersOf(t['zh-CN']).join() !== placeholdersOf(t.en).join()) out.push(`${name}: placeholders differ`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('kinds are <domain>.<camelCase>', () => {
    expect(Object.keys(MESSAGES).filter((k) => !/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z0-9]*$/.test(k))).toEqual([]);
  });

  it('the Chinese text of a message has no English words', () => {
    // Placeholders, rule ids (WR-7) and the PDF file type aside, a Chinese sentence is written in Chinese.
    const english = entries
      .filter(([, t]) =>
        /[A-Za-z]{3,}/.test(
          t['zh-CN']
            .replace(/\{\w+\}/g, '')
            .replace(/[A-Z]+-\d+[a-z]?/g, '')
            .replace(/\bPDF\b/g, ''),
        ),
      )
      .map(([name]) => name);
    expect(english).toEqual([]);
  });

  it('every message kind the server names is in the catalogue', () => {
    const root = fileURLToPath(new URL('../../../server/src', import.meta.url));
    const unknown = serverFiles(root).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const named = [
        ...[...text.matchAll(/\bmessage:\s*'([a-z][a-zA-Z]*\.[a-z][a-zA-Z0-9]*)'/g)].map((m) => m[1]),
        ...[...text.matchAll(/\b(?:phraseOf|bilingualMail|messageTexts|renderMessage)\(\s*'([^']+)'/g)].map((m) => m[1]),
      ];
      return named.filter((k) => !isMessageKind(k)).map((k) => `${file.slice(root.length + 1)}: ${k}`);
    });
    expect(unknown).toEqual([]);
  });

  it('no server file builds a notification or e-mail text inline (a `zh:` pair or Chinese words in the call)', () => {
    const root = fileURLToPath(new URL('../../../server/src', import.meta.url));
    const call = /\b(?:notify|queueMail|askClient|tell[A-Z]\w*|tell)\(/g;
    const inline = serverFiles(root).filter((file) => {
      if (/[\\/](notifications|mail)[\\/]/.test(file)) return false;
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(call)].some((m) => {
        let depth = 1;
        let end = m.index + m[0].length;
        while (end < text.length && depth > 0) {
          if (text[end] === '(') depth++;
          else if (text[end] === ')') depth--;
          end++;
        }
        const args = text.slice(m.index + m[0].length, end);
        return /[\u4e00-\u9fff]/.test(args) || /\bzh:/.test(args) || /subject:\s*`/.test(args);
      });
    });
    expect(inline.map((f) => f.slice(root.length + 1))).toEqual([]);
  });

  it('renders a message in both languages, a localized parameter in its language', () => {
    expect(messageTexts('ticket.assigned', { number: 'SR-1', title: '打印机' })).toEqual({
      title: { zh: '新的服务请求 SR-1', en: 'New service request SR-1' },
      body: { zh: '打印机', en: '打印机' },
    });
    const grades = phraseOf('field.mailGrades', { attitude: phraseOf('field.gradeGood'), skill: '-', result: '-' });
    expect(grades['zh-CN']).toBe('态度 良 / 技术 - / 结果 -');
    expect(grades.en).toBe('Attitude good / skill - / result -');
    const mail = bilingualMail('notice.signed', { number: 'FW-1', title: 'x' });
    expect(mail.subject).toBe('服务通知单已签发 FW-1 / Service notice signed FW-1');
  });
});
