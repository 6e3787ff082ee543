// Types of the asset library area, generated from the Go domain (see types.ts).
import type { AssetFilter as GoAssetFilter, AssetType, Input } from './generated';

export type {
  AddResult,
  Asset,
  AssetBulkResult,
  AssetPage,
  AssetType,
  AssetVersion,
  DuplicateChoice,
  Licence,
  LicenceState,
  LicenceWarning,
  RecordVersion,
} from './generated';

export const assetTypes = ['logo', 'image', 'video', 'audio', 'document', 'copy', 'template', 'other'] as const satisfies readonly AssetType[];

/** An asset filter as the views build it: any field may be left out ('' for any type or licence state). */
export type AssetFilter = Input<GoAssetFilter>;
