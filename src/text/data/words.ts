/** Splits a whitespace-separated word list (the form the data files here keep their lists in). */
export const words = (list: string): string[] => list.trim().split(/\s+/);
