// The logbook's paging, known to the engine and the renderer alike. No schema code here:
// the renderer's first screen loads this file.

/** Rows per page of the logbook: a few screens, read in a few milliseconds. */
export const LOGBOOK_PAGE_SIZE = 200;

/**
 * The logbook's first request when no filter is chosen, as the renderer sends it: what the
 * engine reads ahead while the window loads (Core.prepare).
 */
export const LOGBOOK_OPENING = { deleted: false, pageSize: LOGBOOK_PAGE_SIZE } as const;
