import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * A command's arguments read by node's `parseArgs` (strict), whose options include `help`. Returns what
 * was parsed, or the exit code when the command has nothing more to do: 2 after printing the error and
 * `usage` to stderr, 0 after printing `usage` for `--help`. Shared by the CLIs, the evals and the bench.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
