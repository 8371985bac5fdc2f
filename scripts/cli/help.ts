// help — every command with its options, read from the registry so it cannot fall behind.
import { defineCommand, type Command } from "./command";

export function helpText(commands: readonly Command[]): string[] {
  const lines = ["Usage: npm run waymark -- <command> [options]", "", "Commands:"];
  for (const command of commands) {
    lines.push("", `  ${command.name}  ${command.summary}`);
    for (const [name, spec] of Object.entries(command.options)) {
      const flag = `--${name}${spec.type === "string" ? ` <${spec.placeholder ?? "value"}>` : ""}`;
      lines.push(`      ${flag.padEnd(34)}${spec.required ? "" : "(optional) "}${spec.description}`);
    }
  }
  lines.push("", "The database: DATABASE_URL (Postgres, as the app role), else the embedded PGlite in PGLITE_DIR", "(only while the app is not running: PGlite allows one process at a time).");
  return lines;
}

export function helpCommand(commands: () => readonly Command[]): Command {
  return defineCommand({
    name: "help",
    summary: "List the commands and their options.",
    options: {},
    async run(_values, io) {
      for (const line of helpText(commands())) io.out(line);
    },
  });
}
