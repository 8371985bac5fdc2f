// stopword 3 ships no types; the two exports Waymark uses.
declare module "stopword" {
  /** The English stopword list. */
  export const eng: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
