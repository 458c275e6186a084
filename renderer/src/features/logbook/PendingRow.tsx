// A logbook row whose page is not loaded yet: a light line that asks for its page once it
// has stayed on screen a moment, so a page flown past while dragging the scroll bar is
// never fetched. The store drops duplicate asks and answers for an older filter.
import { useEffect } from 'react';
import { Skeleton, Typography } from 'antd';
import { useLogbookStore } from '../../stores/logbook';

/** How long a placeholder stays in view before its page is asked for. */
const SETTLE_MS = 80;

/** A line of a loaded row, so the row looks the same size while its page comes. */
const LINE_HEIGHT = 22;

export function PendingDate() {
  return (
    <div style={{ height: LINE_HEIGHT, display: 'flex', alignItems: 'center' }}>
      <Skeleton.Input active size="small" style={{ width: 80, minWidth: 80, height: 16 }} />
    </div>
  );
}

export function PendingRow({ page }: { page: number }) {
  const ensurePage = useLogbookStore((s) => s.ensurePage);
  // A reload keeps the placeholders in place; asking again after it fetches the new page.
  const shown = useLogbookStore((s) => s.shown);
  useEffect(() => {
    const timer = setTimeout(() => ensurePage(page), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [page, shown, ensurePage]);
  return (
    <Typography.Text type="secondary" data-testid="row-pending">
      Đang tải…
    </Typography.Text>
  );
}
