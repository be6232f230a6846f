// Command-line flags of the bench scripts: `--name value`, with a fallback and bounds for whole numbers.
export function benchArgs(argv: readonly string[]) {
  const flag = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
  };
  const int = (name: string, fallback: number, max: number): number => {
    const v = Number(flag(name, String(fallback)));
    if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`${name} must be 1-${String(max)}`);
    return v;
  };
  return { flag, int };
}
