// npm run waymark -- <command> [options]: the operator CLI. Each command is one module under
// scripts/cli/; this file lists them, parses the options (node:util parseArgs), and turns any
// failure into one line on stderr and a non-zero exit code.
import { parseArgs } from "node:util";
import { DatabaseLockedError } from "@/db/client";
import { DomainError } from "@/server/services/errors";
import { UsageError, type CliIo, type Command } from "./cli/command";
import { helpCommand } from "./cli/help";
import importCommand from "./cli/import";
import mapImport from "./cli/map-import";
import orgCreate from "./cli/org-create";
import stats from "./cli/stats";
import apikeyCreate from "./cli/apikey-create";

const commands: Command[] = [orgCreate, mapImport, apikeyCreate, importCommand, stats];
commands.push(helpCommand(() => commands));

/** A progress line is drawn on stderr and not yet ended: the next output starts a new line. */
let progressOpen = false;
function endProgress() {
  if (progressOpen) process.stderr.write("\n");
  progressOpen = false;
}

const io: CliIo = {
  out: (line) => {
    endProgress();
    process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    endProgress();
    process.stderr.write(`${line}\n`);
  },
  isTTY: Boolean(process.stdout.isTTY),
  progress: (text) => {
    progressOpen = true;
    process.stderr.write(`\r${text}\x1b[K`);
  },
};

async function main(argv: string[]): Promise<number> {
  const [name = "help", ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}". Run "npm run waymark -- help" for the list.`);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options: Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }])), strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message.split("\n")[0]}`);
  }
  const missing = Object.entries(command.options).filter(([k, o]) => o.required && (values[k] === undefined || values[k] === ""));
  if (missing.length > 0) throw new UsageError(`${name}: missing ${missing.map(([k]) => `--${k}`).join(", ")}.`);
  return (await command.run(values, io)) || 0;
}

function exitCodeOf(error: unknown): { code: number; message: string } {
  if (error instanceof UsageError) return { code: 2, message: error.message };
  if (error instanceof DomainError || error instanceof DatabaseLockedError) return { code: 1, message: error.message };
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  return { code: 1, message: `Unexpected error: ${message}` };
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  endProgress();
  const { code, message } = exitCodeOf(error);
  process.stderr.write(`waymark: ${message}\n`);
  if (process.env.WAYMARK_DEBUG) console.error(error);
  process.exitCode = code;
}
