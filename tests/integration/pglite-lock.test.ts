// PGlite has no cross-process lock: a second opener of the same data directory must be
// refused with a clear message instead of corrupting it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openPglite } from "@/db/client";

const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "waymark-lock-")), "pglite");
afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

describe("embedded database lock", () => {
  it("refuses a second process while the first holds the directory, and frees it on close", async () => {
    const first = await openPglite({ dir, role: "owner" });
    const lockFile = `${path.resolve(dir)}.lock`;
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.pid));

    // Pretend another live process holds the lock: our parent process (alive, not us).
    fs.writeFileSync(lockFile, String(process.ppid));
    await expect(openPglite({ dir, role: "owner" })).rejects.toThrow(DatabaseLockedError);
    await expect(openPglite({ dir, role: "owner" })).rejects.toThrow(/already open by another process/);
    fs.writeFileSync(lockFile, String(process.pid));

    await first.close();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(`${path.resolve(dir)}.lock`, dead);
    const reopened = await openPglite({ dir, role: "owner" });
    await reopened.close();
  });
});
