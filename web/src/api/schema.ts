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
