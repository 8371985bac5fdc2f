// Joins class names, skipping the falsy ones, so components can add conditional classes.
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
