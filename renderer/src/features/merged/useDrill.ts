// Loads a drill-down: the total, the offices behind it and the first window of activities,
// then further windows on "Xem thêm". A commune asked for on screen (flagged communes) is
// filtered here from its office's flagged activities, fetched in one large window.
import { useCallback, useEffect, useState } from 'react';
import type { ReportSubject } from '../../../../shared/domain';
import type { Drill, DrillActivity } from '../../../../shared/inbox';
import { api, errorMessage } from '../../api';
import { drillInput, type DrillQuery } from '../../lib/drill';
import { followRequest } from '../../lib/followRequest';

export const DRILL_PAGE = 500;
const COMMUNE_WINDOW = 5000;

export interface DrillView {
  drill: Drill | null;
  activities: DrillActivity[];
  /** Activities behind the total (for a commune: those of the commune). */
  total: number;
  loading: boolean;
  error: string | null;
  more: (() => void) | null;
}

export function useDrill(
  period: string,
  subject: ReportSubject,
  query: DrillQuery | null,
): DrillView {
  const [drill, setDrill] = useState<Drill | null>(null);
  const [activities, setActivities] = useState<DrillActivity[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!query) return undefined;
    setDrill(null);
    setActivities([]);
    setLoading(true);
    setError(null);
    const limit = query.commune ? COMMUNE_WINDOW : DRILL_PAGE;
    const input = { ...drillInput(period, query), subject, offset: 0, limit };
    return followRequest(api['inbox:drill'](input), {
      data: (d) => {
        setDrill(d);
        setActivities(d.activities);
      },
      error: setError,
      settled: () => setLoading(false),
    });
  }, [period, subject, query]);

  const loadMore = useCallback(() => {
    if (!query) return;
    setLoading(true);
    api['inbox:drill']({
      ...drillInput(period, query),
      subject,
      offset: activities.length,
      limit: DRILL_PAGE,
    })
      .then((d) => setActivities((prev) => [...prev, ...d.activities]))
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [period, subject, query, activities.length]);

  const shown = query?.commune
    ? activities.filter((a) => a.communes.includes(query.commune ?? ''))
    : activities;
  const total = query?.commune ? shown.length : (drill?.total.activities ?? 0);
  const canMore = !query?.commune && drill !== null && activities.length < total;
  return {
    drill,
    activities: shown,
    total,
    loading,
    error,
    more: canMore ? loadMore : null,
  };
}
