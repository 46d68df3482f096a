/**
 * Reads CSV text into header-keyed rows with their line numbers; rows the parser cannot read (wrong
 * column count, a quote never closed) come back as errors with the line they start on.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvResult {
  columns: string[];
  rows: CsvRow[];
  errors: { line: number; reason: string }[];
}

interface CsvErrorLike {
  code?: string;
  lines?: number;
  message?: string;
}

export function readCsv(text: string): CsvResult {
  const errors: CsvResult['errors'] = [];
  let lastEnd = 1;
  const records = parse(text.replace(/^\uFEFF/, ''), {
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    trim: false,
    on_skip: (err: CsvErrorLike | undefined) => {
      const end = err?.lines ?? lastEnd + 1;
      if (err?.code === 'CSV_QUOTE_NOT_CLOSED') {
        errors.push({ line: lastEnd + 1, reason: `a quote opened here is never closed; lines ${lastEnd + 1}-${end} could not be read` });
      } else if (err?.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || err?.code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') {
        errors.push({ line: end, reason: 'wrong number of columns' });
      } else {
        errors.push({ line: end, reason: err?.message ?? 'unreadable row' });
      }
      lastEnd = end;
      return undefined;
    },
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const rows: CsvRow[] = records.map(({ record, info }) => {
    lastEnd = info.lines;
    return { line: info.lines, values: record };
  });
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return { columns, rows, errors: errors.sort((a, b) => a.line - b.line) };
}
