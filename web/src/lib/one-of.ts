/**
 * The value as a member of `list`, or undefined when it is not one. For the response fields the API
 * document gives as plain strings although the request takes an enum (a customer's kind, a survey's
 * status): a form starts from the answer and must send an enum value back.
 */
export const oneOf = <T extends string>(
  list: readonly T[],
  value: string | null | undefined,
): T | undefined => list.find((v) => v === value);
