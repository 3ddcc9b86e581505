/**
 * Which rows of a table the employee asking may reach, as an SQL condition on that table's own
 * columns (the row scope of the permission matrix), or null for every row. Domain services that
 * read other rows for someone take it, so a report never shows what the employee's lists would not.
 */
export interface CallerScope {
  rowCondition(table: string): string | null;
}

/** The system's own runs (schedules, the demo load) see every row, and say so by name. */
export const SYSTEM_SCOPE: CallerScope = { rowCondition: () => null };

/** `alias.id IN (rows of table the caller may reach)`, or TRUE when the caller reaches them all. */
export function reachable(scope: CallerScope, table: string, idColumn: string): string {
  const condition = scope.rowCondition(table);
  return condition === null ? 'TRUE' : `${idColumn} IN (SELECT id FROM ${table} WHERE ${condition})`;
}
