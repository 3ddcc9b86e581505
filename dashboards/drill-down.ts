/**
 * What the user clicked on the dashboard, carried to the list it opens (in the history entry's
 * state, not the URL: the list's API sees only its filters). The list shows it above its rows, so
 * the figure on the chart and the count of the list can be compared at a glance.
 */
export interface Figure {
  /** The chart's or card's title. */
  chart: string;
  /** What the chart said about the element: its name, its value, its count (the tooltip's lines). */
  lines: string[];
}

export interface DrillDownState {
  drillDown: Figure;
}

export function drillDownOf(state: unknown): Figure | null {
  const figure = (state as Partial<DrillDownState> | null)?.drillDown;
  return figure && typeof figure.chart === 'string' && Array.isArray(figure.lines) ? figure : null;
}
