import type { DocumentMeta } from '../types.js';
import type { SearchFilters } from './types.js';

export function matchesFilters(doc: DocumentMeta, filters: SearchFilters | undefined): boolean {
  if (!filters) return true;
  if (filters.lang && doc.lang !== filters.lang) return false;
  if (filters.documents?.length && !filters.documents.includes(doc.id)) return false;
  if (filters.dateFrom && (!doc.date || doc.date < filters.dateFrom)) return false;
  if (filters.dateTo && (!doc.date || doc.date > filters.dateTo)) return false;
  if (filters.tags?.length) {
    const tags = new Set((doc.tags ?? []).map((t) => t.toLowerCase()));
    if (!filters.tags.some((t) => tags.has(t.toLowerCase()))) return false;
  }
  return true;
}
