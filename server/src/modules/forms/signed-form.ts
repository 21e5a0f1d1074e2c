import { createHash } from 'node:crypto';
import type { Clock } from '../../http/clock';
import { newStorageKey } from '../../files';
import type { FileStorage } from '../../files/storage';
import { type Pdf } from '../reports/report-pdf';
import { type SignatureImage, decodeSignature } from '../field/visits.upload';

/**
 * A form signed on a device or approved in the app, then archived as a PDF (RS-6 the handover confirmation form,
 * RS-4b the emergency leave form the client IT office archives): the one code path both use — storing a drawn
 * signature, drawing the signature block, and archiving the rendered PDF with its SHA-256.
 */

/** A signature as the form prints it: the signer's role label, name, instant, method and the drawn image if any. */
export type FormSignature = { label: string; name: string; at: string; method: 'device' | 'app'; image: Buffer | null };

export const shanghaiTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Decodes a drawn signature (PNG/JPEG data URL) and stores it; none when the signer approves in the app. */
export async function storeDrawnSignature(
  storage: FileStorage,
  clock: Clock,
  dataUrl: string | undefined,
): Promise<{ image: SignatureImage; key: string } | null> {
  if (!dataUrl) return null;
  const image = decodeSignature(dataUrl);
  const key = newStorageKey(clock.now());
  await storage.put(key, image.data);
  return { image, key };
}

/** The signature block of a form: each signer with the instant (Shanghai time), how they signed and the image. */
export function drawSignatures(doc: Pdf, signatures: FormSignature[]) {
  for (const s of signatures) {
    doc.fontSize(10.5).text(`${s.label}：${s.name}    ${shanghaiTime(s.at)}    ${s.method === 'device' ? '手写签名' : '系统内确认'}`);
    if (s.image) {
      const y = doc.y + 4;
      try {
        doc.image(s.image, doc.page.margins.left, y, { fit: [180, 60] });
        doc.y = y + 66;
      } catch {
        // A stored signature pdfkit cannot decode stays archived on its own; the form says so instead of failing.
        doc.fontSize(9).fillColor('#888').text('（手写签名图像另行存档）').fillColor('#000');
      }
    }
    doc.moveDown(0.4);
  }
}

/** Archives a rendered form: its storage key and SHA-256 (kept with the record it confirms). */
export async function archiveFormPdf(storage: FileStorage, clock: Clock, pdf: Buffer): Promise<{ key: string; sha256: string }> {
  const key = newStorageKey(clock.now());
  await storage.put(key, pdf);
  return { key, sha256: createHash('sha256').update(pdf).digest('hex') };
}
