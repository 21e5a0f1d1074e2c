import type { Generated } from 'kysely';

// Kysely table types of the handover module (migration 20261207_0140_handover): HO-1, SEC-3.

type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

export interface HandoversTable extends Stamps {
  id: Id;
  user_id: number;
  kind: string;
  status: string;
  successor_id: number;
  manager_id: number;
  note: string | null;
  started_by: number;
  completed_at: string | null;
  cancel_reason: string | null;
}
export interface HandoverItemsTable {
  id: Id;
  handover_id: number;
  kind: string;
  ref_id: number;
  label: string;
  outcome: string;
  to_user_id: number | null;
  done_by: number;
  done_at: string;
}
export interface HandoverSignaturesTable {
  id: Id;
  handover_id: number;
  role: string;
  user_id: number;
  signed_at: string;
  storage_key: string | null;
  sha256: string | null;
}
export interface HandoverOverridesTable {
  id: Id;
  user_id: number;
  reason: string;
  open_items: number;
  granted_by: number;
  granted_at: string;
  used_at: string | null;
}
export interface CompanyPropertyTable extends Stamps {
  id: Id;
  holder_id: number;
  kind: string;
  description: string;
  reference: string | null;
  amount_fen: number | null;
  issued_on: string;
  returned_on: string | null;
  note: string | null;
  created_by: number;
}
export interface ConfidentialityAgreementsTable {
  user_id: number;
  signed_on: string;
  agreement_version: string;
  note: string | null;
  recorded_by: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export type HandoverTables = {
  handovers: HandoversTable;
  handover_items: HandoverItemsTable;
  handover_signatures: HandoverSignaturesTable;
  handover_overrides: HandoverOverridesTable;
  company_property: CompanyPropertyTable;
  confidentiality_agreements: ConfidentialityAgreementsTable;
};
