// Apart from docx.ts, whose 'docx' library loads with the first Word file, not at start.

/**
 * The appendix lists at most this many activities. A quarter of 50,000 would be some 1,500
 * printed pages that nobody signs or reads (and the document model would not fit in
 * memory); past the limit the appendix says how many it shows, and the full list travels
 * in the period's data file.
 */
export const APPENDIX_LIMIT = 2000;
