/**
 * The top-level help: every command in one line and an example of each, so that `extract` alone shows
 * check, schema and verify too, not only the options of the default command.
 */
export const DESCRIPTION = 'Turn budget and final-account disclosures (PDF, HTML, text, scans) into typed, schema-validated JSON, and audit them';

/** One line per command in the command list (their own --help says more). */
export const SUMMARIES: Record<string, string> = {
  file: 'extract one document (PDF, HTML, text, image)',
  batch: 'extract many documents in parallel, resumable',
  check: 'audit a document or output JSON: findings',
  rules: 'list the accounting rules of the audit',
  schema: 'print the JSON Schema of the output',
  verify: 'compare the corpus with its goldens',
  inspect: 'draw the tables found on a page, or a report',
  help: 'help of a command',
};

/** Examples at the end of each command's own --help. */
export const COMMAND_EXAMPLES: Record<string, string> = {
  file: `
Examples:
  extract report.pdf -o report.json --pretty
  extract page.html --format md -o report.md
  extract scan.pdf --ocr on --format csv -o tables/`,
  batch: `
Examples:
  extract batch archive/ 'more/**/*.pdf' --out json/ --jobs 4 --format json,csv
  extract batch archive/ --out json/ --resume`,
  check: `
Examples:
  extract check report.pdf                 findings in Chinese and English; exit 1 when a rule fails
  extract check report.json --json --pretty
  extract check report.pdf --format md > findings.md
  extract check --explain FIN-N-03`,
  rules: `
Examples:
  extract rules
  extract rules --json --pretty`,
  schema: `
Example:
  extract schema > output.schema.json`,
  inspect: `
Examples:
  extract inspect report.pdf --page 5 -o page5.png    the page with ruling lines, tables, cell grid, text boxes
  extract inspect report.pdf --html report.html       every table beside its page, failed checks marked`,
  verify: `
Examples:
  extract verify
  extract verify --filter shanghai`,
};

export const EXAMPLES = `
Examples:
  extract report.pdf -o report.json --pretty     one document (PDF, HTML, text, scan) to JSON
  extract page.html --format csv -o tables/      the tables of a web page as CSV files
  extract batch archive/ --out json/ --jobs 4    many documents; --resume after a stop
  extract check report.pdf                       the audit, in Chinese and English; exit 1 on a failure
  extract check report.json --json               audit an output you already have, as JSON
  extract rules                                  the rules; extract check --explain FIN-N-03 for one
  extract schema --pretty                        the JSON Schema of the output
  extract verify                                 compare corpus/ with golden/ (exit 1 on a difference)
  extract inspect report.pdf --page 5 -o p5.png  the page with the tables found drawn over it; --html for all

Exit codes: 0 ok, 1 audit failed or verify differs, 2 unusable input, 3 batch failures, 64 usage, 70 internal.
`;
