import { closeSync, openSync, readSync, writeSync } from 'node:fs';

// A minimal POSIX ustar writer and reader for the backup archive (regular files only, names up to 100 bytes):
// any `tar` reads what it writes (`tar -tvf backup.tar`), and it needs no dependency.

const BLOCK = 512;
const CHUNK = 1024 * 1024;

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`archive entry name too long: ${name}`);
  nameBytes.copy(h, 0);
  const octal = (value: number, length: number, at: number) => h.write(`${value.toString(8).padStart(length - 1, '0')}\0`, at, 'ascii');
  octal(0o644, 8, 100);
  octal(0, 8, 108);
  octal(0, 8, 116);
  octal(size, 12, 124);
  octal(Math.floor(mtime.getTime() / 1000), 12, 136);
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** Appends entries to a new archive file; each entry's bytes are copied from a file in chunks. */
export function tarWriter(path: string, mtime: Date) {
  const fd = openSync(path, 'wx');
  const buffer = Buffer.alloc(CHUNK);
  return {
    addBuffer(name: string, data: Buffer) {
      writeSync(fd, header(name, data.length, mtime));
      writeSync(fd, data);
      writeSync(fd, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
    },
    addFile(name: string, source: string, size: number) {
      writeSync(fd, header(name, size, mtime));
      const src = openSync(source, 'r');
      try {
        let done = 0;
        while (done < size) {
          const n = readSync(src, buffer, 0, Math.min(CHUNK, size - done), done);
          if (n === 0) throw new Error(`${source} shrank while it was being backed up`);
          writeSync(fd, buffer, 0, n);
          done += n;
        }
      } finally {
        closeSync(src);
      }
      writeSync(fd, Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK));
    },
    close() {
      writeSync(fd, Buffer.alloc(BLOCK * 2));
      closeSync(fd);
    },
  };
}

/** Calls onEntry for every regular file of the archive with a reader of its bytes, in chunks. */
export function readTar(path: string, onEntry: (name: string, size: number, read: (chunk: (data: Buffer) => void) => void) => void) {
  const fd = openSync(path, 'r');
  const h = Buffer.alloc(BLOCK);
  const buffer = Buffer.alloc(CHUNK);
  try {
    let at = 0;
    for (;;) {
      if (readSync(fd, h, 0, BLOCK, at) < BLOCK || h.every((b) => b === 0)) return;
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = Number.parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
      const type = String.fromCharCode(h[156] ?? 0);
      if (!Number.isSafeInteger(size) || size < 0) throw new Error(`not an archive entry at byte ${at}`);
      const start = at + BLOCK;
      if (type === '0' || type === '\0') {
        onEntry(name, size, (chunk) => {
          let done = 0;
          while (done < size) {
            const n = readSync(fd, buffer, 0, Math.min(CHUNK, size - done), start + done);
            if (n === 0) throw new Error(`archive ends inside ${name}`);
            chunk(buffer.subarray(0, n));
            done += n;
          }
        });
      }
      at = start + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    closeSync(fd);
  }
}
