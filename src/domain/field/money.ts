// Integer money arithmetic in fen (分): amounts stay exact integers, rounding is half-up.

/** The value itself when it is a non-negative safe integer; RangeError otherwise (also on overflow). */
export const safeFen = (v: number, what: string): number => {
  if (!Number.isSafeInteger(v) || v < 0)
    throw new RangeError(`${what} must be a non-negative safe integer: ${v}`);
  return v;
};

/** a × b / c rounded half-up, exact for non-negative integers (BigInt: a × b may pass 2^53). */
export const mulDivRound = (a: number, b: number, c: number): number => {
  const [x, y, z] = [BigInt(safeFen(a, 'a')), BigInt(safeFen(b, 'b')), BigInt(safeFen(c, 'c'))];
  if (z === 0n) throw new RangeError('division by zero');
  return safeFen(Number((2n * x * y + z) / (2n * z)), 'result');
};
