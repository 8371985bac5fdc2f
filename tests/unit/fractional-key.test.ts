// Fractional order keys: a key strictly between any two, short keys for evenly spread
// items, and loud failures for keys that are not keys or are out of order.
import { describe, expect, it } from "vitest";
import { isOrderKey, keyBetween, spreadKeys } from "@/lib/fractional-key";

/** Byte order, as the database compares positions (COLLATE "C"). */
const byteOrder = (keys: string[]) => [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

function expectStrictlyIncreasing(keys: string[]) {
  for (const key of keys) expect(isOrderKey(key), key).toBe(true);
  for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!, `${keys[i - 1]} < ${keys[i]}`).toBe(true);
}

describe("isOrderKey", () => {
  it("accepts base-62 digits not ending in 0", () => {
    for (const key of ["V", "1", "z", "0V", "00001", "aZ9", "Zz"]) expect(isOrderKey(key), key).toBe(true);
  });

  it("refuses the empty string, a trailing 0, and anything but base-62 digits", () => {
    for (const key of ["", "0", "V0", "a b", "a-b", "é", "V\n", " V"]) expect(isOrderKey(key), JSON.stringify(key)).toBe(false);
  });
});

describe("keyBetween", () => {
  it("gives a key between two keys, before the first and after the last", () => {
    const first = keyBetween(null, null);
    const after = keyBetween(first, null);
    const before = keyBetween(null, first);
    const middle = keyBetween(before, first);
    expectStrictlyIncreasing([before, middle, first, after]);
  });

  it("finds room between adjacent digits and between a key and its extension", () => {
    for (const [a, b] of [["1", "2"], ["V", "W"], ["y", "z"], ["1", "11"], ["1", "1001"], ["0001", "1"], ["a", "aV"], ["az", "b"], ["zzz", null], [null, "0001"]] as const) {
      const key = keyBetween(a, b);
      expect(isOrderKey(key), `${a} < ${key} < ${b}`).toBe(true);
      if (a !== null) expect(a < key, `${a} < ${key}`).toBe(true);
      if (b !== null) expect(key < b, `${key} < ${b}`).toBe(true);
    }
  });

  it("keeps ordering through 1,000 inserts at the same spot: at the front, at the back, or into one gap", () => {
    for (const side of ["front", "back", "after the first"] as const) {
      const low = keyBetween(null, null);
      const high = keyBetween(low, null);
      const keys = [low, high];
      for (let i = 0; i < 1000; i++) {
        if (side === "front") keys.unshift(keyBetween(null, keys[0]!));
        else if (side === "back") keys.push(keyBetween(keys.at(-1)!, null));
        else keys.splice(1, 0, keyBetween(keys[0]!, keys[1]!));
      }
      expectStrictlyIncreasing(keys);
      expect(new Set(keys).size).toBe(keys.length);
      // Every insert bisects what room is left (the ends too), so keys grow by about one digit per 5–6 inserts at one spot.
      expect(Math.max(...keys.map((k) => k.length)), side).toBeLessThanOrEqual(1000 / 4);
    }
  });

  it("agrees with sorting: random inserts into a list stay in byte order", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
    }
    expect(byteOrder(keys)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("throws for keys that are not order keys, or not in order", () => {
    expect(() => keyBetween("V0", null)).toThrow(/Not an order key/);
    expect(() => keyBetween(null, "")).toThrow(/Not an order key/);
    expect(() => keyBetween("a-b", "c")).toThrow(/Not an order key/);
    expect(() => keyBetween("b", "a")).toThrow(/out of order/);
    expect(() => keyBetween("a", "a")).toThrow(/out of order/);
  });
});

describe("spreadKeys", () => {
  it("gives n increasing, distinct, short keys", () => {
    for (const n of [1, 2, 5, 50, 1000]) {
      const keys = spreadKeys(n);
      expect(keys).toHaveLength(n);
      expectStrictlyIncreasing(keys);
      // Bisection: about log62(n) + 1 digits.
      expect(Math.max(...keys.map((k) => k.length)), `n = ${n}`).toBeLessThanOrEqual(Math.ceil(Math.log(n + 1) / Math.log(62)) + 2);
    }
  });

  it("spreads between two keys, strictly inside them", () => {
    const keys = spreadKeys(20, "1", "2");
    expectStrictlyIncreasing(["1", ...keys, "2"]);
  });

  it("gives nothing for zero or fewer", () => {
    expect(spreadKeys(0)).toEqual([]);
    expect(spreadKeys(-3)).toEqual([]);
  });
});
