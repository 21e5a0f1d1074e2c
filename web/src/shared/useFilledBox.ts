import { useEffect, useState } from 'react';

/**
 * Issue 12 item 16: a list with boxes (mine, to sign, all …) that the URL does not name opens on the preferred box
 * and, when that one has nothing, moves on to the next box in `boxes` that has items — nobody lands on an empty tab
 * while another holds their work. A box named in the URL is kept as it is. The list reports the shown box's first
 * page with `report({ box, loaded, empty })` (loaded: its own answer, not the previous box's kept on screen).
 */
export function useFilledBox<B extends string>(boxes: readonly B[], preferred: B, named: B | undefined) {
  const [auto, setAuto] = useState<B>(preferred);
  const [page, report] = useState<{ box: B | null; loaded: boolean; empty: boolean }>({ box: null, loaded: false, empty: false });
  const box = named ?? auto;
  const order = [preferred, ...boxes.filter((b) => b !== preferred)];
  const next = order[order.indexOf(box) + 1];
  const skip = named === undefined && page.box === box && page.loaded && page.empty && next !== undefined;
  useEffect(() => {
    if (skip) setAuto(next);
  }, [skip, next]);
  return { box, report };
}
