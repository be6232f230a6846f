// Types of server-node-args.mjs for the TypeScript benchmarks.
export declare const serverNodeArgs: readonly string[];
export declare const serverEnvironment: Readonly<Record<string, string>>;
