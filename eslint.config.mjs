// Lint is part of the house: typescript-eslint, the Next.js rules, the rules of hooks, and
// drizzle's guard against a delete or update that forgot its `where` (RLS would limit the
// damage to one organization, but that organization would lose every row).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Every name a database handle or transaction goes by in this code base (`t.db` in tests
// matches through its last segment).
const drizzleObjectName = ["db", "tx", "orgTx", "sp", "trx"];

export default tseslint.config(
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName }],
    },
  },
  {
    // Build and tool configs run in Node.
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly" } },
  },
  {
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, positional args).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
);
