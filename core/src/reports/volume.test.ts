import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { toCentimetres, volumeLineProblem, volumeTotals } from './volume';

const reports = defaultPolicy().reports;

describe('WR-7: completed work volume by pipe type, diameter band and job type', () => {
  it('knows the policy’s pipe types and their bands, and names the first unknown one', () => {
    expect(volumeLineProblem(reports, [{ pipeType: 'waterSupply', band: 'd50to110', jobType: 'weld', metres: 12.5 }])).toBeNull();
    expect(volumeLineProblem(reports, [{ pipeType: 'gas', band: 'd50to110', jobType: 'weld', metres: 1 }])).toEqual({
      index: 0,
      field: 'pipeType',
      reason: 'volume.unknownPipeType',
    });
    expect(
      volumeLineProblem(reports, [
        { pipeType: 'waterSupply', band: 'd50to110', jobType: 'weld', metres: 1 },
        { pipeType: 'drainage', band: 'd50to110', jobType: 'install', metres: 1 },
      ]),
    ).toEqual({ index: 1, field: 'band', reason: 'volume.unknownBand' });
  });

  it('sums lines of the same pipe, band and job type, in the policy’s order', () => {
    const line = (pipeType: string, band: string, jobType: 'weld' | 'install', metres: number) => ({
      pipeType,
      band,
      jobType,
      centimetres: toCentimetres(metres),
    });
    expect(
      volumeTotals(reports, [
        line('drainage', 'below500', 'install', 10),
        line('waterSupply', 'd160to250', 'weld', 0.1),
        line('waterSupply', 'd160to250', 'weld', 0.2),
        line('waterSupply', 'd50to110', 'install', 5),
      ]),
    ).toEqual([
      { pipeType: 'waterSupply', band: 'd50to110', jobType: 'install', centimetres: 500 },
      { pipeType: 'waterSupply', band: 'd160to250', jobType: 'weld', centimetres: 30 },
      { pipeType: 'drainage', band: 'below500', jobType: 'install', centimetres: 1000 },
    ]);
  });
});
