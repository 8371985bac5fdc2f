// The address the server would derive from an organization name, shown as the slug
// field's placeholder. Mirrors slugify() in server/services/organizations.ts (which stays
// authoritative and also resolves collisions); this copy only previews it in the browser.
export function previewSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 2 ? base : `org-${base || "new"}`;
}
