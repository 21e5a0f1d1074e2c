import type { Ctx } from '../../http/context';
import { renderHandoverPdf } from './handover.pdf';
import { type HandoverDeps, getHandover, signatureImages } from './handover.service';

export type { HandoverDeps } from './handover.service';

/** HO-1: the handover record as a PDF download, with the drawn signatures. */
export async function renderRecord(ctx: Ctx, deps: HandoverDeps, id: number) {
  const h = await getHandover(ctx, id);
  const data = await renderHandoverPdf(h, deps.companyName, await signatureImages(ctx, deps, id), ctx.timeZone);
  return { fileName: `工作交接单-${h.user.name}-${h.id}.pdf`, contentType: 'application/pdf', data };
}
