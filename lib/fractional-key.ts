// Fractional order keys: strings that sort in byte order, with a key between any two.
// Moving an item writes only that item's key, so concurrent moves of different items
// never rewrite each other's rows. Keys are base-62 fractions (0.d1d2…) that never end
// in "0", so there is always room for another key below.
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE = DIGITS.length;
const VALID = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isOrderKey(key: string): boolean {
  return VALID.test(key);
}

function digit(key: string, index: number): number {
  const char = key[index];
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

/** A key strictly between a and b; null means "before everything" / "after everything". */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && !isOrderKey(a)) throw new Error(`Not an order key: ${a}`);
  if (b !== null && !isOrderKey(b)) throw new Error(`Not an order key: ${b}`);
  if (a !== null && b !== null && a >= b) throw new Error(`Order keys out of order: ${a} >= ${b}`);
  return midpoint(a ?? "", b);
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Shared leading digits (a padded with zeros) stay as they are.
    let n = 0;
    while (n < b.length && digit(a, n) === digit(b, n)) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const low = digit(a, 0);
  const high = b !== null ? digit(b, 0) : BASE;
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)]!;
  // Adjacent digits: b's first digit alone is between them when b has more digits.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[low]! + midpoint(a.slice(1), null);
}

/** n keys in order between a and b, by bisection so they stay short (templates, imports). */
export function spreadKeys(n: number, a: string | null = null, b: string | null = null): string[] {
  if (n <= 0) return [];
  const middle = Math.floor(n / 2);
  const key = keyBetween(a, b);
  return [...spreadKeys(middle, a, key), key, ...spreadKeys(n - middle - 1, key, b)];
}
