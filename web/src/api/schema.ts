// Names for the generated API types (schema.gen.ts, from /api/openapi.json). The server's route
// schemas have no `$id`, so their types sit inline under `paths`; these helpers reach them.
import type { paths } from './schema.gen';

export type { paths } from './schema.gen';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON body of a response (200 unless another status is named). */
export type ResponseOf<P extends keyof paths, M extends Method = 'get', S extends number = 200> =
  Op<P, M> extends { responses: infer R }
    ? R extends { [K in S]: { content: { 'application/json': infer T } } }
      ? T
      : never
    : never;

/** The JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends Method = 'post'> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

/**
 * The query string parameters of an operation. All may be left out: the document lists parameters
 * with a server-side default (limit, offset) as required, but the server fills them in.
 */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = Partial<
  NonNullable<Op<P, M> extends { parameters: { query?: infer Q } } ? Q : never>
>;

/** An element of a list type. */
export type Item<T> = T extends readonly (infer E)[] ? E : never;

/**
 * A runtime list of a generated union's values (for selects and filters), checked both ways at compile
 * time: every entry satisfies `readonly U[]`, and a member of U the list lacks — a value the server
 * added — fails the web typecheck, naming the missing value.
 */
export const allOf =
  <U extends string>() =>
  <const L extends readonly U[]>(
    list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : { missing: Exclude<U, L[number]> }),
  ): L =>
    list;

/** A list answer whose items the web names more closely (fields the document gives as any JSON). */
export type WithItems<L extends { items: readonly unknown[] }, T> = Omit<L, 'items'> & { items: T[] };
