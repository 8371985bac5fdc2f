// Webhook signatures (a vector computed with openssl, not with this code) and the address guard.
import { describe, expect, it } from "vitest";
import { addressRange, assertDeliverable, BlockedAddressError, guardedLookup } from "@/server/webhooks/address-guard";
import { signatureHeader, verifySignature } from "@/server/webhooks/signature";

// printf '%s' '1767225600.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
const VECTOR = "6d204545ff126a339c00513d93603299c984074ce1331c3537c3f6c976b49019";
const at = new Date("2026-01-01T00:00:00Z");

describe("webhook signature", () => {
  it("matches HMAC-SHA256 of '<t>.<body>'", () => {
    expect(signatureHeader("whsec_test", '{"a":1}', at)).toBe(`t=1767225600,v1=${VECTOR}`);
  });

  it.each([
    ["the signed body", '{"a":1}', `t=1767225600,v1=${VECTOR}`, 0, { ok: true }],
    ["a changed body", '{"a":2}', `t=1767225600,v1=${VECTOR}`, 0, { ok: false, reason: "mismatch" }],
    ["a changed timestamp", '{"a":1}', `t=1767225601,v1=${VECTOR}`, 0, { ok: false, reason: "mismatch" }],
    ["a replay 6 minutes later", '{"a":1}', `t=1767225600,v1=${VECTOR}`, 360, { ok: false, reason: "too_old" }],
    ["4 minutes later", '{"a":1}', `t=1767225600,v1=${VECTOR}`, 240, { ok: true }],
    ["one of two signatures (rotation)", '{"a":1}', `t=1767225600,v1=${"0".repeat(64)},v1=${VECTOR}`, 0, { ok: true }],
    ["no timestamp", '{"a":1}', `v1=${VECTOR}`, 0, { ok: false, reason: "malformed" }],
    ["garbage", '{"a":1}', "hello", 0, { ok: false, reason: "malformed" }],
  ])("verifies %s", (_, body, header, secondsLater, expected) => {
    expect(verifySignature("whsec_test", body, header, new Date(at.getTime() + secondsLater * 1000))).toEqual(expected);
  });
});

describe("address guard", () => {
  it.each([
    ["93.184.215.14", "unicast"],
    ["2606:4700:4700::1111", "unicast"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["fd00::1", "uniqueLocal"],
    ["0.0.0.0", "unspecified"],
    ["100.64.0.1", "carrierGradeNat"],
    ["::ffff:127.0.0.1", "loopback"],
    ["not an address", "invalid"],
  ])("%s is %s", (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it("refuses everything but public unicast unless the operator allows private addresses", () => {
    expect(() => assertDeliverable("169.254.169.254", { allowPrivate: false })).toThrow(BlockedAddressError);
    expect(() => assertDeliverable("93.184.215.14", { allowPrivate: false })).not.toThrow();
    expect(() => assertDeliverable("127.0.0.1", { allowPrivate: true })).not.toThrow();
  });

  it("refuses at connection time a host that resolves to loopback", async () => {
    const lookup = guardedLookup({ allowPrivate: false });
    const error = await new Promise((resolve) => lookup("localhost", {}, (err) => resolve(err)));
    expect(error).toBeInstanceOf(BlockedAddressError);
  });
});
