/** JSON as the commands print it: one line for scripts, indented with --pretty, always ending in a newline. */
export const toPrettyOrCompact = (value: unknown, pretty?: boolean): string => JSON.stringify(value, null, pretty ? 2 : undefined) + '\n';
