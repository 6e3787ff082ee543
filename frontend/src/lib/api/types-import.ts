// Types of the spreadsheet importer (backend/sheet, backend/api/imports.go).

export type ImportKindKey = 'campaigns' | 'deliverables' | 'budget' | 'spend' | 'vendors' | 'contracts' | 'assets';
export const importKinds: ImportKindKey[] = ['campaigns', 'deliverables', 'budget', 'spend', 'vendors', 'contracts', 'assets'];

export type FieldType = 'text' | 'date' | 'money' | 'int' | 'bool' | 'list' | 'enum' | 'id';
export type DateOrder = '' | 'dmy' | 'mdy';

export interface ImportField {
  key: string;
  type: FieldType;
  required: boolean;
  choices?: string[];
}

export interface ImportKind {
  key: ImportKindKey;
  fields: ImportField[];
}

/** PendingImport is a spreadsheet kept for preview and commit. */
export interface PendingImport {
  token: string;
  name: string;
  size: number;
}

export interface ImportOptions {
  kind: ImportKindKey | '';
  sheet: string;
  headerRow: number;
  /** column key → field ('' leaves the column out); null maps automatically. */
  mapping: Record<string, string> | null;
  constants: Record<string, string>;
  orders: Record<string, DateOrder>;
  currency: string;
  /** cell ("C7") → replacement text */
  fixes: Record<string, string>;
  exclude: number[];
  /** Rows left out of an import of several sheets, as "Sheet!row". */
  excludeAt?: string[];
  wideRows: string[] | null;
  year: number;
  /** Calendar grids with a sheet per month: the sheets to import (null: all). */
  sheets?: string[] | null;
  dateOrder: DateOrder;
  /** A budget in another currency, converted at the workspace's rates. */
  convertBudget?: boolean;
  skipProblems: boolean;
  /** The fields' names in the user's language, recognised as headers. */
  labels?: Record<string, string>;
}

export interface ImportColumn {
  key: string;
  header: string;
  hidden: boolean;
  field: string;
  by: 'header' | 'content' | 'user' | 'fixed' | 'none';
  sample: string[];
}

export interface ImportQuestion {
  column: string;
  header: string;
  examples: string[];
}

export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  field: string;
  value: string;
  message: string;
  key: string;
  params?: Record<string, unknown>;
}

export interface ImportRow {
  row: number;
  /** The sheet, when rows come from several (a sheet per month). */
  sheet?: string;
  action: 'create' | 'update' | 'skip' | 'line';
  reason: string;
  values: Record<string, string>;
  problems: ImportProblem[] | null;
}

export interface ImportProfile {
  id: number;
  kind: ImportKindKey;
  name: string;
  headerKey: string;
  options: Partial<ImportOptions>;
  savedAt: string;
}

export interface ImportPreview {
  kind: ImportKindKey;
  sheet: string;
  sheets: string[];
  shape: 'table' | 'wide' | 'calendar';
  headerRow: number;
  firstColumn: number;
  columns: ImportColumn[];
  orders: Record<string, DateOrder>;
  questions: ImportQuestion[] | null;
  wideLabels: string[] | null;
  wideRows: string[] | null;
  missing: string[] | null;
  /** Values the importer gives fields no column holds and no value set for every row fills. */
  defaults: { field: string; value: string }[] | null;
  headerKey: string;
  /** Calendar grids: the workbook's grid sheets and those imported. */
  gridSheets: string[] | null;
  importSheets: string[] | null;
  /** The calendar names no year: ask for one (options.year). */
  yearNeeded: boolean;
  /** Text left out on purpose, with where it is (legends, notes). */
  skipped: ImportProblem[] | null;
  /** Why the kind was guessed (message key and params). */
  kindWhy: ImportProblem | null;
  fileName: string;
  fields: ImportField[];
  create: number;
  update: number;
  skip: number;
  problems: ImportProblem[] | null;
  problemsTotal: number;
  problemRows: number;
  rows: ImportRow[] | null;
  newNames: { kind: 'teams' | 'channels' | 'categories' | 'vendors' | 'fiscalYears'; name: string }[] | null;
  profile: ImportProfile | null;
  runId: number;
  /** A budget in another currency: spend in it, or budget converted. */
  currencyChoice: { currency: string; base: string; cells: number; hasRate: boolean } | null;
}

export interface ImportRun {
  id: number;
  kind: ImportKindKey;
  fileName: string;
  sheet: string;
  created: number;
  updated: number;
  skipped: number;
  at: string;
  undoneAt: string;
}

export interface ImportRequest {
  token: string;
  options: Partial<ImportOptions>;
}
