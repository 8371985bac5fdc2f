// The tenancy rules of ARCHITECTURE.md, read back from pg_catalog after the migrations:
// RLS forced with a policy on every tenant table, organization_id in every key and in every
// foreign key between tenant tables, and an application role that cannot get around it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_DB_ROLE } from "@/db/constants";
import { databaseError, tenantTables, textArray } from "../helpers/catalog";
import { createTestDatabase, queryRows, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let tenant: string[];
beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await tenantTables(t.db);
});
afterAll(() => t.close());

describe("tenant tables", () => {
  it("are found, including every tenant table the foundation defines", () => {
    expect(tenant.length).toBeGreaterThan(0);
    expect(tenant).toEqual(expect.arrayContaining(["memberships", "invitations", "teams", "team_members", "audit_events"]));
    // Global tables stay global.
    expect(tenant).not.toEqual(expect.arrayContaining(["users"]));
    expect(tenant).not.toContain("organizations");
  });

  it("have row-level security enabled and forced, with the tenant_isolation policy", async () => {
    const rows = await queryRows<{ relname: string; enabled: boolean; forced: boolean; qual: string | null; check: string | null; cmd: string | null }>(
      t.db,
      sql`select c.relname, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                 pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check,
                 p.polcmd::text as cmd
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          left join pg_policy p on p.polrelid = c.oid and p.polname = 'tenant_isolation'
          where n.nspname = 'public' and c.relname = any(${textArray(tenant)})`,
    );
    expect(rows.map((r) => r.relname).sort()).toEqual(tenant);
    for (const row of rows) {
      expect({ table: row.relname, enabled: row.enabled, forced: row.forced }).toEqual({ table: row.relname, enabled: true, forced: true });
      expect(row.cmd, `${row.relname} needs a tenant_isolation policy for all commands`).toBe("*");
      for (const expr of [row.qual, row.check]) {
        expect(expr, row.relname).toMatch(/organization_id = \(?NULLIF\(current_setting\('app\.org_id'::text, true\), ''::text\)\)?::uuid/i);
      }
    }
  });

  it("have no other policy that could widen writes (extra policies are read-only)", async () => {
    const rows = await queryRows<{ relname: string; polname: string; cmd: string; permissive: boolean }>(
      t.db,
      sql`select c.relname, p.polname, p.polcmd::text as cmd, p.polpermissive as permissive
          from pg_policy p join pg_class c on c.oid = p.polrelid
          where c.relname = any(${textArray(tenant)}) and p.polname <> 'tenant_isolation'`,
    );
    for (const row of rows) expect(`${row.relname}.${row.polname}: ${row.cmd}`).toBe(`${row.relname}.${row.polname}: r`);
    expect(rows.map((r) => `${r.relname}.${r.polname}`)).toContain("memberships.memberships_own_rows");
  });

  it("lead their primary key, unique constraints and unique indexes with organization_id", async () => {
    const rows = await queryRows<{ relname: string; index: string; primary: boolean; has_org: boolean }>(
      t.db,
      sql`select c.relname, i.indexrelid::regclass::text as index, i.indisprimary as primary,
                 a.attnum = any(i.indkey::int2[]) as has_org
          from pg_index i
          join pg_class c on c.oid = i.indrelid
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id'
          where i.indisunique and c.relname = any(${textArray(tenant)}) and c.relnamespace = 'public'::regnamespace`,
    );
    const withPrimaryKey = new Set(rows.filter((r) => r.primary).map((r) => r.relname));
    expect([...withPrimaryKey].sort()).toEqual(tenant);
    expect(rows.filter((r) => !r.has_org).map((r) => r.index)).toEqual([]);

    const constraints = await queryRows<{ conname: string; has_org: boolean }>(
      t.db,
      sql`select k.conname, a.attnum = any(k.conkey) as has_org
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id'
          where k.contype in ('p', 'u', 'x') and c.relname = any(${textArray(tenant)}) and c.relnamespace = 'public'::regnamespace`,
    );
    expect(constraints.length).toBeGreaterThanOrEqual(tenant.length);
    expect(constraints.filter((k) => !k.has_org).map((k) => k.conname)).toEqual([]);
  });

  it("reference each other only through organization_id (and global tables never reference them)", async () => {
    const rows = await queryRows<{ conname: string; source: string; target: string; source_pos: number | null; target_pos: number | null }>(
      t.db,
      sql`select k.conname, src.relname as source, dst.relname as target,
                 array_position(k.conkey, sa.attnum) as source_pos, array_position(k.confkey, da.attnum) as target_pos
          from pg_constraint k
          join pg_class src on src.oid = k.conrelid
          join pg_class dst on dst.oid = k.confrelid
          left join pg_attribute sa on sa.attrelid = src.oid and sa.attname = 'organization_id' and not sa.attisdropped
          left join pg_attribute da on da.attrelid = dst.oid and da.attname = 'organization_id' and not da.attisdropped
          where k.contype = 'f' and src.relnamespace = 'public'::regnamespace`,
    );
    const between = rows.filter((r) => tenant.includes(r.source) && tenant.includes(r.target));
    expect(between.map((r) => r.conname)).toEqual(expect.arrayContaining(["team_members_team_fk", "team_members_membership_fk"]));
    // organization_id must map onto the referenced table's organization_id, at the same position.
    const broken = between.filter((r) => r.source_pos === null || r.source_pos !== r.target_pos).map((r) => r.conname);
    expect(broken).toEqual([]);
    const intoTenant = rows.filter((r) => !tenant.includes(r.source) && tenant.includes(r.target)).map((r) => r.conname);
    expect(intoTenant).toEqual([]);
  });
});

describe("the application role", () => {
  it("is the role the db handle runs as", async () => {
    const [row] = await queryRows<{ user: string }>(t.db, sql`select current_user as user`);
    expect(row?.user).toBe(APP_DB_ROLE);
  });

  it("is not superuser, cannot bypass RLS, and inherits neither from another role", async () => {
    const rows = await queryRows<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      t.db,
      sql`select rolname, rolsuper, rolbypassrls from pg_roles where pg_has_role(current_user, oid, 'USAGE')`,
    );
    expect(rows.map((r) => r.rolname)).toContain(APP_DB_ROLE);
    expect(rows.filter((r) => r.rolsuper || r.rolbypassrls)).toEqual([]);
  });

  it("owns no relation, type, function or schema (owners bypass RLS unless forced, and can alter it)", async () => {
    const [row] = await queryRows<{ relations: number; types: number; functions: number; schemas: number }>(
      t.db,
      sql`select
            (select count(*) from pg_class where relowner = r.oid)::int as relations,
            (select count(*) from pg_type where typowner = r.oid)::int as types,
            (select count(*) from pg_proc where proowner = r.oid)::int as functions,
            (select count(*) from pg_namespace where nspowner = r.oid)::int as schemas
          from pg_roles r where r.rolname = current_user`,
    );
    expect(row).toEqual({ relations: 0, types: 0, functions: 0, schemas: 0 });
  });

  it("cannot run the function that (re)applies the tenant rules", async () => {
    const error = await databaseError(t.db.execute(sql`select waymark_secure_tenant_tables()`));
    expect(error).toMatchObject({ code: "42501", message: expect.stringMatching(/permission denied/) });
  });
});
