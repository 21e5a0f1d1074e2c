import { z } from 'zod';
import { zInt } from './common';

// Issue 12 item 12: the customer portal's own reads.
//
// API (under /api/v1):
//   GET /portal/equipment   tickets.create   the caller's company sites and installed devices, to file a request on

/** A site and a device as a customer reads them when filing: names and serial numbers, nothing internal. */
export const ZPortalSite = z.object({ id: zInt(), name: z.string(), address: z.string().nullable() });
export const ZPortalDevice = z.object({ id: zInt(), siteId: zInt().nullable(), productName: z.string(), serialNumber: z.string() });
export const ZPortalEquipment = z.object({ sites: z.array(ZPortalSite), devices: z.array(ZPortalDevice) });
export type TPortalEquipment = z.infer<typeof ZPortalEquipment>;
