import { type TExplanation, explain, formatMoneyFen } from '../explanation';

/*
 * PAY-2 half-year bonus by regional ranking, ORG-4 attribution by region:
 * - each region's score is the mean of the HR-consolidated KPI scores (AP-16) of the engineers responsible for it over
 *   the period; regions are ranked by it (best first, equal scores by id) and split into as many bands as the policy
 *   has coefficients (0.8 / 0.5 / 0.3), the first bands taking the extra region when they do not divide evenly; a
 *   region with no consolidated score is not ranked and earns no bonus;
 * - an engineer's bonus = base × Σ over the regions they served (share of their requests in the region × the region's
 *   coefficient): an engineer from another region who served a region earns that region's coefficient for that share
 *   (the ORG-4 correction); one who served no request is attributed to their own regions in equal shares.
 */

export type TRankedRegion = {
  regionId: number;
  name: string;
  score: number | null;
  rank: number | null;
  coefficient: number | null;
  explanation: TExplanation;
};

export type TRankingEngineer = {
  userId: number;
  name: string;
  homeRegionIds: number[];
  /** Requests of the period assigned to the engineer, by the request's region. */
  served: { regionId: number; requests: number }[];
};

export type TRankingBonusLine = {
  regionId: number;
  share: { requests: number; of: number };
  coefficient: number;
  amountFen: number;
  explanation: TExplanation;
};

export type TRankingBonus = { userId: number; name: string; totalFen: number; lines: TRankingBonusLine[] };

/** The regions ranked into bands. */
export function rankRegions(
  regions: { regionId: number; name: string; score: number | null }[],
  coefficients: number[],
  period: string,
  policyVersion: number | null,
): TRankedRegion[] {
  const scored = regions
    .filter((r) => r.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number) || a.regionId - b.regionId);
  const bands = coefficients.length;
  const perBand = Math.floor(scored.length / bands);
  const extra = scored.length % bands;
  const bandOf = (index: number) => {
    let start = 0;
    for (let b = 0; b < bands; b++) {
      const size = perBand + (b < extra ? 1 : 0);
      if (index < start + size) return b;
      start += size;
    }
    return bands - 1;
  };
  const ranked = new Map(scored.map((r, i) => [r.regionId, { rank: i + 1, band: bandOf(i) }]));
  return regions.map((r) => {
    const place = ranked.get(r.regionId);
    const coefficient = place ? coefficients[place.band] : null;
    return {
      ...r,
      rank: place?.rank ?? null,
      coefficient,
      explanation: explain({
        ruleId: 'PAY-2',
        policyVersion,
        inputs: { period, score: r.score, rank: place?.rank ?? null, of: scored.length, band: place ? place.band + 1 : null },
        result: coefficient,
        zh: place
          ? `${period} ${r.name} 绩效均分 ${r.score}，${scored.length} 个区域中第 ${place.rank} 名，第 ${place.band + 1} 档，系数 ${coefficient}`
          : `${period} ${r.name} 无人事汇总的绩效得分，不参与排名`,
        en: place
          ? `${period} ${r.name}: mean KPI score ${r.score}, rank ${place.rank} of ${scored.length}, band ${place.band + 1}, coefficient ${coefficient}`
          : `${period} ${r.name}: no consolidated KPI score, not ranked`,
      }),
    };
  });
}

/** PAY-2/ORG-4: each engineer's bonus lines, one per region served (or their own regions when they served none). */
export function rankingBonuses(
  baseFen: number,
  regions: TRankedRegion[],
  engineers: TRankingEngineer[],
  period: string,
  policyVersion: number | null,
): TRankingBonus[] {
  const byId = new Map(regions.map((r) => [r.regionId, r]));
  return engineers.map((e) => {
    const servedTotal = e.served.reduce((n, s) => n + s.requests, 0);
    const parts =
      servedTotal > 0
        ? e.served.filter((s) => s.requests > 0).map((s) => ({ regionId: s.regionId, requests: s.requests, of: servedTotal }))
        : e.homeRegionIds.map((regionId) => ({ regionId, requests: 1, of: e.homeRegionIds.length }));
    const lines = parts.flatMap((p): TRankingBonusLine[] => {
      const region = byId.get(p.regionId);
      if (!region || region.coefficient === null) return [];
      const amountFen = Math.round((baseFen * region.coefficient * p.requests) / p.of);
      const outside = !e.homeRegionIds.includes(p.regionId);
      const share = servedTotal > 0 ? `${p.requests}/${p.of} 个服务请求` : `本人负责区域 ${p.requests}/${p.of}`;
      const shareEn = servedTotal > 0 ? `${p.requests}/${p.of} requests` : `own region ${p.requests}/${p.of}`;
      return [
        {
          regionId: p.regionId,
          share: { requests: p.requests, of: p.of },
          coefficient: region.coefficient,
          amountFen,
          explanation: explain({
            ruleId: outside ? 'ORG-4' : 'PAY-2',
            policyVersion,
            inputs: { period, regionId: p.regionId, requests: p.requests, of: p.of, coefficient: region.coefficient, baseFen, outside },
            result: amountFen,
            zh: `${period} ${region.name}${outside ? '（非本人负责区域，按服务归属）' : ''}：${formatMoneyFen(baseFen, 'zh-CN')} × ${region.coefficient} × ${share} = ${formatMoneyFen(amountFen, 'zh-CN')}`,
            en: `${period} ${region.name}${outside ? ' (served outside own regions, attributed to it)' : ''}: ${formatMoneyFen(baseFen, 'en')} × ${region.coefficient} × ${shareEn} = ${formatMoneyFen(amountFen, 'en')}`,
          }),
        },
      ];
    });
    return { userId: e.userId, name: e.name, totalFen: lines.reduce((n, l) => n + l.amountFen, 0), lines };
  });
}
