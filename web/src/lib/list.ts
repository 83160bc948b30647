// What the generic list UI (CrudPage, fetchAll, local paging) needs of a list answer and its rows.
// Every list the API answers has this shape; each page passes its generated type, which fits.

/** A list answer: the page's items and the total. */
export type Page<T> = { items: T[]; total: number };

/** A row that can be edited: its id and the version that guards against lost updates. */
export type Versioned = { id: string; version: number };
