// Readable ASCII identifiers made from names: organization slugs, touchpoint keys and file
// names. "Café Olé!" → "cafe-ole".
export function kebabCase(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}
