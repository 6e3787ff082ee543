// Types of the contracts area, generated from the Go domain (see types.ts).
import type { BillingCycle, Contract, ContractStatus, Vendor, VendorCategory } from './generated';

export type {
  BillingCycle,
  Contract,
  ContractChange,
  ContractDate,
  ContractFigures,
  ContractOverview,
  ContractStatus,
  DigestEntry,
  NamedAmount,
  Reminder,
  ReminderKind,
  RenewalSchedule,
  Vendor,
  VendorCategory,
  /** A file kept with a contract. */
  Document as ContractDocument,
} from './generated';

export const vendorCategories = [
  'crm',
  'email',
  'marketing_automation',
  'analytics',
  'ads',
  'design',
  'social',
  'data',
  'other',
] as const satisfies readonly VendorCategory[];

export type VendorInput = Pick<Vendor, 'name' | 'website' | 'category' | 'contacts' | 'notes'>;

export const billingCycles = ['monthly', 'quarterly', 'annual', 'multi_year', 'one_off'] as const satisfies readonly BillingCycle[];
export const contractStatuses = ['trial', 'active', 'cancelling', 'ended'] as const satisfies readonly ContractStatus[];

/** The fields of a contract a user edits; without an ownerId the backend finds the member by the owner's name. */
export type ContractInput = Omit<
  Contract,
  'id' | 'version' | 'vendorName' | 'teamName' | 'categoryName' | 'schedule' | 'overSeats' | 'createdAt' | 'updatedAt' | 'ownerId'
> & { ownerId?: number };
