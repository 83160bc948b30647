/** Escapes LIKE wildcards in user input, so a search for "50%" matches the text, not a pattern. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for a "contains" search. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;
