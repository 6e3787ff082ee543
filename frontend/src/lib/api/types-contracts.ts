// Types of the contracts area, mirroring the Go domain in backend/.
import type { Money, FXRate } from './types';

export const vendorCategories = ['crm', 'email', 'marketing_automation', 'analytics', 'ads', 'design', 'social', 'data', 'other'] as const;
export type VendorCategory = (typeof vendorCategories)[number];

export interface Vendor {
  id: number;
  name: string;
  website: string;
  category: VendorCategory;
  contacts: string;
  notes: string;
  contracts: number;
  createdAt: string;
  updatedAt: string;
}

export type VendorInput = Pick<Vendor, 'name' | 'website' | 'category' | 'contacts' | 'notes'>;

export const billingCycles = ['monthly', 'quarterly', 'annual', 'multi_year', 'one_off'] as const;
export type BillingCycle = (typeof billingCycles)[number];
export const contractStatuses = ['trial', 'active', 'cancelling', 'ended'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export interface Reminder {
  kind: 'cancel' | 'renewal';
  daysBefore: number;
}

export interface RenewalSchedule {
  nextRenewal: string;
  cancelBy: string;
  cancelFor: string;
  late: boolean;
}

export interface Contract {
  id: number;
  vendorId: number;
  vendorName: string;
  product: string;
  owner: string;
  teamId: number;
  teamName: string;
  categoryId: number;
  categoryName: string;
  cost: Money;
  billingCycle: BillingCycle;
  startDate: string;
  termMonths: number;
  renewalDate: string;
  autoRenew: boolean;
  noticeDays: number;
  seatsPurchased: number;
  seatsUsed: number;
  status: ContractStatus;
  dpaSigned: boolean;
  securityReviewDone: boolean;
  securityReviewDate: string;
  dataLocation: string;
  notes: string;
  reminders: Reminder[];
  schedule: RenewalSchedule;
  overSeats: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ContractInput = Omit<
  Contract,
  'id' | 'vendorName' | 'teamName' | 'categoryName' | 'schedule' | 'overSeats' | 'createdAt' | 'updatedAt'
>;

export interface ContractChange {
  at: string;
  cost: Money;
  billingCycle: BillingCycle;
  seatsPurchased: number;
  seatsUsed: number;
}

export interface DigestEntry {
  contractId: number;
  /** Set for an asset licence that runs out (kind "licence"). */
  assetId: number;
  vendor: string;
  product: string;
  owner: string;
  kind: 'cancel' | 'renewal' | 'licence';
  date: string;
  remindOn: string;
  due: boolean;
  cost: Money;
}

export interface ContractFigures {
  contractId: number;
  annualised: number | null;
  costPerSeat: number | null;
  utilisationBasisPoints: number | null;
  underused: boolean;
  missingRate: FXRate | null;
  /** The planning rate used when this month has no rate of its own. */
  assumedRate: FXRate | null;
}

export interface NamedAmount {
  name: string;
  amount: number;
}

export interface ContractOverview {
  currency: string;
  figures: ContractFigures[];
  byCategory: NamedAmount[];
  byTeam: NamedAmount[];
  total: number;
}

export interface ContractDate {
  contractId: number;
  vendor: string;
  product: string;
  kind: 'cancel' | 'renewal';
  date: string;
}

export interface ContractDocument {
  id: number;
  contractId: number;
  name: string;
  sha256: string;
  size: number;
  contentType: string;
  addedAt: string;
}
