/**
 * Filters a list understands beyond its columns, registered by the domain (src/domain/figures):
 * `filters.figure=revenue` on orders keeps exactly the orders the revenue figure counts, so a
 * dashboard's drill-down, the list and an export all use the figure's one definition. A condition
 * is SQL over the table's own columns; its value comes from the request, so a filter must only
 * ever put it in through `quote` (or refuse it by answering null).
 */
export type SqlLiteral = (value: string) => string;

export interface ListFilters {
  /** Named filters: the value the URL gives → a condition, or null when the value means nothing (no row matches). */
  virtual?: Record<string, (value: unknown, quote: SqlLiteral) => string | null>;
  /** Conditions every list and search of the table applies unless the request filters on `unless`. */
  defaults?: Array<{ unless: string; condition: string }>;
}

const registry = new Map<string, ListFilters>();

export function registerListFilters(table: string, filters: ListFilters): void {
  registry.set(table, filters);
}

export function listFiltersOf(table: string): ListFilters {
  return registry.get(table) ?? {};
}
