// What a spreadsheet file is by its name, without loading a reader: the command line asks it
// of every file it is given.

export function sheetKind(fileName: string): 'xlsx' | 'csv' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}
