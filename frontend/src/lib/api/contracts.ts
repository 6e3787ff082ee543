import { call, transport } from './client';
import type { Contract, ContractChange, ContractDocument, ContractInput, ContractOverview, DigestEntry, Vendor, VendorInput } from './types';

export function findVendors(): Promise<Vendor[]> {
  return call('Vendors.Find');
}
export function getVendor(id: number): Promise<Vendor> {
  return call('Vendors.Get', id);
}
export function createVendor(v: VendorInput): Promise<Vendor> {
  return call('Vendors.Create', v);
}
export function updateVendor(id: number, version: number, v: VendorInput): Promise<Vendor> {
  return call('Vendors.Update', id, { ...v, version });
}
export function deleteVendor(id: number, version: number): Promise<void> {
  return call('Vendors.Delete', id, version);
}

/** findContracts lists a vendor's contracts, or all for 0. */
export function findContracts(vendorId = 0): Promise<Contract[]> {
  return call('Contracts.Find', vendorId);
}
export function getContract(id: number): Promise<Contract> {
  return call('Contracts.Get', id);
}
export function createContract(c: ContractInput): Promise<Contract> {
  return call('Contracts.Create', c);
}
export function updateContract(id: number, version: number, c: ContractInput): Promise<Contract> {
  return call('Contracts.Update', id, { ...c, version });
}
export function deleteContract(id: number, version: number): Promise<void> {
  return call('Contracts.Delete', id, version);
}
export function contractHistory(id: number): Promise<ContractChange[]> {
  return call('Contracts.History', id);
}
/** contractDigest lists contract dates due within horizonDays, soonest first. */
export function contractDigest(horizonDays: number): Promise<DigestEntry[]> {
  return call('Contracts.Digest', horizonDays);
}
export function contractOverview(): Promise<ContractOverview> {
  return call('Contracts.Overview');
}

export function findDocuments(contractId: number): Promise<ContractDocument[]> {
  return call('Documents.Find', contractId);
}
export function deleteDocument(id: number): Promise<void> {
  return call('Documents.Delete', id);
}
/** addContractDocuments asks the user for files and keeps them with the contract. */
export async function addContractDocuments(contractId: number): Promise<ContractDocument[]> {
  return transport().addFiles(contractId);
}
/** openDocument opens a document with the system's app, or downloads it in a browser. */
export function openDocument(id: number): Promise<void> {
  return transport().openDocument(id);
}
