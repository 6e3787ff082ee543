// Types of the spreadsheet importer (backend/sheet, backend/api/imports.go),
// generated from Go (see types.ts).
import type { Options } from './generated';

export type {
  FieldType,
  ImportKind,
  ImportPreview,
  ImportProfile,
  ImportRequest,
  ImportRow,
  ImportRun,
  PendingImport,
  /** ImportColumn is one column of the table as mapped. */
  Column as ImportColumn,
  /** DateOrder is how a column writes dates whose day and month could be swapped. */
  Order as DateOrder,
  /** ImportField is one field of a kind, as the mapping offers it. */
  Field as ImportField,
  /** ImportOptions are the user's choices for an import. */
  Options as ImportOptions,
  /** ImportProblem is a cell that cannot be imported, or text left out (a message key and its params). */
  Problem as ImportProblem,
  /** ImportQuestion asks the day/month order of an ambiguous date column. */
  Question as ImportQuestion,
} from './generated';

/** ImportKindKey names what a spreadsheet can hold, in the order the import page offers them. */
export type ImportKindKey = 'campaigns' | 'deliverables' | 'budget' | 'spend' | 'vendors' | 'contracts' | 'assets' | 'results';
export const importKinds: ImportKindKey[] = ['campaigns', 'deliverables', 'budget', 'spend', 'vendors', 'contracts', 'assets', 'results'];

/**
 * ImportChoices are the options the import page has set so far; the ones
 * it may leave out, Go takes as their zero value.
 */
export type ImportChoices = Omit<Options, OptionalChoice> & Partial<Pick<Options, OptionalChoice>>;
type OptionalChoice = 'excludeAt' | 'sheets' | 'convertBudget' | 'labels';
