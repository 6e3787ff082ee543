// Types of the asset library area, mirroring the Go domain in backend/.

export const assetTypes = ['logo', 'image', 'video', 'audio', 'document', 'copy', 'template', 'other'] as const;
export type AssetType = (typeof assetTypes)[number];
export type LicenceState = 'none' | 'valid' | 'expiring' | 'expired';
export type DuplicateChoice = '' | 'new_version' | 'keep_both' | 'skip';

export interface Licence {
  type: string;
  holder: string;
  usageRights: string;
  start: string;
  expiry: string;
}

export interface AssetVersion {
  version: number;
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
  width: number;
  height: number;
  note: string;
  addedAt: string;
}

export interface Asset {
  id: number;
  title: string;
  type: AssetType;
  tags: string[];
  description: string;
  source: string;
  licence: Licence;
  campaignIds: number[];
  versions: AssetVersion[];
  licenceState: LicenceState;
  createdAt: string;
  updatedAt: string;
}

export interface AssetFilter {
  search?: string;
  type?: AssetType | '';
  tag?: string;
  licence?: LicenceState | '';
  campaignId?: number;
  horizon?: number;
  offset?: number;
  limit?: number;
}

export interface AssetPage {
  assets: Asset[];
  total: number;
}

export interface AddResult {
  fileName: string;
  asset: Asset | null;
  duplicateOf: Asset | null;
  skipped: boolean;
}

export interface LicenceWarning {
  assetId: number;
  assetTitle: string;
  expiry: string;
  campaignId: number;
  campaign: string;
  endDate: string;
}
